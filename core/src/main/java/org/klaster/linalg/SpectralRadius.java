package org.klaster.linalg;

import org.netlib.util.intW;

/**
 * Spectral radius ρ(A) = max |λ| of a square matrix, with the nonnegative case (input–output
 * coefficient matrices) in mind.
 *
 * <p>Method, chosen by {@link #of(DenseMatrix)}:
 * <ul>
 *   <li>n ≤ {@link #DENSE_EIGEN_LIMIT}: all eigenvalues by LAPACK {@code dgeev} (Hessenberg QR after
 *       balancing, O(10n³)); ρ = max |λ|. Exact to rounding for any real matrix.</li>
 *   <li>larger n (nonnegative A only): power iteration on the shifted matrix A + sI
 *       (s = ½·{@link #normBound}), which has the same Perron vector and is aperiodic, so it converges
 *       also for cyclic (periodic) matrices. Every iterate v &gt; 0 gives the Collatz–Wielandt bracket
 *       min_i (Av)_i/v_i ≤ ρ ≤ max_i (Av)_i/v_i, valid for every nonnegative A; the estimate is
 *       Σ(Av)/Σv. Iteration stops when the bracket or the estimate settles, or after
 *       {@link #POWER_MAX_ITERATIONS} matrix–vector products (then the bracket is reported as is;
 *       for reducible matrices the lower bound may stay loose while the estimate converges).</li>
 * </ul>
 * Deciding productivity (ρ &lt; 1) does not need ρ itself: see {@link #normBound} (cheap sufficient
 * test) and the certificate used by the input–output models (a positive solution y of
 * (I − A)y = 1 with Ay &lt; y proves ρ ≤ max_i (Ay)_i/y_i &lt; 1). ρ is computed only to report it.
 */
public final class SpectralRadius {

    /** Largest order for which all eigenvalues are computed by dgeev. */
    public static final int DENSE_EIGEN_LIMIT = 2000;
    /** Cap on matrix–vector products in the power iteration. */
    public static final int POWER_MAX_ITERATIONS = 1000;
    /** Relative tolerance of the power iteration. */
    public static final double POWER_TOLERANCE = 1e-10;

    private SpectralRadius() {
    }

    /**
     * ρ together with a bracket [lower, upper] known to contain it (lower = upper = value for dgeev)
     * and the method that produced it.
     */
    public record Estimate(double value, double lower, double upper, String method, int iterations) {

        /** True when the bracket is narrower than 1e-6 relative (the value is trustworthy as printed). */
        public boolean isTight() {
            return upper - lower <= 1e-6 * Math.max(Math.abs(upper), Double.MIN_NORMAL);
        }
    }

    /** ρ(A) by the method appropriate to the size (see class comment). */
    public static Estimate of(DenseMatrix a) {
        requireSquare(a);
        if (a.rows() <= DENSE_EIGEN_LIMIT) {
            Estimate e = byEigenvalues(a);
            if (e != null) {
                return e;
            }
        }
        return byPowerIteration(a, POWER_TOLERANCE, POWER_MAX_ITERATIONS);
    }

    /**
     * ρ = max |λ| over all eigenvalues from LAPACK dgeev (no eigenvectors). Returns null if the QR
     * algorithm failed to converge (LAPACK info &gt; 0), which is rare.
     */
    public static Estimate byEigenvalues(DenseMatrix a) {
        requireSquare(a);
        int n = a.rows();
        if (n == 0) {
            return new Estimate(0.0, 0.0, 0.0, "dgeev", 0);
        }
        if (!a.isFinite()) {
            throw new IllegalArgumentException("matrix has a NaN or infinite entry");
        }
        double[] work = a.data().clone();
        double[] wr = new double[n];
        double[] wi = new double[n];
        double[] dummy = new double[1];
        double[] query = new double[1];
        intW info = new intW(0);
        Blas.lapack().dgeev("N", "N", n, work, n, wr, wi, dummy, 1, dummy, 1, query, -1, info);
        int lwork = Math.max(3 * n, (int) query[0]);
        info.val = 0;
        Blas.lapack().dgeev("N", "N", n, work, n, wr, wi, dummy, 1, dummy, 1, new double[lwork], lwork, info);
        if (info.val < 0) {
            throw new IllegalStateException("dgeev: illegal argument " + (-info.val));
        }
        if (info.val > 0) {
            return null;
        }
        double rho = 0.0;
        for (int i = 0; i < n; i++) {
            rho = Math.max(rho, Math.hypot(wr[i], wi[i]));
        }
        return new Estimate(rho, rho, rho, "dgeev", 0);
    }

    /**
     * Power iteration with Collatz–Wielandt bounds for a nonnegative matrix (see class comment).
     *
     * @param relativeTolerance stop when (upper − lower) ≤ tol·upper, or when the estimate changed by
     *                          less than tol·estimate for 20 consecutive iterations
     */
    public static Estimate byPowerIteration(DenseMatrix a, double relativeTolerance, int maxIterations) {
        requireSquare(a);
        requireNonnegative(a);
        int n = a.rows();
        double bound = normBound(a);
        if (n == 0 || bound == 0.0) {
            return new Estimate(0.0, 0.0, 0.0, "power iteration", 0);
        }
        double shift = 0.5 * bound;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0 / n);
        double[] av = new double[n];
        double[] m = a.data();
        double lower = 0.0;
        double upper = bound;
        double estimate = Double.NaN;
        int stable = 0;
        int it = 0;
        while (it < maxIterations) {
            it++;
            Blas.blas().dgemv("N", n, n, 1.0, m, n, v, 1, 0.0, av, 1);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0.0;
            double sumAv = 0.0;
            double sumV = 0.0;
            for (int i = 0; i < n; i++) {
                double ratio = av[i] / v[i];
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
                sumAv += av[i];
                sumV += v[i];
            }
            lower = Math.max(lower, lo);
            upper = Math.min(upper, hi);
            double next = sumAv / sumV;
            if (Math.abs(next - estimate) <= relativeTolerance * next) {
                stable++;
            } else {
                stable = 0;
            }
            estimate = next;
            if (upper - lower <= relativeTolerance * upper || stable >= 20) {
                break;
            }
            // v ← (A + sI)v, normalised to sum 1, kept strictly positive so the bounds stay valid
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                double w = av[i] + shift * v[i];
                v[i] = w;
                total += w;
            }
            for (int i = 0; i < n; i++) {
                v[i] = Math.max(v[i] / total, 1e-280);
            }
        }
        double value = Math.min(Math.max(estimate, lower), upper);
        return new Estimate(value, lower, upper, "power iteration", it);
    }

    /**
     * min(max column sum, max row sum) of |A| — an upper bound on ρ(A) (ρ ≤ any induced norm). For a
     * nonnegative matrix, a bound &lt; 1 proves ρ &lt; 1 at O(n²) cost.
     */
    public static double normBound(DenseMatrix a) {
        requireSquare(a);
        int n = a.rows();
        double[] d = a.data();
        double[] rows = new double[n];
        double maxCol = 0.0;
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0, off = j * n; i < n; i++) {
                double v = Math.abs(d[off + i]);
                s += v;
                rows[i] += v;
            }
            maxCol = Math.max(maxCol, s);
        }
        double maxRow = 0.0;
        for (double r : rows) {
            maxRow = Math.max(maxRow, r);
        }
        return Math.min(maxCol, maxRow);
    }

    private static void requireSquare(DenseMatrix a) {
        if (!a.isSquare()) {
            throw new IllegalArgumentException("spectral radius needs a square matrix, got " + a.rows() + "×" + a.cols());
        }
    }

    private static void requireNonnegative(DenseMatrix a) {
        for (double v : a.data()) {
            if (!(v >= 0.0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("power iteration with Collatz–Wielandt bounds needs a finite nonnegative matrix");
            }
        }
    }
}
