package org.klaster.inputoutput;

import java.util.Arrays;
import java.util.List;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * The demand-driven Leontief model of the active part of a table (Miller &amp; Blair 2009, ch. 2):
 * A = Z·diag(x)⁻¹, L = (I − A)⁻¹, x = L·f.
 *
 * <p>Construction factorises I − A once (LU with partial pivoting) and checks productivity
 * (ρ(A) &lt; 1; see {@link Productivity}), throwing {@link AnalysisException}
 * ("not productive: spectral radius of A is 1.02 ≥ 1") otherwise. Every question is then answered
 * with O(n²) solves on that factorisation: L·v by {@link #solve}, the row vector wᵀL by
 * {@link #solveTransposed}. The full L is formed only when {@link #leontiefInverse()} is called,
 * and cached.
 *
 * <p>Vectors and matrices are indexed by <em>active</em> sector (see {@link #sectors()},
 * {@link #tableIndex()}); inactive sectors (zero output) are not in the model. Safe to share
 * between threads once built (the lazy inverse is computed under a lock).
 */
public final class LeontiefModel {

    final ActiveTable active;
    private final DenseMatrix a;
    private final LuDecomposition lu;
    private final double spectralRadiusBound;
    private DenseMatrix inverse;

    private LeontiefModel(ActiveTable active) {
        this.active = active;
        this.a = IoMath.technicalCoefficients(active.intermediate(), active.x);
        this.lu = LuDecomposition.ofOverwriting(IoMath.identityMinus(a));
        this.spectralRadiusBound = Productivity.check(a, lu, "A");
    }

    /** Builds the model of the table's active sectors; throws AnalysisException if not productive. */
    public static LeontiefModel of(IoTable table) {
        return new LeontiefModel(ActiveTable.of(table));
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

    /** Final-demand totals f_i = Σ_k f_ik of the active sectors. */
    public double[] finalDemand() {
        return active.finalDemand.clone();
    }

    /** A = Z·diag(x)⁻¹ (shared instance: treat as read-only). */
    public DenseMatrix technicalCoefficients() {
        return a;
    }

    /** The LU factorisation of I − A (shared; immutable). */
    public LuDecomposition factorization() {
        return lu;
    }

    /** A proven upper bound &lt; 1 on ρ(A) (norm bound or Collatz–Wielandt certificate). */
    public double spectralRadiusBound() {
        return spectralRadiusBound;
    }

    /** L·v = (I − A)⁻¹v, e.g. Δx = L·Δf (one O(n²) solve). */
    public double[] solve(double[] v) {
        return lu.solve(v);
    }

    /** The row vector wᵀL = wᵀ(I − A)⁻¹ (one transposed solve), returned as a column. */
    public double[] solveTransposed(double[] w) {
        return lu.solveTransposed(w);
    }

    /** The Leontief inverse L = (I − A)⁻¹, formed on first call and cached (shared: read-only). */
    public synchronized DenseMatrix leontiefInverse() {
        if (inverse == null) {
            inverse = lu.inverse();
        }
        return inverse;
    }

    /** Output multipliers: column sums of L, Σ_i L_ij = (1ᵀL)_j, by one transposed solve. */
    public double[] outputMultipliers() {
        double[] ones = new double[size()];
        Arrays.fill(ones, 1.0);
        return lu.solveTransposed(ones);
    }

    /** Rasmussen backward linkages BL_j = n·Σ_i L_ij / Σ_ij L_ij. */
    public double[] backwardLinkages() {
        return IoMath.linkageIndex(outputMultipliers());
    }
}
