"""Peer for the end-to-end complexity benchmark (bench/complexity/e2e.sh): py-ecomplexity itself.

usage: PYTHONPATH=$PY_ECOMPLEXITY /usr/bin/python3 bench/complexity/py_ecomplexity.py IN.csv OUT.csv

Reads the exports CSV (year,location,product,value) with pandas, runs
ecomplexity(df, cols_input={time: year, loc: location, prod: product, val: value}, rca_mcp_threshold=1)
and writes its whole output frame as CSV — read, compute and write all inside the timed process, as
Klaster's `complexity --exports IN --format csv --out OUT` does. The package is not part of this
repository: PY_ECOMPLEXITY is the path of a checkout of github.com/cid-harvard/py-ecomplexity (see
docs/benchmarks.md); it runs on Debian's python3 with numpy, pandas and scikit-learn, nothing installed.
Prints "phase NAME SECONDS" lines on stderr.
"""
import sys
import time
import warnings

t0 = time.perf_counter()
import pandas as pd  # noqa: E402
from ecomplexity import ecomplexity  # noqa: E402

warnings.simplefilter("ignore")


def phase(name, t):
    now = time.perf_counter()
    print(f"phase {name} {now - t:.3f}", file=sys.stderr)
    return now


def main():
    src, dst = sys.argv[1], sys.argv[2]
    t = phase("import", t0)
    df = pd.read_csv(src, dtype={"location": str, "product": str})
    t = phase("read", t)
    out = ecomplexity(df, cols_input={"time": "year", "loc": "location", "prod": "product", "val": "value"},
                      rca_mcp_threshold=1, verbose=False)
    t = phase("compute", t)
    out.to_csv(dst, index=False)
    phase("write", t)
    print(f"rows {len(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
