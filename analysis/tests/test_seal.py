"""The seal: the loader hands a file to h5py only once its seal holds (docs/trace-format.md).

Run: /usr/bin/python3 -m unittest discover -s analysis/tests
"""

import os
import random
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import h5py  # noqa: E402

import caresim_analysis  # noqa: E402
from caresim_analysis import seal  # noqa: E402
from results_support import SampleFileTest  # noqa: E402


def flipped(data, rnd, flips):
    damaged = bytearray(data)
    for _ in range(flips):
        at = rnd.randrange(len(damaged))
        damaged[at] ^= 1 << rnd.randrange(8)
    return bytes(damaged)


class SealTest(SampleFileTest):
    folder_prefix = "caresim-seal-"

    def unsealed(self, name, format_version):
        path = self.write(name, self.good[seal.SEAL_BYTES:])
        with h5py.File(path, "r+") as f:
            f.attrs.modify("format_version", format_version)
        return path

    def test_a_results_file_is_sealed(self):
        self.assertEqual(seal.check(self.path), 3)
        self.assertEqual(caresim_analysis.load_trace(self.path).provenance["format_version"], 3)

    def test_two_hundred_files_with_twenty_flipped_bits_are_refused(self):
        # The reliability review's reproducer: loading these crashed h5py on 20 of 200.
        path = os.path.join(self.folder, "flipped.h5")
        refused = 0
        for i in range(200):
            with open(path, "wb") as f:
                f.write(flipped(self.good, random.Random(7 * 100000 + i), 20))
            with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
                trace = caresim_analysis.load_trace(path)
                trace.table
                trace.events
            self.assertTrue(str(caught.exception).startswith("damaged or not a caresim results file: " + path))
            refused += 1
        self.assertEqual(refused, 200)

    def test_a_format_1_file_without_a_seal_loads_after_a_separate_reader(self):
        old = caresim_analysis.load_trace(self.unsealed("format1.h5", 1))
        new = caresim_analysis.load_trace(self.path)
        self.assertEqual(old.provenance["format_version"], 1)
        self.assertTrue(old.table.equals(new.table))
        self.assertEqual(len(old.events), len(new.events))

    def test_damage_in_a_file_without_a_seal_is_reported_not_a_crash(self):
        # Each file costs a separate Python process (about 0.7 s), hence only a few.
        path = self.unsealed("format1-damaged.h5", 1)
        with open(path, "rb") as f:
            data = f.read()
        failures = 0
        for i in range(5):
            damaged = self.write("damaged-old.h5", flipped(data, random.Random(11 + i), 20))
            try:
                caresim_analysis.load(damaged)
            except ValueError:
                failures += 1
        self.assertGreater(failures, 0)

    def test_a_format_2_file_without_its_seal_is_damaged(self):
        path = self.unsealed("stripped.h5", 2)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, "format 2 files start with a seal"):
            caresim_analysis.load(path)

    def test_a_format_3_file_without_its_seal_is_damaged(self):
        path = self.unsealed("stripped-3.h5", 3)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, "format 3 files start with a seal"):
            caresim_analysis.load(path)



if __name__ == "__main__":
    unittest.main()
