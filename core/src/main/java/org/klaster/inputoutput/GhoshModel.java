package org.klaster.inputoutput;

import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * The supply-driven Ghosh (1958) model of the active part of a table: B = diag(x)⁻¹·Z
 * (b_ij = z_ij / x_i, the share of sector i's output sold to sector j), G = (I − B)⁻¹, and
 * xᵀ = pᵀG for primary inputs p.
 *
 * <p>Like {@link LeontiefModel}, it factorises I − B once and answers with solves: row vectors
 * pᵀG by {@link #solveTransposed} (the natural Ghosh direction), G·v by {@link #solve}. B is
 * similar to A (B = diag(x)⁻¹·A·diag(x)), so ρ(B) = ρ(A) and the productivity check is the same;
 * a non-productive table throws {@link AnalysisException}. G is formed only on request
 * ({@link #ghoshInverse()}) and cached. Indexed by active sector.
 */
public final class GhoshModel extends FactorisedModel {

    private GhoshModel(ActiveTable active) {
        super(active, Kind.ALLOCATION, "B");
    }

    /** Builds the model of the table's active sectors; throws AnalysisException if not productive. */
    public static GhoshModel of(IoTable table) {
        return new GhoshModel(ActiveTable.of(table));
    }

    /**
     * The Ghosh model of the same table and active sectors as a Leontief model (shares its
     * restriction to active sectors; factorises I − B anew).
     */
    public static GhoshModel of(LeontiefModel leontief) {
        return new GhoshModel(leontief.active);
    }

    /** B = diag(x)⁻¹·Z, formed on first call and cached (shared instance: treat as read-only). */
    public DenseMatrix allocationCoefficients() {
        return coefficients();
    }

    /** The Ghosh inverse G = (I − B)⁻¹, formed on first call and cached (shared: read-only). */
    public DenseMatrix ghoshInverse() {
        return cachedInverse();
    }

    /** Row sums of G, Σ_j G_ij = (G·1)_i, by one solve. */
    public double[] rowSums() {
        return lu.solve(ones());
    }

    /** Forward linkages FL_i = n·Σ_j G_ij / Σ_ij G_ij (Rasmussen normalisation of G's row sums). */
    public double[] forwardLinkages() {
        return IoMath.linkageIndex(rowSums());
    }
}
