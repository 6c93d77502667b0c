"""caresim run --json, end to end, on a scenario whose name holds control characters.

Usage: run_json_check.py CARESIM SCENARIO NAME_AS_PYTHON_LITERAL [--set PATH=VALUE]

Runs `CARESIM run SCENARIO -r 2 --years 1 --json`, reads its standard output as UTF-8 and
as strict JSON (no raw control characters in strings), and checks the layout's top-level
keys and that the scenario name comes back as NAME. Exits 1 with the reason otherwise.
"""
import ast
import json
import subprocess
import sys

TOP_LEVEL = ["model_version", "scenario", "scenario_hash", "seed", "replications", "summary", "summary_by_municipality",
             "by_replication"]


def main() -> int:
    caresim, scenario, name = sys.argv[1], sys.argv[2], ast.literal_eval(sys.argv[3])
    command = [caresim, "run", scenario, "-r", "2", "--years", "1", "--json", *sys.argv[4:]]
    run = subprocess.run(command, capture_output=True, check=False)
    if run.returncode != 0:
        print(f"{' '.join(command)} exited {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 1
    try:
        document = json.loads(run.stdout.decode("utf-8"))  # json.loads is strict by default
    except ValueError as error:
        print(f"the output of {' '.join(command)} is not valid JSON: {error}")
        return 1
    problems = []
    if list(document) != TOP_LEVEL:
        problems.append(f"top-level keys {list(document)}, expected {TOP_LEVEL}")
    if document.get("scenario") != name:
        problems.append(f"scenario name {document.get('scenario')!r}, expected {name!r}")
    if document.get("replications") != 2 or len(document.get("by_replication", [])) != 2:
        problems.append("expected 2 replications")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"valid JSON, scenario name {name!r} given back")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
