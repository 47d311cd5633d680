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
 *       (CILQ_ii would otherwise always be 1; Miller &amp; Blair 2009, ch. 8);</li>
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
     * The regional table of one region ({@link #regionalise(RegionalEmployment, Method, double)} on
     * {@link #of(IoTable) of(national)}).
     */
    public static RegionalTable regionalise(IoTable national, RegionalEmployment employment, Method method, double delta) {
        return of(national).regionalise(employment, method, delta);
    }

    // ------------------------------------------------------------------ a national table prepared for its regions

    private final IoTable national;
    private final double[] x;
    private final boolean[] active;
    private final DenseMatrix a;
    private final List<String> categories;   // the national ones, and OTHER_REGIONS unless among them
    private final int balancing;             // the position of OTHER_REGIONS

    private Regionalisation(IoTable national) {
        this.national = national;
        List<String> c = new ArrayList<>(national.finalDemandCategories());
        if (!c.contains(OTHER_REGIONS)) {
            c.add(OTHER_REGIONS);
        }
        this.categories = List.copyOf(c);
        this.balancing = categories.indexOf(OTHER_REGIONS);
        this.x = national.totalOutput();
        this.active = national.activeMask();
        int n = national.size();
        double[] z = national.intermediate().data();
        this.a = new DenseMatrix(n, n);
        double[] ad = a.data();
        for (int j = 0; j < n; j++) {
            if (active[j]) {
                for (int i = 0, off = j * n; i < n; i++) {
                    ad[off + i] = z[off + i] / x[j];
                }
            }
        }
    }

    /**
     * The national table prepared for regionalising it for any number of regions: total output, the
     * active sectors and A = Z·diag(x)⁻¹ (0 in the columns of inactive sectors) are computed once. The
     * table must not change afterwards. Safe to share between threads.
     */
    public static Regionalisation of(IoTable national) {
        return new Regionalisation(national);
    }

    /** The national table. */
    public IoTable national() {
        return national;
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
    public RegionalTable regionalise(RegionalEmployment employment, Method method, double delta) {
        int n = national.size();
        if (employment.size() != n) {
            throw new IllegalArgumentException(employment.size() + " employment values for " + n + " sectors");
        }
        if (!(delta >= 0 && delta <= 1)) {
            throw new InvalidParameterException(Text.core("io.regional.delta", delta));
        }
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
        double[] share = regionalShares(employment.regional(), eNation);
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

        DenseMatrix m = national.importMatrix();
        double[] md = m == null ? null : m.data();
        DenseMatrix zr = new DenseMatrix(n, n);
        DenseMatrix mr = m == null ? null : new DenseMatrix(n, n);
        double[] zd = zr.data();
        double[] mrd = mr == null ? null : mr.data();
        double[] fromOther = new double[n];
        double[] localSales = new double[n];
        double[] ad = a.data();
        for (int j = 0; j < n; j++) {
            double xrj = xr[j];
            double sj = share[j];
            int off = j * n;
            double scale = columnScale(method, slq[j], lambda);
            // one pass per column: r_ij = a_ij·min(1, SLQ_i·scale_j), then what is bought in the region and
            // elsewhere (two loops, so that the one with an import matrix has no running sum and can be
            // vectorised); the diagonal, whose quotient differs, is put right after the loop
            if (mrd != null) {
                for (int i = 0; i < n; i++) {
                    double aij = ad[off + i];
                    double r = aij * Math.min(1.0, slq[i] * scale);
                    double local = r * xrj;
                    zd[off + i] = local;
                    localSales[i] += local;
                    mrd[off + i] = sj * md[off + i] + (aij - r) * xrj;
                }
            } else {
                double otherSum = 0.0;
                for (int i = 0; i < n; i++) {
                    double aij = ad[off + i];
                    double r = aij * Math.min(1.0, slq[i] * scale);
                    double local = r * xrj;
                    zd[off + i] = local;
                    localSales[i] += local;
                    otherSum += (aij - r) * xrj;
                }
                fromOther[j] = otherSum;
            }
            if (slq[j] > 0) {
                double ajj = ad[off + j];
                double r = ajj * Math.min(1.0, diagonalQuotient(method, slq[j], lambda));
                double local = r * xrj;
                localSales[j] += local - zd[off + j];
                if (mrd != null) {
                    mrd[off + j] = sj * md[off + j] + (ajj - r) * xrj;
                } else {
                    fromOther[j] += (ajj - r) * xrj - (ajj - ajj * Math.min(1.0, slq[j] * scale)) * xrj;
                }
                zd[off + j] = local;
            }
        }

        DenseMatrix f = national.finalDemand();
        DenseMatrix fr = new DenseMatrix(n, categories.size());
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
        double[] importsRow = null;
        if (m == null) {
            double[] mn = national.imports();
            importsRow = new double[n];
            for (int j = 0; j < n; j++) {
                importsRow[j] = (mn == null ? 0.0 : share[j] * mn[j]) + fromOther[j];
            }
        }
        double[] var = null;
        if (national.valueAdded() != null) {
            double[] va = national.valueAdded();
            var = new double[n];
            for (int j = 0; j < n; j++) {
                var[j] = share[j] * va[j];
            }
        }
        IoTable regional = new IoTable(national.sectors(), national.names(), zr, categories, fr, importsRow, mr, null, var,
                xr);
        return new RegionalTable(this, regional, method, delta, lambda, slq, share, employment);
    }

    /**
     * The factor of column j in the off-diagonal quotients Q_ij = SLQ_i·scale_j: 1 (SLQ), 1/SLQ_j (CILQ),
     * λ/SLQ_j (FLQ) — one division per column rather than per cell (SLQ_i·(λ/SLQ_j) and λ·(SLQ_i/SLQ_j)
     * differ in the last bit at most); 0 when the region does not have sector j, so its column is 0.
     * Sectors the region does not have carry SLQ 0, so their rows are 0 too.
     */
    static double columnScale(Method method, double slqJ, double lambda) {
        if (!(slqJ > 0)) {
            return 0.0;
        }
        return switch (method) {
            case SLQ -> 1.0;
            case CILQ -> 1.0 / slqJ;
            case FLQ -> lambda / slqJ;
        };
    }

    /** The quotient on the diagonal, Q_jj: SLQ_j, or λ·SLQ_j for FLQ. */
    static double diagonalQuotient(Method method, double slqJ, double lambda) {
        return method == Method.FLQ ? lambda * slqJ : slqJ;
    }

    /** r_ij of the region, by the arithmetic of its table (SLQ of absent sectors 0). */
    private double coefficient(double[] slq, Method method, double lambda, int i, int j, double scale) {
        double q = i == j ? (slq[j] > 0 ? diagonalQuotient(method, slq[j], lambda) : 0.0) : slq[i] * scale;
        return a.data()[i + j * slq.length] * Math.min(1.0, q);
    }

    /** R = the regional coefficients of the region, by the same arithmetic as its table. */
    DenseMatrix regionalCoefficients(double[] slq, Method method, double lambda) {
        int n = slq.length;
        DenseMatrix r = new DenseMatrix(n, n);
        double[] rd = r.data();
        for (int j = 0; j < n; j++) {
            double scale = columnScale(method, slq[j], lambda);
            for (int i = 0; i < n; i++) {
                rd[i + j * n] = coefficient(slq, method, lambda, i, j, scale);
            }
        }
        return r;
    }

    /**
     * I − R over the sectors {@code index} (k of them, ascending), built in one pass without forming R, and in
     * {@code normBound[0]} an upper bound on ρ(R): its largest row sum, or, when that is not below 1, the smaller
     * of it and the largest column sum (the row sums accumulate across the column loop, which the JIT
     * vectorises; a running column sum would not be, so it is taken only when needed).
     */
    DenseMatrix identityMinusRegional(double[] slq, Method method, double lambda, int[] index, int k, double[] normBound) {
        int n = slq.length;
        double[] ad = a.data();
        DenseMatrix result = new DenseMatrix(k, k);
        double[] d = result.data();
        double[] rowSums = new double[k];
        double[] slqOf = k == n ? slq : new double[k];
        if (k < n) {
            for (int c = 0; c < k; c++) {
                slqOf[c] = slq[index[c]];
            }
        }
        for (int b = 0; b < k; b++) {
            int j = index[b];
            double scale = columnScale(method, slq[j], lambda);
            int src = j * n;
            int dst = b * k;
            if (k == n) {
                for (int c = 0; c < k; c++) {
                    double r = ad[src + c] * Math.min(1.0, slqOf[c] * scale);
                    d[dst + c] = -r;
                    rowSums[c] += r;
                }
            } else {
                for (int c = 0; c < k; c++) {
                    double r = ad[src + index[c]] * Math.min(1.0, slqOf[c] * scale);
                    d[dst + c] = -r;
                    rowSums[c] += r;
                }
            }
            // the diagonal has its own quotient: replace the off-diagonal formula's value
            double rjj = coefficient(slq, method, lambda, j, j, scale);
            rowSums[b] += rjj + d[dst + b];
            d[dst + b] = 1.0 - rjj;
        }
        double maxRow = 0.0;
        for (double v : rowSums) {
            maxRow = Math.max(maxRow, v);
        }
        double bound = maxRow;
        if (!(maxRow < 1.0)) {
            double maxColumn = 0.0;
            for (int b = 0; b < k; b++) {
                double column = 0.0;
                for (int c = 0; c < k; c++) {
                    column += c == b ? 1.0 - d[b * k + c] : -d[b * k + c];
                }
                maxColumn = Math.max(maxColumn, column);
            }
            bound = Math.min(maxRow, maxColumn);
        }
        normBound[0] = bound;
        return result;
    }

    /** (a_ij − r_ij)·x_jr, by the same arithmetic as the regional table's imports. */
    DenseMatrix otherRegions(double[] slq, Method method, double lambda, double[] share) {
        int n = slq.length;
        DenseMatrix o = new DenseMatrix(n, n);
        double[] od = o.data();
        double[] ad = a.data();
        for (int j = 0; j < n; j++) {
            double scale = columnScale(method, slq[j], lambda);
            double xrj = share[j] * x[j];
            for (int i = 0; i < n; i++) {
                double aij = ad[i + j * n];
                od[i + j * n] = (aij - coefficient(slq, method, lambda, i, j, scale)) * xrj;
            }
        }
        return o;
    }

    private static void requireLength(double[] v, int n, String name) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + n);
        }
    }
}
