package org.klaster.inputoutput;

import java.util.Arrays;
import java.util.List;
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
public final class GhoshModel {

    final ActiveTable active;
    private final DenseMatrix b;
    private final LuDecomposition lu;
    private final double spectralRadiusBound;
    private DenseMatrix inverse;

    private GhoshModel(ActiveTable active) {
        this.active = active;
        this.b = IoMath.allocationCoefficients(active.intermediate(), active.x);
        this.lu = LuDecomposition.ofOverwriting(IoMath.identityMinus(b));
        this.spectralRadiusBound = Productivity.check(b, lu, "B");
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

    public IoTable table() {
        return active.table;
    }

    /** Codes of the active sectors, in model order. */
    public List<String> sectors() {
        return active.sectors;
    }

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

    /** B = diag(x)⁻¹·Z (shared instance: treat as read-only). */
    public DenseMatrix allocationCoefficients() {
        return b;
    }

    /** The LU factorisation of I − B (shared; immutable). */
    public LuDecomposition factorization() {
        return lu;
    }

    /** A proven upper bound &lt; 1 on ρ(B) = ρ(A). */
    public double spectralRadiusBound() {
        return spectralRadiusBound;
    }

    /** G·v = (I − B)⁻¹v (one solve). */
    public double[] solve(double[] v) {
        return lu.solve(v);
    }

    /** The row vector pᵀG = pᵀ(I − B)⁻¹ (one transposed solve), returned as a column. */
    public double[] solveTransposed(double[] p) {
        return lu.solveTransposed(p);
    }

    /** The Ghosh inverse G = (I − B)⁻¹, formed on first call and cached (shared: read-only). */
    public synchronized DenseMatrix ghoshInverse() {
        if (inverse == null) {
            inverse = lu.inverse();
        }
        return inverse;
    }

    /** Row sums of G, Σ_j G_ij = (G·1)_i, by one solve. */
    public double[] rowSums() {
        double[] ones = new double[size()];
        Arrays.fill(ones, 1.0);
        return lu.solve(ones);
    }

    /** Forward linkages FL_i = n·Σ_j G_ij / Σ_ij G_ij (Rasmussen normalisation of G's row sums). */
    public double[] forwardLinkages() {
        return IoMath.linkageIndex(rowSums());
    }
}
