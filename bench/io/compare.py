#!/usr/bin/python3
"""Compares Klaster's and numpy's io outputs row by row (same sectors, same order); numeric columns
must agree within a relative tolerance: multipliers 1e-9 (absolute for |values| < 1), shock 1e-8
elementwise (a change below 1e-6 of the largest |Δx| is judged against that floor: an exact 0 in
one tool may be 1e-20 in the other). key_sector must be identical. Exit 1 on mismatch.

usage: compare.py multipliers|shock KLASTER.csv NUMPY.csv
"""
import sys

import numpy as np
import pandas as pd

kind, kf, nf = sys.argv[1:4]
k = pd.read_csv(kf, dtype={"sector": str}, keep_default_na=False)
p = pd.read_csv(nf, dtype={"sector": str}, keep_default_na=False)
problems = []
if list(k["sector"]) != list(p["sector"]):
    problems.append(f"sector lists differ ({len(k)} vs {len(p)} rows)")
else:
    if kind == "multipliers":
        tol = 1e-9
        cols = ["output", "output_multiplier", "backward_linkage", "forward_linkage", "import_content",
                "value_added_multiplier"]
        a, b = k["key_sector"].astype(str).str.lower(), p["key_sector"].astype(str).str.lower()
        if (a != b).any():
            problems.append(f"key_sector differs in {int((a != b).sum())} rows")
    else:
        tol = 1e-8
        cols = ["baseline_output", "output_change", "output_change_pct"]
    for c in cols:
        a = pd.to_numeric(k[c]).to_numpy(float)
        b = pd.to_numeric(p[c]).to_numpy(float)
        if kind == "shock" and c != "baseline_output":
            # elementwise, but a change near 0 is judged against 1e-6 of the largest change
            big = np.maximum(np.abs(a), np.abs(b))
            scale = np.maximum(big, 1e-6 * big.max())
        else:
            scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
        gap = np.abs(a - b) / np.where(scale > 0, scale, 1.0)
        worst = float(np.nanmax(gap)) if len(gap) else 0.0
        if not (gap <= tol).all():
            problems.append(f"{c}: {int((~(gap <= tol)).sum())} rows differ by more than {tol} (max {worst:.3g})")
        else:
            print(f"  {c}: max relative gap {worst:.2e}")
if problems:
    print(f"{kind}: outputs DIFFER")
    for line in problems:
        print("  " + line)
    sys.exit(1)
print(f"{kind}: outputs match ({len(k)} rows, tolerance {tol})")
