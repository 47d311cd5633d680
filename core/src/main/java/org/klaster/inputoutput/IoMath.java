package org.klaster.inputoutput;

import org.klaster.linalg.DenseMatrix;

/**
 * The elementary input–output formulas (Miller &amp; Blair 2009, ch. 2, 4, 12) as small pure
 * functions named after the quantity they compute; each doc comment states the formula. Inputs
 * are never modified; results are new arrays. Indices: i = row (selling / supplying sector),
 * j = column (buying / using sector), k = final-demand category.
 */
public final class IoMath {

    private IoMath() {
    }

    /** Total output x_i = Σ_j z_ij + Σ_k f_ik (row sums of [Z F]). */
    public static double[] totalOutput(DenseMatrix z, DenseMatrix f) {
        requireSquare(z, "Z");
        if (f.rows() != z.rows()) {
            throw new IllegalArgumentException("F has " + f.rows() + " rows, Z has " + z.rows());
        }
        double[] x = z.rowSums();
        double[] fd = f.rowSums();
        for (int i = 0; i < x.length; i++) {
            x[i] += fd[i];
        }
        return x;
    }

    /** Final demand totals f_i = Σ_k f_ik. */
    public static double[] finalDemandTotals(DenseMatrix f) {
        return f.rowSums();
    }

    /** Technical (input) coefficients A = Z·diag(x)⁻¹: a_ij = z_ij / x_j. Requires x_j ≠ 0. */
    public static DenseMatrix technicalCoefficients(DenseMatrix z, double[] x) {
        requireSquare(z, "Z");
        requireLength(x, z.rows(), "x");
        int n = z.rows();
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0, off = j * n; i < n; i++) {
                a[off + i] = z.data()[off + i] / x[j];
            }
        }
        return DenseMatrix.wrap(n, n, a);
    }

    /** Allocation (output) coefficients B = diag(x)⁻¹·Z: b_ij = z_ij / x_i. Requires x_i ≠ 0. */
    public static DenseMatrix allocationCoefficients(DenseMatrix z, double[] x) {
        requireSquare(z, "Z");
        requireLength(x, z.rows(), "x");
        int n = z.rows();
        double[] b = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0, off = j * n; i < n; i++) {
                b[off + i] = z.data()[off + i] / x[i];
            }
        }
        return DenseMatrix.wrap(n, n, b);
    }

    /**
     * Interdependency matrix of the inoperability model A* = diag(x)⁻¹·A·diag(x):
     * a*_ij = a_ij·x_j / x_i (Santos &amp; Haimes 2004). Algebraically equal to B (= z_ij / x_i).
     */
    public static DenseMatrix inoperabilityCoefficients(DenseMatrix a, double[] x) {
        requireSquare(a, "A");
        requireLength(x, a.rows(), "x");
        int n = a.rows();
        double[] s = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0, off = j * n; i < n; i++) {
                s[off + i] = a.data()[off + i] * x[j] / x[i];
            }
        }
        return DenseMatrix.wrap(n, n, s);
    }

    /** I − M for a square M. */
    public static DenseMatrix identityMinus(DenseMatrix m) {
        requireSquare(m, "matrix");
        int n = m.rows();
        double[] d = m.data();
        double[] r = new double[n * n];
        for (int k = 0; k < r.length; k++) {
            r[k] = -d[k];
        }
        for (int i = 0; i < n; i++) {
            r[i + i * n] += 1.0;
        }
        return DenseMatrix.wrap(n, n, r);
    }

    /**
     * Per-unit-of-output coefficients c_j = flow_j / x_j — import coefficients m_j (imported
     * intermediate inputs of sector j / x_j) and value-added coefficients v_j = va_j / x_j.
     */
    public static double[] coefficients(double[] flows, double[] x) {
        requireLength(flows, x.length, "flows");
        double[] c = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            c[j] = flows[j] / x[j];
        }
        return c;
    }

    /**
     * Rasmussen (1956) normalised linkage index: index_j = n·s_j / Σ_k s_k. With s = column sums of
     * L this is the backward linkage BL_j; with s = row sums of G the forward linkage FL_i.
     */
    public static double[] linkageIndex(double[] sums) {
        int n = sums.length;
        double total = sum(sums);
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            r[j] = n * sums[j] / total;
        }
        return r;
    }

    /** Key sector (Rasmussen/Hirschman): BL_j &gt; 1 and FL_j &gt; 1. */
    public static boolean[] keySectors(double[] backward, double[] forward) {
        requireLength(forward, backward.length, "forward linkages");
        boolean[] k = new boolean[backward.length];
        for (int j = 0; j < k.length; j++) {
            k[j] = backward[j] > 1.0 && forward[j] > 1.0;
        }
        return k;
    }

    /** Percentage change 100·Δ_i / base_i (±∞ or NaN where base_i = 0, never a made-up number). */
    public static double[] percentChange(double[] change, double[] base) {
        requireLength(change, base.length, "change");
        double[] p = new double[base.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 100.0 * change[i] / base[i];
        }
        return p;
    }

    /** Σ_i v_i with Neumaier's compensated summation (totals of long vectors keep their digits). */
    public static double sum(double[] v) {
        double s = 0.0;
        double c = 0.0;
        for (double x : v) {
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                c += (s - t) + x;
            } else {
                c += (x - t) + s;
            }
            s = t;
        }
        return s + c;
    }

    private static void requireSquare(DenseMatrix m, String name) {
        if (!m.isSquare()) {
            throw new IllegalArgumentException(name + " must be square, got " + m.rows() + "×" + m.cols());
        }
    }

    private static void requireLength(double[] v, int n, String name) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + n);
        }
    }
}
