package org.klaster.mapping;

/**
 * Classic shift-share decomposition of region × category employment change between a base year t0
 * and a year t1 (Dunn 1960; methods.md §1).
 *
 * <pre>
 *   g    = E(t1) / E(t0) − 1                 national growth
 *   g_c  = E_c(t1) / E_c(t0) − 1             growth of category c
 *   g_rc = E_rc(t1) / E_rc(t0) − 1
 *   change          = E_rc(t1) − E_rc(t0)
 *   national effect = E_rc(t0) · g
 *   industry mix    = E_rc(t0) · (g_c − g)
 *   regional effect = E_rc(t0) · (g_rc − g_c)  =  change − national effect − industry mix
 * </pre>
 * The regional (competitive) effect is computed as the residual on the right, which is the same
 * quantity algebraically and makes the three effects add up to the change up to one or two roundings.
 * When E_rc(t0) = 0 (g_rc undefined) the national effect and the industry mix are 0 and the regional
 * effect takes the whole change. When E_c(t0) = 0 (g_c undefined; every E_rc(t0) of that category is
 * then 0 because employment is non-negative) the industry mix is 0 and the regional effect takes the
 * rest — the same case.
 */
public final class ShiftShare {

    private ShiftShare() {
    }

    /**
     * The five quantities for every cell, each an R × C matrix. Arrays are shared, not copied.
     */
    public record Decomposition(double[][] employmentBase, double[][] change, double[][] nationalEffect,
                                double[][] industryMix, double[][] regionalEffect) {
    }

    /** growth = x(t1) / x(t0) − 1 (NaN when x(t0) = 0). */
    public static double growth(double t0, double t1) {
        return t0 == 0 ? Double.NaN : t1 / t0 - 1;
    }

    /** E_rc(t0) · g; 0 when E_rc(t0) = 0. */
    public static double nationalEffect(double erc0, double g) {
        return erc0 == 0 ? 0 : erc0 * g;
    }

    /** E_rc(t0) · (g_c − g); 0 when E_rc(t0) = 0 (which covers E_c(t0) = 0). */
    public static double industryMix(double erc0, double gc, double g) {
        return erc0 == 0 ? 0 : erc0 * (gc - g);
    }

    /** change − national effect − industry mix (= E_rc(t0) · (g_rc − g_c) where defined). */
    public static double regionalEffect(double change, double nationalEffect, double industryMix) {
        return change - nationalEffect - industryMix;
    }

    /**
     * Decomposes every cell. Both matrices must have the same regions and categories in the same
     * order (a cell absent in one year is 0 there).
     */
    public static Decomposition decompose(double[][] e0, double[][] e1) {
        int cols = Matrices.requireNonNegative(e0, "E(t0)");
        Matrices.requireNonNegative(e1, "E(t1)");
        Matrices.requireSameShape(e0, "E(t0)", e1, "E(t1)");
        int rows = e0.length;
        double[] ec0 = LocationQuotient.categoryTotals(e0);
        double[] ec1 = LocationQuotient.categoryTotals(e1);
        double g = growth(sum(ec0), sum(ec1));
        double[] gc = new double[cols];
        for (int c = 0; c < cols; c++) {
            gc[c] = growth(ec0[c], ec1[c]);
        }
        double[][] base = new double[rows][cols];
        double[][] change = new double[rows][cols];
        double[][] national = new double[rows][cols];
        double[][] mix = new double[rows][cols];
        double[][] regional = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double erc0 = e0[r][c];
                base[r][c] = erc0;
                change[r][c] = e1[r][c] - erc0;
                national[r][c] = nationalEffect(erc0, g);
                mix[r][c] = industryMix(erc0, gc[c], g);
                regional[r][c] = regionalEffect(change[r][c], national[r][c], mix[r][c]);
            }
        }
        return new Decomposition(base, change, national, mix, regional);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
