package org.klaster.inputoutput;

import java.util.Arrays;
import java.util.List;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * What the Leontief and Ghosh models share: the active part of a table, a coefficient matrix C
 * (A or B), one LU factorisation of I − C with its productivity certificate, solves on it, and
 * the inverse (I − C)⁻¹ formed only on request and cached.
 *
 * <p>Memory: I − C is built in one pass straight from the table's Z (no copy of Z, no separate C)
 * and factorised in place, so a model holds one n×n array besides the table (768 MB at n = 9,800).
 * C itself is formed only when asked for ({@link #coefficients()}, e.g. by hypothetical extraction).
 */
abstract sealed class FactorisedModel permits LeontiefModel, GhoshModel {

    /** Which coefficient matrix: A = Z·diag(x)⁻¹ (Leontief) or B = diag(x)⁻¹·Z (Ghosh). */
    enum Kind { TECHNICAL, ALLOCATION }

    final ActiveTable active;
    final Kind kind;
    final LuDecomposition lu;
    private final double spectralRadiusBound;
    private final boolean tableConsumed;
    private DenseMatrix coefficients;
    private DenseMatrix inverse;

    FactorisedModel(ActiveTable active, Kind kind, String name) {
        this(active, kind, name, false);
    }

    /**
     * With {@code overwriteTable}, I − C is built in the table's own Z array and factorised there
     * ({@link #identityMinusTechnicalInPlace}): only for the technical kind with every sector active
     * (the caller checks), and the table's Z is lost — see {@link LeontiefModel#consuming}.
     */
    FactorisedModel(ActiveTable active, Kind kind, String name, boolean overwriteTable) {
        this.active = active;
        this.kind = kind;
        this.tableConsumed = overwriteTable;
        double[] bound = new double[1];
        DenseMatrix iMinusC;
        if (overwriteTable) {
            if (kind != Kind.TECHNICAL || active.size() != active.table.size()) {
                throw new IllegalArgumentException("I − C can be built in Z only for A with every sector active");
            }
            double[] diagonal = new double[active.size()];
            iMinusC = identityMinusTechnicalInPlace(active, bound, diagonal);
            if (!(bound[0] < 1.0)) {
                // the productivity certificate needs A: rebuild it exactly before the LU overwrites I − A
                coefficients = coefficientsOf(iMinusC, diagonal);
            }
        } else {
            iMinusC = identityMinusCoefficients(active, kind, bound);
        }
        this.lu = LuDecomposition.ofOverwriting(iMinusC);
        this.spectralRadiusBound = Productivity.check(bound[0], this::coefficients, lu, name);
    }

    /**
     * I − A written over the table's Z itself (every sector active, so I − A has Z's shape): each
     * element goes through exactly the operations of {@link #identityMinusCoefficients} — c = z_ij/x_j,
     * −c, +1 on the diagonal — and the norm bound is summed in the same order, so the matrix, its LU
     * and every result are bit-for-bit those of the copying path. The diagonal of A is kept in
     * {@code diagonalOfA} (A's off-diagonal is −(I − A)'s, exactly).
     *
     * @throws IllegalArgumentException if a flow is negative or not finite (the table must have passed
     *                                  validation; Z is then partly overwritten)
     */
    static DenseMatrix identityMinusTechnicalInPlace(ActiveTable t, double[] normBound, double[] diagonalOfA) {
        DenseMatrix zm = t.table.intermediate();
        int n = t.size();
        double[] x = t.x;
        double[] r = zm.data();
        double[] rowAbs = new double[n];
        double maxCol = 0.0;
        for (int j = 0; j < n; j++) {
            int off = j * n;
            double xj = x[j];
            double colAbs = 0.0;
            for (int i = 0; i < n; i++) {
                double v = r[off + i];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(
                            "intermediate flows must be finite and nonnegative (validate the table first)");
                }
                double c = v / xj;
                colAbs += c;
                rowAbs[i] += c;
                r[off + i] = -c;
            }
            diagonalOfA[j] = -r[off + j];
            r[off + j] += 1.0;
            maxCol = Math.max(maxCol, colAbs);
        }
        double maxRow = 0.0;
        for (double s : rowAbs) {
            maxRow = Math.max(maxRow, s);
        }
        normBound[0] = Math.min(maxCol, maxRow);
        return zm;
    }

    /** A from I − A and A's diagonal: a_ij = −(I − A)_ij off the diagonal (exact), a_jj as kept. */
    private static DenseMatrix coefficientsOf(DenseMatrix iMinusA, double[] diagonalOfA) {
        int n = iMinusA.rows();
        double[] r = iMinusA.data();
        DenseMatrix a = new DenseMatrix(n, n);
        double[] d = a.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = -r[k];
        }
        for (int j = 0; j < n; j++) {
            d[j * n + j] = diagonalOfA[j];
        }
        return a;
    }

    /**
     * I − C for the active sectors, read directly from the table's Z: (I − A)_ij = δ_ij − z_ij/x_j,
     * (I − B)_ij = δ_ij − z_ij/x_i (the same floating-point operations as forming C, then I − C).
     * Also stores in {@code normBound[0]} min(max column sum, max row sum) of C, the cheap upper
     * bound on ρ(C) of {@link org.klaster.linalg.SpectralRadius#normBound}, summed in the same order.
     *
     * @throws IllegalArgumentException if an active flow is negative or not finite
     */
    static DenseMatrix identityMinusCoefficients(ActiveTable t, Kind kind, double[] normBound) {
        int n = t.size();
        int tableN = t.table.size();
        int[] index = t.index;
        double[] x = t.x;
        double[] z = t.table.intermediate().data();
        DenseMatrix result = new DenseMatrix(n, n);
        double[] r = result.data();
        double[] rowAbs = new double[n];
        double maxCol = 0.0;
        for (int j = 0; j < n; j++) {
            int src = index[j] * tableN;
            int dst = j * n;
            double xj = x[j];
            double colAbs = 0.0;
            for (int i = 0; i < n; i++) {
                double v = z[src + index[i]];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new InvalidParameterException(Text.core("io.flows.invalid"));
                }
                double c = kind == Kind.TECHNICAL ? v / xj : v / x[i];
                colAbs += c;
                rowAbs[i] += c;
                r[dst + i] = -c;
            }
            r[dst + j] += 1.0;
            maxCol = Math.max(maxCol, colAbs);
        }
        double maxRow = 0.0;
        for (double s : rowAbs) {
            maxRow = Math.max(maxRow, s);
        }
        normBound[0] = Math.min(maxCol, maxRow);
        return result;
    }

    /** C (A or B), formed on first call and cached (shared: read-only). */
    final synchronized DenseMatrix coefficients() {
        if (coefficients == null) {
            if (tableConsumed) {
                throw new IllegalStateException("this model was built in the table's own Z (LeontiefModel.consuming),"
                        + " so A can no longer be formed; build the model with LeontiefModel.of for this question");
            }
            DenseMatrix z = active.intermediate();
            coefficients = kind == Kind.TECHNICAL ? IoMath.technicalCoefficients(z, active.x)
                    : IoMath.allocationCoefficients(z, active.x);
        }
        return coefficients;
    }

    /** The table the model was built from. */
    public IoTable table() {
        return active.table;
    }

    /** Codes of the active sectors, in model order. */
    public List<String> sectors() {
        return active.sectors;
    }

    /** Number of active sectors n. */
    public int size() {
        return active.size();
    }

    /** Position in the table of each active sector. */
    public int[] tableIndex() {
        return active.index.clone();
    }

    /** Total output x of the active sectors. */
    public double[] totalOutput() {
        return active.x.clone();
    }

    /** The LU factorisation of I − C (shared; immutable). */
    public LuDecomposition factorization() {
        return lu;
    }

    /** A proven upper bound &lt; 1 on the spectral radius (norm bound or Collatz–Wielandt certificate). */
    public double spectralRadiusBound() {
        return spectralRadiusBound;
    }

    /** (I − C)⁻¹·v by one O(n²) solve. */
    public double[] solve(double[] v) {
        return lu.solve(v);
    }

    /** The row vector wᵀ(I − C)⁻¹ by one transposed solve, returned as a column. */
    public double[] solveTransposed(double[] w) {
        return lu.solveTransposed(w);
    }

    /** (I − C)⁻¹, formed on first call and cached (shared: read-only). */
    final synchronized DenseMatrix cachedInverse() {
        if (inverse == null) {
            inverse = lu.inverse();
        }
        return inverse;
    }

    /** A vector of n ones, the right-hand side of row and column sums. */
    final double[] ones() {
        double[] ones = new double[size()];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
