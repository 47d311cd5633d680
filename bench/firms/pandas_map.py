#!/usr/bin/python3
"""pandas counterpart of `klaster map --firms FILE --format csv` (bench/firms/run.sh).

Reads a firm-level CSV (firm_id,region,industry,year,employment[,lat,lon]), validates what is cheap
in pandas (employment numeric and non-negative, no duplicate (firm_id, year), non-empty codes, year
an integer), aggregates employment and firm counts by region x 2-digit division (the industry code
before its first '.') for the latest year, and computes share, LQ, the three stars and the
strong-cluster flag with the rank rule of methods.md section 1 (ties take the better rank).

usage: pandas_map.py FIRMS.csv OUT.csv
"""
import math
import sys

import numpy as np
import pandas as pd


def fail(msg):
    print("pandas_map: " + msg, file=sys.stderr)
    sys.exit(1)


def main(src, out):
    # Codes as text (categoricals: few distinct values), firm_id as text, employment parsed as a
    # number by the C parser, which raises on anything non-numeric (the "numeric employment" check).
    try:
        df = pd.read_csv(src, usecols=["firm_id", "region", "industry", "year", "employment"],
                         dtype={"firm_id": str, "region": "category", "industry": "category",
                                "year": "category", "employment": np.float64},
                         keep_default_na=False, na_values=[""], engine="c")
    except ValueError as e:
        fail(f"cannot read {src}: {e}")
    # --- validation (what Klaster checks that is cheap here)
    if df["firm_id"].isna().any():
        fail("empty firm_id")
    for col in ("region", "industry"):
        cats = df[col].cat.categories.astype(str).str.strip()
        if df[col].isna().any() or (cats == "").any():
            fail(f"empty {col}")
    years = pd.to_numeric(pd.Series(df["year"].cat.categories.astype(str)), errors="coerce")
    if df["year"].isna().any() or years.isna().any() or (years != np.floor(years)).any() \
            or (years < 1900).any() or (years > 2100).any():
        fail("invalid year")
    emp = df["employment"].to_numpy()
    if np.isnan(emp).any() or not np.isfinite(emp).all():
        fail("employment that is not a number")
    if (emp < 0).any():
        fail("negative employment")
    if df.duplicated(subset=["firm_id", "year"]).any():
        fail("duplicate (firm_id, year)")

    # the latest year (as Klaster maps by default), chosen on the categories, not per row
    t1 = int(years.max())
    if len(years) > 1:
        df = df[df["year"].isin(df["year"].cat.categories[(years == t1).to_numpy()])]
    # --- aggregate: region x industry first (few distinct codes), then industry -> division
    g = df.groupby(["region", "industry"], sort=False, observed=True)["employment"].agg(["sum", "size"]).reset_index()
    g["region"] = g["region"].astype(str).str.strip()
    g["category"] = g["industry"].astype(str).str.replace(r"\s", "", regex=True).str.split(".", n=1).str[0]
    agg = g.groupby(["region", "category"], sort=True)[["sum", "size"]].sum().reset_index()
    agg = agg.rename(columns={"sum": "employment", "size": "n"})
    agg = agg[agg["employment"] > 0].copy()

    # --- share, LQ
    er = agg.groupby("region")["employment"].transform("sum")
    ec = agg.groupby("category")["employment"].transform("sum")
    total = agg["employment"].sum()
    agg["share"] = agg["employment"] / er
    agg["lq"] = (agg["employment"] * total) / (er * ec)

    # --- ranks within category among present regions (E_rc > 0); ties take the better rank
    by = agg.groupby("category")
    rc = by["employment"].transform("size")
    top10 = np.ceil(rc / 10)
    quart = np.ceil(rc / 4)
    r_emp = by["employment"].rank(method="min", ascending=False)
    r_share = by["share"].rank(method="min", ascending=False)
    r_lq = by["lq"].rank(method="min", ascending=False)
    r_n = by["n"].rank(method="min", ascending=False)
    agg["size_star"] = (r_emp <= top10).astype(int)
    agg["specialisation_star"] = (agg["lq"] >= 2.0).astype(int)
    agg["focus_star"] = (r_share <= top10).astype(int)
    agg["stars"] = agg["size_star"] + agg["specialisation_star"] + agg["focus_star"]
    agg["strong"] = ((agg["lq"] >= 1.0) & (r_lq <= quart)
                     & ~(r_emp > rc - quart) & ~(r_n > rc - quart))
    agg["year"] = t1
    agg["strong"] = agg["strong"].map({True: "true", False: "false"})
    agg[["region", "category", "year", "employment", "share", "lq", "size_star", "specialisation_star",
         "focus_star", "stars", "strong"]].to_csv(out, index=False, float_format="%.17g")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: pandas_map.py FIRMS.csv OUT.csv")
    main(sys.argv[1], sys.argv[2])
