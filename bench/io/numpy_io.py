#!/usr/bin/python3
"""The numpy counterpart of `klaster io multipliers` and `klaster io shock --demand` on an io.csv
(formats.md §2: sector rows, then an `imports` row and a `value_added` row), written the way an
analyst would in numpy: read the CSV (pandas' C parser — the fastest CSV reader at hand — into numpy
arrays), A = Z diag(x)^-1, L = inv(I - A), and for the multipliers also the Ghosh inverse
G = inv(I - B) with B = diag(x)^-1 Z.

usage: numpy_io.py multipliers IO.csv OUT.csv
       numpy_io.py shock IO.csv OUT.csv SECTOR=RATE
Phase timings go to stderr as `phase NAME SECONDS` lines (read by run.sh).
"""
import sys
import time

import numpy as np
import pandas as pd

T0 = time.perf_counter()
_last = [T0]


def phase(name):
    now = time.perf_counter()
    print(f"phase {name} {now - _last[0]:.3f}", file=sys.stderr)
    _last[0] = now


def read(path):
    """Z, final-demand totals f, intermediate imports m, value added va, sector codes."""
    df = pd.read_csv(path, index_col=0, dtype={"code": str}, engine="c")
    cols = list(df.columns)
    nfd = next(i for i, c in enumerate(cols) if c.lower().startswith("fd:"))
    sectors = cols[:nfd]
    fd_cols = [c for c in cols if c.lower().startswith("fd:")]
    n = len(sectors)
    if list(df.index[:n]) != sectors:
        sys.exit(f"{path}: sector rows do not follow the sector columns")
    z = df.iloc[:n, :n].to_numpy(dtype=np.float64)
    f = df.iloc[:n][fd_cols].to_numpy(dtype=np.float64)
    low = {str(c).lower(): c for c in df.index[n:]}
    m = df.loc[low["imports"]].iloc[:n].to_numpy(dtype=np.float64) if "imports" in low else None
    va = df.loc[low["value_added"]].iloc[:n].to_numpy(dtype=np.float64) if "value_added" in low else None
    # the checks Klaster makes that cost O(n^2): finite, nonnegative flows
    if not np.isfinite(z).all() or (z < 0).any() or not np.isfinite(f).all():
        sys.exit(f"{path}: flows must be finite and nonnegative")
    x = z.sum(axis=1) + f.sum(axis=1)
    if (x <= 0).any():
        sys.exit(f"{path}: a sector has no output")
    del df
    return sectors, z, f.sum(axis=1), m, va, x


def multipliers(path, out):
    sectors, z, f, m, va, x = read(path)
    n = len(sectors)
    phase("read")
    a = z / x[np.newaxis, :]
    if a.sum(axis=0).max() >= 1:
        sys.exit("not productive (a column of A sums to 1 or more)")
    L = np.linalg.inv(np.eye(n) - a)
    del a
    om = L.sum(axis=0)
    bl = n * om / om.sum()
    ic = (m / x) @ L if m is not None else np.full(n, np.nan)
    vam = (va / x) @ L if va is not None else np.full(n, np.nan)
    del L
    b = z / x[:, np.newaxis]
    G = np.linalg.inv(np.eye(n) - b)
    del b
    gs = G.sum(axis=1)
    fl = n * gs / gs.sum()
    del G
    phase("compute")
    pd.DataFrame({"sector": sectors, "output": x, "output_multiplier": om, "backward_linkage": bl,
                  "forward_linkage": fl, "key_sector": (bl > 1) & (fl > 1), "import_content": ic,
                  "value_added_multiplier": vam}).to_csv(out, index=False, float_format="%.17g")
    phase("write")


def shock(path, out, spec):
    code, rate = spec.split("=")
    sectors, z, f, m, va, x = read(path)
    n = len(sectors)
    phase("read")
    a = z / x[np.newaxis, :]
    del z
    if a.sum(axis=0).max() >= 1:
        sys.exit("not productive (a column of A sums to 1 or more)")
    phase("coefficients")
    i = sectors.index(code)
    df = np.zeros(n)
    df[i] = float(rate) * f[i]
    L = np.linalg.inv(np.eye(n) - a)
    del a
    dx = L @ df
    phase("inverse_and_multiply")
    pct = 100 * dx / x
    total = dx.sum()
    res = pd.DataFrame({"sector": sectors + ["TOTAL"], "baseline_output": np.append(x, x.sum()),
                        "output_change": np.append(dx, total), "output_change_pct": np.append(pct, 100 * total / x.sum())})
    res.to_csv(out, index=False, float_format="%.17g")
    phase("write")


if __name__ == "__main__":
    if sys.argv[1] == "multipliers":
        multipliers(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "shock":
        shock(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
