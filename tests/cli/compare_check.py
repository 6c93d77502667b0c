"""`caresim compare` end to end (docs/compare-json.md): small runs of the reference region
compared; the paired difference matches a hand computation from the runs' own --json, the
C++ agrees with analysis/caresim_analysis/compare.py on the same files, a file compared
with itself gives zero differences of zero width, Welch is used and said when the seeds
differ, Holm's marks are on headline rows only, the cost per long-stay inpatient avoided
is shown only when the long-stay difference is clear, --json validates against
docs/compare.schema.json, --csv starts with a byte-order mark and carries Japanese labels,
and the --xlsx workbook opens with openpyxl with one sheet per view and Japanese headers.

Run one case: CARESIM_PROGRAM=build/cli/caresim PYTHONPATH=analysis:tests/cli \
  /usr/bin/python3 -m unittest compare_check.CompareTest.test_paired_matches_a_hand_computation
Debian's /usr/bin/python3 with numpy, pandas, h5py, python3-jsonschema, python3-openpyxl.
"""

import csv
import io
import json
import math
import os
import shutil
import subprocess
import tempfile
import unittest

import numpy as np

import caresim_analysis
from caresim_analysis.compare import _incomplete_beta, student_t_quantile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REFERENCE = os.path.join(ROOT, "scenarios", "reference-region.yaml")
SCHEMA = os.path.join(ROOT, "docs", "compare.schema.json")
SMALL = ["--years", "2", "--set", "simulation.warmup_years=0", "--trace", "none", "-j", "2", "--quiet"]
MORE_CRISIS_BEDS = ["--set", "hubs.hub-joint.sites.chuo.crisis_beds=6", "--set",
                    "hubs.hub-joint.sites.higashi.crisis_beds=5", "--set", "hubs.hub-kita.sites.kita.crisis_beds=5"]
# Far more group-home places: long stays fall clearly within two years at 12 replications.
MORE_GROUP_HOMES = ["--set", "municipalities.chuo.group_home_places=400", "--set",
                    "municipalities.kita.group_home_places=200", "--set",
                    "municipalities.higashi.group_home_places=120", "--set",
                    "municipalities.minami.group_home_places=60"]
BOM = b"\xef\xbb\xbf"


def program():
    return os.environ["CARESIM_PROGRAM"]


def caresim(*args, env=None):
    """Runs caresim with `args` (the locale unset unless `env` sets it); returns (status,
    stdout bytes, stderr text)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    environment.update(env or {})
    done = subprocess.run([program(), *args], capture_output=True, env=environment, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def student_t_p(t, dof):
    """Two-sided p-value of t on dof degrees of freedom: I_{dof/(dof+t^2)}(dof/2, 1/2)."""
    return _incomplete_beta(dof / 2, 0.5, dof / (dof + t * t))


class CompareTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="caresim-compare-")
        cls.json = {}

        def run(name, replications, seed, *variant):
            path = os.path.join(cls.folder, name + ".h5")
            status, out, err = caresim("run", REFERENCE, "-r", str(replications), "--seed", str(seed), *SMALL,
                                       "-o", path, "--json", *variant)
            if status != 0:
                raise AssertionError(f"caresim run for {name} failed ({status}): {err}")
            cls.json[name] = json.loads(out)
            return path

        cls.base = run("base", 6, 11)
        cls.beds = run("beds", 6, 11, *MORE_CRISIS_BEDS)
        cls.beds12 = run("beds12", 6, 12, *MORE_CRISIS_BEDS)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def compare(self, *args, env=None):
        status, out, err = caresim("compare", *args, env=env)
        self.assertEqual(status, 0, err)
        return out

    def compare_json(self, *args):
        return json.loads(self.compare(*args, "--json"))

    def test_paired_matches_a_hand_computation(self):
        document = self.compare_json(self.base, self.beds)
        self.assertEqual(document["variants"][0]["method"], "paired")
        self.assertEqual(document["variants"][0]["pairs"], 6)
        base = {r["replication"]: r["indicators"] for r in self.json["base"]["by_replication"]}
        beds = {r["replication"]: r["indicators"] for r in self.json["beds"]["by_replication"]}
        checked = 0
        for row in document["views"][0]["rows"]:
            if row["shape"] != "scalar":
                continue
            a = [base[i][row["indicator"]] for i in sorted(base)]
            b = [beds[i][row["indicator"]] for i in sorted(beds)]
            if None in a or None in b:
                continue
            d = np.array(b) - np.array(a)
            mean, se = d.mean(), d.std(ddof=1) / math.sqrt(len(d))
            got = row["differences"][0]
            self.assertAlmostEqual(got["mean"], mean, delta=1e-9 * max(1, abs(mean)), msg=row["indicator"])
            self.assertAlmostEqual(got["standard_error"], se, delta=1e-9 * max(1, se), msg=row["indicator"])
            self.assertEqual(got["dof"], len(d) - 1)
            half = student_t_quantile(0.975, len(d) - 1) * se
            self.assertAlmostEqual(got["ci_low"], mean - half, delta=1e-8 * max(1, abs(mean) + half))
            self.assertAlmostEqual(got["ci_high"], mean + half, delta=1e-8 * max(1, abs(mean) + half))
            if se > 0:
                self.assertAlmostEqual(got["p_value"], student_t_p(mean / se, len(d) - 1), delta=1e-8)
            checked += 1
        self.assertGreater(checked, 20)

    def test_the_cpp_agrees_with_the_analysis_package(self):
        document = self.compare_json(self.base, self.beds, self.beds12, "--by", "municipality")
        tables = {name: caresim_analysis.load(path) for name, path in
                  (("base", self.base), ("beds", self.beds), ("beds12", self.beds12))}
        views = {view["id"]: view for view in document["views"]}
        checked = 0
        for scope, municipality in ((None, caresim_analysis.indicators.REGION), ("chuo", "chuo")):
            for row in views[scope]["rows"]:
                if row["shape"] == "array":
                    continue
                for variant, how, difference in (("beds", caresim_analysis.paired_difference, 0),
                                                 ("beds12", caresim_analysis.welch_difference, 1)):
                    got = row["differences"][difference]
                    try:
                        want = how(tables["base"], tables[variant], row["indicator"], row["key"], municipality)
                    except ValueError:
                        continue  # a number the tidy table does not hold
                    if any(math.isnan(x) for x in (want.mean, want.ci_low)):
                        continue
                    self.assertEqual(got["method"], "paired" if difference == 0 else "welch")
                    for name in ("mean", "ci_low", "ci_high", "dof"):
                        expected = getattr(want, name)
                        self.assertAlmostEqual(got[name], expected, delta=1e-7 * max(1, abs(expected)),
                                               msg=f"{scope} {row['indicator']} {row['key']} {variant} {name}")
                    checked += 1
        self.assertGreater(checked, 100)

    def test_a_file_compared_with_itself_gives_zero_differences_of_zero_width(self):
        document = self.compare_json(self.base, self.base, "--by", "municipality")
        self.assertEqual(document["variants"][0]["method"], "paired")
        rows = 0
        for view in document["views"]:
            for row in view["rows"]:
                d = row["differences"][0]
                if d["mean"] is None:
                    continue
                self.assertEqual((d["mean"], d["ci_low"], d["ci_high"]), (0, 0, 0), row["indicator"])
                self.assertFalse(d["clear"])
                rows += 1
        self.assertGreater(rows, 500)

    def test_welch_is_used_and_said_when_the_seeds_differ(self):
        document = self.compare_json(self.base, self.beds, self.beds12)
        self.assertEqual([v["method"] for v in document["variants"]], ["paired", "welch"])
        self.assertEqual(document["variants"][1]["pairs"], 0)
        self.assertTrue(all(row["differences"][1]["method"] == "welch" for row in document["views"][0]["rows"]))
        text = self.compare(self.base, self.beds, self.beds12).decode("utf-8")
        self.assertIn("paired (common random numbers) on 6 common replications, seed 11", text)
        self.assertIn("Welch (independent runs: seeds 11 and 12)", text)
        japanese = self.compare(self.base, self.beds12, "--lang", "ja").decode("utf-8")
        self.assertIn("Welch（独立な実行：シード 11 と 12）", japanese)

    def test_holm_marks_headline_rows_only_and_adjusts_their_p_values(self):
        document = self.compare_json(self.base, self.beds)
        view = document["views"][0]
        headline = [row for row in view["rows"] if row["headline"]]
        self.assertEqual(view["family_size"], len(headline))
        self.assertEqual({row["indicator"] for row in headline if row["shape"] == "map"}, {"crisis_outcomes", "cost_yen"})
        self.assertEqual([row["key"] for row in headline if row["indicator"] == "cost_yen"], ["total"])
        for row in view["rows"]:
            if not row["headline"]:
                self.assertIsNone(row["differences"][0]["holm_p"])
                self.assertFalse(row["differences"][0]["clear"])
        p = [row["differences"][0]["p_value"] for row in headline]
        order = sorted(range(len(p)), key=lambda i: p[i])
        running, m = 0.0, len(p)
        for k, i in enumerate(order):
            running = max(running, min(1.0, (m - k) * p[i]))
            self.assertAlmostEqual(headline[i]["differences"][0]["holm_p"], running, delta=1e-12)
            self.assertEqual(headline[i]["differences"][0]["clear"], running < 0.05)
        self.assertTrue(any(row["differences"][0]["clear"] for row in headline), "crisis beds change crises clearly")

    def test_the_cost_per_long_stay_inpatient_avoided_is_shown_only_when_that_difference_is_clear(self):
        small = self.compare_json(self.base, self.beds)["views"][0]["cost_per_long_stay_avoided"][0]
        self.assertEqual(small["status"], "not_clear")
        self.assertIsNone(small["yen_per_inpatient"])
        self.assertIn("not shown: the long-stay difference", self.compare(self.base, self.beds).decode("utf-8"))

        def run(name, *variant):
            path = os.path.join(self.folder, name + ".h5")
            status, _, err = caresim("run", REFERENCE, "-r", "12", "--seed", "11", *SMALL, "-o", path, *variant)
            self.assertEqual(status, 0, err)
            return path

        base, homes = run("base12"), run("homes12", *MORE_GROUP_HOMES)
        document = self.compare_json(base, homes)
        cost = document["views"][0]["cost_per_long_stay_avoided"][0]
        self.assertEqual(cost["status"], "shown", cost)
        self.assertLess(cost["long_stay_bonferroni_p"], 0.05)
        self.assertEqual(cost["pairs"], 12)
        self.assertEqual(document["bootstrap"], {"method": "percentile, paired", "resamples": 2000,
                                                 "seed": 20250401})
        a, b = caresim_analysis.load(base), caresim_analysis.load(homes)
        d_cost = caresim_analysis.paired_difference(a, b, "cost_yen", "total").mean
        d_stay = (caresim_analysis.paired_difference(a, b, "long_stay_under65").mean
                  + caresim_analysis.paired_difference(a, b, "long_stay_65plus").mean)
        self.assertAlmostEqual(cost["yen_per_inpatient"], d_cost / -d_stay, delta=1e-6 * abs(d_cost / d_stay))
        self.assertLess(cost["ci_low"], cost["yen_per_inpatient"])
        self.assertLess(cost["yen_per_inpatient"], cost["ci_high"])
        again = self.compare_json(base, homes)["views"][0]["cost_per_long_stay_avoided"][0]
        self.assertEqual((again["ci_low"], again["ci_high"]), (cost["ci_low"], cost["ci_high"]))

    def test_json_validates_against_the_schema_which_pins_its_keys(self):
        import jsonschema
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        document = self.compare_json(self.base, self.beds, self.beds12, "--by", "municipality")
        self.assertEqual([e.message for e in validator.iter_errors(document)], [])
        for path in (("views",), ("views", 0, "rows", 0, "unit"), ("views", 0, "rows", 0, "differences", 0, "clear"),
                     ("views", 0, "cost_per_long_stay_avoided", 0, "status"), ("runs", 0, "seed")):
            broken = json.loads(json.dumps(document))
            holder = broken
            for step in path[:-1]:
                holder = holder[step]
            del holder[path[-1]]
            self.assertFalse(validator.is_valid(broken), f"valid without {path}")
        extra = json.loads(json.dumps(document))
        extra["views"][0]["rows"][0]["differences"][0]["unknown"] = 1
        self.assertFalse(validator.is_valid(extra), "valid with an unknown key")

    def test_csv_has_a_byte_order_mark_japanese_labels_and_one_row_per_view_indicator_key_and_run(self):
        out = self.compare(self.base, self.beds, "--csv", "--lang", "ja", "--by", "municipality")
        self.assertTrue(out.startswith(BOM))
        self.assertIn(b"\r\n", out)
        rows = list(csv.DictReader(io.StringIO(out[len(BOM):].decode("utf-8"), newline="")))
        document = self.compare_json(self.base, self.beds, "--by", "municipality")
        self.assertEqual(len(rows), sum(len(view["rows"]) * 2 for view in document["views"]))
        self.assertEqual(list(rows[0].keys())[:6], ["view", "municipality", "municipality_name", "indicator", "key",
                                                    "label"])
        first = next(r for r in rows if r["indicator"] == "discharge_rate_3m" and r["role"] == "variant")
        self.assertEqual(first["label"], "入院後3か月時点の退院率")
        self.assertEqual(first["method"], "paired")
        self.assertEqual(float(first["difference"]), document["views"][0]["rows"][0]["differences"][0]["mean"])
        self.assertIn("中央市", {r["municipality_name"] for r in rows})

    def test_the_xlsx_workbook_opens_with_openpyxl_one_sheet_per_view_with_japanese_headers(self):
        import openpyxl
        path = os.path.join(self.folder, "compare.xlsx")
        self.compare(self.base, self.beds, "--by", "municipality", "--xlsx", path, "--force")
        book = openpyxl.load_workbook(path)
        document = self.compare_json(self.base, self.beds, "--by", "municipality")
        self.assertEqual(len(book.sheetnames), len(document["views"]))
        self.assertEqual(book.sheetnames[0], "圏域全体")
        self.assertIn("中央市", book.sheetnames)
        sheet = book["圏域全体"]
        header = [c.value for c in sheet[1]]
        for word in ("指標", "平均", "基準との差", "明確な差"):
            self.assertIn(word, header)
        self.assertEqual(sheet.max_row, 1 + 2 * len(document["views"][0]["rows"]))
        mean = header.index("平均")
        self.assertIsInstance(sheet.cell(row=2, column=mean + 1).value, float)

    def test_the_report_is_japanese_under_a_japanese_locale_and_fits_100_columns(self):
        text = self.compare(self.base, self.beds, env={"LANG": "ja_JP.UTF-8"}).decode("utf-8")
        self.assertIn("圏域全体", text)
        self.assertIn("入院後3か月時点の退院率", text)
        self.assertIn("明確な差", text)
        english = self.compare(self.base, self.beds, "--by", "municipality").decode("utf-8")
        self.assertIn("Region", english)
        self.assertIn("chuo (中央市)", english)
        self.assertIn("億円", english)  # yen as 円 / 万円 / 億円
        self.assertIn("FY2017", english)
        import unicodedata

        def width(line):
            return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

        for line in (text + english).splitlines():
            self.assertLessEqual(width(line), 100, line)


if __name__ == "__main__":
    unittest.main()
