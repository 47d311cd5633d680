package org.klaster.mapping;

/**
 * Strong clusters after the U.S. Cluster Mapping project (Delgado, Porter &amp; Stern), as fixed in
 * methods.md §1.
 *
 * <pre>
 *   strong_rc ⇔ LQ_rc ≥ 1
 *             ∧ rank(LQ_rc)  ≤ ⌈R_c / 4⌉                      (top quartile)
 *             ∧ rank(E_rc)   ≤ R_c − ⌈R_c / 4⌉                (employment not in the bottom quartile)
 *             ∧ rank(N_rc)   ≤ R_c − ⌈R_c / 4⌉  if N given    (establishments not in the bottom quartile)
 * </pre>
 * All ranks are taken among the same R_c regions with E_rc &gt; 0 ({@link RankRule}). With R_c = 1 the
 * only region is also in the bottom quartile, so a category found in a single region is never strong.
 */
public final class StrongClusters {

    /** The LQ at and above which a cell may be strong. */
    public static final double MIN_LQ = 1.0;

    private StrongClusters() {
    }

    /**
     * The verdict for one cell.
     *
     * @param establishmentsRank rank of the establishments count, or 0 when establishments are not given
     */
    public static boolean strong(double lq, int lqRank, int employmentRank, int establishmentsRank, int rc) {
        return lq >= MIN_LQ
                && RankRule.inTopQuartile(lqRank, rc)
                && !RankRule.inBottomQuartile(employmentRank, rc)
                && !RankRule.inBottomQuartile(establishmentsRank, rc);
    }

    /**
     * Verdicts for every cell; false where E_rc = 0.
     *
     * @param establishments N[r][c], or {@code null} when not given
     */
    public static boolean[][] strongClusters(double[][] e, double[][] lq, double[][] establishments) {
        int cols = Matrices.requireNonNegative(e, "E");
        Matrices.requireSameShape(lq, "LQ", e, "E");
        int[][] lqRanks = RankRule.columnRanks(lq, e);
        int[][] employmentRanks = RankRule.columnRanks(e, e);
        int[][] establishmentRanks = null;
        if (establishments != null) {
            Matrices.requireSameShape(establishments, "establishments", e, "E");
            Matrices.requireNonNegative(establishments, "establishments");
            establishmentRanks = RankRule.columnRanks(establishments, e);
        }
        int[] rc = RankRule.presentCounts(e);
        boolean[][] out = new boolean[e.length][cols];
        for (int r = 0; r < e.length; r++) {
            for (int c = 0; c < cols; c++) {
                if (e[r][c] > 0) {
                    int nRank = establishmentRanks == null ? 0 : establishmentRanks[r][c];
                    out[r][c] = strong(lq[r][c], lqRanks[r][c], employmentRanks[r][c], nRank, rc[c]);
                }
            }
        }
        return out;
    }
}
