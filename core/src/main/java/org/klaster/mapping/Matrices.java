package org.klaster.mapping;

/** Shape and value checks shared by the engines; they fail fast instead of returning NaN tables. */
final class Matrices {

    private Matrices() {
    }

    /** Number of columns of a rectangular matrix (0 when it has no rows). */
    static int columns(double[][] m, String name) {
        if (m == null) {
            throw new NullPointerException(name);
        }
        int cols = m.length == 0 ? 0 : m[0].length;
        for (double[] row : m) {
            if (row.length != cols) {
                throw new IllegalArgumentException(name + " is not rectangular");
            }
        }
        return cols;
    }

    /** Every cell finite and ≥ 0 (employment, establishments). */
    static int requireNonNegative(double[][] m, String name) {
        int cols = columns(m, name);
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < cols; c++) {
                double v = m[r][c];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(
                            name + "[" + r + "][" + c + "] must be a finite number >= 0, was " + v);
                }
            }
        }
        return cols;
    }

    static void requireSameShape(double[][] a, String aName, double[][] b, String bName) {
        int ca = columns(a, aName);
        int cb = columns(b, bName);
        if (a.length != b.length || ca != cb) {
            throw new IllegalArgumentException(aName + " is " + a.length + "x" + ca + " but " + bName
                    + " is " + b.length + "x" + cb);
        }
    }
}
