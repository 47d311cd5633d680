"""Compares Klaster's `complexity` CSV with py-ecomplexity's output CSV (bench/complexity/e2e.sh).

usage: /usr/bin/python3 bench/complexity/compare_e2e.py KLASTER.csv PY.csv

The two follow different conventions for some columns, so each side is checked against an independent
numpy computation *in its own convention* from the same M (which must be identical), and the size of the
convention gap is reported:
- rows: Klaster writes every location × product of the year (left-out ones empty); py-ecomplexity the
  rectangle of locations and products with a non-zero total, plus the input rows of the others (NaN).
- rca, mcp, diversity, ubiquity: same definitions — compared directly.
- eci, pci: the same eigenvector and sign rule; Klaster standardises with the mean and *sample* sd of the
  long location × product table (Stata), py-ecomplexity with the population sd over locations (numpy
  .std()), so eci_klaster = a · eci_py with a ≈ sqrt((N − 1)/N) — fitted and reported.
- density, coi, cog: Klaster's proximity has a zero diagonal (methods-complexity.md), py-ecomplexity's
  keeps φ_pp = 1, so a product counts as its own neighbour there; COI/COG also carry the sd convention.
Exit status 1 if a check fails.
"""
import sys

import numpy as np
import pandas as pd


def load(path):
    df = pd.read_csv(path, dtype={"location": str, "product": str})
    return df


def matrix(df, col, locs, prods):
    m = df.pivot(index="location", columns="product", values=col)
    return m.reindex(index=locs, columns=prods).to_numpy(dtype=float)


def conventions(M, kp_raw_sign_fixed, diag):
    """density, raw coi, raw cog from M (C × P, core) and raw PCI, proximity diagonal `diag` (0 or 1)."""
    k_p = M.sum(axis=0)
    co = M.T @ M
    phi = co / np.maximum(k_p[:, None], k_p[None, :])
    np.fill_diagonal(phi, diag)
    colsum = phi.sum(axis=0)
    density = (M @ phi) / colsum[None, :]
    coi = ((density * (1 - M)) * kp_raw_sign_fixed[None, :]).sum(axis=1)
    rowsum = phi.sum(axis=1)
    cog = (1 - M) * ((1 - M) @ (phi * (kp_raw_sign_fixed / rowsum)[:, None]))
    return density, coi, cog


def main():
    k = load(sys.argv[1])
    p = load(sys.argv[2])
    ok = True
    print(f"rows: klaster {len(k)}, py-ecomplexity {len(p)}")
    # the core both computed: locations/products with a defined eci/pci on both sides
    keep_l = sorted(set(k.loc[k.eci.notna(), "location"]) & set(p.loc[p.eci.notna(), "location"]))
    keep_p = sorted(set(k.loc[k.pci.notna(), "product"]) & set(p.loc[p.pci.notna(), "product"]))
    print(f"common core: {len(keep_l)} locations × {len(keep_p)} products")
    kk = k[k.location.isin(keep_l) & k["product"].isin(keep_p)]
    pp = p[p.location.isin(keep_l) & p["product"].isin(keep_p)]

    def both(col):
        return matrix(kk, col, keep_l, keep_p), matrix(pp, col, keep_l, keep_p)

    def report(name, a, b, tol, rel=False):
        nonlocal ok
        d = np.abs(a - b)
        if rel:
            d = d / np.maximum(1.0, np.abs(b))
        worst = np.nanmax(d)
        good = worst <= tol and np.array_equal(np.isnan(a), np.isnan(b))
        ok &= good
        print(f"  {name:<44} max {'rel ' if rel else ''}diff {worst:.3g} (tolerance {tol:g}) {'ok' if good else 'FAIL'}")

    print("same definitions:")
    for col in ["value", "rca", "mcp", "diversity", "ubiquity"]:
        a, b = both(col)
        report(col, a, b, 0 if col in ("mcp", "diversity", "ubiquity") else 1e-12, rel=True)
    M, _ = both("mcp")
    print("eci / pci (standardisation convention):")
    ek, ep = both("eci")
    pk, pp_ = both("pci")
    e_k, e_p = ek[:, 0], ep[:, 0]
    a = float(e_k @ e_p / (e_p @ e_p))
    n_long = len(keep_l) * len(keep_p)   # the long table the sd is taken over (the core)
    print(f"  eci_klaster = a · eci_py, fitted a = {a:.12f}; sample vs population sd over a long table of"
          f" N = {n_long} rows gives sqrt((N − 1)/N) = {np.sqrt((n_long - 1) / n_long):.12f}")
    report("eci (klaster vs a·py)", e_k, a * e_p, 1e-9)
    report("pci (klaster vs a·py)", pk[0, :], a * pp_[0, :], 1e-9)
    # raw PCI: the unit eigenvector (sign: corr(ECI, diversity) > 0), recomputed here from M
    kc = M.sum(axis=1)
    kpv = M.sum(axis=0)
    S = (M / np.sqrt(kc)[:, None]) @ (M / kpv[None, :]).T / np.sqrt(kc)[None, :]
    w, v = np.linalg.eigh(S)
    y = v[:, -2] / np.sqrt(kc)                         # eigenvector of D_c⁻¹ M D_p⁻¹ Mᵀ
    kp_raw = (M / kpv[None, :]).T @ y
    kp_raw /= np.linalg.norm(kp_raw)
    if np.corrcoef(kc, (M / kc[:, None]) @ kp_raw)[0, 1] < 0:
        kp_raw = -kp_raw
    print("density / coi / cog: each side against numpy in its own convention (proximity diagonal 0 vs 1):")
    for name, diag, side in [("klaster", 0.0, kk), ("py-ecomplexity", 1.0, pp)]:
        dens, coi_raw, cog_raw = conventions(M, kp_raw, diag)
        d_side = matrix(side, "density", keep_l, keep_p)
        report(f"{name}: density (diagonal {diag:g})", d_side, dens, 1e-9)
        eci_raw = (M / kc[:, None]) @ kp_raw
        if diag == 0.0:
            n = M.size
            sd_eci = np.sqrt(((eci_raw - eci_raw.mean()) ** 2).sum() * M.shape[1] / (n - 1))
            sd_coi = np.sqrt(((coi_raw - coi_raw.mean()) ** 2).sum() * M.shape[1] / (n - 1))
        else:
            sd_eci = eci_raw.std()
            sd_coi = coi_raw.std()
        coi_side = matrix(side, "coi", keep_l, keep_p)[:, 0]
        cog_side = matrix(side, "cog", keep_l, keep_p)
        report(f"{name}: coi", coi_side, (coi_raw - coi_raw.mean()) / sd_coi, 1e-8)
        report(f"{name}: cog", cog_side, cog_raw / sd_eci, 1e-8)
    dk, dp = both("density")
    ck, cp = both("cog")
    print(f"convention gap (not an error): density max |klaster − py| {np.nanmax(np.abs(dk - dp)):.3g},"
          f" cog {np.nanmax(np.abs(ck - cp)):.3g}")
    print("outputs agree up to the documented conventions" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
