"""Deterministic synthetic firms file for the fault scripts (not data: numbers are random).
Usage: firms.py REGIONS_CSV ROWS [SEED] > firms.csv"""
import csv, random, sys
regions = [r["iso"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
rows = int(sys.argv[2])
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
divisions = ["10.11", "20.14", "25.62", "26.11", "27.12", "28.41", "29.10", "62.01", "72.19", "46.69"]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["firm_id", "region", "industry", "year", "employment", "lat", "lon"])
for i in range(rows):
    w.writerow([i + 1, random.choice(regions), random.choice(divisions), 2024, random.randint(1, 900),
                round(random.uniform(42, 70), 4), round(random.uniform(30, 140), 4)])
