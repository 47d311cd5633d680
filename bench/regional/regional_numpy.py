#!/usr/bin/python3
"""The numpy counterpart of bench/src/main/java/org/klaster/bench/io/RegionalBench.java: the demo's national
table regionalised by Flegg's FLQ (delta 0.3) for every region of the demo activity, and every regional output
multiplier — the same steps as Klaster's engine (docs/methods-io.md, "Regional tables"), written as an analyst
would in numpy:

  employment by sector of the latest year (an industry counts for the longest sector code that prefixes it),
  national employment = the sum over the regions; per region: SLQ, lambda, FLQ, R = A * min(1, FLQ) (0 where the
  region has no employment), the regional table (Z_r, imports from other regions and abroad, F_r with the sales to
  other regions, value added), then the active sectors' A_r = Z_r / x_r and the output multipliers from
  np.linalg.solve((I - A_r)^T, 1) (LAPACK gesv: LU and solve, no explicit inverse).

usage: regional_numpy.py IO.csv ACTIVITY.csv OUT.csv [WARMUP RUNS]
Reading the files is not timed; each run is timed with time.perf_counter; prints every time and the median.
"""
import csv
import statistics
import sys
import time

import numpy as np


def read_io(path):
    """Z, F, import matrix M (or imports row as 1 x n), value added, sector codes; x = row sums of [Z F]."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    nfd = next(i for i, c in enumerate(header) if c.lower().startswith("fd:"))
    sectors = header[1:nfd]
    n = len(sectors)
    fd = [i for i, c in enumerate(header) if c.lower().startswith("fd:")]
    body = {r[0]: r for r in rows[1:]}
    z = np.array([[float(v) for v in body[s][1:n + 1]] for s in sectors])
    f = np.array([[float(body[s][i]) for i in fd] for s in sectors])
    if f"import:{sectors[0]}" in body:
        m = np.array([[float(v) for v in body["import:" + s][1:n + 1]] for s in sectors])
    else:
        m = np.array([[float(v) for v in body["imports"][1:n + 1]]])
    va = np.array([float(v) for v in body["value_added"][1:n + 1]])
    return sectors, z, f, m, va


def read_activity(path):
    regions, industries, years, employment = [], [], [], []
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            regions.append(r["region"])
            industries.append(r["industry"])
            years.append(int(r["year"]))
            employment.append(float(r["employment"]))
    return np.array(regions), np.array(industries), np.array(years), np.array(employment)


def regionalise_all(sectors, z, f, m, va, regions, industries, years, employment, delta=0.3):
    n = len(sectors)
    x = z.sum(axis=1) + f.sum(axis=1)
    # employment by sector of the latest year
    sel = years == years.max()
    reg, ind, emp = regions[sel], industries[sel], employment[sel]
    index = {s: i for i, s in enumerate(sectors)}
    longest = max(len(s) for s in sectors)

    def sector_of(code):
        for k in range(min(len(code), longest), 0, -1):
            if code[:k] in index:
                return index[code[:k]]
        return -1

    codes, code_of_row = np.unique(ind, return_inverse=True)
    sec = np.array([sector_of(c) for c in codes])[code_of_row]
    names, region_of_row = np.unique(reg, return_inverse=True)
    nr = len(names)
    totals = np.bincount(region_of_row, weights=emp, minlength=nr)
    e = np.zeros((nr, n))
    ok = sec >= 0
    np.add.at(e, (region_of_row[ok], sec[ok]), emp[ok])
    e_nation = e.sum(axis=0)
    total_nation = emp.sum()
    if (e_nation <= 0).any():
        sys.exit("a sector has no national employment")

    a = z / x[np.newaxis, :]
    out = np.full((nr, n), np.nan)
    for r in range(nr):
        er, total_r = e[r], totals[r]
        slq = (er / total_r) / (e_nation / total_nation)
        s = er / e_nation
        lam = np.log2(1.0 + total_r / total_nation) ** delta
        present = slq > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            q = lam * slq[:, np.newaxis] / slq[np.newaxis, :]
        np.fill_diagonal(q, lam * slq)
        rc = np.where(present[:, np.newaxis] & present[np.newaxis, :], a * np.minimum(1.0, q), 0.0)
        xr = x * s
        zr = rc * xr[np.newaxis, :]
        other = (a - rc) * xr[np.newaxis, :]
        mr = m * s[np.newaxis, :] + (other if m.shape[0] == n else other.sum(axis=0))
        fr = f * s[:, np.newaxis]
        sales_elsewhere = xr - zr.sum(axis=1) - fr.sum(axis=1)
        var = va * s
        # the regional table as any table: x = row sums, active sectors, A_r, productivity bound, one solve
        row = zr.sum(axis=1) + fr.sum(axis=1) + sales_elsewhere
        gross = np.abs(zr).sum(axis=1) + np.abs(fr).sum(axis=1) + np.abs(sales_elsewhere)
        act = np.abs(row) > 1e-12 * gross
        ar = zr[np.ix_(act, act)] / row[act][np.newaxis, :]
        if min(ar.sum(axis=0).max(), ar.sum(axis=1).max()) >= 1:
            sys.exit("not productive (norm bound)")
        k = int(act.sum())
        out[r, act] = np.linalg.solve((np.eye(k) - ar).T, np.ones(k))
        del mr, var
    return list(names), out


def main():
    io, activity, out = sys.argv[1:4]
    warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 50
    sectors, z, f, m, va = read_io(io)
    regions, industries, years, employment = read_activity(activity)
    print(f"numpy {np.__version__}; {len(sectors)} sectors, {len(regions)} activity rows")
    times = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        names, result = regionalise_all(sectors, z, f, m, va, regions, industries, years, employment)
        t = time.perf_counter() - t0
        if i >= warmup:
            times.append(t)
    print("numpy runs (s): " + ", ".join(f"{t:.5f}" for t in times))
    print(f"numpy median {statistics.median(times):.6f} s over {runs} runs ({warmup} warm-up), {len(names)} regions")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("region," + ",".join(sectors) + "\n")
        for name, row in zip(names, result):
            fh.write(name + "," + ",".join("" if np.isnan(v) else repr(float(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
