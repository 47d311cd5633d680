package org.klaster.inputoutput;

import java.util.Arrays;
import java.util.List;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * What the Leontief and Ghosh models share: the active part of a table, a coefficient matrix C
 * (A or B), one LU factorisation of I − C with its productivity certificate, solves on it, and
 * the inverse (I − C)⁻¹ formed only on request and cached.
 */
abstract sealed class FactorisedModel permits LeontiefModel, GhoshModel {

    final ActiveTable active;
    final DenseMatrix coefficients;
    final LuDecomposition lu;
    private final double spectralRadiusBound;
    private DenseMatrix inverse;

    FactorisedModel(ActiveTable active, DenseMatrix coefficients, String name) {
        this.active = active;
        this.coefficients = coefficients;
        this.lu = LuDecomposition.ofOverwriting(IoMath.identityMinus(coefficients));
        this.spectralRadiusBound = Productivity.check(coefficients, lu, name);
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
