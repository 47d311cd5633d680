"""Deterministic synthetic activity file (all regions x 30 OKVED2 divisions x 2018-2024) for the web benchmark
when no demo dataset is available. Not data: numbers are random."""
import csv, random, sys
random.seed(7)
regions = [r["iso"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
divisions = ["%02d" % d for d in (1, 3, 8, 10, 13, 16, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 33, 35, 41, 46, 47, 49, 52, 61, 62, 72, 85)]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["region", "industry", "year", "employment", "establishments"])
for r in regions:
    size = random.uniform(0.2, 3)
    for d in divisions:
        if random.random() < 0.12:
            continue
        base = 1000 * size * random.uniform(0.1, 2) * (5 if random.random() < 0.08 else 1)
        g = random.uniform(0.96, 1.05)
        for y in range(2018, 2025):
            e = round(base * g ** (y - 2018))
            w.writerow([r, d, y, e, max(1, e // 40)])
