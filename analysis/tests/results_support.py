"""Helpers of the analysis tests: the caresim program and a results file written by it.

The program is CARESIM_PROGRAM if set (CTest sets it), else build*/cli/caresim of the
first build folder that has one.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REFERENCE = os.path.join(ROOT, "scenarios", "reference-region.yaml")


def caresim_program():
    """The caresim program to run, or SkipTest when there is none."""
    program = os.environ.get("CARESIM_PROGRAM")
    if program:
        return program
    for program in sorted(glob.glob(os.path.join(ROOT, "build*", "cli", "caresim"))):
        return program
    raise unittest.SkipTest("no caresim program: set CARESIM_PROGRAM or build the caresim target")


def run_caresim(*args):
    """Runs `caresim run REFERENCE args... --json` and returns its standard output (the JSON)."""
    done = subprocess.run([caresim_program(), "run", REFERENCE, *args, "--json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise AssertionError(f"caresim run {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()}")
    return done.stdout.decode("utf-8")


def replication_indicators(replication):
    """(region indicators, {municipality: indicators}) of one `by_replication` element of
    --json: `indicators` and `by_municipality` where present, else the older layout's
    `table.indicators` and `table.by_municipality` (kept as an alias for one release)."""
    table = replication.get("table", {})
    region = replication["indicators"] if "indicators" in replication else table["indicators"]
    by_municipality = replication["by_municipality"] if "by_municipality" in replication \
        else table.get("by_municipality", {})
    return region, by_municipality


class SampleFileTest(unittest.TestCase):
    """A test case holding the bytes of the sample results file (`path`, `good`) and a
    scratch folder for altered copies of it (`write`), removed after the class."""

    folder_prefix = "caresim-test-"

    @classmethod
    def setUpClass(cls):
        from test_load import sample_path  # the sample file is made (once) by test_load
        cls.path = sample_path()
        with open(cls.path, "rb") as f:
            cls.good = f.read()
        cls.folder = tempfile.mkdtemp(prefix=cls.folder_prefix)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def write(self, name, data):
        """Writes `data` to a file `name` of the scratch folder and returns its path."""
        path = os.path.join(self.folder, name)
        with open(path, "wb") as f:
            f.write(data)
        return path
