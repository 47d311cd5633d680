package org.klaster.mapping;

/**
 * Regional share (focus) and location quotient of region × category employment {@code E[r][c]}
 * (methods.md §1; Florence; Porter 2003).
 *
 * <pre>
 *   E_r = Σ_c E_rc      E_c = Σ_r E_rc      E = Σ_rc E_rc
 *   share_rc = E_rc / E_r
 *   LQ_rc    = (E_rc / E_r) / (E_c / E)  =  (E_rc · E) / (E_r · E_c)
 * </pre>
 * The LQ is evaluated in the second form: for integer head counts whose products stay below 2^53
 * both products are exact, so the result is the exact ratio rounded once (the two-quotient form is
 * off by an ulp in about a third of cases). LQs that are equal in exact arithmetic therefore compare
 * equal, and the thresholds LQ ≥ 1 and LQ ≥ 2 are judged on the correctly rounded value.
 * A cell whose denominator is 0 (a region or category with no employment at all) is NaN.
 */
public final class LocationQuotient {

    private LocationQuotient() {
    }

    /** E_r = Σ_c E_rc for every region. */
    public static double[] regionTotals(double[][] e) {
        int cols = Matrices.columns(e, "E");
        double[] totals = new double[e.length];
        for (int r = 0; r < e.length; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += e[r][c];
            }
            totals[r] = s;
        }
        return totals;
    }

    /** E_c = Σ_r E_rc for every category. */
    public static double[] categoryTotals(double[][] e) {
        int cols = Matrices.columns(e, "E");
        double[] totals = new double[cols];
        for (double[] row : e) {
            for (int c = 0; c < cols; c++) {
                totals[c] += row[c];
            }
        }
        return totals;
    }

    /** E = Σ_rc E_rc. */
    public static double total(double[][] e) {
        double s = 0;
        for (double t : regionTotals(e)) {
            s += t;
        }
        return s;
    }

    /** share = E_rc / E_r (NaN when E_r = 0). */
    public static double share(double erc, double er) {
        return er == 0 ? Double.NaN : erc / er;
    }

    /** LQ = (E_rc · E) / (E_r · E_c) (NaN when E_r · E_c = 0). */
    public static double locationQuotient(double erc, double er, double ec, double e) {
        double denominator = er * ec;
        return denominator == 0 ? Double.NaN : (erc * e) / denominator;
    }

    /** share_rc = E_rc / E_r for every cell. */
    public static double[][] shares(double[][] e) {
        int cols = Matrices.requireNonNegative(e, "E");
        double[] er = regionTotals(e);
        double[][] out = new double[e.length][cols];
        for (int r = 0; r < e.length; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = share(e[r][c], er[r]);
            }
        }
        return out;
    }

    /** LQ_rc = (E_rc · E) / (E_r · E_c) for every cell. */
    public static double[][] locationQuotients(double[][] e) {
        int cols = Matrices.requireNonNegative(e, "E");
        double[] er = regionTotals(e);
        double[] ec = categoryTotals(e);
        double total = 0;
        for (double t : er) {
            total += t;
        }
        double[][] out = new double[e.length][cols];
        for (int r = 0; r < e.length; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = locationQuotient(e[r][c], er[r], ec[c], total);
            }
        }
        return out;
    }
}
