"""Files the loader refuses: each a clear error that names the file and says what is wrong
(docs/trace-format.md, "The seal" and "Reading it").

Run: /usr/bin/python3 -m unittest discover -s analysis/tests
"""

import os
import signal
import sys
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import h5py  # noqa: E402

import caresim_analysis  # noqa: E402
from results_support import SampleFileTest  # noqa: E402
from caresim_analysis import seal  # noqa: E402


def sealed(body, format_version):
    """`body` (an HDF5 file with a 512-byte user block) with a seal of `format_version`
    written into its user block, as caresim writes it (docs/trace-format.md)."""
    head = seal.MAGIC + (1).to_bytes(4, "little") + format_version.to_bytes(4, "little")
    head += len(body).to_bytes(8, "little") + zlib.crc32(body[seal.SEAL_BYTES:]).to_bytes(4, "little")
    head += zlib.crc32(head).to_bytes(4, "little")
    return head + bytes(seal.SEAL_BYTES - len(head)) + body[seal.SEAL_BYTES:]


class RefusedFileTest(SampleFileTest):
    folder_prefix = "caresim-errors-"

    def test_a_flipped_byte_in_a_dataset_is_reported_as_damage_naming_the_file(self):
        with h5py.File(self.write("flipped.h5", self.good), "r") as f:
            _, chunk = f["replications/0/occupancy"].id.read_direct_chunk((0, 0))  # as stored: deflated
        at = self.good.find(chunk) + len(chunk) // 2
        self.assertGreater(at, seal.SEAL_BYTES)
        data = bytearray(self.good)
        data[at] ^= 0x40
        path = self.write("flipped.h5", bytes(data))
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception),
                         f"damaged or not a caresim results file: {path} (its checksum does not match its contents)")
        self.assertEqual(caught.exception.path, path)

    def test_an_hdf5_file_of_another_program_is_refused_as_foreign(self):
        path = os.path.join(self.folder, "other.h5")
        with h5py.File(path, "w") as f:
            f["x"] = [1, 2, 3]
        with self.assertRaises(caresim_analysis.ForeignFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"not a caresim results file: {path} "
                                                "(an HDF5 file without the root attribute format = caresim-trace)")

    def test_an_hdf5_file_with_another_format_attribute_is_refused_as_foreign(self):
        path = os.path.join(self.folder, "netcdf.h5")
        with h5py.File(path, "w") as f:
            f.attrs["format"] = "netcdf"
        with self.assertRaisesRegex(caresim_analysis.ForeignFileError,
                                    f"^not a caresim results file: {path} \\(its root attribute format is "
                                    "'netcdf', not 'caresim-trace'\\)$"):
            caresim_analysis.load(path)

    def test_a_file_that_is_not_hdf5_is_refused_as_foreign_without_a_separate_reader(self):
        path = self.write("notes.txt", b"replication,value\n0,1.5\n" * 40)
        with self.assertRaises(caresim_analysis.ForeignFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"not a caresim results file: {path} "
                                                "(not an HDF5 file: no caresim seal and no HDF5 signature)")

    def test_a_newer_results_format_is_refused_naming_the_file_and_the_formats_read(self):
        # The attribute edited with h5py and the file sealed again, as a newer caresim would.
        path = self.write("newer.h5", self.good)
        with h5py.File(path, "r+") as f:
            f.attrs.modify("format_version", 4)
        with open(path, "rb") as f:
            path = self.write("newer.h5", sealed(f.read(), 4))
        with self.assertRaises(caresim_analysis.FormatVersionError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception),
                         f"unknown results format: {path} (written in results format 4, by a newer caresim; this "
                         "package reads formats 1 to 3: update caresim_analysis to the caresim that wrote it)")

    def test_a_file_recording_no_replication_is_refused_naming_it(self):
        # At 012b8c0 the loader failed later with "ValueError: No objects to concatenate".
        path = self.write("no-replication.h5", self.good)
        with h5py.File(path, "r+") as f:
            del f.attrs["replication_ids"]
            f.attrs.create("replication_ids", [], dtype="u4")
        with open(path, "rb") as f:
            path = self.write("no-replication.h5", sealed(f.read(), 3))
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"damaged or not a caresim results file: {path} "
                                                "(it records no replication (replication_ids is empty))")

    def test_a_newer_results_format_without_a_seal_is_damage(self):
        # Every format from 2 on starts with a seal: without one the file lost its block.
        path = self.write("newer-unsealed.h5", self.good[seal.SEAL_BYTES:])
        with h5py.File(path, "r+") as f:
            f.attrs.modify("format_version", 7)
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"damaged or not a caresim results file: {path} "
                                                "(format 7 files start with a seal; this one has none)")

    def test_the_format_version_attribute_edited_under_a_seal_is_damage(self):
        path = self.write("edited.h5", self.good)
        with h5py.File(path, "r+") as f:
            f.attrs.modify("format_version", 2)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, "its checksum does not match"):
            caresim_analysis.load(path)

    def unsealed_with(self, name, dataset, change):
        """A format 1 copy of the format 2 sample (analysis/tests/data: the layout with
        indicators in each replication's group) whose `dataset` is changed by `change(rows)`."""
        with open(os.path.join(HERE, "data", "format2-r1.h5"), "rb") as f:
            path = self.write(name, f.read()[seal.SEAL_BYTES:])
        with h5py.File(path, "r+") as f:
            f.attrs.modify("format_version", 1)
            rows = f[dataset][()]
            change(rows)
            f[dataset][...] = rows
        return path

    def resealed_with(self, name, dataset, change):
        """A copy of the (format 3) sample whose `dataset` is changed by `change(rows)`, sealed
        again: a file whose checksum holds but whose indicator rows do not."""
        path = self.write(name, self.good)
        with h5py.File(path, "r+") as f:
            rows = f[dataset][()]
            change(rows)
            f[dataset][...] = rows
        with open(path, "rb") as f:
            return self.write(name, sealed(f.read(), 3))

    def test_a_number_of_an_entry_that_does_not_exist_is_damage(self):
        def far_entry(rows):
            rows["entry"][-1] = 10**6
        path = self.resealed_with("far-entry.h5", "indicators/numbers", far_entry)
        with h5py.File(path, "r") as f:
            entries = len(f["indicators/entries"])
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"damaged or not a caresim results file: {path} (indicators/numbers "
                                                f"entry holds 1000000, which refers to no row of {entries})")

    def test_a_code_outside_the_vocabulary_is_damage(self):
        def far_key(rows):
            rows["key"][0] = -1
        path = self.resealed_with("far-key.h5", "indicators/numbers", far_key)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, f"^damaged or not a caresim results file: "
                                    f"{path} \\(indicators/numbers key holds -1, which refers to no row of [0-9]+\\)$"):
            caresim_analysis.load(path)

    def test_indicator_tables_of_a_replication_the_file_does_not_record_are_damage(self):
        def renumbered(rows):
            rows["replication"][-1] = 999
        path = self.resealed_with("renumbered.h5", "indicators/tables", renumbered)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, f"^damaged or not a caresim results file: "
                                    f"{path} \\(indicators/tables holds other replications than the file records "
                                    "\\(missing .*, not recorded \\[999\\]\\)\\)$"):
            caresim_analysis.load(path)

    def test_an_entry_of_an_unknown_shape_in_format_3_is_damage(self):
        def reshaped(rows):
            rows["shape"][0] = 3
        path = self.resealed_with("reshaped-3.h5", "indicators/entries", reshaped)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, f"^damaged or not a caresim results file: "
                                    f"{path} \\(an indicators/entries row has a shape that is not scalar, map or "
                                    "array\\)$"):
            caresim_analysis.load(path)

    def test_an_indicator_row_of_a_table_that_does_not_exist_is_damage(self):
        def far_table(rows):
            rows["table"][-1] = 99
        path = self.unsealed_with("far-table.h5", "replications/0/indicators/maps", far_table)
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"damaged or not a caresim results file: {path} (replication 0: "
                                                "indicators/maps row refers to table 99, which its indicators/tables "
                                                "does not have)")

    def test_a_map_row_of_an_indicator_its_table_lacks_is_damage(self):
        def renamed(rows):
            rows["name"][0] = b"no_such_map"
        path = self.unsealed_with("renamed.h5", "replications/0/indicators/maps", renamed)
        with self.assertRaises(caresim_analysis.DamagedFileError) as caught:
            caresim_analysis.load(path)
        self.assertEqual(str(caught.exception), f"damaged or not a caresim results file: {path} (an indicators/maps "
                                                "row names 'no_such_map', which is not a map entry of its table)")

    def test_an_entry_of_an_unknown_shape_is_damage(self):
        def reshaped(rows):
            rows["shape"][0] = 3
        path = self.unsealed_with("reshaped.h5", "replications/0/indicators/entries", reshaped)
        with self.assertRaisesRegex(caresim_analysis.DamagedFileError, f"^damaged or not a caresim results file: "
                                    f"{path} \\(an indicators/entries row has a shape that is not scalar, map or "
                                    "array\\)$"):
            caresim_analysis.load(path)

    def test_a_fifo_is_refused_without_being_opened(self):
        fifo = os.path.join(self.folder, "fifo.h5")
        os.mkfifo(fifo)
        # Opening a FIFO with no writer blocks: the alarm turns a hang into a failure.
        previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("load hung")))
        signal.alarm(10)
        try:
            with self.assertRaises(caresim_analysis.NotRegularFileError) as caught:
                caresim_analysis.load(fifo)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        self.assertEqual(str(caught.exception), f"not a regular file: {fifo} "
                                                "(a FIFO, a device or a socket; a results file is a regular file)")

    def test_a_missing_file_is_an_os_error_naming_it(self):
        path = os.path.join(self.folder, "absent.h5")
        with self.assertRaises(FileNotFoundError) as caught:
            caresim_analysis.load(path)
        self.assertIn(path, str(caught.exception))

    def test_a_folder_is_refused_naming_it(self):
        with self.assertRaisesRegex(IsADirectoryError, f"^{self.folder}: is a folder, not a caresim results file$"):
            caresim_analysis.load(self.folder)

    def test_every_refusal_but_an_os_error_is_a_value_error(self):
        for error in (caresim_analysis.DamagedFileError, caresim_analysis.ForeignFileError,
                      caresim_analysis.FormatVersionError, caresim_analysis.NotRegularFileError):
            self.assertTrue(issubclass(error, caresim_analysis.ResultsFileError))
            self.assertTrue(issubclass(error, ValueError))


if __name__ == "__main__":
    unittest.main()
