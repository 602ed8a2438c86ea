"""Fails unless a reproduce run wrote its CSV, charts and report and every cell is ok or an explained skip."""
import csv
import pathlib
import sys

results, reports = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
problems = []
csv_file = results / "results.csv"
rows = list(csv.DictReader(csv_file.open())) if csv_file.exists() else []
if not rows:
    problems.append(f"{csv_file} is missing or has no cells")
for row in rows:
    status, detail = row["status"], row["status_detail"].strip()
    if status == "ok" or (status == "skipped" and detail):
        continue
    problems.append(f"{row['task']} {row['row']} seed {row['seed']}: {status} {detail}")
for name in ("report.md", "index.html"):
    if not (reports / name).is_file():
        problems.append(f"{reports / name} is missing")
if not list(reports.rglob("*.png")):
    problems.append(f"no charts under {reports}")
ok = sum(r["status"] == "ok" for r in rows)
print(f"{ok} ok, {len(rows) - ok} not ok of {len(rows)} cells")
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
