"""Fails unless two runs of the same plan measured the same: every column of results.csv but timings, memory,
run id and host must be equal, cell by cell. Used to check that --executor slurm computes what local runs do.

Numbers equal to a relative 1e-5 count as equal and are listed as notes: the fast-weight rows (batched matrix
inverse in the delta rule) are not bit-reproducible from one process to the next, even with one thread and the same
environment (seen in a CI replica: fw1_band20 differed by up to 1.0e-6 relative between the local and the Slurm run of one plan)."""
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
notes = []


def close(a, b):
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-5 * max(abs(x), abs(y))


for cell in sorted(local.keys() & other.keys()):
    for column, value in local[cell].items():
        if column in NOT_METRICS:
            continue
        compared += 1
        theirs = other[cell].get(column)
        if theirs != value:
            if close(value, theirs):
                notes.append(f"{cell} {column}: {value!r} vs {theirs!r} (within 1e-5)")
            else:
                problems.append(f"{cell} {column}: {value!r} vs {theirs!r}")
print(f"{len(local.keys() & other.keys())} cells, {compared} values compared")
for n in notes:
    print("note:", n)
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
