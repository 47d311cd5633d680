#!/usr/bin/python3
"""The numpy peer of the complexity benchmark: the Stata `ecomplexity` formulas (methods.md §4) written
directly in numpy, with the GENERAL eigensolver numpy.linalg.eig on the product-side matrix
Mp~ = D_p^-1 M' D_c^-1 M, as the Stata package does (mata eigensystem) — the same formulas as the
core test oracle (core/src/test/resources/org/klaster/complexity/ecomplexity_oracle.py), plus the
left-out logic: locations and products with a zero total are dropped before the computation and get
NaN. Only ecomplexity() is timed; reading the .npy and writing results are outside the clock.

usage: complexity_numpy.py IN.npy OUTDIR [WARMUP RUNS]     (writes OUTDIR/numpy_*.npy, numpy_times.txt)
"""
import os
import statistics
import sys
import time

import numpy as np


EIG_SECONDS = []


def ecomplexity(x, threshold=1.0):
    keep_c = x.sum(axis=1) > 0
    keep_p = x.sum(axis=0) > 0
    xs = x[keep_c][:, keep_p]
    xc = xs.sum(axis=1, keepdims=True)
    xp = xs.sum(axis=0, keepdims=True)
    rca = (xs / xc) / (xp / xs.sum())
    m = (rca >= threshold).astype(float)
    kc = m.sum(axis=1)
    kp = m.sum(axis=0)
    mp = ((m / kp[None, :]) / kc[:, None]).T @ m
    t0 = time.perf_counter()
    vals, vecs = np.linalg.eig(mp)
    EIG_SECONDS.append(time.perf_counter() - t0)   # reported separately: how much of the time is eig
    order = np.argsort(-vals.real)
    lam = vals.real[order]
    pci = vecs[:, order[1]].real
    pci = pci / np.linalg.norm(pci)
    eci = (m / kc[:, None]) @ pci
    sign = 1.0 if np.corrcoef(kc, eci)[0, 1] > 0 else -1.0   # corr(ECI, diversity) > 0
    eci, pci = sign * eci, sign * pci
    c, p = m.shape
    long_eci = np.repeat(eci, p)                      # the long location x product table
    mean, sd = long_eci.mean(), long_eci.std(ddof=1)  # Stata summarize: sample sd
    co = m.T @ m
    prox = co / np.maximum(kp[:, None], kp[None, :])
    np.fill_diagonal(prox, 0.0)
    density = (m @ prox) / prox.sum(axis=0)[None, :]
    coi = ((density * (1 - m)) * pci[None, :]).sum(axis=1)
    w = prox * (pci / prox.sum(axis=1))[:, None]
    cog = (1 - m) * ((1 - m) @ w)
    long_coi = np.repeat(coi, p)

    def full(v, rows, cols=None):   # back to the input's index space, NaN where left out
        if cols is None:
            r = np.full(rows.shape, np.nan)
            r[rows] = v
        else:
            r = np.full((rows.size, cols.size), np.nan)
            r[np.ix_(rows, cols)] = v
        return r

    return dict(eci=full((eci - mean) / sd, keep_c), pci=full((pci - mean) / sd, keep_p),
                coi=full((coi - long_coi.mean()) / long_coi.std(ddof=1), keep_c),
                rca=full(rca, keep_c, keep_p), density=full(density, keep_c, keep_p),
                cog=full(cog / sd, keep_c, keep_p), eigenvalues=lam[:2].copy())


def main():
    x = np.load(sys.argv[1])
    out = sys.argv[2]
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    times = []
    for i in range(warmup + runs):
        r = None
        t0 = time.perf_counter()
        r = ecomplexity(x)
        s = time.perf_counter() - t0
        if i >= warmup:
            times.append(s)
        print(f"{'warm-up' if i < warmup else 'run'} {i + 1 if i < warmup else i - warmup + 1}: {s:.4f} s "
              f"(numpy.linalg.eig {EIG_SECONDS[-1]:.4f} s, the rest {s - EIG_SECONDS[-1]:.4f} s)", flush=True)
    print(f"numpy median {statistics.median(times):.4f} s over {runs} runs (after {warmup} warm-up); numpy {np.__version__}")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "numpy_times.txt"), "w") as f:
        f.write("".join(f"{t:.6f}\n" for t in times))
    for k, v in r.items():
        np.save(os.path.join(out, f"numpy_{k}.npy"), v)


if __name__ == "__main__":
    main()
