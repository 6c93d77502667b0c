"""caresim run --json against docs/results.schema.json, end to end.

Usage: results_schema_check.py CARESIM SCHEMA SCENARIO

Runs `CARESIM run SCENARIO -r 2 --years 1 --set simulation.warmup_years=0 --json`, checks
that the schema is a valid JSON Schema (draft 2020-12) and that the output validates
against it; then that the schema pins the layout: the output with any pinned key removed
(each top-level key, each key of a summary leaf, of a per-municipality leaf and of a
replication entry), with an unknown key added, or with a summary row of the layout before
issue 15 (`ci95_half_width`) fails validation. Exits 1 with the reasons otherwise.
Debian's /usr/bin/python3 with python3-jsonschema.
"""
import copy
import json
import subprocess
import sys

import jsonschema


def main() -> int:
    caresim, schema_path, scenario = sys.argv[1:4]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    command = [caresim, "run", scenario, "-r", "2", "--years", "1", "--set", "simulation.warmup_years=0", "--json"]
    run = subprocess.run(command, capture_output=True, check=False)
    if run.returncode != 0:
        print(f"{' '.join(command)} exited {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 1
    document = json.loads(run.stdout.decode("utf-8"))
    problems = [f"the output does not validate: {e.json_path}: {e.message}" for e in validator.iter_errors(document)]

    summary = document["summary"]
    shapes = {type(v).__name__ for v in summary.values()}
    scalar = next(k for k, v in summary.items() if "n" in v)
    a_map = next(k for k, v in summary.items() if isinstance(v, dict) and "n" not in v)
    an_array = next(k for k, v in summary.items() if isinstance(v, list))
    if document["replications"] != 2 or len(document["by_replication"]) != 2:
        problems.append("expected 2 replications")
    if not document["summary_by_municipality"]:
        problems.append("no municipality in summary_by_municipality")
    if shapes != {"dict", "list"}:
        problems.append(f"summary values of types {shapes}, expected objects and arrays")
    if summary[scalar]["n"] != 2 or summary[scalar]["sd"] is None:
        problems.append(f"summary.{scalar}: expected n 2 and an sd, found {summary[scalar]}")

    municipality = next(iter(document["summary_by_municipality"]))
    mutations = []  # (what, mutated document)

    def without(path_of, key, what):
        d = copy.deepcopy(document)
        del path_of(d)[key]
        mutations.append((what, d))

    for key in list(document):
        without(lambda d: d, key, f"top-level key {key} removed")
    first_key = next(iter(summary[a_map]))
    for key in list(summary[scalar]):
        without(lambda d: d["summary"][scalar], key, f"summary.{scalar}.{key} removed")
        without(lambda d: d["summary"][a_map][first_key], key, f"summary.{a_map}.{first_key}.{key} removed")
        without(lambda d: d["summary"][an_array][0], key, f"summary.{an_array}[0].{key} removed")
        without(lambda d: d["summary_by_municipality"][municipality][scalar], key,
                f"summary_by_municipality.{municipality}.{scalar}.{key} removed")
    for key in list(document["by_replication"][0]):
        without(lambda d: d["by_replication"][0], key, f"by_replication[0].{key} removed")
    for where, place in (("top level", lambda d: d), ("a leaf", lambda d: d["summary"][scalar]),
                         ("a replication", lambda d: d["by_replication"][1])):
        d = copy.deepcopy(document)
        place(d)["unknown"] = 1
        mutations.append((f"an unknown key added at {where}", d))
    d = copy.deepcopy(document)
    d["summary"][scalar] = {"mean": 1.0, "ci95_half_width": 0.1, "min": 0.9, "max": 1.1}
    mutations.append(("a summary row of the layout before issue 15", d))
    d = copy.deepcopy(document)
    d["summary"][scalar]["n"] = 2.5
    mutations.append(("n not an integer", d))

    for what, mutated in mutations:
        if validator.is_valid(mutated):
            problems.append(f"the schema accepts the output with {what}")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"the output validates against {schema_path}, and each of {len(mutations)} broken copies does not")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
