package org.klaster.mapping;

/**
 * European Cluster Observatory stars for region × category employment (methods.md §1).
 *
 * <pre>
 *   size star           = 1  ⇔  rank of E_rc     among the R_c regions ≤ ⌈R_c / 10⌉
 *   specialisation star = 1  ⇔  LQ_rc ≥ 2
 *   focus star          = 1  ⇔  rank of share_rc among the R_c regions ≤ ⌈R_c / 10⌉
 *   stars               = size + specialisation + focus        (0–3)
 * </pre>
 * Ranks follow {@link RankRule}; R_c counts the regions with E_rc &gt; 0. Cells with E_rc = 0 get
 * no stars (they are not output).
 */
public final class ClusterStars {

    /** The LQ at and above which a cell earns the specialisation star. */
    public static final double SPECIALISATION_LQ = 2.0;

    private ClusterStars() {
    }

    public static int sizeStar(int employmentRank, int rc) {
        return RankRule.inTopTenPercent(employmentRank, rc) ? 1 : 0;
    }

    public static int specialisationStar(double lq) {
        return lq >= SPECIALISATION_LQ ? 1 : 0;
    }

    public static int focusStar(int shareRank, int rc) {
        return RankRule.inTopTenPercent(shareRank, rc) ? 1 : 0;
    }

    /** Size stars from E[r][c]. */
    public static int[][] sizeStars(double[][] e) {
        Matrices.requireNonNegative(e, "E");
        return topTenPercent(RankRule.columnRanks(e, e), RankRule.presentCounts(e));
    }

    /** Specialisation stars from LQ[r][c] (as from {@link LocationQuotient#locationQuotients}). */
    public static int[][] specialisationStars(double[][] lq, double[][] e) {
        Matrices.requireSameShape(lq, "LQ", e, "E");
        int[][] out = new int[e.length][];
        for (int r = 0; r < e.length; r++) {
            out[r] = new int[e[r].length];
            for (int c = 0; c < e[r].length; c++) {
                out[r][c] = e[r][c] > 0 ? specialisationStar(lq[r][c]) : 0;
            }
        }
        return out;
    }

    /** Focus stars from share[r][c] (as from {@link LocationQuotient#shares}). */
    public static int[][] focusStars(double[][] share, double[][] e) {
        Matrices.requireNonNegative(e, "E");
        return topTenPercent(RankRule.columnRanks(share, e), RankRule.presentCounts(e));
    }

    /** stars = size + specialisation + focus, cell by cell. */
    public static int[][] stars(int[][] size, int[][] specialisation, int[][] focus) {
        int[][] out = new int[size.length][];
        for (int r = 0; r < size.length; r++) {
            out[r] = new int[size[r].length];
            for (int c = 0; c < size[r].length; c++) {
                out[r][c] = size[r][c] + specialisation[r][c] + focus[r][c];
            }
        }
        return out;
    }

    private static int[][] topTenPercent(int[][] ranks, int[] rc) {
        int[][] out = new int[ranks.length][];
        for (int r = 0; r < ranks.length; r++) {
            out[r] = new int[ranks[r].length];
            for (int c = 0; c < ranks[r].length; c++) {
                out[r][c] = RankRule.inTopTenPercent(ranks[r][c], rc[c]) ? 1 : 0;
            }
        }
        return out;
    }
}
