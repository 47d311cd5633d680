package org.klaster.inputoutput;

import java.util.Arrays;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;

/**
 * A region's input–output table made by {@link Regionalisation#regionalise}, with what it was made from.
 * The arrays are owned by the object: treat them as read-only.
 */
public final class RegionalTable {

    private final Regionalisation source;
    private final IoTable table;
    private final Regionalisation.Method method;
    private final double delta;
    private final double lambda;
    private final double[] slq;
    private final double[] shares;
    private final RegionalEmployment employment;

    RegionalTable(Regionalisation source, IoTable table, Regionalisation.Method method, double delta, double lambda,
                  double[] slq, double[] shares, RegionalEmployment employment) {
        this.source = source;
        this.table = table;
        this.method = method;
        this.delta = delta;
        this.lambda = lambda;
        this.slq = slq;
        this.shares = shares;
        this.employment = employment;
    }

    /**
     * The regional table (formats.md §2 layout): Z bought inside the region, imports from other regions and
     * abroad, scaled final demand plus {@link Regionalisation#OTHER_REGIONS}, scaled value added, total
     * output given.
     */
    public IoTable table() {
        return table;
    }

    /** The quotient used. */
    public Regionalisation.Method method() {
        return method;
    }

    /** Flegg's δ (used by FLQ only; recorded for every method). */
    public double delta() {
        return delta;
    }

    /** λ = [log₂(1 + E_r/E_n)]^δ. */
    public double lambda() {
        return lambda;
    }

    /** SLQ_i per sector (0 for sectors the region or the nation does not have). */
    public double[] slq() {
        return slq;
    }

    /** s_i = E_ir/E_in, the region's share of each sector's national output. */
    public double[] shares() {
        return shares;
    }

    /** The employment the quotients came from. */
    public RegionalEmployment employment() {
        return employment;
    }

    /** Regional output x_ir = s_i·x_in, in table order. */
    public double[] output() {
        return table.givenTotalOutput().clone();
    }

    /**
     * n×n: (a_ij − r_ij)·x_jr, input i that sector j of the region buys from other regions of the country (its
     * imports from abroad are s_j times the national ones). Computed on each call by the arithmetic that made
     * the table's imports.
     */
    public DenseMatrix otherRegions() {
        return source.otherRegions(slq, method, lambda, shares);
    }

    /**
     * The regional coefficients R (n×n, table order): r_ij = a_ij·min(1, Q_ij), 0 in the rows and columns of
     * sectors the region does not have. Computed on each call.
     */
    public DenseMatrix regionalCoefficients() {
        return source.regionalCoefficients(slq, method, lambda);
    }

    /**
     * Output multipliers of the region: column sums of (I − R)⁻¹ over the sectors it has (positive output),
     * by one LU of I − R and one transposed solve (I − R)ᵀy = 1 — what {@link Multipliers} gives for
     * {@link #table()}, without reading R back from the table. NaN for sectors the region does not have.
     *
     * @throws AnalysisException if R is not productive (it cannot be when the national A is, since R ≤ A)
     */
    public double[] outputMultipliers() {
        int n = table.size();
        double[] xr = table.givenTotalOutput();
        int[] index = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (xr[i] > 0) {
                index[k++] = i;
            }
        }
        double[] bound = new double[1];
        LuDecomposition lu = LuDecomposition.ofOverwriting(source.identityMinusRegional(slq, method, lambda, index, k, bound));
        final int size = k;
        Productivity.check(bound[0], () -> regionalCoefficients().select(Arrays.copyOf(index, size), Arrays.copyOf(index, size)),
                lu, "R");
        double[] ones = new double[k];
        Arrays.fill(ones, 1.0);
        double[] y = lu.solveTransposed(ones);
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int b = 0; b < k; b++) {
            out[index[b]] = y[b];
        }
        return out;
    }
}
