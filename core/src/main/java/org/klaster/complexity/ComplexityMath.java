package org.klaster.complexity;

import org.klaster.linalg.DenseMatrix;
import org.klaster.mapping.LocationQuotient;

/**
 * The elementary formulas of economic complexity and relatedness (Hidalgo &amp; Hausmann 2009;
 * Hausmann et al., <i>The Atlas of Economic Complexity</i>; Stata {@code ecomplexity}; methods.md §4)
 * as small pure functions named after the quantity; each doc comment states the formula.
 *
 * <p>Matrices are location × product (c = row, p = column) {@link DenseMatrix}es; the binary matrix
 * M holds 0.0/1.0 so that it goes straight into BLAS products. Inputs are never modified. The
 * functions assume what {@link EconomicComplexity} guarantees before calling them: no location or
 * product with a zero total (those are left out of the computation beforehand).
 */
public final class ComplexityMath {

    private ComplexityMath() {
    }

    /** x_c = Σ_p x_cp (a location's total). */
    public static double[] locationTotals(DenseMatrix x) {
        return x.rowSums();
    }

    /** x_p = Σ_c x_cp (a product's world total). */
    public static double[] productTotals(DenseMatrix x) {
        return x.columnSums();
    }

    /**
     * Balassa's revealed comparative advantage rca_cp = (x_cp / x_c) / (x_p / X), X = Σ_cp x_cp —
     * the location quotient of the cell, evaluated as x_cp·X / (x_c·x_p) like
     * {@link LocationQuotient#locationQuotient} (one rounding). Requires x_c &gt; 0 and x_p &gt; 0.
     */
    public static DenseMatrix rca(DenseMatrix x) {
        double[] xc = locationTotals(x);
        double[] xp = productTotals(x);
        double total = 0.0;
        for (double v : xc) {
            total += v;
        }
        int rows = x.rows();
        DenseMatrix r = new DenseMatrix(rows, x.cols());
        double[] src = x.data();
        double[] dst = r.data();
        for (int p = 0; p < x.cols(); p++) {
            for (int c = 0, off = p * rows; c < rows; c++) {
                dst[off + c] = LocationQuotient.locationQuotient(src[off + c], xc[c], xp[p], total);
            }
        }
        return r;
    }

    /** The binary matrix M_cp = 1 if rca_cp ≥ threshold, else 0 (methods.md §4; default threshold 1). */
    public static DenseMatrix mcp(DenseMatrix rca, double threshold) {
        DenseMatrix m = new DenseMatrix(rca.rows(), rca.cols());
        double[] src = rca.data();
        double[] dst = m.data();
        for (int k = 0; k < src.length; k++) {
            dst[k] = src[k] >= threshold ? 1.0 : 0.0;
        }
        return m;
    }

    /** Diversity k_c = Σ_p M_cp (number of products the location has an advantage in). */
    public static int[] diversity(DenseMatrix m) {
        return toCounts(m.rowSums());
    }

    /** Ubiquity k_p = Σ_c M_cp (number of locations with an advantage in the product). */
    public static int[] ubiquity(DenseMatrix m) {
        return toCounts(m.columnSums());
    }

    private static int[] toCounts(double[] sums) {
        int[] k = new int[sums.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = (int) Math.round(sums[i]);   // sums of 0/1 entries are exact integers
        }
        return k;
    }

    /**
     * Product proximity φ_pp' = Σ_c M_cp·M_cp' / max(k_p, k_p') — the minimum of the two conditional
     * probabilities P(p | p') and P(p' | p) of having both — with diagonal 0. φ_pp' = 0 when neither
     * product is held by any location. Symmetric, in [0, 1]. Co-occurrences Mᵀ·M by BLAS dsyrk
     * (one triangle, mirrored).
     */
    public static DenseMatrix proximity(DenseMatrix m) {
        int[] k = ubiquity(m);
        DenseMatrix co = m.transposeTimesSelf();
        int n = k.length;
        double[] phi = co.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0, off = j * n; i < n; i++) {
                int max = Math.max(k[i], k[j]);
                phi[off + i] = (i == j || max == 0) ? 0.0 : phi[off + i] / max;
            }
        }
        return co;
    }

    /**
     * Σ_p' φ_p'p for every product p: how related p is to everything (the denominator of density;
     * 0 for a product that never co-occurs with another).
     */
    public static double[] proximitySums(DenseMatrix proximity) {
        return proximity.columnSums();
    }

    /**
     * Density d_cp = Σ_p' M_cp' φ_p'p / Σ_p' φ_p'p (φ with zero diagonal): the share of the products
     * related to p that location c already has, in [0, 1]. Undefined (NaN) for a product related to
     * nothing (Σ_p' φ_p'p = 0). Numerators M·φ by BLAS dgemm.
     */
    public static DenseMatrix density(DenseMatrix m, DenseMatrix proximity) {
        double[] s = proximitySums(proximity);
        DenseMatrix d = m.multiply(proximity);
        int rows = d.rows();
        double[] a = d.data();
        for (int p = 0; p < s.length; p++) {
            for (int c = 0, off = p * rows; c < rows; c++) {
                a[off + c] = s[p] == 0.0 ? Double.NaN : a[off + c] / s[p];
            }
        }
        return d;
    }

    /**
     * The symmetric matrix similar to M̃ = D_c⁻¹·M·D_p⁻¹·Mᵀ (D = diag of diversity and ubiquity):
     * S = D_c^-½·M·D_p⁻¹·Mᵀ·D_c^-½ = B·Bᵀ with B = D_c^-½·M·D_p^-½. S = D_c^½·M̃·D_c^-½ has M̃'s
     * eigenvalues (all in [0, 1], the largest 1 with eigenvector D_c^½·1) and eigenvectors
     * u = D_c^½·v, so a symmetric eigensolver applies. Requires k_c &gt; 0 and k_p &gt; 0.
     */
    public static DenseMatrix locationSimilarMatrix(DenseMatrix m) {
        return scaledIncidence(m).timesTransposeSelf();
    }

    /** The product-side counterpart S_p = Bᵀ·B = D_p^-½·Mᵀ·D_c⁻¹·M·D_p^-½ (similar to D_p⁻¹·Mᵀ·D_c⁻¹·M). */
    public static DenseMatrix productSimilarMatrix(DenseMatrix m) {
        return scaledIncidence(m).transposeTimesSelf();
    }

    /** B = D_c^-½·M·D_p^-½: b_cp = M_cp / √(k_c·k_p). */
    static DenseMatrix scaledIncidence(DenseMatrix m) {
        int[] kc = diversity(m);
        int[] kp = ubiquity(m);
        DenseMatrix b = m.copy();
        int rows = m.rows();
        double[] a = b.data();
        for (int p = 0; p < kp.length; p++) {
            for (int c = 0, off = p * rows; c < rows; c++) {
                if (a[off + c] != 0.0) {
                    a[off + c] /= Math.sqrt((double) kc[c] * kp[p]);
                }
            }
        }
        return b;
    }

    /**
     * Raw ECI from raw PCI: eci_c = Σ_p M_cp·pci_p / k_c (a location's mean product complexity,
     * raw ECI = D_c⁻¹·M·raw PCI).
     */
    public static double[] eciFromPci(DenseMatrix m, double[] pci) {
        int[] kc = diversity(m);
        double[] e = m.multiply(pci);
        for (int c = 0; c < e.length; c++) {
            e[c] /= kc[c];
        }
        return e;
    }

    /**
     * Complexity outlook index COI_c = Σ_p d_cp·(1 − M_cp)·pci_p (raw PCI; standardised afterwards):
     * how much complexity lies close to what the location does not yet make.
     */
    public static double[] complexityOutlookIndex(DenseMatrix density, DenseMatrix m, double[] pci) {
        int rows = m.rows();
        double[] coi = new double[rows];
        double[] d = density.data();
        double[] a = m.data();
        for (int p = 0; p < pci.length; p++) {
            for (int c = 0, off = p * rows; c < rows; c++) {
                coi[c] += d[off + c] * (1.0 - a[off + c]) * pci[p];
            }
        }
        return coi;
    }

    /**
     * Complexity outlook gain (raw) COG_cp = (1 − M_cp)·Σ_p' (1 − M_cp')·φ_pp' / (Σ_p'' φ_p''p')·pci_p'
     * (raw PCI; divided by the ECI standard deviation afterwards): the gain in outlook from adding p.
     * Products with Σ_p'' φ_p''p' = 0 contribute nothing (φ_pp' = 0 for them). By BLAS dgemm
     * ((1 − M)·diag(g))·φ with g_p' = pci_p' / Σ_p'' φ_p''p' (φ symmetric): scaling the columns of the
     * small location × product factor instead of the rows of the product × product φ spares a copy of φ.
     */
    public static DenseMatrix complexityOutlookGain(DenseMatrix m, DenseMatrix proximity, double[] pci) {
        double[] s = proximitySums(proximity);
        DenseMatrix absent = oneMinus(m);
        DenseMatrix scaled = absent.copy();
        double[] sd = scaled.data();
        int rows = m.rows();
        for (int q = 0; q < pci.length; q++) {
            double g = s[q] == 0.0 ? 0.0 : pci[q] / s[q];
            for (int c = 0, off = q * rows; c < rows; c++) {
                sd[off + c] *= g;
            }
        }
        DenseMatrix gain = scaled.multiply(proximity);
        double[] gd = gain.data();
        double[] ad = absent.data();
        for (int k = 0; k < gd.length; k++) {
            gd[k] *= ad[k];
        }
        return gain;
    }

    /** 1 − M entrywise. */
    static DenseMatrix oneMinus(DenseMatrix m) {
        DenseMatrix r = new DenseMatrix(m.rows(), m.cols());
        double[] a = m.data();
        double[] b = r.data();
        for (int k = 0; k < a.length; k++) {
            b[k] = 1.0 - a[k];
        }
        return r;
    }

    /**
     * Mean of a location column of the long location × product table: each location's value repeats
     * once per product, so it is the plain mean over locations, mean = Σ_c v_c / C.
     */
    public static double longTableMean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * Sample standard deviation of a location column of the long table with {@code products} rows per
     * location (Stata {@code summarize}): sd = √(P·Σ_c (v_c − mean)² / (C·P − 1)).
     */
    public static double longTableSampleSd(double[] v, int products) {
        double mean = longTableMean(v);
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(products * ss / ((double) v.length * products - 1.0));
    }

    /** Pearson correlation of two equally long vectors (NaN when either is constant). */
    public static double correlation(double[] a, double[] b) {
        double ma = longTableMean(a);
        double mb = longTableMean(b);
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
