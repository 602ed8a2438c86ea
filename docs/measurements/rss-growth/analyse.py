"""Per cell of rss.tsv (epoch seconds, pid, cell index, resident set KiB; one sample per training JVM every 20 s):
the resident set at the start of training and the medians of the first, third and last quarters of the training
loop, and what the two rss-drift rules say of them (last vs first quarter: the rule of runs before 2026-12-06;
last vs third quarter: the current rule).

The training loop's window comes from the cell's committed files: it ends when the cell ended (result.json's
started_at + cell_wall_s), less the few seconds of the test pass (TEST_S), and lasts as long as its last step's
elapsed_ms in curve.csv. Samples outside it (JVM start, data loading, test pass) are left out, as the per-step rule
leaves them out. Only cells sampled over their whole window, without a pause, are listed.
Usage: python3 analyse.py rss.tsv results/reference/cpu/cpu-core1d"""
import csv
import datetime
import glob
import json
import os
import statistics
import sys
from collections import defaultdict

TEST_S = 5
rows = [r for r in csv.reader(open(sys.argv[1]), delimiter="\t")]
samples = defaultdict(list)
for t, pid, cell, kib in rows:
    samples[int(cell)].append((int(t), int(kib) / 1024))
print("cell,samples,start_mib,q1_median_mib,q3_median_mib,q4_median_mib,old_rule,new_rule")
for cell, s in sorted(samples.items()):
    dirs = glob.glob(os.path.join(sys.argv[2], "cells", f"{cell:03d}-*"))
    if not dirs or not os.path.exists(os.path.join(dirs[0], "result.json")):
        continue  # unfinished
    result = json.load(open(os.path.join(dirs[0], "result.json")))
    started = datetime.datetime.fromisoformat(result["started_at"].replace("Z", "+00:00")).timestamp()
    end = started + result["cell_wall_s"] - TEST_S
    curve = os.path.join(dirs[0], "curve.csv")
    start = end - int(list(csv.DictReader(open(curve)))[-1]["elapsed_ms"]) / 1000
    window = [(t, v) for t, v in sorted(s) if start <= t <= end]
    span = [t for t, _ in window]
    mib = [v for _, v in window]
    if (len(mib) < 8 or span[0] > start + 25 or span[-1] < end - 25
            or max(b - a for a, b in zip(span, span[1:])) > 60):
        continue  # not sampled from the start to the end of training, or paused
    n = len(mib)
    q = n // 4
    q1, q3, q4 = (statistics.median(mib[a:b]) for a, b in ((0, q), (n // 2, n - q), (n - q, n)))
    old = q4 - q1 > 0.2 * q1 and q4 - q1 > 64
    new = q4 - q3 > 0.05 * q3 and q4 - q3 > 32
    print(f"{cell},{n},{mib[0]:.0f},{q1:.0f},{q3:.0f},{q4:.0f},{'rss-drift' if old else '-'},"
          f"{'rss-drift' if new else '-'}")
