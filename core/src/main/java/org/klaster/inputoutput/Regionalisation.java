package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;

/**
 * A regional input–output table from the national one and employment by location quotients
 * (methods.md §6; docs/methods-io.md, "Regional tables"). Small pure functions named after the
 * quantity they compute, and {@link #regionalise}, which puts them together. Indices: i = row
 * (supplying sector), j = column (buying sector); E = employment, r = the region, n = the nation.
 *
 * <ul>
 *   <li>{@link #slq}: simple location quotient SLQ_i = (E_ir/E_r) / (E_in/E_n);</li>
 *   <li>{@link #cilq}: cross-industry quotient CILQ_ij = SLQ_i / SLQ_j, with SLQ_i on the diagonal
 *       (Smith &amp; Morrison 1974; CILQ_ii would otherwise always be 1);</li>
 *   <li>{@link #lambda}: Flegg's size term λ = [log₂(1 + E_r/E_n)]^δ;</li>
 *   <li>{@link #flq}: FLQ_ij = λ·CILQ_ij, FLQ_ii = λ·SLQ_i (Flegg &amp; Webber 1997);</li>
 *   <li>{@link #regionalCoefficients}: r_ij = a_ij·min(1, Q_ij) for the method's quotient Q (SLQ: SLQ_i
 *       for the whole row i), and r_ij = 0 when sector i or j employs nobody in the region.</li>
 * </ul>
 * The coefficients a_ij are those of the table's Z: domestic flows when the table has import rows,
 * total flows otherwise (formats.md §2) — the quotients only ever decide which part of what the nation
 * supplies itself the region supplies itself.
 */
public final class Regionalisation {

    /** The location quotient that scales the national coefficients. */
    public enum Method {
        /** simple location quotient of the supplying sector */
        SLQ,
        /** cross-industry quotient: supplier against buyer */
        CILQ,
        /** Flegg's quotient: CILQ times the regional size term λ */
        FLQ;

        /** The name on the command line and in the API: {@code slq}, {@code cilq}, {@code flq}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From {@link #id()} (any case); null if it names no method. */
        public static Method of(String id) {
            for (Method m : values()) {
                if (m.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                    return m;
                }
            }
            return null;
        }
    }

    /** Flegg's δ unless the caller says otherwise (Flegg &amp; Tohmo 2013 find values near 0.3 typical). */
    public static final double DEFAULT_DELTA = 0.3;

    /**
     * The final-demand category of the regional table that balances each row: the part of the region's
     * output of a product not used by the region's industries or its share of national final demand,
     * i.e. sold to the rest of the country (methods-io.md). An existing column of that name is added to.
     */
    public static final String OTHER_REGIONS = "fd:other_regions";

    private Regionalisation() {
    }

    /**
     * Simple location quotient SLQ_i = (E_ir / E_r) / (E_in / E_n): how much more concentrated sector i
     * is in the region than in the nation. NaN where E_in = 0 (undefined); 0 where the region employs
     * nobody in i.
     */
    public static double[] slq(double[] regional, double regionalTotal, double[] national, double nationalTotal) {
        requireLength(national, regional.length, "national employment");
        double[] q = new double[regional.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = national[i] > 0 ? (regional[i] / regionalTotal) / (national[i] / nationalTotal) : Double.NaN;
        }
        return q;
    }

    /** {@link #slq(double[], double, double[], double)} of a region's employment. */
    public static double[] slq(RegionalEmployment e) {
        return slq(e.regional(), e.regionalTotal(), e.national(), e.nationalTotal());
    }

    /**
     * Flegg's regional size term λ = [log₂(1 + E_r / E_n)]^δ: 1 for the whole nation, smaller the
     * smaller the region (and the larger δ). δ = 0 gives λ = 1.
     */
    public static double lambda(double regionalTotal, double nationalTotal, double delta) {
        double share = regionalTotal / nationalTotal;
        return Math.pow(Math.log1p(share) / Math.log(2.0), delta);
    }

    /**
     * The quotient Q_ij of a method for one cell, from the SLQs of the supplying sector i and the buying
     * sector j: SLQ → SLQ_i; CILQ → SLQ_i / SLQ_j, or SLQ_i on the diagonal; FLQ → λ times the CILQ.
     */
    public static double quotient(Method method, double slqI, double slqJ, boolean diagonal, double lambda) {
        return switch (method) {
            case SLQ -> slqI;
            case CILQ -> diagonal ? slqI : slqI / slqJ;
            case FLQ -> lambda * (diagonal ? slqI : slqI / slqJ);
        };
    }

    /**
     * Cross-industry quotients CILQ_ij = SLQ_i / SLQ_j (i ≠ j) and CILQ_ii = SLQ_i, as the formula
     * gives them (∞ or NaN in the column of a sector with SLQ 0).
     */
    public static DenseMatrix cilq(double[] slq) {
        return quotients(Method.CILQ, slq, 1.0);
    }

    /** Flegg's quotients FLQ_ij = λ·CILQ_ij (i ≠ j) and FLQ_ii = λ·SLQ_i. */
    public static DenseMatrix flq(double[] slq, double lambda) {
        return quotients(Method.FLQ, slq, lambda);
    }

    private static DenseMatrix quotients(Method method, double[] slq, double lambda) {
        int n = slq.length;
        DenseMatrix q = new DenseMatrix(n, n);
        double[] d = q.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                d[i + j * n] = quotient(method, slq[i], slq[j], i == j, lambda);
            }
        }
        return q;
    }

    /**
     * Regional coefficients r_ij = a_ij·min(1, Q_ij) with the method's quotient
     * ({@link #quotient}); r_ij = 0 where the region employs nobody in sector i (it cannot supply) or in
     * sector j (it does not exist there), i.e. where either SLQ is 0 or undefined. Never above a_ij.
     */
    public static DenseMatrix regionalCoefficients(DenseMatrix a, double[] slq, Method method, double lambda) {
        int n = slq.length;
        if (a.rows() != n || a.cols() != n) {
            throw new IllegalArgumentException("A is " + a.rows() + "×" + a.cols() + ", expected " + n + "×" + n);
        }
        DenseMatrix r = new DenseMatrix(n, n);
        double[] ad = a.data();
        double[] rd = r.data();
        for (int j = 0; j < n; j++) {
            if (!(slq[j] > 0)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (slq[i] > 0) {
                    rd[i + j * n] = ad[i + j * n] * Math.min(1.0, quotient(method, slq[i], slq[j], i == j, lambda));
                }
            }
        }
        return r;
    }

    /**
     * The region's share of each sector's national output s_i = E_ir / E_in (0 where E_in = 0): regional
     * output x_ir = s_i·x_in, and the same share scales the sector's final demand, imports from abroad
     * and value added.
     */
    public static double[] regionalShares(double[] regional, double[] national) {
        requireLength(national, regional.length, "national employment");
        double[] s = new double[regional.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = national[i] > 0 ? regional[i] / national[i] : 0.0;
        }
        return s;
    }

    /**
     * The regional table (methods.md §6) of one region, in the layout of any table, so that every
     * input–output analysis runs on it:
     * <ul>
     *   <li>x_ir = s_i·x_in with s_i = E_ir/E_in;</li>
     *   <li>Z: z_ij^r = r_ij·x_jr, bought inside the region;</li>
     *   <li>imports: what the region's industries buy elsewhere, (a_ij − r_ij)·x_jr from other regions
     *       plus s_j times the national imports of column j from abroad — an {@code import:} matrix when
     *       the national table has one (by supplying product), else an {@code imports} row;</li>
     *   <li>value added s_j·va_j; final demand s_i·f_ik for every national category, plus
     *       {@link #OTHER_REGIONS}, the rest of the row: x_ir − Σ_j z_ij^r − Σ_k s_i·f_ik, so that every
     *       row sums to x_ir; the total output column is given;</li>
     *   <li>imports for final use are not regionalised (left out).</li>
     * </ul>
     * Columns balance as the national ones do: Σ_i z_ij^r + imports_j + va_j^r = s_j·(Σ_i z_ij + m_j +
     * va_j). Sectors inactive in the nation (zero output) stay inactive.
     *
     * @throws InvalidParameterException for δ outside [0, 1], or for sectors with output but no
     *                                   national employment (all named)
     */
    public static RegionalTable regionalise(IoTable national, RegionalEmployment employment, Method method, double delta) {
        int n = national.size();
        if (employment.size() != n) {
            throw new IllegalArgumentException(employment.size() + " employment values for " + n + " sectors");
        }
        if (!(delta >= 0 && delta <= 1)) {
            throw new InvalidParameterException(Text.core("io.regional.delta", delta));
        }
        double[] x = national.totalOutput();
        boolean[] active = national.activeMask();
        double[] eRegion = employment.regional();
        double[] eNation = employment.national();
        List<String> unemployed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (active[i] && !(eNation[i] > 0)) {
                unemployed.add(national.sectors().get(i));
            }
        }
        if (!unemployed.isEmpty()) {
            throw new InvalidParameterException(Text.core("io.regional.no.employment", String.join(", ", unemployed)));
        }
        double[] slq = slq(employment);
        double[] share = regionalShares(eRegion, eNation);
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                // a sector the nation does not produce in does not exist in the region either
                slq[i] = 0.0;
                share[i] = 0.0;
            }
        }
        double lambda = lambda(employment.regionalTotal(), employment.nationalTotal(), delta);

        double[] xr = new double[n];
        for (int i = 0; i < n; i++) {
            xr[i] = share[i] * x[i];
        }
        double[] z = national.intermediate().data();
        DenseMatrix zr = new DenseMatrix(n, n);
        DenseMatrix other = new DenseMatrix(n, n);
        double[] zd = zr.data();
        double[] od = other.data();
        double[] localSales = new double[n];
        // one pass per element: a_ij, its regional part r_ij, then the flows bought in the region and elsewhere
        for (int j = 0; j < n; j++) {
            if (!active[j]) {
                continue;
            }
            double xj = x[j];
            double xrj = xr[j];
            boolean present = slq[j] > 0;
            int off = j * n;
            for (int i = 0; i < n; i++) {
                double a = z[off + i] / xj;
                double r = present && slq[i] > 0 ? a * Math.min(1.0, quotient(method, slq[i], slq[j], i == j, lambda)) : 0.0;
                double local = r * xrj;
                zd[off + i] = local;
                od[off + i] = (a - r) * xrj;
                localSales[i] += local;
            }
        }

        List<String> categories = new ArrayList<>(national.finalDemandCategories());
        int balancing = categories.indexOf(OTHER_REGIONS);
        if (balancing < 0) {
            balancing = categories.size();
            categories.add(OTHER_REGIONS);
        }
        int k = categories.size();
        DenseMatrix f = national.finalDemand();
        DenseMatrix fr = new DenseMatrix(n, k);
        double[] fd = f.data();
        double[] frd = fr.data();
        double[] scaledDemand = new double[n];
        for (int c = 0; c < f.cols(); c++) {
            for (int i = 0; i < n; i++) {
                double v = share[i] * fd[i + c * n];
                frd[i + c * n] = v;
                scaledDemand[i] += v;
            }
        }
        for (int i = 0; i < n; i++) {
            frd[i + balancing * n] += xr[i] - localSales[i] - scaledDemand[i];
        }

        IoTable regional = IoTable.of(national.sectors(), zr, categories, fr).withNames(national.names())
                .withGivenTotalOutput(xr);
        if (national.importMatrix() != null) {
            DenseMatrix m = national.importMatrix();
            DenseMatrix mr = new DenseMatrix(n, n);
            double[] md = m.data();
            double[] mrd = mr.data();
            for (int j = 0; j < n; j++) {
                for (int i = 0, off = j * n; i < n; i++) {
                    mrd[off + i] = share[j] * md[off + i] + od[off + i];
                }
            }
            regional = regional.withImportMatrix(mr, null);
        } else {
            double[] m = national.imports();
            double[] fromOther = other.columnSums();
            double[] mr = new double[n];
            for (int j = 0; j < n; j++) {
                mr[j] = (m == null ? 0.0 : share[j] * m[j]) + fromOther[j];
            }
            regional = regional.withImports(mr, null);
        }
        if (national.valueAdded() != null) {
            double[] va = national.valueAdded();
            double[] var = new double[n];
            for (int j = 0; j < n; j++) {
                var[j] = share[j] * va[j];
            }
            regional = regional.withValueAdded(var);
        }
        return new RegionalTable(regional, method, delta, lambda, slq, share, other, employment);
    }

    private static void requireLength(double[] v, int n, String name) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + n);
        }
    }
}
