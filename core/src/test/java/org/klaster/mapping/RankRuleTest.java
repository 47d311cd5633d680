package org.klaster.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankRuleTest {

    private static boolean[] all(int n) {
        boolean[] p = new boolean[n];
        java.util.Arrays.fill(p, true);
        return p;
    }

    @Test
    void largestIsRankOne() {
        assertThat(RankRule.ranks(new double[] {5, 3, 9, 1}, all(4))).containsExactly(2, 3, 1, 4);
    }

    @Test
    void equalValuesShareTheBetterRankAndTheNextSkips() {
        // 7, 7, 7 all rank 1; 3 has three values above it → rank 4
        assertThat(RankRule.ranks(new double[] {7, 7, 3, 7}, all(4))).containsExactly(1, 1, 4, 1);
        // 9 rank 1; the two 5s rank 2; 1 rank 4
        assertThat(RankRule.ranks(new double[] {5, 9, 1, 5}, all(4))).containsExactly(2, 1, 4, 2);
    }

    @Test
    void valuesWithinRelativeOneEMinus12AreTies() {
        // |Δ| ≈ 5e-10 ≤ 1e-12 · 1000 = 1e-9 → tie
        double a = 1000.0;
        double b = 1000.0000000005;
        assertThat(RankRule.tied(a, b)).isTrue();
        assertThat(RankRule.ranks(new double[] {a, b, 10}, all(3))).containsExactly(1, 1, 3);
    }

    @Test
    void valuesApartByOneEMinus9AreNotTies() {
        // relative 1e-9: |Δ| = 1e-6 > 1e-9 → distinct
        assertThat(RankRule.tied(1000.0, 1000.000001)).isFalse();
        assertThat(RankRule.ranks(new double[] {1000.0, 1000.000001}, all(2))).containsExactly(2, 1);
        // relative 1e-11 is still not a tie: the tolerance is 1e-12, not 1e-9
        assertThat(RankRule.ranks(new double[] {1000.0, 1000.00000001}, all(2))).containsExactly(2, 1);
    }

    @Test
    void tieChainIsJudgedAgainstEachValue() {
        // a ≈ b (0.8e-12), b ≈ c (0.8e-12), but a and c differ by 1.6e-12 > 1e-12
        double a = 1.0;
        double b = 1.0 + 0.8e-12;
        double c = 1.0 + 1.6e-12;
        // c: nothing clearly above → 1; b: c is tied → 1; a: c is clearly above, b tied → 2
        assertThat(RankRule.ranks(new double[] {a, b, c}, all(3))).containsExactly(2, 1, 1);
    }

    @Test
    void absentEntriesGetNoRankAndDoNotCount() {
        assertThat(RankRule.ranks(new double[] {10, 50, 20}, new boolean[] {true, false, true}))
                .containsExactly(2, 0, 1);
        // an absent NaN is ignored, a present one is an error
        assertThat(RankRule.ranks(new double[] {Double.NaN, 1}, new boolean[] {false, true}))
                .containsExactly(0, 1);
        // issue 10, probe 7: the error is a sentence for the user, not "cannot rank NaN at index 0"
        assertThatThrownBy(() -> RankRule.ranks(new double[] {Double.NaN, 1}, all(2)))
                .isInstanceOf(org.klaster.AnalysisException.class)
                .hasMessage("cannot rank a value of NaN: the data hold values too large to compute with (values beyond"
                        + " ±10^18 are refused on import; import the data again)");
    }

    @Test
    void columnRanksUseOnlyRegionsWithEmployment() {
        double[][] e = {
            {10, 0},
            {0, 5},
            {30, 7},
            {20, 0},
        };
        double[][] share = {
            {0.9, 0.0},
            {0.0, 0.2},
            {0.1, 0.1},
            {0.5, 0.8}, // E = 0 here: not ranked even though 0.8 is the largest value
        };
        assertThat(RankRule.columnRanks(e, e)).isDeepEqualTo(new int[][] {{3, 0}, {0, 2}, {1, 1}, {2, 0}});
        assertThat(RankRule.columnRanks(share, e))
                .isDeepEqualTo(new int[][] {{1, 0}, {0, 1}, {3, 2}, {2, 0}});
        assertThat(RankRule.presentCounts(e)).containsExactly(3, 2);
    }

    @Test
    void cutoffsRoundUp() {
        // ⌈n/10⌉
        assertThat(RankRule.topTenPercentCutoff(1)).isEqualTo(1);
        assertThat(RankRule.topTenPercentCutoff(9)).isEqualTo(1);
        assertThat(RankRule.topTenPercentCutoff(10)).isEqualTo(1);
        assertThat(RankRule.topTenPercentCutoff(11)).isEqualTo(2);
        assertThat(RankRule.topTenPercentCutoff(20)).isEqualTo(2);
        assertThat(RankRule.topTenPercentCutoff(21)).isEqualTo(3);
        // ⌈n/4⌉
        assertThat(RankRule.quartileCutoff(1)).isEqualTo(1);
        assertThat(RankRule.quartileCutoff(3)).isEqualTo(1);
        assertThat(RankRule.quartileCutoff(4)).isEqualTo(1);
        assertThat(RankRule.quartileCutoff(5)).isEqualTo(2);
        assertThat(RankRule.quartileCutoff(8)).isEqualTo(2);
        assertThat(RankRule.quartileCutoff(9)).isEqualTo(3);
    }

    @Test
    void quartileMembership() {
        // n = 5: top quartile ranks 1–2, bottom quartile ranks > 5 − 2 = 3, i.e. 4–5
        assertThat(RankRule.inTopQuartile(2, 5)).isTrue();
        assertThat(RankRule.inTopQuartile(3, 5)).isFalse();
        assertThat(RankRule.inBottomQuartile(3, 5)).isFalse();
        assertThat(RankRule.inBottomQuartile(4, 5)).isTrue();
        // n = 4: bottom quartile is rank 4 only
        assertThat(RankRule.inBottomQuartile(3, 4)).isFalse();
        assertThat(RankRule.inBottomQuartile(4, 4)).isTrue();
        // n = 1: the only region is top and bottom at once (1 > 1 − 1)
        assertThat(RankRule.inTopQuartile(1, 1)).isTrue();
        assertThat(RankRule.inBottomQuartile(1, 1)).isTrue();
        // n = 11: top 10 % is ranks 1–2
        assertThat(RankRule.inTopTenPercent(2, 11)).isTrue();
        assertThat(RankRule.inTopTenPercent(3, 11)).isFalse();
        // rank 0 (absent) is in nothing
        assertThat(RankRule.inTopTenPercent(0, 5)).isFalse();
        assertThat(RankRule.inBottomQuartile(0, 5)).isFalse();
    }
}
