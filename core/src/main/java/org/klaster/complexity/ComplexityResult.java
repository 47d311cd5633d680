package org.klaster.complexity;

import org.klaster.linalg.DenseMatrix;

/**
 * Everything {@link EconomicComplexity#compute} finds for one year, indexed like its input
 * (location c = row, product p = column). NaN marks an undefined value, never a number:
 * every quantity is NaN for a location or product with a zero total ({@link #locationIncluded} /
 * {@link #productIncluded} false, left out of the computation), and eci, coi, cog are NaN for
 * locations (pci, cog for products) outside the connected core ({@link #locationInCore} /
 * {@link #productInCore}); density is NaN for a product related to no other (Σ φ = 0); coi is NaN
 * everywhere in the degenerate case where all raw COI are equal (its sd is 0).
 *
 * @param relatedness      RCA, M, diversity, ubiquity, proximity and density (delegated to below)
 * @param locationInCore   the location has ECI (it belongs to the largest group linked by M = 1)
 * @param productInCore    the product has PCI
 * @param eci              standardised ECI
 * @param pci              PCI standardised with ECI's mean and sd
 * @param coi              standardised COI
 * @param cog              COG divided by ECI's sd
 * @param eciRaw           D_c⁻¹·M·raw PCI after the sign choice
 * @param pciRaw           the unit-norm eigenvector after the sign choice
 * @param coiRaw           Σ_p d_cp (1 − M_cp) raw PCI_p
 * @param firstEigenvalue  largest eigenvalue of M̃ on the core (1 up to rounding)
 * @param secondEigenvalue the eigenvalue whose eigenvector gives ECI and PCI
 * @param eciMean          long-table mean of raw ECI
 * @param eciSd            long-table sample sd of raw ECI
 * @param coiMean          long-table mean of raw COI
 * @param coiSd            long-table sample sd of raw COI
 */
public record ComplexityResult(Relatedness relatedness,
                               boolean[] locationInCore, boolean[] productInCore,
                               double[] eci, double[] pci, double[] coi, DenseMatrix cog,
                               double[] eciRaw, double[] pciRaw, double[] coiRaw,
                               double firstEigenvalue, double secondEigenvalue,
                               double eciMean, double eciSd, double coiMean, double coiSd) {

    /** M_cp = 1 where rca_cp ≥ threshold. */
    public double threshold() {
        return relatedness.threshold();
    }

    /** The location has a positive total. */
    public boolean[] locationIncluded() {
        return relatedness.locationIncluded();
    }

    /** The product has a positive total. */
    public boolean[] productIncluded() {
        return relatedness.productIncluded();
    }

    /** rca_cp. */
    public DenseMatrix rca() {
        return relatedness.rca();
    }

    /** M_cp as 0/1. */
    public DenseMatrix mcp() {
        return relatedness.mcp();
    }

    /** k_c (an integer; NaN when left out). */
    public double[] diversity() {
        return relatedness.diversity();
    }

    /** k_p (an integer; NaN when left out). */
    public double[] ubiquity() {
        return relatedness.ubiquity();
    }

    /** φ_pp' (product × product, diagonal 0). */
    public DenseMatrix proximity() {
        return relatedness.proximity();
    }

    /** d_cp. */
    public DenseMatrix density() {
        return relatedness.density();
    }

    /** Indices of locations left out because their total is 0. */
    public int[] zeroTotalLocations() {
        return EconomicComplexity.indices(not(locationIncluded()));
    }

    /** Indices of products left out because their total is 0. */
    public int[] zeroTotalProducts() {
        return EconomicComplexity.indices(not(productIncluded()));
    }

    /** Locations with a positive total but no ECI (outside the linked core, e.g. no RCA ≥ threshold). */
    public int[] locationsOutsideCore() {
        return EconomicComplexity.indices(andNot(locationIncluded(), locationInCore));
    }

    /** Products with a positive total but no PCI (outside the linked core). */
    public int[] productsOutsideCore() {
        return EconomicComplexity.indices(andNot(productIncluded(), productInCore));
    }

    private static boolean[] not(boolean[] a) {
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = !a[i];
        }
        return r;
    }

    private static boolean[] andNot(boolean[] a, boolean[] b) {
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] && !b[i];
        }
        return r;
    }
}
