package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * Hypothetical extraction (Dietzenbacher, van der Linden &amp; Steenge 1993), for every active
 * sector j:
 * <ul>
 *   <li>backward: column j of A set to 0 (j buys no intermediate inputs), x̄ = (I − Ā)⁻¹f,
 *       loss = Σx − Σx̄, and 100·loss/Σx;</li>
 *   <li>forward: row j of B set to 0 (j sells no intermediate inputs), x̄ᵀ = pᵀ(I − B̄)⁻¹ with
 *       p = imports + value added, loss = Σ(pᵀG) − Σx̄, and 100·loss/Σ(pᵀG) (for a balanced table
 *       pᵀG = xᵀ, so the loss is Σx − Σx̄ as well). NaN without a value-added row.</li>
 * </ul>
 *
 * <p>Numerics: zeroing column j of A is a rank-one change, I − Ā = (I − A) + a_j e_jᵀ, so by
 * Sherman–Morrison x̄ = x_L − w·(x_L)_j / (1 + w_j) with x_L = (I − A)⁻¹f and w = (I − A)⁻¹a_j, and
 * only the sum Σx̄ = Σx_L − (Σw)(x_L)_j/(1 + w_j) is needed. Likewise for the forward case with
 * (I − B̄)ᵀ = (I − B)ᵀ + b_j e_jᵀ (b_j = row j of B) and transposed solves. All n extractions thus
 * reuse the one LU of each model: the right-hand sides a_j (resp. b_j) go to LAPACK in blocks of
 * {@link #BLOCK} columns, O(n²) per sector instead of a fresh O(n³) factorisation. 1 + w_j = L_jj
 * (resp. G_jj) ≥ 1, so the update never divides by a small number.
 */
public final class HypotheticalExtraction {

    /** Right-hand sides per LAPACK call. */
    static final int BLOCK = 256;

    private HypotheticalExtraction() {
    }

    /** One output row; columns of formats.md §5 ({@code klaster io extract}) in order. */
    public record Row(
            String sector,
            double backwardExtractionLoss,
            double backwardExtractionLossPct,
            double forwardExtractionLoss,
            double forwardExtractionLossPct) {
    }

    public static List<Row> compute(IoTable table) {
        LeontiefModel leontief = LeontiefModel.of(table);
        return compute(leontief, GhoshModel.of(leontief));
    }

    public static List<Row> compute(LeontiefModel leontief, GhoshModel ghosh) {
        ActiveTable t = leontief.active;
        if (ghosh.active.table != t.table || !Arrays.equals(ghosh.active.index, t.index)) {
            throw new IllegalArgumentException("the Leontief and Ghosh models come from different tables");
        }
        double[] backward = backwardLosses(leontief);
        double sumX = IoMath.sum(t.x);
        double[] p = t.primaryInputs();
        double[] forward;
        double forwardBase;
        if (p == null) {
            forward = new double[t.size()];
            Arrays.fill(forward, Double.NaN);
            forwardBase = Double.NaN;
        } else {
            forward = forwardLosses(ghosh, p);
            forwardBase = IoMath.sum(ghosh.solveTransposed(p));
        }
        double[] bw = t.expand(backward);
        double[] fw = t.expand(forward);
        List<Row> rows = new ArrayList<>(bw.length);
        for (int i = 0; i < bw.length; i++) {
            rows.add(new Row(t.table.sectors().get(i), bw[i], 100.0 * bw[i] / sumX, fw[i], 100.0 * fw[i] / forwardBase));
        }
        return rows;
    }

    /** Backward extraction losses Σx − Σx̄_(j) for every active j (array by active sector). */
    public static double[] backwardLosses(LeontiefModel model) {
        ActiveTable t = model.active;
        int n = t.size();
        double[] xl = model.solve(t.finalDemand);
        double gap = IoMath.sum(t.x) - IoMath.sum(xl);   // rounding-level: Σx − Σ L·f
        double[] a = model.technicalCoefficients().data();
        LuDecomposition lu = model.factorization();
        double[] loss = new double[n];
        for (int start = 0; start < n; start += BLOCK) {
            int count = Math.min(BLOCK, n - start);
            double[] w = Arrays.copyOfRange(a, start * n, (start + count) * n);   // columns a_j
            lu.solveInPlace(w, count, false);
            for (int c = 0; c < count; c++) {
                int j = start + c;
                int off = c * n;
                loss[j] = gap + sum(w, off, n) * xl[j] / (1.0 + w[off + j]);
            }
        }
        return loss;
    }

    /** Forward extraction losses Σ(pᵀG) − Σx̄_(j) for every active j (array by active sector). */
    public static double[] forwardLosses(GhoshModel model, double[] primaryInputs) {
        int n = model.size();
        double[] xg = model.solveTransposed(primaryInputs);
        DenseMatrix bm = model.allocationCoefficients();
        double[] b = bm.data();
        LuDecomposition lu = model.factorization();
        double[] loss = new double[n];
        for (int start = 0; start < n; start += BLOCK) {
            int count = Math.min(BLOCK, n - start);
            double[] w = new double[count * n];
            for (int i = 0; i < n; i++) {                    // column c of the block = row j of B
                int src = i * n + start;
                for (int c = 0; c < count; c++) {
                    w[c * n + i] = b[src + c];
                }
            }
            lu.solveInPlace(w, count, true);
            for (int c = 0; c < count; c++) {
                int j = start + c;
                int off = c * n;
                loss[j] = sum(w, off, n) * xg[j] / (1.0 + w[off + j]);
            }
        }
        return loss;
    }

    private static double sum(double[] v, int offset, int length) {
        double s = 0.0;
        double comp = 0.0;
        for (int k = offset; k < offset + length; k++) {
            double x = v[k];
            double t = s + x;
            comp += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + comp;
    }
}
