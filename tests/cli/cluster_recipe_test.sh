#!/bin/bash
# The Slurm recipe of docs/cluster.md, run on this machine: the array's tasks by a loop
# (`for T in 0 1`, with the variables Slurm would set), then the merge job, and the merged
# file compared with one run over the whole range. The scripts run are the very files the
# document shows, and the document must show them as they are.
#   cluster_recipe_test.sh CARESIM SOURCE_DIR PYTHON
set -euo pipefail
caresim=$1
source_dir=$2
python=$3
recipe=$source_dir/examples/cluster

# The document shows each script whole, in the fenced block after "<!-- examples/cluster/NAME -->".
for script in replications.sbatch merge.sbatch; do
  shown=$(awk -v marker="<!-- examples/cluster/$script -->" '
    $0 == marker { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$source_dir/docs/cluster.md")
  if [ "$shown" != "$(cat "$recipe/$script")" ]; then
    echo "docs/cluster.md does not show examples/cluster/$script as it is:" >&2
    diff <(echo "$shown") "$recipe/$script" >&2 || true
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# A short run: one reported year, no warm-up.
printf 'extends: %s\nsimulation:\n  years: 1\n  warmup_years: 0\n' "$source_dir/scenarios/reference-region.yaml" >s.yaml

export CARESIM=$caresim SCENARIO=s.yaml SEED=7 K=2 SLURM_CPUS_PER_TASK=1
for T in 0 1; do
  SLURM_ARRAY_TASK_ID=$T bash "$recipe/replications.sbatch" >part-$T.log
done
bash "$recipe/merge.sbatch"

"$caresim" run s.yaml --seed 7 --replications 0:3 --trace summary -o one.h5 -j 1 >/dev/null
"$caresim" inspect all.h5 | grep -F "replications   4: 0 to 3"
PYTHONPATH=$source_dir/analysis "$python" "$source_dir/tests/cli/same_results.py" all.h5 one.h5
