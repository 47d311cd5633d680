#!/usr/bin/python3
"""Compares the Java and numpy results of the complexity benchmark and prints the timing table.

Both sides fix the eigenvector's sign the same way (corr(ECI, diversity) > 0, methods.md §4) and its
scale the same way (raw PCI of unit Euclidean norm, then the Stata long-table standardisation), so the
results are compared as they are, with no re-alignment: NaN in exactly the same cells (left-out
locations/products) and |java − numpy| <= 1e-8 · max(1, |numpy|) elsewhere (absolute for values up
to 1 — eci, pci, coi, cog, density — relative for larger ones, i.e. big rca). Exit 1 on a mismatch.

usage: compare.py OUTDIR     (reads OUTDIR/{java,numpy}_*.npy, *_times.txt and *.rss from /usr/bin/time -v)
"""
import os
import re
import statistics
import sys

import numpy as np

TOL = 1e-8
out = sys.argv[1]
problems = []
print(f"{'quantity':<12} {'shape':>12} {'NaN cells':>10} {'max |diff|':>12}")
for q in ("eigenvalues", "rca", "eci", "pci", "density", "coi", "cog"):
    j = np.load(os.path.join(out, f"java_{q}.npy"))
    n = np.load(os.path.join(out, f"numpy_{q}.npy"))
    if j.shape != n.shape:
        problems.append(f"{q}: shape {j.shape} in Java, {n.shape} in numpy")
        continue
    nan_j, nan_n = np.isnan(j), np.isnan(n)
    if (nan_j != nan_n).any():
        problems.append(f"{q}: NaN in {int(nan_j.sum())} cells in Java, {int(nan_n.sum())} in numpy, "
                        f"{int((nan_j != nan_n).sum())} differ")
    both = ~nan_j & ~nan_n
    diff = np.abs(j[both] - n[both])
    worst = float(diff.max()) if diff.size else 0.0
    bad = diff > TOL * np.maximum(1.0, np.abs(n[both]))
    if bad.any():
        problems.append(f"{q}: {int(bad.sum())} cells differ by more than {TOL} (max |diff| {worst:.3g})")
    print(f"{q:<12} {'x'.join(map(str, j.shape)):>12} {int(nan_j.sum()):>10} {worst:>12.3g}")


def times(side):
    with open(os.path.join(out, f"{side}_times.txt")) as f:
        return [float(line) for line in f if line.strip()]


def rss_mib(side):
    path = os.path.join(out, f"{side}.rss")
    if not os.path.exists(path):
        return float("nan")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) / 1024 if m else float("nan")


tj, tn = times("java"), times("numpy")
mj, mn = statistics.median(tj), statistics.median(tn)
print()
print("| side | median compute | runs | timed runs (s) | peak RSS |")
print("|---|---:|---:|---|---:|")
print(f"| Java EconomicComplexity.compute | {mj:.3f} s | {len(tj)} | {', '.join(f'{t:.2f}' for t in tj)} | {rss_mib('java'):.0f} MiB |")
print(f"| numpy (numpy.linalg.eig) | {mn:.3f} s | {len(tn)} | {', '.join(f'{t:.2f}' for t in tn)} | {rss_mib('numpy'):.0f} MiB |")
print(f"ratio Java/numpy: {mj / mn:.4f} (goal <= 0.5: {'met' if mj / mn <= 0.5 else 'NOT met'})")
if problems:
    print("results DIFFER:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print(f"results agree to {TOL} (absolute, relative above 1) in every cell; NaN cells identical")
