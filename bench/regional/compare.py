#!/usr/bin/python3
"""Compares the regional output multipliers of RegionalBench (Java) and regional_numpy.py: the same regions and
sectors in the same order, empty (inactive) in the same cells, |java - numpy| <= 1e-12 * max(1, |numpy|) elsewhere.
Then prints, for each round, both medians (all regions, one run) and their ratio, the load before the round, the
median ratio over the rounds and peak RSS. Exit 1 on a mismatch.

usage: compare.py OUTDIR ROUNDS     (reads java.csv, numpy.csv, java-I.log, numpy-I.log, *-I.rss, uptime.txt)
"""
import csv
import re
import statistics
import sys

out, rounds = sys.argv[1], int(sys.argv[2])


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


jh, jr = load(f"{out}/java.csv")
nh, nr = load(f"{out}/numpy.csv")
problems = []
if jh != nh:
    problems.append("sector columns differ")
if [r[0] for r in jr] != [r[0] for r in nr]:
    problems.append("region rows differ")
worst, cells, empty = 0.0, 0, 0
if not problems:
    for a, b in zip(jr, nr):
        for x, y in zip(a[1:], b[1:]):
            if (x == "") != (y == ""):
                problems.append(f"{a[0]}: a cell is empty on one side only")
                continue
            if x == "":
                empty += 1
                continue
            gap = abs(float(x) - float(y)) / max(1.0, abs(float(y)))
            worst = max(worst, gap)
            cells += 1
    if worst > 1e-12:
        problems.append(f"largest relative gap {worst:.3g} > 1e-12")
if problems:
    print("regional multipliers DIFFER: " + "; ".join(problems))
    sys.exit(1)
print(f"regional multipliers match: {len(jr)} regions, {cells} multipliers, {empty} inactive cells on both sides,"
      f" largest relative gap {worst:.2e}")


def median(log, side):
    return float(re.search(side + r" median ([0-9.]+) s", open(log, encoding="utf-8").read()).group(1))


def rss(path):
    kib = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path, encoding="utf-8").read()).group(1)
    return int(kib) / 1024


loads = [line.split("load average:")[1].strip() for line in open(f"{out}/uptime.txt", encoding="utf-8")]
ratios, pratios = [], []
print(f"{'round':<7}{'load before':<20}{'Java (ms)':>11}{'numpy (ms)':>12}{'ratio':>8}{'Java, 2 threads':>17}{'ratio':>8}")
for i in range(1, rounds + 1):
    j, n = median(f"{out}/java-{i}.log", "java"), median(f"{out}/numpy-{i}.log", "numpy")
    p = median(f"{out}/java-{i}.log", "java parallel")
    ratios.append(j / n)
    pratios.append(p / n)
    print(f"{i:<7}{loads[i - 1]:<20}{j * 1000:>11.2f}{n * 1000:>12.2f}{j / n:>8.3f}{p * 1000:>17.2f}{p / n:>8.3f}")
r, pr = statistics.median(ratios), statistics.median(pratios)
print(f"median ratio, one thread {r:.3f}, regions in parallel {pr:.3f} (goal <= 0.5: {'met' if r <= 0.5 else 'NOT met'}"
      f" one thread, {'met' if pr <= 0.5 else 'NOT met'} in parallel); load after: {loads[-1]}")
print(f"peak RSS: Java {max(rss(f'{out}/java-{i}.rss') for i in range(1, rounds + 1)):.0f} MiB,"
      f" numpy {max(rss(f'{out}/numpy-{i}.rss') for i in range(1, rounds + 1)):.0f} MiB")
