"""Per cell of rss.tsv (epoch seconds, pid, cell index, resident set KiB; one sample per training JVM every 20 s):
the resident set at the start, at the end of the first quarter of the cell's samples, and the medians of the first,
third and last quarters; and what the two rss-drift rules say (first vs last quarter: the rule of runs before
2026-12-06; third vs last quarter: the current rule). Only cells whose JVM was sampled from its start and to its end
are listed (a resumed or unfinished cell is left out). Quarters of samples stand in for quarters of steps, which
take about equal time."""
import csv
import statistics
import sys
from collections import defaultdict

rows = [r for r in csv.reader(open(sys.argv[1]), delimiter="\t")]
by_pid = defaultdict(list)
for t, pid, cell, kib in rows:
    by_pid[(int(cell), pid)].append((int(t), int(kib) / 1024))
sampler_start = min(int(r[0]) for r in rows)
sampler_end = max(int(r[0]) for r in rows)
print("cell,samples,minutes,start_mib,first_quarter_end_mib,q1_median_mib,q3_median_mib,q4_median_mib,"
      "old_rule,new_rule")
for (cell, pid), s in sorted(by_pid.items()):
    s.sort()
    if s[0][0] - sampler_start < 60 or sampler_end - s[-1][0] < 60 or len(s) < 8:
        continue  # not seen from start to end
    mib = [v for _, v in s]
    n = len(mib)
    q = n // 4
    q1, q3, q4 = (statistics.median(mib[a:b]) for a, b in ((0, q), (n // 2, n - q), (n - q, n)))
    old = q4 - q1 > 0.2 * q1 and q4 - q1 > 64
    new = q4 - q3 > 0.05 * q3 and q4 - q3 > 32
    print(f"{cell},{n},{(s[-1][0] - s[0][0]) / 60:.1f},{mib[0]:.0f},{mib[q - 1]:.0f},{q1:.0f},{q3:.0f},{q4:.0f},"
          f"{'rss-drift' if old else '-'},{'rss-drift' if new else '-'}")
