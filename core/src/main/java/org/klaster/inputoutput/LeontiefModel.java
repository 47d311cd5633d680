package org.klaster.inputoutput;

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
public final class LeontiefModel extends FactorisedModel {

    private LeontiefModel(ActiveTable active) {
        super(active, Kind.TECHNICAL, "A");
    }

    /** Builds the model of the table's active sectors; throws AnalysisException if not productive. */
    public static LeontiefModel of(IoTable table) {
        return new LeontiefModel(ActiveTable.of(table));
    }

    private LeontiefModel(ActiveTable active, boolean overwriteTable) {
        super(active, Kind.TECHNICAL, "A", overwriteTable);
    }

    /**
     * Like {@link #of}, with half the memory: the caller hands the table over, and when every sector is
     * active I − A is built in the table's own Z array and factorised there, so the model and the
     * table hold one n×n array, not two (at n = 9 800: 768 MB instead of 1.5 GB). Results are
     * bit-for-bit those of {@link #of} (same operations in the same order).
     *
     * <p>Afterwards the table's Z holds the LU, not flows: do not use the table (or anything sharing
     * its Z) again; the model's {@link #technicalCoefficients()} cannot be formed any more and throws
     * IllegalStateException (solves and {@link #leontiefInverse()} work, from the LU). Meant for one-question
     * runs such as {@code klaster io shock --demand}. With inactive sectors (I − A is then smaller
     * than Z) this is {@link #of} and the table is left intact.
     *
     * @throws IllegalArgumentException if a flow is negative or not finite (validate the table first)
     */
    public static LeontiefModel consuming(IoTable table) {
        ActiveTable active = ActiveTable.of(table);
        if (active.size() != table.size()) {
            return new LeontiefModel(active);
        }
        return new LeontiefModel(active, true);
    }

    /** Final-demand totals f_i = Σ_k f_ik of the active sectors. */
    public double[] finalDemand() {
        return active.finalDemand.clone();
    }

    /** A = Z·diag(x)⁻¹, formed on first call and cached (shared instance: treat as read-only). */
    public DenseMatrix technicalCoefficients() {
        return coefficients();
    }

    /** The Leontief inverse L = (I − A)⁻¹, formed on first call and cached (shared: read-only). */
    public DenseMatrix leontiefInverse() {
        return cachedInverse();
    }

    /** Output multipliers: column sums of L, Σ_i L_ij = (1ᵀL)_j, by one transposed solve. */
    public double[] outputMultipliers() {
        return lu.solveTransposed(ones());
    }

    /** Rasmussen backward linkages BL_j = n·Σ_i L_ij / Σ_ij L_ij. */
    public double[] backwardLinkages() {
        return IoMath.linkageIndex(outputMultipliers());
    }
}
