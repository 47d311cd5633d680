package org.klaster.linalg;

import java.util.Arrays;

/**
 * A dense real matrix stored <b>column-major</b> in one {@code double[]}: element (i, j) lives at
 * {@code data[i + j * rows]}. Column-major is LAPACK's layout, so the array goes to BLAS/LAPACK
 * without copying or transposing, and a column is a contiguous slice.
 *
 * <p>Indices are 0-based. The class is mutable (set/add) so that builders can fill it in place;
 * engines treat matrices they receive or return as read-only unless their documentation says
 * otherwise. Not thread-safe for writes.
 */
public final class DenseMatrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    /** A rows × cols matrix of zeros. */
    public DenseMatrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix dimension: " + rows + "×" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large for one array: " + rows + "×" + cols);
        }
        return (int) size;
    }

    /** Wraps (does not copy) a column-major array of length rows·cols. */
    public static DenseMatrix wrap(int rows, int cols, double[] columnMajor) {
        if (columnMajor.length != checkedSize(rows, cols)) {
            throw new IllegalArgumentException("array length " + columnMajor.length + " is not " + rows + "×" + cols);
        }
        return new DenseMatrix(rows, cols, columnMajor);
    }

    /** A copy of a row-major {@code double[rows][cols]} (all rows must have the same length). */
    public static DenseMatrix ofRows(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        DenseMatrix m = new DenseMatrix(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " entries, expected " + c);
            }
            for (int j = 0; j < c; j++) {
                m.data[i + j * r] = values[i][j];
            }
        }
        return m;
    }

    /** The n × n identity. */
    public static DenseMatrix identity(int n) {
        DenseMatrix m = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i + i * n] = 1.0;
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean isSquare() {
        return rows == cols;
    }

    public double get(int i, int j) {
        return data[index(i, j)];
    }

    public void set(int i, int j, double value) {
        data[index(i, j)] = value;
    }

    public void add(int i, int j, double value) {
        data[index(i, j)] += value;
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + "×" + cols);
        }
        return i + j * rows;
    }

    private void checkRow(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " outside " + rows + "×" + cols);
        }
    }

    private void checkColumn(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " outside " + rows + "×" + cols);
        }
    }

    /** The backing column-major array (not a copy): element (i, j) at {@code [i + j·rows()]}. */
    public double[] data() {
        return data;
    }

    public DenseMatrix copy() {
        return new DenseMatrix(rows, cols, data.clone());
    }

    /** A copy of column j. */
    public double[] column(int j) {
        checkColumn(j);
        return Arrays.copyOfRange(data, j * rows, (j + 1) * rows);
    }

    /** A copy of row i. */
    public double[] row(int i) {
        checkRow(i);
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = data[i + j * rows];
        }
        return r;
    }

    /** A row-major copy {@code double[rows][cols]}. */
    public double[][] toRows() {
        double[][] r = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                r[i][j] = data[i + j * rows];
            }
        }
        return r;
    }

    public DenseMatrix transpose() {
        DenseMatrix t = new DenseMatrix(cols, rows);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                t.data[j + i * cols] = data[i + j * rows];
            }
        }
        return t;
    }

    /** The submatrix of the listed rows and columns (in the given order). */
    public DenseMatrix select(int[] rowIndex, int[] colIndex) {
        DenseMatrix s = new DenseMatrix(rowIndex.length, colIndex.length);
        for (int jj = 0; jj < colIndex.length; jj++) {
            int j = colIndex[jj];
            checkColumn(j);
            int src = j * rows;
            int dst = jj * rowIndex.length;
            for (int ii = 0; ii < rowIndex.length; ii++) {
                int i = rowIndex[ii];
                checkRow(i);
                s.data[dst + ii] = data[src + i];
            }
        }
        return s;
    }

    /** y = A·x (BLAS dgemv). */
    public double[] multiply(double[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("vector length " + x.length + " does not match " + rows + "×" + cols);
        }
        double[] y = new double[rows];
        if (rows > 0 && cols > 0) {
            Blas.blas().dgemv("N", rows, cols, 1.0, data, rows, x, 1, 0.0, y, 1);
        }
        return y;
    }

    /** y = Aᵀ·x, i.e. the row vector xᵀA (BLAS dgemv). */
    public double[] multiplyTransposed(double[] x) {
        if (x.length != rows) {
            throw new IllegalArgumentException("vector length " + x.length + " does not match " + rows + "×" + cols);
        }
        double[] y = new double[cols];
        if (rows > 0 && cols > 0) {
            Blas.blas().dgemv("T", rows, cols, 1.0, data, Math.max(1, rows), x, 1, 0.0, y, 1);
        }
        return y;
    }

    /** C = A·B (BLAS dgemm). */
    public DenseMatrix multiply(DenseMatrix b) {
        if (b.rows != cols) {
            throw new IllegalArgumentException("cannot multiply " + rows + "×" + cols + " by " + b.rows + "×" + b.cols);
        }
        DenseMatrix c = new DenseMatrix(rows, b.cols);
        if (rows > 0 && b.cols > 0 && cols > 0) {
            Blas.blas().dgemm("N", "N", rows, b.cols, cols, 1.0, data, rows, b.data, b.rows, 0.0, c.data, rows);
        }
        return c;
    }

    /**
     * The Gram matrix G = Aᵀ·A (cols × cols, symmetric): g_jk = Σ_i a_ij·a_ik. BLAS dsyrk computes one
     * triangle — half the multiplications of dgemm and no transposed copy — and the other is mirrored.
     */
    public DenseMatrix transposeTimesSelf() {
        return symmetricRankK("T", cols, rows);
    }

    /** The outer Gram matrix G = A·Aᵀ (rows × rows, symmetric): g_ik = Σ_j a_ij·a_kj (BLAS dsyrk, mirrored). */
    public DenseMatrix timesTransposeSelf() {
        return symmetricRankK("N", rows, cols);
    }

    /** dsyrk into the lower triangle of an n×n C = op(A)·op(A)ᵀ with inner dimension k, then C's upper := lower. */
    private DenseMatrix symmetricRankK(String trans, int n, int k) {
        DenseMatrix c = new DenseMatrix(n, n);
        if (n == 0 || k == 0) {
            return c;
        }
        Blas.blas().dsyrk("L", trans, n, k, 1.0, data, rows, 0.0, c.data, n);
        mirrorLowerToUpper(c.data, n);
        return c;
    }

    /** a[j][i] := a[i][j] for i &gt; j (column-major n×n), in blocks so both sides stay in cache. */
    private static void mirrorLowerToUpper(double[] a, int n) {
        final int bs = 64;
        for (int jb = 0; jb < n; jb += bs) {
            for (int ib = jb; ib < n; ib += bs) {
                int jEnd = Math.min(jb + bs, n);
                int iEnd = Math.min(ib + bs, n);
                for (int j = jb; j < jEnd; j++) {
                    for (int i = Math.max(ib, j + 1); i < iEnd; i++) {
                        a[j + i * n] = a[i + j * n];
                    }
                }
            }
        }
    }

    /** Σ_j a_ij for every row i (plain summation in column order). */
    public double[] rowSums() {
        double[] s = new double[rows];
        for (int j = 0; j < cols; j++) {
            int off = j * rows;
            for (int i = 0; i < rows; i++) {
                s[i] += data[off + i];
            }
        }
        return s;
    }

    /** Σ_i a_ij for every column j. */
    public double[] columnSums() {
        double[] s = new double[cols];
        for (int j = 0; j < cols; j++) {
            int off = j * rows;
            double t = 0.0;
            for (int i = 0; i < rows; i++) {
                t += data[off + i];
            }
            s[j] = t;
        }
        return s;
    }

    /** True when every entry is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** max_ij |a_ij − b_ij| for two matrices of the same shape. */
    public double maxAbsDifference(DenseMatrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("shapes differ: " + rows + "×" + cols + " vs " + other.rows + "×" + other.cols);
        }
        double m = 0.0;
        for (int k = 0; k < data.length; k++) {
            m = Math.max(m, Math.abs(data[k] - other.data[k]));
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DenseMatrix ").append(rows).append('×').append(cols);
        if ((long) rows * cols <= 36) {
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? " [" : ", ").append(Arrays.toString(row(i)));
            }
            if (rows > 0) {
                sb.append(']');
            }
        }
        return sb.toString();
    }
}
