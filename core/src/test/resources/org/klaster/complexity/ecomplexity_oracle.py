# Independent oracle for EconomicComplexityTest: the Stata `ecomplexity` algorithm (methods.md §4)
# written directly in numpy, with a GENERAL eigensolver (numpy.linalg.eig) on the product-side
# matrix Mp~ = D_p^-1 M' D_c^-1 M exactly as the Stata package does (mata eigensystem), so it shares
# nothing with the Java path (symmetric dsyevr on the similar matrix).
# Run:  /usr/bin/python3 ecomplexity_oracle.py      (Debian python3-numpy 2.x)
# The printed numbers are pasted into EconomicComplexityTest as expected constants.
import numpy as np

np.set_printoptions(precision=17)


def ecomplexity(x, threshold=1.0):
    xc = x.sum(axis=1, keepdims=True)
    xp = x.sum(axis=0, keepdims=True)
    rca = (x / xc) / (xp / x.sum())
    m = (rca >= threshold).astype(float)
    kc = m.sum(axis=1)
    kp = m.sum(axis=0)
    mp = ((m / kp[None, :]) / kc[:, None]).T @ m
    vals, vecs = np.linalg.eig(mp)
    order = np.argsort(-vals.real)
    lam = vals.real[order]
    pci = vecs[:, order[1]].real
    pci = pci / np.linalg.norm(pci)
    eci = (m / kc[:, None]) @ pci
    sign = 1.0 if np.corrcoef(kc, eci)[0, 1] > 0 else -1.0
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
    return dict(rca=rca, m=m, kc=kc, kp=kp, lam=lam[:2], pci_raw=pci, eci_raw=eci, mean=mean, sd=sd,
                eci=(eci - mean) / sd, pci=(pci - mean) / sd, prox=prox, density=density,
                coi=(coi - long_coi.mean()) / long_coi.std(ddof=1), cog=cog / sd)


def show(name, x):
    r = ecomplexity(np.array(x, dtype=float))
    print("==", name)
    for k in ("lam", "eci_raw", "pci_raw", "mean", "sd", "eci", "pci", "coi"):
        print(k, "=", repr(np.asarray(r[k]).tolist()))
    for k in ("density", "cog"):
        print(k, "=", repr(r[k].tolist()))


# the hand-computed 4 x 5 example of the test (a cycle A-2-B-3-C-4-D-5-A with product 1 on A)
show("hand", [[20, 10, 0, 0, 10],
              [0, 10, 10, 0, 0],
              [0, 0, 10, 10, 0],
              [0, 0, 0, 10, 10]])
# an irregular 6 x 8 example
show("irregular", [[120, 30, 0, 5, 60, 0, 10, 2],
                   [10, 80, 40, 0, 30, 15, 0, 1],
                   [0, 5, 90, 70, 0, 0, 20, 3],
                   [40, 0, 0, 60, 25, 5, 0, 40],
                   [0, 0, 10, 0, 90, 60, 35, 0],
                   [5, 20, 0, 10, 0, 40, 80, 50]])
