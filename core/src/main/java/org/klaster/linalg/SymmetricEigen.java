package org.klaster.linalg;

import org.netlib.util.intW;

/**
 * Selected eigenpairs of a real symmetric matrix, A·v = λ·v, by LAPACK {@code dsyevr} (reduction to
 * tridiagonal form, then the MRRR algorithm): O(n³) for the reduction but only O(n·k) for k
 * eigenvectors, so asking for the few largest pairs costs far less than a full (let alone a general,
 * non-symmetric {@code dgeev}) decomposition. Eigenvalues of a symmetric matrix are real and its
 * eigenvectors orthonormal, so the result is exact to rounding with no complex arithmetic.
 *
 * <p>Only the lower triangle of A is read. Each returned eigenvector has unit Euclidean norm; its
 * sign is whatever LAPACK produced (callers that need a sign convention impose it themselves).
 */
public final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /**
     * Eigenvalues in descending order, λ_0 ≥ λ_1 ≥ …, and the matching unit eigenvectors as the
     * columns of {@code vectors} (column j belongs to {@code values[j]}).
     */
    public record Pairs(double[] values, DenseMatrix vectors) {

        /** A copy of the eigenvector of {@code values[j]}. */
        public double[] vector(int j) {
            return vectors.column(j);
        }
    }

    /** The k largest eigenvalues of the symmetric A and their eigenvectors (1 ≤ k ≤ n). */
    public static Pairs largest(DenseMatrix a, int k) {
        int n = requireSymmetricShape(a);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenpairs of an order-" + n + " matrix");
        }
        return byIndex(a, n - k + 1, n);
    }

    /** All n eigenvalues of the symmetric A (descending) and their eigenvectors. */
    public static Pairs all(DenseMatrix a) {
        int n = requireSymmetricShape(a);
        if (n == 0) {
            return new Pairs(new double[0], new DenseMatrix(0, 0));
        }
        return byIndex(a, 1, n);
    }

    /** dsyevr with RANGE = 'I': the il-th through iu-th smallest (1-based) eigenpairs. */
    private static Pairs byIndex(DenseMatrix a, int il, int iu) {
        int n = a.rows();
        if (!a.isFinite()) {
            throw new IllegalArgumentException("matrix has a NaN or infinite entry");
        }
        double[] work = a.data().clone();   // dsyevr destroys its input
        int k = iu - il + 1;
        double[] w = new double[n];
        double[] z = new double[n * k];
        int[] isuppz = new int[2 * n];   // netlib checks 2·n, LAPACK needs 2·k
        intW found = new intW(0);
        intW info = new intW(0);
        // workspace query, then the computation
        double[] lworkOpt = new double[1];
        int[] liworkOpt = new int[1];
        Blas.lapack().dsyevr("V", "I", "L", n, work, n, 0.0, 0.0, il, iu, Double.MIN_NORMAL,
                found, w, z, n, isuppz, lworkOpt, -1, liworkOpt, -1, info);
        check(info);
        int lwork = Math.max(26 * n, (int) lworkOpt[0]);
        int liwork = Math.max(10 * n, liworkOpt[0]);
        Blas.lapack().dsyevr("V", "I", "L", n, work, n, 0.0, 0.0, il, iu, Double.MIN_NORMAL,
                found, w, z, n, isuppz, new double[lwork], lwork, new int[liwork], liwork, info);
        check(info);
        if (found.val != k) {
            throw new IllegalStateException("dsyevr returned " + found.val + " eigenpairs, expected " + k);
        }
        // LAPACK returns ascending order; reverse to descending
        double[] values = new double[k];
        double[] vectors = new double[n * k];
        for (int j = 0; j < k; j++) {
            int src = k - 1 - j;
            values[j] = w[src];
            System.arraycopy(z, src * n, vectors, j * n, n);
        }
        return new Pairs(values, DenseMatrix.wrap(n, k, vectors));
    }

    private static void check(intW info) {
        if (info.val < 0) {
            throw new IllegalStateException("dsyevr: illegal argument " + (-info.val));
        }
        if (info.val > 0) {
            throw new IllegalStateException("dsyevr: internal error " + info.val + " (no convergence)");
        }
    }

    private static int requireSymmetricShape(DenseMatrix a) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException("symmetric eigenproblem needs a square matrix, got " + a.rows() + "×" + a.cols());
        }
        return a.rows();
    }
}
