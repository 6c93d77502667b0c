"""load() gives the indicators of a results file as one tidy long table, equal value for
value to what `caresim run --json` printed for the same run.

Run: /usr/bin/python3 -m unittest discover -s analysis/tests
"""

import gzip
import json
import math
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE)))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import caresim_analysis  # noqa: E402
from results_support import replication_indicators, run_caresim  # noqa: E402


def json_rows(document):
    """The tidy rows of a --json document, read directly from its by_replication."""
    rows = []

    def add(replication, municipality, indicators):
        for name, value in indicators.items():
            if isinstance(value, dict):
                rows.extend((replication, municipality, name, k, v) for k, v in value.items())
            elif isinstance(value, list):
                rows.extend((replication, municipality, name, str(i), v) for i, v in enumerate(value))
            else:
                rows.append((replication, municipality, name, "", value))

    for replication in document["by_replication"]:
        region, by_municipality = replication_indicators(replication)
        add(replication["replication"], "", region)
        for municipality, indicators in by_municipality.items():
            add(replication["replication"], municipality, indicators)
    return [(r, m, n, k, math.nan if v is None else float(v)) for r, m, n, k, v in rows]


def table_rows(table):
    """The rows of a tidy table as (replication, municipality, indicator, key, value)."""
    return list(zip(table["replication"].tolist(), table["municipality"].astype(str).tolist(),
                    table["indicator"].astype(str).tolist(), table["key"].astype(str).tolist(),
                    table["value"].tolist()))


def mismatches(got, expected):
    """The rows that differ (NaN equals NaN)."""
    return [(g, e) for g, e in zip(got, expected)
            if g[:4] != e[:4] or not (g[4] == e[4] or (math.isnan(g[4]) and math.isnan(e[4])))]


class TidyTableTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="caresim-tidy-")
        cls.path = os.path.join(cls.folder, "run.h5")
        # One run writes both: the results file and the JSON on standard output.
        cls.document = json.loads(run_caresim("-r", "3", "--years", "1", "--seed", "4242", "--trace", "none",
                                              "-o", cls.path))
        cls.table = caresim_analysis.load(cls.path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_the_long_table_equals_the_json_by_replication_value_for_value(self):
        expected = json_rows(self.document)
        table = self.table
        self.assertEqual(list(table.columns), list(caresim_analysis.COLUMNS))
        got = table_rows(table)
        self.assertEqual(len(got), len(expected))
        self.assertEqual(mismatches(got, expected)[:5], [])
        self.assertGreater(sum(math.isnan(e[4]) for e in expected), 0)  # a null in --json is NaN here

    def test_the_table_carries_its_provenance_units_and_types(self):
        table = self.table
        self.assertEqual(table.attrs["provenance"]["master_seed"], 4242)
        self.assertEqual(table.attrs["provenance"]["replication_ids"], [0, 1, 2])
        self.assertEqual(table.attrs["units"]["crisis_outcomes"], "count per year")
        self.assertEqual(table.attrs["path"], self.path)
        self.assertEqual(table["replication"].dtype, np.int64)
        self.assertEqual(table["value"].dtype, np.float64)
        for column in ("municipality", "indicator", "key"):
            self.assertIsInstance(table[column].dtype, pd.CategoricalDtype)
        region = table[table["municipality"] == caresim_analysis.REGION]
        self.assertEqual(sorted(region["replication"].unique()), [0, 1, 2])
        self.assertEqual(list(table["municipality"].cat.categories),
                         [""] + list(self.document["by_replication"][0].get("by_municipality") or
                                     self.document["by_replication"][0]["table"]["by_municipality"]))

    def test_the_wide_table_has_a_column_per_number_and_a_row_per_replication(self):
        table = self.table
        wide = caresim_analysis.wide(table)
        self.assertEqual(list(wide.index), [0, 1, 2])
        region, _ = replication_indicators(self.document["by_replication"][1])
        self.assertEqual(wide.loc[1, "inpatients"], region["inpatients"])
        self.assertEqual(wide.loc[1, "crisis_outcomes.admission"], region["crisis_outcomes"]["admission"])
        self.assertEqual(wide.loc[1, "discharge_curve_monthly.2"], region["discharge_curve_monthly"][2])
        self.assertEqual(wide.columns[0], next(iter(region)))  # the dictionary's order

        chuo = caresim_analysis.wide(table, municipality="chuo")
        _, by_municipality = replication_indicators(self.document["by_replication"][2])
        self.assertEqual(chuo.loc[2, "inpatients"], by_municipality["chuo"]["inpatients"])

        each = caresim_analysis.wide(table, by="municipality")
        self.assertEqual(list(each.index.names), ["replication", "municipality"])
        self.assertEqual([m for r, m in each.index if r == 0], list(by_municipality))
        self.assertEqual(each.loc[(2, "kita"), "crisis_outcomes.home"], by_municipality["kita"]["crisis_outcomes"]["home"])

    def test_wide_refuses_an_unknown_by(self):
        with self.assertRaisesRegex(ValueError, r"wide\(by='hub'\): by is 'replication' or 'municipality'"):
            caresim_analysis.wide(self.table, by="hub")


class FormatTwoTest(unittest.TestCase):
    """A results file of format 2 (indicators in each replication's group), written by caresim
    at commit 74fcd97 (`caresim run scenarios/reference-region.yaml --years 1 --set
    simulation.warmup_years=0 -r 1 --trace none -o format2-r1.h5 --json`), still loads: equal
    value for value to the by_replication of the --json that run printed (kept beside it)."""

    def test_a_format_2_file_loads_equal_to_its_json(self):
        data = os.path.join(HERE, "data")
        with gzip.open(os.path.join(data, "format2-r1.json.gz"), "rt", encoding="utf-8") as f:
            document = json.load(f)
        path = os.path.join(data, "format2-r1.h5")
        table = caresim_analysis.load(path)
        self.assertEqual(table.attrs["provenance"]["format_version"], 2)
        expected = json_rows(document)
        got = table_rows(table)
        self.assertEqual(len(got), len(expected))
        self.assertGreater(len(got), 900)
        self.assertEqual(mismatches(got, expected)[:5], [])
        self.assertEqual(table.attrs["units"]["crisis_outcomes"], "count per year")
        trace = caresim_analysis.load_trace(path)
        self.assertEqual(len(trace.indicators) + len(trace.indicator_maps) + len(trace.indicator_arrays), len(table))


if __name__ == "__main__":
    unittest.main()
