package org.klaster.linalg;

import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * LU factorisation with partial pivoting, P·A = L·U (LAPACK {@code dgetrf}), computed once and then
 * reused for any number of solves (LAPACK {@code dgetrs}, O(n²) per right-hand side).
 *
 * <p>Two kinds of solve:
 * <ul>
 *   <li>{@link #solve(double[])}: x = A⁻¹b (column vector; e.g. Δx = (I − A)⁻¹Δf);</li>
 *   <li>{@link #solveTransposed(double[])}: y = A⁻ᵀb, i.e. the row vector yᵀ = bᵀA⁻¹
 *       (e.g. multipliers mᵀ(I − A)⁻¹ or xᵀ = pᵀ(I − B)⁻¹) — same factors, no transpose formed.</li>
 * </ul>
 * Solving is cheaper and more accurate than multiplying by an explicit inverse; {@link #inverse()}
 * exists for callers that really need every entry.
 *
 * <p>A matrix with an exactly zero pivot is reported by {@link #isSingular()}; solves on it throw.
 * Immutable after construction and safe to share between threads.
 */
public final class LuDecomposition {

    private final int n;
    private final double[] lu;
    private final int[] pivots;
    private final boolean singular;
    private final double norm1;

    private LuDecomposition(int n, double[] lu, int[] pivots, boolean singular, double norm1) {
        this.n = n;
        this.lu = lu;
        this.pivots = pivots;
        this.singular = singular;
        this.norm1 = norm1;
    }

    /** Factorises a copy of the square matrix a (a itself is not modified). */
    public static LuDecomposition of(DenseMatrix a) {
        return factor(a, a.data().clone());
    }

    /**
     * Factorises a in place: its array becomes the LU factors, so a must not be used afterwards.
     * Saves one n×n copy for large transient matrices such as I − A.
     */
    public static LuDecomposition ofOverwriting(DenseMatrix a) {
        return factor(a, a.data());
    }

    private static LuDecomposition factor(DenseMatrix a, double[] lu) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException("LU needs a square matrix, got " + a.rows() + "×" + a.cols());
        }
        int n = a.rows();
        int[] pivots = new int[n];
        double norm1 = 0.0;
        for (double s : columnAbsSums(lu, n)) {
            norm1 = Math.max(norm1, s);
        }
        // a NaN or ∞ makes its column's sum NaN or ∞; only then is the matrix scanned (a sum can also overflow)
        if (!Double.isFinite(norm1) && !a.isFinite()) {
            throw new IllegalArgumentException("matrix has a NaN or infinite entry");
        }
        if (n == 0) {
            return new LuDecomposition(0, lu, pivots, false, 0.0);
        }
        intW info = new intW(0);
        Blas.lapack().dgetrf(n, n, lu, n, pivots, info);
        if (info.val < 0) {
            throw new IllegalStateException("dgetrf: illegal argument " + (-info.val));
        }
        return new LuDecomposition(n, lu, pivots, info.val > 0, norm1);
    }

    private static double[] columnAbsSums(double[] a, int n) {
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            // four running sums: one would be a chain of dependent additions, four keep the adder busy
            double t0 = 0.0;
            double t1 = 0.0;
            double t2 = 0.0;
            double t3 = 0.0;
            int off = j * n;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                t0 += Math.abs(a[off + i]);
                t1 += Math.abs(a[off + i + 1]);
                t2 += Math.abs(a[off + i + 2]);
                t3 += Math.abs(a[off + i + 3]);
            }
            for (; i < n; i++) {
                t0 += Math.abs(a[off + i]);
            }
            s[j] = (t0 + t1) + (t2 + t3);
        }
        return s;
    }

    /** The order n of the factorised matrix. */
    public int size() {
        return n;
    }

    /** True when U has an exactly zero pivot: the matrix is singular and cannot be solved with. */
    public boolean isSingular() {
        return singular;
    }

    /** x with A·x = b (b is not modified). */
    public double[] solve(double[] b) {
        double[] x = checkedCopy(b);
        solveInPlace(x, 1, false);
        return x;
    }

    /** y with Aᵀ·y = b, i.e. the row vector yᵀ = bᵀ·A⁻¹ (b is not modified). */
    public double[] solveTransposed(double[] b) {
        double[] y = checkedCopy(b);
        solveInPlace(y, 1, true);
        return y;
    }

    /** X with A·X = B for many right-hand sides at once (B is not modified). */
    public DenseMatrix solve(DenseMatrix b) {
        return solveMatrix(b, false);
    }

    /** Y with Aᵀ·Y = B, i.e. Yᵀ = Bᵀ·A⁻¹ (each column of B is a row vector times A⁻¹). */
    public DenseMatrix solveTransposed(DenseMatrix b) {
        return solveMatrix(b, true);
    }

    private DenseMatrix solveMatrix(DenseMatrix b, boolean transposed) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("right-hand side has " + b.rows() + " rows, expected " + n);
        }
        DenseMatrix x = b.copy();
        solveInPlace(x.data(), b.cols(), transposed);
        return x;
    }

    /**
     * Overwrites the column-major n × nrhs block {@code b} with the solution of A·X = B
     * ({@code transposed = false}) or Aᵀ·X = B ({@code transposed = true}).
     */
    public void solveInPlace(double[] b, int nrhs, boolean transposed) {
        if (singular) {
            throw new IllegalStateException("matrix is singular (zero pivot in LU); it cannot be solved with");
        }
        if (b.length != (long) n * nrhs) {
            throw new IllegalArgumentException("right-hand side length " + b.length + " is not " + n + "×" + nrhs);
        }
        if (n == 0 || nrhs == 0) {
            return;
        }
        intW info = new intW(0);
        Blas.lapack().dgetrs(transposed ? "T" : "N", n, nrhs, lu, n, pivots, b, n, info);
        if (info.val != 0) {
            throw new IllegalStateException("dgetrs: illegal argument " + (-info.val));
        }
    }

    /** The explicit inverse A⁻¹ (n solves with the identity). Prefer the solve methods. */
    public DenseMatrix inverse() {
        DenseMatrix inv = DenseMatrix.identity(n);
        solveInPlace(inv.data(), n, false);
        return inv;
    }

    /**
     * LAPACK's estimate (dgecon) of the reciprocal 1-norm condition number 1/(‖A‖₁‖A⁻¹‖₁): near 1 is
     * well conditioned; below ~1e-12 results lose most digits. 0 for a singular matrix.
     */
    public double reciprocalCondition() {
        if (singular) {
            return 0.0;
        }
        if (n == 0) {
            return 1.0;
        }
        doubleW rcond = new doubleW(0.0);
        intW info = new intW(0);
        Blas.lapack().dgecon("1", n, lu, n, norm1, rcond, new double[4 * n], new int[n], info);
        if (info.val != 0) {
            throw new IllegalStateException("dgecon: illegal argument " + (-info.val));
        }
        return rcond.val;
    }

    private double[] checkedCopy(double[] b) {
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side length " + b.length + " does not match order " + n);
        }
        return b.clone();
    }
}
