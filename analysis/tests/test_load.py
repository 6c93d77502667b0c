"""The analysis package reads a trace written by caresim-trace-sample.

Run: /usr/bin/python3 -m unittest discover -s analysis/tests
The trace is CARESIM_TRACE_SAMPLE if set (CTest sets it), else one written now by the
caresim-trace-sample program of the first build*/ folder that has it.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "analysis"))

import h5py  # noqa: E402
import pandas as pd  # noqa: E402

import caresim_analysis  # noqa: E402

PLACES = {"outside": 0, "home": 1, "supported_housing": 2, "group_home": 3, "crisis_stay": 4,
          "hospital": 5, "community_ward": 6, "hospital_elsewhere": 7}
KINDS = {"enter": 0, "admit": 1, "discharge": 2, "ward_change": 3, "short_stay": 4, "stay_end": 5,
         "move": 6, "exit": 7, "transfer": 8}


def sample_path():
    path = os.environ.get("CARESIM_TRACE_SAMPLE")
    if path:
        return path
    for program in sorted(glob.glob(os.path.join(ROOT, "build*", "examples", "caresim-trace-sample"))):
        folder = tempfile.mkdtemp(prefix="caresim-analysis-")
        unittest.addModuleCleanup(shutil.rmtree, folder, ignore_errors=True)
        path = os.path.join(folder, "sample.h5")
        subprocess.run([program, path], check=True, stdout=subprocess.DEVNULL)
        return path
    raise unittest.SkipTest("no trace: set CARESIM_TRACE_SAMPLE or build caresim-trace-sample")


class LoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = sample_path()

    def test_h5py_reads_every_dataset(self):
        seen = []
        with h5py.File(self.path, "r") as f:
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset):
                    obj[()]
                    seen.append(name)
            f.visititems(visit)
        self.assertIn("dictionaries/facilities", seen)
        self.assertIn("replications/0/events", seen)
        self.assertIn("replications/1/occupancy", seen)
        self.assertIn("indicators/vocabulary", seen)
        self.assertIn("indicators/numbers", seen)
        self.assertNotIn("replications/1/indicators/maps", seen)  # format 3: every replication's together

    def test_enums_carry_their_names(self):
        with h5py.File(self.path, "r") as f:
            events = f["replications/0/events"]
            self.assertEqual(h5py.check_enum_dtype(events.dtype["kind"]), KINDS)
            self.assertEqual(h5py.check_enum_dtype(events.dtype["from"]), PLACES)
            self.assertEqual(h5py.check_enum_dtype(events.dtype["to"]), PLACES)
            self.assertEqual(h5py.check_enum_dtype(events.dtype["cause"])["death"], 10)
            self.assertEqual(h5py.check_enum_dtype(f["dictionaries/facilities"].dtype["place"]), PLACES)
            name_ja = f["dictionaries/municipalities"].dtype["name_ja"]
            self.assertEqual(h5py.check_string_dtype(name_ja).encoding, "utf-8")

    def test_load_trace_returns_the_tables_as_data_frames(self):
        trace = caresim_analysis.load_trace(self.path)
        self.assertEqual(trace.replications, [0, 1])
        self.assertEqual(trace.provenance["trace_level"], "events")
        self.assertEqual(trace.provenance["master_seed"], 20250401)
        self.assertEqual(trace.provenance["format"], "caresim-trace")
        self.assertIn("中央市", trace.municipalities["name_ja"].tolist())

        events = trace.events
        self.assertIsInstance(events, pd.DataFrame)
        self.assertEqual(sorted(events["replication"].unique()), [0, 1])
        self.assertEqual(list(events["kind"].cat.categories), list(KINDS))
        self.assertTrue((events.loc[events["kind"] == "admit", "to"].isin(["hospital", "community_ward", "hospital_elsewhere"])).all())
        admits = events[(events["kind"] == "admit") & (events["to"] == "hospital")]
        self.assertTrue(admits["facility_id"].str.startswith("hosp-").all())
        for r in (0, 1):
            self.assertTrue(events.loc[events["replication"] == r, "time"].is_monotonic_increasing)

        occupancy = trace.occupancy
        self.assertEqual(occupancy.shape, (2 * 400, len(trace.facilities)))
        self.assertEqual(list(occupancy.columns), trace.facilities["id"].tolist())
        self.assertGreater(occupancy.loc[(0, 0), "hosp-chuo"], 0)

        monthly = trace.monthly
        self.assertEqual(list(monthly.columns[:3]), ["replication", "time", "month"])
        self.assertGreater(len(monthly), 20)

        scalars = trace.indicators
        self.assertEqual(list(scalars.columns), ["replication", "municipality", "name", "value"])
        region = scalars[(scalars["municipality"] == "") & (scalars["replication"] == 0)]
        self.assertIn("admissions_per_year", region["name"].tolist())
        self.assertIn("chuo", scalars["municipality"].unique())
        self.assertIn("crisis_outcomes", trace.indicator_maps["name"].unique())
        self.assertIn("discharge_curve_monthly", trace.indicator_arrays["name"].unique())
        # Each indicator's unit, from the indicator dictionary (docs/indicators.md).
        self.assertEqual(trace.indicator_units["readmission_365d"], "fraction")
        self.assertEqual(trace.indicator_units["crisis_outcomes"], "count per year")
        self.assertEqual(trace.indicator_units["discharge_curve_monthly"], "fraction")
        names = set(region["name"])
        for frame in (trace.indicator_maps, trace.indicator_arrays):
            names |= set(frame.loc[(frame["municipality"] == "") & (frame["replication"] == 0), "name"])
        self.assertEqual(set(trace.indicator_units), names)

    def test_the_per_shape_views_are_the_tidy_table_split_by_shape(self):
        trace = caresim_analysis.load_trace(self.path)
        table = trace.table
        self.assertEqual(len(trace.indicators) + len(trace.indicator_maps) + len(trace.indicator_arrays), len(table))
        scalar = table[table["key"] == ""].reset_index(drop=True)
        self.assertTrue(scalar["value"].equals(trace.indicators["value"]))
        arrays = trace.indicator_arrays
        self.assertEqual(arrays["index"].dtype, "int64")
        first = arrays[(arrays["replication"] == 0) & (arrays["municipality"] == "")
                       & (arrays["name"] == "discharge_curve_monthly")]
        self.assertEqual(first["index"].tolist(), list(range(len(first))))


if __name__ == "__main__":
    unittest.main()
