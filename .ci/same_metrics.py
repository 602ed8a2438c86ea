"""Fails unless two runs of the same plan measured the same: every column of results.csv but timings, memory,
run id and host must be equal, cell by cell. Used to check that --executor slurm computes what local runs do.

Equal means to the bit: a fast-weight row that differed in its last digits between two runs was a freed scalar
read in backward (docs/experiments.md, fixed in e29afe3), not float noise."""
import csv
import pathlib
import sys

# Columns that measure the machine or the moment, not the model: they differ between any two runs.
NOT_METRICS = {
    "run_id", "train_wall_s", "step_ms_median", "step_ms_p90", "tokens_per_s", "eval_wall_s", "peak_rss_mib",
    "started_at", "cell_wall_s", "git_commit", "git_dirty", "cpu_model", "jvm_version", "djl_version",
    "pytorch_version", "step_cpu_ms_median",
    # drift flags come from step times and resident memory; an OOM retry from the machine's memory
    "flags", "oom_retry_micro_batch",
}


def cells(run):
    with (pathlib.Path(run) / "results.csv").open() as f:
        return {row["cell_id"]: row for row in csv.DictReader(f)}


local, other = cells(sys.argv[1]), cells(sys.argv[2])
problems = []
if local.keys() != other.keys():
    problems.append(f"different cells: only in {sys.argv[1]}: {sorted(local.keys() - other.keys())}, "
                    f"only in {sys.argv[2]}: {sorted(other.keys() - local.keys())}")
compared = 0

for cell in sorted(local.keys() & other.keys()):
    for column, value in local[cell].items():
        if column in NOT_METRICS:
            continue
        compared += 1
        theirs = other[cell].get(column)
        if theirs != value:
            problems.append(f"{cell} {column}: {value!r} vs {theirs!r}")
print(f"{len(local.keys() & other.keys())} cells, {compared} values compared")
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
