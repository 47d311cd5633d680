#!/usr/bin/python3
"""Compares the regional output multipliers of RegionalBench (Java) and regional_numpy.py: the same regions and
sectors in the same order, empty (inactive) in the same cells, |java - numpy| <= 1e-12 * max(1, |numpy|) elsewhere.
Prints the medians and their ratio from the two logs. Exit 1 on a mismatch.

usage: compare.py JAVA.csv NUMPY.csv JAVA.log NUMPY.log
"""
import csv
import re
import sys

jf, nf, jlog, nlog = sys.argv[1:5]


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


jh, jr = load(jf)
nh, nr = load(nf)
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


def median(log, side):
    m = re.search(side + r" median ([0-9.]+) s", open(log, encoding="utf-8").read())
    return float(m.group(1))


if problems:
    print("regional multipliers DIFFER: " + "; ".join(problems))
    sys.exit(1)
print(f"regional multipliers match: {len(jr)} regions, {cells} multipliers, {empty} inactive cells on both sides,"
      f" largest relative gap {worst:.2e}")
j, n = median(jlog, "java"), median(nlog, "numpy")
print(f"median per run (all regions): Java {j * 1000:.2f} ms, numpy {n * 1000:.2f} ms, ratio {j / n:.3f}"
      f" (goal <= 0.5: {'met' if j / n <= 0.5 else 'NOT met'})")
