package org.klaster.complexity;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.SymmetricEigen;

/**
 * One year of economic complexity and relatedness from a location × product value matrix
 * (methods.md §4; Hidalgo &amp; Hausmann 2009; the Atlas / Stata {@code ecomplexity} conventions).
 *
 * <p>Steps:
 * <ol>
 *   <li>Locations and products whose total is 0 are left out of everything (reported in the result).</li>
 *   <li>On the rest: RCA, M (rca ≥ threshold), diversity, ubiquity, proximity and density
 *       ({@link ComplexityMath}).</li>
 *   <li>ECI/PCI need a connected bipartite graph M (otherwise eigenvalue 1 repeats and "the second
 *       eigenvector" is arbitrary). They are computed on the <i>core</i>: the largest connected group
 *       of locations and products linked by M = 1. With RCA ≥ 1 every location and product with a
 *       positive total has at least one M = 1 (its RCA is 1 on average); real trade data is one
 *       group. Whatever lies outside the core (a location with no RCA ≥ threshold, a product held
 *       only by locations that hold nothing else) gets no ECI/PCI/COI/COG and is reported.</li>
 *   <li>Eigenvector: the second-largest eigenpair of the symmetric S similar to
 *       M̃ = D_c⁻¹·M·D_p⁻¹·Mᵀ (or its product-side twin, whichever is smaller) by LAPACK dsyevr
 *       ({@link SymmetricEigen}); only the top two pairs are computed. Raw PCI is the eigenvector of
 *       D_p⁻¹·Mᵀ·D_c⁻¹·M with unit Euclidean norm (as the Stata package's eigensystem returns it);
 *       raw ECI = D_c⁻¹·M·raw PCI. Both flip sign together so that corr(ECI, diversity) &gt; 0
 *       (if that correlation is 0 or undefined: so that the largest |raw ECI| is positive).</li>
 *   <li>Standardisation (Stata): mean and sample sd of the eci column of the long location × product
 *       table (C·P rows, divisor C·P − 1, P = products with a positive total);
 *       ECI = (raw − mean)/sd, PCI = (raw PCI − mean)/sd, COG = raw COG / sd; COI standardised with
 *       its own long-table mean and sample sd. COI and COG use the raw PCI.</li>
 * </ol>
 * Undefined cells (left-out locations/products) are NaN in the result and never enter any sum.
 */
public final class EconomicComplexity {

    /** The RCA threshold of the Atlas and of the Stata package. */
    public static final double DEFAULT_THRESHOLD = 1.0;
    /** Below this second eigenvalue the ECI eigenvector is numerically meaningless (all M̃ rows equal). */
    public static final double MIN_SECOND_EIGENVALUE = 1e-10;

    private EconomicComplexity() {
    }

    /** {@link #compute(DenseMatrix, double)} with the default threshold 1. */
    public static ComplexityResult compute(DenseMatrix x) {
        return compute(x, DEFAULT_THRESHOLD);
    }

    /**
     * All quantities of methods.md §4 for one year.
     *
     * @param x         location × product values (exports, output or employment), finite and ≥ 0
     * @param threshold M_cp = 1 where rca_cp ≥ threshold; finite and &gt; 0
     * @throws IllegalArgumentException on a negative or non-finite value or threshold
     * @throws AnalysisException        when fewer than two locations and two products are connected
     *                                  through M, or when M gives no second eigenvector
     */
    public static ComplexityResult compute(DenseMatrix x, double threshold) {
        Relatedness rel = relatedness(x, threshold);
        int nc = x.rows();
        int np = x.cols();
        int[] li = indices(rel.locationIncluded());
        int[] pi = indices(rel.productIncluded());
        DenseMatrix m = rel.mcp().select(li, pi);
        int[] kc = ComplexityMath.diversity(m);

        // the connected core, as positions within m
        boolean[][] core = largestComponent(m);
        int[] cc = indices(core[0]);
        int[] cp = indices(core[1]);
        if (cc.length < 2 || cp.length < 2) {
            throw new AnalysisException(Text.core("complexity.too.small", Text.plain(threshold), cc.length, cp.length));
        }
        int[] coreLoc = compose(li, cc);   // core positions in the caller's index space
        int[] coreProd = compose(pi, cp);
        DenseMatrix mCore = m.select(cc, cp);
        Eigen eig = secondEigenvector(mCore);
        if (!(eig.second > MIN_SECOND_EIGENVALUE)) {
            throw new AnalysisException(Text.core("complexity.eci.undefined", Text.plain(eig.second)));
        }
        double[] pciRaw = eig.pci;
        double[] eciRaw = ComplexityMath.eciFromPci(mCore, pciRaw);
        double[] divCore = new double[cc.length];
        for (int c = 0; c < cc.length; c++) {
            divCore[c] = kc[cc[c]];
        }
        if (signOf(eciRaw, divCore) < 0) {
            negate(eciRaw);
            negate(pciRaw);
        }
        int products = pi.length;   // rows per location in the long table
        double mean = ComplexityMath.longTableMean(eciRaw);
        double sd = ComplexityMath.longTableSampleSd(eciRaw, products);
        // within the core every product has Σφ > 0 (it shares a location with another core
        // product), and φ between core and non-core products is 0, so the core blocks suffice
        double[] coiRaw = ComplexityMath.complexityOutlookIndex(rel.density().select(coreLoc, coreProd), mCore, pciRaw);
        double coiMean = ComplexityMath.longTableMean(coiRaw);
        double coiSd = ComplexityMath.longTableSampleSd(coiRaw, products);
        DenseMatrix cogRaw = ComplexityMath.complexityOutlookGain(mCore, rel.proximity().select(coreProd, coreProd), pciRaw);

        // back to the caller's full index space, NaN where undefined
        boolean[] locInCore = mark(nc, coreLoc);
        boolean[] prodInCore = mark(np, coreProd);
        double[] eci = fill(nc, coreLoc, eciRaw, v -> (v - mean) / sd);
        double[] pci = fill(np, coreProd, pciRaw, v -> (v - mean) / sd);
        // equal raw COI everywhere (sd 0) leaves the standardised COI undefined: NaN, not ±∞
        double[] coi = fill(nc, coreLoc, coiRaw, v -> coiSd > 0 ? (v - coiMean) / coiSd : Double.NaN);
        DenseMatrix cog = scatter(nc, np, coreLoc, coreProd, cogRaw, 1.0 / sd);
        return new ComplexityResult(rel, locInCore, prodInCore, eci, pci, coi, cog,
                fill(nc, coreLoc, eciRaw, v -> v), fill(np, coreProd, pciRaw, v -> v), fill(nc, coreLoc, coiRaw, v -> v),
                eig.first, eig.second, mean, sd, coiMean, coiSd);
    }

    /**
     * The relatedness quantities only (no eigenvector; never throws an {@link AnalysisException}):
     * locations and products with a zero total are left out, then RCA, M, diversity, ubiquity,
     * proximity and density on the rest ({@link ComplexityMath}).
     *
     * @throws IllegalArgumentException on a negative or non-finite value or threshold
     */
    public static Relatedness relatedness(DenseMatrix x, double threshold) {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new InvalidParameterException(Text.core("complexity.threshold.invalid", Text.plain(threshold)));
        }
        for (double v : x.data()) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new InvalidParameterException(Text.core("complexity.value.invalid", Text.plain(v)));
            }
        }
        int nc = x.rows();
        int np = x.cols();
        boolean[] locIncluded = positive(x.rowSums());
        boolean[] prodIncluded = positive(x.columnSums());
        int[] li = indices(locIncluded);
        int[] pi = indices(prodIncluded);
        DenseMatrix sub = x.select(li, pi);
        DenseMatrix rca = ComplexityMath.rca(sub);
        DenseMatrix m = ComplexityMath.mcp(rca, threshold);
        DenseMatrix phi = ComplexityMath.proximity(m);
        DenseMatrix density = ComplexityMath.density(m, phi);
        return new Relatedness(threshold, locIncluded, prodIncluded,
                scatter(nc, np, li, pi, rca, 1.0), scatter(nc, np, li, pi, m, 1.0),
                fill(nc, li, toDouble(ComplexityMath.diversity(m)), v -> v),
                fill(np, pi, toDouble(ComplexityMath.ubiquity(m)), v -> v),
                scatter(np, np, pi, pi, phi, 1.0), scatter(nc, np, li, pi, density, 1.0));
    }

    /** Top two eigenvalues of M̃ and the raw PCI (unit norm, sign not yet fixed). */
    record Eigen(double first, double second, double[] pci) {
    }

    /**
     * The product-side eigenvector of the second-largest eigenvalue of D_p⁻¹·Mᵀ·D_c⁻¹·M, from the
     * smaller of the two similar symmetric matrices: with S = B·Bᵀ (B = D_c^-½·M·D_p^-½) and
     * S·u = λ·u, pci ∝ D_p^-½·Bᵀ·u; with S_p = Bᵀ·B and S_p·w = λ·w, pci ∝ D_p^-½·w.
     */
    static Eigen secondEigenvector(DenseMatrix m) {
        DenseMatrix b = ComplexityMath.scaledIncidence(m);
        int[] kp = ComplexityMath.ubiquity(m);
        SymmetricEigen.Pairs pairs;
        double[] w;
        if (m.rows() <= m.cols()) {
            pairs = SymmetricEigen.largest(b.timesTransposeSelf(), 2);
            w = b.multiplyTransposed(pairs.vector(1));
        } else {
            pairs = SymmetricEigen.largest(b.transposeTimesSelf(), 2);
            w = pairs.vector(1);
        }
        double norm = 0.0;
        for (int p = 0; p < w.length; p++) {
            w[p] /= Math.sqrt(kp[p]);
            norm += w[p] * w[p];
        }
        norm = Math.sqrt(norm);
        for (int p = 0; p < w.length; p++) {
            w[p] /= norm;
        }
        return new Eigen(pairs.values()[0], pairs.values()[1], w);
    }

    /** +1 or −1: the sign that makes corr(eci, diversity) positive (tie: largest |eci| positive). */
    static int signOf(double[] eci, double[] diversity) {
        double r = ComplexityMath.correlation(eci, diversity);
        if (r > 0) {
            return 1;
        }
        if (r < 0) {
            return -1;
        }
        int best = 0;
        for (int c = 1; c < eci.length; c++) {
            if (Math.abs(eci[c]) > Math.abs(eci[best])) {
                best = c;
            }
        }
        return eci[best] < 0 ? -1 : 1;
    }

    /**
     * The largest connected group of the bipartite graph with an edge c–p where M_cp = 1 (size =
     * locations + products; ties go to the group with the lowest location index). Returns
     * {locations in it, products in it}.
     */
    static boolean[][] largestComponent(DenseMatrix m) {
        int nc = m.rows();
        int np = m.cols();
        int[] locGroup = new int[nc];
        int[] prodGroup = new int[np];
        Arrays.fill(locGroup, -1);
        Arrays.fill(prodGroup, -1);
        double[] a = m.data();
        int best = -1;
        int bestSize = 0;
        int group = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();   // c ≥ 0: location c; c < 0: product −c−1
        for (int start = 0; start < nc; start++) {
            if (locGroup[start] >= 0) {
                continue;
            }
            int size = 0;
            locGroup[start] = group;
            queue.add(start);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                size++;
                if (v >= 0) {
                    for (int p = 0; p < np; p++) {
                        if (a[v + p * nc] != 0.0 && prodGroup[p] < 0) {
                            prodGroup[p] = group;
                            queue.add(-p - 1);
                        }
                    }
                } else {
                    int p = -v - 1;
                    for (int c = 0, off = p * nc; c < nc; c++) {
                        if (a[off + c] != 0.0 && locGroup[c] < 0) {
                            locGroup[c] = group;
                            queue.add(c);
                        }
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = group;
            }
            group++;
        }
        boolean[] locs = new boolean[nc];
        boolean[] prods = new boolean[np];
        for (int c = 0; c < nc; c++) {
            locs[c] = locGroup[c] == best;
        }
        for (int p = 0; p < np; p++) {
            prods[p] = prodGroup[p] == best;
        }
        return new boolean[][] {locs, prods};
    }

    private static boolean[] positive(double[] totals) {
        boolean[] b = new boolean[totals.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = totals[i] > 0;
        }
        return b;
    }

    static int[] indices(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] idx = new int[n];
        for (int i = 0, k = 0; i < flags.length; i++) {
            if (flags[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /** outer[inner[k]] for every k: positions of a subset of a subset in the original index space. */
    private static int[] compose(int[] outer, int[] inner) {
        int[] r = new int[inner.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = outer[inner[k]];
        }
        return r;
    }

    private static boolean[] mark(int n, int[] idx) {
        boolean[] b = new boolean[n];
        for (int i : idx) {
            b[i] = true;
        }
        return b;
    }

    private static double[] fill(int n, int[] idx, double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] r = new double[n];
        Arrays.fill(r, Double.NaN);
        for (int k = 0; k < idx.length; k++) {
            r[idx[k]] = f.applyAsDouble(values[k]);
        }
        return r;
    }

    private static DenseMatrix scatter(int rows, int cols, int[] ri, int[] ci, DenseMatrix values, double factor) {
        double[] r = new double[rows * cols];
        Arrays.fill(r, Double.NaN);
        double[] v = values.data();
        int vr = values.rows();
        for (int j = 0; j < ci.length; j++) {
            for (int i = 0; i < ri.length; i++) {
                r[ri[i] + ci[j] * rows] = v[i + j * vr] * factor;
            }
        }
        return DenseMatrix.wrap(rows, cols, r);
    }

    private static double[] toDouble(int[] k) {
        double[] r = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            r[i] = k[i];
        }
        return r;
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }
}
