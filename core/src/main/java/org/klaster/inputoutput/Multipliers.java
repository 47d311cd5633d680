package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.klaster.linalg.DenseMatrix;

/**
 * The multiplier table of {@code klaster io multipliers} (methods.md §2), one row per table sector:
 * <ul>
 *   <li>output multiplier_j = Σ_i L_ij;</li>
 *   <li>backward linkage BL_j = n·Σ_i L_ij / Σ_ij L_ij (Rasmussen 1956);</li>
 *   <li>forward linkage FL_i = n·Σ_j G_ij / Σ_ij G_ij with the Ghosh inverse G = (I − B)⁻¹;</li>
 *   <li>key sector: BL &gt; 1 and FL &gt; 1;</li>
 *   <li>import content_j = Σ_i m_i L_ij with m_i = imported intermediate inputs of sector i / x_i;</li>
 *   <li>value-added multiplier_j = Σ_i v_i L_ij with v_i = va_i / x_i.</li>
 * </ul>
 * Nothing here forms L or G: the three row vectors 1ᵀL, mᵀL, vᵀL are one LAPACK call with three
 * right-hand sides on the LU of (I − A)ᵀ. G needs no factorisation of its own: B = D⁻¹AD with
 * D = diag(x), so G = D⁻¹LD and its row sums are G·1 = D⁻¹·L·x, one more solve on the same LU
 * ({@link #compute(LeontiefModel)}); {@link #compute(LeontiefModel, GhoshModel)} takes G·1 from a
 * Ghosh model's own LU instead.
 *
 * <p>Inactive sectors get output 0 and NaN (printed empty) elsewhere, keySector null. Import content
 * is NaN for tables without imports, the value-added multiplier NaN without a value-added row.
 */
public final class Multipliers {

    private Multipliers() {
    }

    /** One output row; columns of formats.md §5 in order. */
    public record Row(
            String sector,
            double output,
            double outputMultiplier,
            double backwardLinkage,
            double forwardLinkage,
            Boolean keySector,
            double importContent,
            double valueAddedMultiplier) {
    }


    /** Builds the Leontief model and the table (throws AnalysisException if not productive). */
    public static List<Row> compute(IoTable table) {
        return compute(LeontiefModel.of(table));
    }

    /** The table from the Leontief model alone (one LU): forward linkages from G·1 = D⁻¹·L·x. */
    public static List<Row> compute(LeontiefModel leontief) {
        return compute(leontief, ghoshRowSums(leontief));
    }

    /** The table from two models of the same table (G·1 by a solve on the Ghosh model's LU). */
    public static List<Row> compute(LeontiefModel leontief, GhoshModel ghosh) {
        ActiveTable t = leontief.active;
        if (ghosh.active.table != t.table || !Arrays.equals(ghosh.active.index, t.index)) {
            throw new IllegalArgumentException("the Leontief and Ghosh models come from different tables");
        }
        return compute(leontief, ghosh.rowSums());
    }

    /**
     * Row sums of the Ghosh inverse from the Leontief model: G = D⁻¹LD (D = diag(x), since
     * B = D⁻¹AD), so Σ_j G_ij = (L·x)_i / x_i — one solve on the LU of I − A.
     */
    static double[] ghoshRowSums(LeontiefModel leontief) {
        double[] x = leontief.active.x;
        double[] lx = leontief.solve(x);
        for (int i = 0; i < lx.length; i++) {
            lx[i] /= x[i];
        }
        return lx;
    }

    private static List<Row> compute(LeontiefModel leontief, double[] ghoshRowSums) {
        ActiveTable t = leontief.active;
        int n = t.size();
        double[] x = t.x;
        boolean hasImports = t.imports != null;
        boolean hasVa = t.valueAdded != null;

        // right-hand sides of the transposed solves: 1, m, v (column-major n × 3)
        DenseMatrix rhs = new DenseMatrix(n, 3);
        double[] r = rhs.data();
        Arrays.fill(r, 0, n, 1.0);
        if (hasImports) {
            double[] m = IoMath.coefficients(t.imports, x);
            System.arraycopy(m, 0, r, n, n);
        }
        if (hasVa) {
            double[] v = IoMath.coefficients(t.valueAdded, x);
            System.arraycopy(v, 0, r, 2 * n, n);
        }
        DenseMatrix rows = leontief.factorization().solveTransposed(rhs);
        double[] outputMultiplier = rows.column(0);
        double[] importContent = hasImports ? rows.column(1) : nan(n);
        double[] vaMultiplier = hasVa ? rows.column(2) : nan(n);
        double[] backward = IoMath.linkageIndex(outputMultiplier);
        double[] forward = IoMath.linkageIndex(ghoshRowSums);
        boolean[] key = IoMath.keySectors(backward, forward);

        int size = t.table.size();
        List<Row> out = new ArrayList<>(size);
        int[] activeOf = new int[size];
        Arrays.fill(activeOf, -1);
        for (int a = 0; a < n; a++) {
            activeOf[t.index[a]] = a;
        }
        for (int i = 0; i < size; i++) {
            String code = t.table.sectors().get(i);
            int a = activeOf[i];
            if (a < 0) {
                out.add(new Row(code, 0.0, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN));
            } else {
                out.add(new Row(code, x[a], outputMultiplier[a], backward[a], forward[a], key[a], importContent[a],
                        vaMultiplier[a]));
            }
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
