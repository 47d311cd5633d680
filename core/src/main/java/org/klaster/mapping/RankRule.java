package org.klaster.mapping;

import java.util.Arrays;
import org.klaster.AnalysisException;
import org.klaster.Text;

/**
 * The rank rule of methods.md §1, used by the stars and the strong-cluster test.
 *
 * <pre>
 *   present: the R_c regions with E_rc &gt; 0 (the others have no rank: 0)
 *   tied(a, b)  ⇔ |a − b| ≤ 1e-12 · max(|a|, |b|)
 *   rank(v_i)   = 1 + #{ present j : v_j &gt; v_i and not tied(v_j, v_i) }
 *   top 10 %        ⇔ rank ≤ ⌈R_c / 10⌉
 *   top quartile    ⇔ rank ≤ ⌈R_c / 4⌉
 *   bottom quartile ⇔ rank &gt; R_c − ⌈R_c / 4⌉
 * </pre>
 * Rank 1 is the largest value; tied values share the better (smaller) rank and the next distinct
 * value skips ("competition" ranking: 1, 1, 3). Ties are judged against each value, so in a chain
 * a ≈ b ≈ c with a ≉ c the middle value ties with both neighbours. Consequences of the integer
 * cut-offs: with R_c = 1 the single region is in the top and in the bottom quartile at once; with
 * all values tied nobody is in the bottom quartile (for R_c ≥ 2).
 */
public final class RankRule {

    /** Relative tolerance under which two values are a tie. */
    public static final double RELATIVE_TIE = 1e-12;

    private RankRule() {
    }

    /** |a − b| ≤ 1e-12 · max(|a|, |b|). */
    public static boolean tied(double a, double b) {
        return Math.abs(a - b) <= RELATIVE_TIE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** ⌈n / 10⌉: the worst rank still in the top 10 %. */
    public static int topTenPercentCutoff(int n) {
        return (n + 9) / 10;
    }

    /** ⌈n / 4⌉: the worst rank still in the top quartile. */
    public static int quartileCutoff(int n) {
        return (n + 3) / 4;
    }

    public static boolean inTopTenPercent(int rank, int n) {
        return rank >= 1 && rank <= topTenPercentCutoff(n);
    }

    public static boolean inTopQuartile(int rank, int n) {
        return rank >= 1 && rank <= quartileCutoff(n);
    }

    public static boolean inBottomQuartile(int rank, int n) {
        return rank >= 1 && rank > n - quartileCutoff(n);
    }

    /**
     * Ranks of {@code values[i]} among the entries with {@code present[i]}; 0 for the others.
     *
     * @throws AnalysisException when a present value is not finite — it can only come from sums of
     *                           absurd inputs, and the sentence says so rather than naming an index
     */
    public static int[] ranks(double[] values, boolean[] present) {
        if (values.length != present.length) {
            throw new IllegalArgumentException("values and present differ in length");
        }
        double[] sorted = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                if (!Double.isFinite(values[i])) {
                    throw new AnalysisException(Text.core("rank.not.finite", Text.plain(values[i])));
                }
                sorted[n++] = values[i];
            }
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                ranks[i] = 1 + countClearlyAbove(sorted, values[i]);
            }
        }
        return ranks;
    }

    /**
     * Rank of {@code values[r][c]} within column c among the regions with {@code e[r][c] > 0};
     * 0 where {@code e[r][c] = 0}.
     */
    public static int[][] columnRanks(double[][] values, double[][] e) {
        Matrices.requireSameShape(values, "values", e, "E");
        int rows = e.length;
        int cols = Matrices.columns(e, "E");
        int[][] out = new int[rows][cols];
        double[] column = new double[rows];
        boolean[] present = new boolean[rows];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                column[r] = values[r][c];
                present[r] = e[r][c] > 0;
            }
            int[] ranks = ranks(column, present);
            for (int r = 0; r < rows; r++) {
                out[r][c] = ranks[r];
            }
        }
        return out;
    }

    /** R_c = #{r : E_rc &gt; 0} for every category. */
    public static int[] presentCounts(double[][] e) {
        int cols = Matrices.columns(e, "E");
        int[] counts = new int[cols];
        for (double[] row : e) {
            for (int c = 0; c < cols; c++) {
                if (row[c] > 0) {
                    counts[c]++;
                }
            }
        }
        return counts;
    }

    /**
     * #{j : s_j &gt; v and not tied(s_j, v)} in an ascending array. "Clearly above v" is monotone in
     * s_j (s − v − 1e-12·max(|s|,|v|) grows with s), so the matching values form a suffix and a
     * binary search finds where it starts.
     */
    private static int countClearlyAbove(double[] ascending, double v) {
        int lo = 0;
        int hi = ascending.length; // first index that is clearly above v lies in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double s = ascending[mid];
            if (s > v && !tied(s, v)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return ascending.length - lo;
    }
}
