#!/usr/bin/python3
"""Compares Klaster's and pandas' map CSVs: same (region, category) rows, employment and share/lq
within 1e-9 (relative, absolute for values near 0), stars and strong exactly. Exit 1 on mismatch.

usage: compare.py KLASTER.csv PANDAS.csv
"""
import sys

import numpy as np
import pandas as pd

TOL = 1e-9
key = ["region", "category", "year"]
k = pd.read_csv(sys.argv[1], dtype={"region": str, "category": str}, keep_default_na=False)
p = pd.read_csv(sys.argv[2], dtype={"region": str, "category": str}, keep_default_na=False)
m = k.merge(p, on=key, how="outer", suffixes=("_k", "_p"), indicator=True)
problems = []
only_k = m[m["_merge"] == "left_only"]
only_p = m[m["_merge"] == "right_only"]
if len(only_k):
    problems.append(f"{len(only_k)} rows only in Klaster, e.g. {only_k[key].head(3).values.tolist()}")
if len(only_p):
    problems.append(f"{len(only_p)} rows only in pandas, e.g. {only_p[key].head(3).values.tolist()}")
both = m[m["_merge"] == "both"]
for col in ("employment", "share", "lq"):
    a, b = both[col + "_k"].astype(float), both[col + "_p"].astype(float)
    bad = ~(np.abs(a - b) <= TOL * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b))))
    if bad.any():
        worst = float(np.max(np.abs(a - b)))
        problems.append(f"{col}: {int(bad.sum())} rows differ by more than {TOL} (max |diff| {worst:.3g}), e.g. "
                        f"{both.loc[bad, key + [col + '_k', col + '_p']].head(3).values.tolist()}")
for col in ("size_star", "specialisation_star", "focus_star", "stars", "strong"):
    a, b = both[col + "_k"].astype(str), both[col + "_p"].astype(str)
    bad = a.str.lower() != b.str.lower()
    if bad.any():
        problems.append(f"{col}: {int(bad.sum())} rows differ, e.g. "
                        f"{both.loc[bad, key + [col + '_k', col + '_p']].head(3).values.tolist()}")
if problems:
    print(f"outputs DIFFER ({len(both)} common rows):")
    for line in problems:
        print("  " + line)
    sys.exit(1)
print(f"outputs match: {len(both)} rows; share/lq within {TOL}, stars and strong identical")
