package org.klaster.linalg;

/**
 * Independent test oracle: textbook Gauss–Jordan elimination with partial pivoting on row-major
 * {@code double[][]}, written without BLAS/LAPACK so that it cannot share their errors.
 */
public final class Naive {

    private Naive() {
    }

    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1.0;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            double pivot = m[c][c];
            if (pivot == 0.0) {
                throw new ArithmeticException("singular");
            }
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= pivot;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0.0) {
                    double f = m[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /** x = M⁻¹b via the naive inverse. */
    public static double[] solve(double[][] a, double[] b) {
        return multiply(inverse(a), b);
    }

    public static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The row vector yᵀ = xᵀ·M. */
    public static double[] multiplyLeft(double[] x, double[][] a) {
        double[] y = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += x[i] * a[i][j];
            }
        }
        return y;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    public static double[][] identityMinus(double[][] a) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = (i == j ? 1.0 : 0.0) - a[i][j];
            }
        }
        return r;
    }

    public static double[] columnSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    public static double[] rowSums(double[][] a) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (double v : a[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    public static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** max_i |a_i − b_i| / max(|b_i|, floor). */
    public static double maxRelativeError(double[] actual, double[] expected, double floor) {
        double m = 0;
        for (int i = 0; i < expected.length; i++) {
            m = Math.max(m, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor));
        }
        return m;
    }
}
