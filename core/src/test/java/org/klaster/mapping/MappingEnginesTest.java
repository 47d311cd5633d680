package org.klaster.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** LocationQuotient, ClusterStars and StrongClusters on hand-computed matrices. */
class MappingEnginesTest {

    private static final double EPS = 1e-12;

    /*
     * Regions A, B, C × categories X, Y, Z:
     *          X    Y    Z  | E_r
     *   A     50   30   20  | 100
     *   B     10   60   30  | 100
     *   C     40   10  150  | 200
     *   E_c  100  100  200  | E = 400      national shares E_c/E = .25, .25, .50
     *
     * share = E_rc/E_r:  A .50 .30 .20   B .10 .60 .30   C .20 .05 .75
     * LQ = share / (E_c/E):
     *   A  .50/.25 = 2.0   .30/.25 = 1.2   .20/.50 = 0.4
     *   B  .10/.25 = 0.4   .60/.25 = 2.4   .30/.50 = 0.6
     *   C  .20/.25 = 0.8   .05/.25 = 0.2   .75/.50 = 1.5
     */
    static final double[][] E = {
        {50, 30, 20},
        {10, 60, 30},
        {40, 10, 150},
    };

    @Test
    void totals() {
        assertThat(LocationQuotient.regionTotals(E)).containsExactly(100, 100, 200);
        assertThat(LocationQuotient.categoryTotals(E)).containsExactly(100, 100, 200);
        assertThat(LocationQuotient.total(E)).isEqualTo(400);
    }

    @Test
    void sharesByHand() {
        double[][] s = LocationQuotient.shares(E);
        double[][] expected = {{.50, .30, .20}, {.10, .60, .30}, {.20, .05, .75}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(s[r][c]).as("share[%d][%d]", r, c).isCloseTo(expected[r][c], within(EPS));
            }
        }
    }

    @Test
    void locationQuotientsByHand() {
        double[][] lq = LocationQuotient.locationQuotients(E);
        double[][] expected = {{2.0, 1.2, 0.4}, {0.4, 2.4, 0.6}, {0.8, 0.2, 1.5}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(lq[r][c]).as("LQ[%d][%d]", r, c).isCloseTo(expected[r][c], within(EPS));
            }
        }
        // (50·400)/(100·100) = 20000/10000: exactly 2, so the LQ ≥ 2 star cannot be lost to rounding
        assertThat(lq[0][0]).isEqualTo(2.0);
    }

    @Test
    void locationQuotientIsTheCorrectlyRoundedExactRatio() {
        // E = {{1, 1}, {2, 7}}: E_r = 2, E_c = 3, E = 11 → LQ = (1·11)/(2·3) = 11/6.
        // (1/2)/(3/11) in doubles gives 1.8333333333333335; the exact ratio rounds to 11/6 = 1.83…33
        double[][] e = {{1, 1}, {2, 7}};
        double exact = BigDecimal.valueOf(11).divide(BigDecimal.valueOf(6), MathContext.DECIMAL128).doubleValue();
        assertThat(LocationQuotient.locationQuotients(e)[0][0]).isEqualTo(exact);
        assertThat(LocationQuotient.locationQuotient(1, 2, 3, 11)).isEqualTo(exact);
    }

    @Test
    void undefinedCellsAreNaN() {
        double[][] e = {{5, 0}, {0, 0}};
        assertThat(LocationQuotient.shares(e)[1][0]).isNaN();           // E_r = 0
        assertThat(LocationQuotient.locationQuotients(e)[0][1]).isNaN(); // E_c = 0
        assertThat(LocationQuotient.locationQuotients(e)[0][0]).isEqualTo(1.0);
        assertThatThrownBy(() -> LocationQuotient.shares(new double[][] {{1, -1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void starsByHand() {
        // R_c = 3 everywhere → top 10 % = rank ≤ ⌈3/10⌉ = 1
        // size:  X largest A (50), Y largest B (60), Z largest C (150)
        // focus: X A (.50), Y B (.60), Z C (.75)
        // specialisation: LQ ≥ 2 at A-X (2.0) and B-Y (2.4); C-Z has 1.5
        double[][] lq = LocationQuotient.locationQuotients(E);
        int[][] size = ClusterStars.sizeStars(E);
        int[][] spec = ClusterStars.specialisationStars(lq, E);
        int[][] focus = ClusterStars.focusStars(LocationQuotient.shares(E), E);
        assertThat(size).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(spec).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThat(focus).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(ClusterStars.stars(size, spec, focus))
                .isDeepEqualTo(new int[][] {{3, 0, 0}, {0, 3, 0}, {0, 0, 2}});
    }

    @Test
    void strongByHandWithoutEstablishments() {
        // quartile cut-off ⌈3/4⌉ = 1; bottom quartile = rank 3.
        // X: LQ ranks A1 C2 B3, employment ranks A1 C2 B3 → A strong (LQ 2 ≥ 1, rank 1, emp rank 1)
        // Y: B strong; A has LQ 1.2 ≥ 1 but LQ rank 2 → not top quartile
        // Z: C strong (LQ 1.5, ranks 1/1)
        boolean[][] strong = StrongClusters.strongClusters(E, LocationQuotient.locationQuotients(E), null);
        assertThat(strong).isDeepEqualTo(new boolean[][] {
            {true, false, false}, {false, true, false}, {false, false, true}});
    }

    @Test
    void establishmentsInTheBottomQuartileFlipTheVerdict() {
        double[][] lq = LocationQuotient.locationQuotients(E);
        // X establishments A 1, B 5, C 8 → ranks C1 B2 A3: A is in the bottom quartile → not strong
        double[][] n = {{1, 3, 2}, {5, 9, 4}, {8, 1, 20}};
        assertThat(StrongClusters.strongClusters(E, lq, n)[0][0]).isFalse();
        // Y: B has 9 (rank 1), Z: C has 20 (rank 1) → unchanged
        assertThat(StrongClusters.strongClusters(E, lq, n)[1][1]).isTrue();
        assertThat(StrongClusters.strongClusters(E, lq, n)[2][2]).isTrue();
        // tie: A 5 = B 5 → both rank 2 (the better rank), 2 > 3 − 1 is false → A strong again
        double[][] tied = {{5, 3, 2}, {5, 9, 4}, {8, 1, 20}};
        assertThat(StrongClusters.strongClusters(E, lq, tied)[0][0]).isTrue();
    }

    /*
     * Five regions, categories X and Y (R_c = 5 → quartile cut-off ⌈5/4⌉ = 2, bottom = rank > 3):
     *        X    Y  | E_r
     *   r1  10   90  | 100
     *   r2  40   60  | 100
     *   r3  30   70  | 100
     *   r4   5   15  |  20
     *   r5  15   85  | 100
     *   E_X = 100, E = 420 → LQ_X = X·420 / (E_r·100):
     *   r1 .42   r2 1.68   r3 1.26   r4 2100/2000 = 1.05   r5 .63
     *   LQ ranks  r2 1, r3 2, r4 3, r5 4, r1 5;  employment ranks r2 1, r3 2, r5 3, r1 4, r4 5
     */
    static final double[][] FIVE = {{10, 90}, {40, 60}, {30, 70}, {5, 15}, {15, 85}};

    @Test
    void quartileCutoffRoundsUpForFiveRegions() {
        double[][] lq = LocationQuotient.locationQuotients(FIVE);
        assertThat(lq[3][0]).isCloseTo(1.05, within(EPS));
        assertThat(lq[1][0]).isCloseTo(1.68, within(EPS));
        boolean[][] strong = StrongClusters.strongClusters(FIVE, lq, null);
        // r3: LQ rank 2 ≤ ⌈5/4⌉ = 2 (⌊5/4⌋ = 1 would reject it); r4: LQ rank 3 → not top quartile
        assertThat(new boolean[] {strong[0][0], strong[1][0], strong[2][0], strong[3][0], strong[4][0]})
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void bottomQuartileRoundsUpForFiveRegions() {
        double[][] lq = LocationQuotient.locationQuotients(FIVE);
        // X establishments r1 2, r2 3, r3 2, r4 5, r5 4 → ranks r4 1, r5 2, r2 3, r1 4, r3 4 (tie)
        // bottom quartile = rank > 5 − 2 = 3 → r3 (rank 4) fails; with ⌊5/4⌋ it would be rank > 4
        double[][] n = {{2, 1}, {3, 1}, {2, 1}, {5, 1}, {4, 1}};
        boolean[][] strong = StrongClusters.strongClusters(FIVE, lq, n);
        assertThat(strong[2][0]).isFalse();
        assertThat(strong[1][0]).isTrue(); // r2: establishments rank 3, not > 3
        // the same by the scalar rule
        assertThat(StrongClusters.strong(1.26, 2, 2, 4, 5)).isFalse();
        assertThat(StrongClusters.strong(1.26, 2, 2, 3, 5)).isTrue();
        assertThat(StrongClusters.strong(1.26, 2, 4, 0, 5)).isFalse(); // employment rank 4 is bottom
        assertThat(StrongClusters.strong(0.99, 1, 1, 0, 5)).isFalse(); // LQ < 1
        assertThat(StrongClusters.strong(1.0, 1, 1, 0, 5)).isTrue();   // LQ = 1 is enough
    }

    @Test
    void aCategoryInOneRegionIsNeverStrong() {
        // R_c = 1: rank 1 is both top quartile and bottom quartile (1 > 1 − ⌈1/4⌉ = 0)
        // E_r = 15, 5; E_c = 10, 10; E = 20. X exists only in r0: LQ = (10/15)/(10/20) = 4/3
        double[][] e = {{10, 5}, {0, 5}};
        boolean[][] strong = StrongClusters.strongClusters(e, LocationQuotient.locationQuotients(e), null);
        assertThat(LocationQuotient.locationQuotients(e)[0][0]).isCloseTo(4.0 / 3, within(EPS));
        assertThat(strong[0][0]).isFalse();
        // Y (R_c = 2, bottom = rank 2): r1 LQ (5/5)/(10/20) = 2, rank 1; employment 5 = 5 tied at rank 1
        assertThat(strong[1][1]).isTrue();
        assertThat(strong[0][1]).isFalse(); // LQ (5/15)/(10/20) = 2/3 < 1
    }

    @Test
    void topTenPercentRoundsUpForElevenRegions() {
        // 11 regions, X = 110, 100, …, 10 (distinct) → ranks 1..11; ⌈11/10⌉ = 2 → two size stars
        double[][] e = new double[11][2];
        for (int r = 0; r < 11; r++) {
            e[r][0] = 110 - 10 * r;
            e[r][1] = 50;
        }
        int[][] size = ClusterStars.sizeStars(e);
        int starred = 0;
        for (int r = 0; r < 11; r++) {
            starred += size[r][0];
        }
        assertThat(size[0][0]).isEqualTo(1);
        assertThat(size[1][0]).isEqualTo(1);
        assertThat(size[2][0]).isEqualTo(0);
        assertThat(starred).isEqualTo(2);
        // Y: all 50 → all tied at rank 1 → all eleven get the size star
        int tiedStars = 0;
        for (int r = 0; r < 11; r++) {
            tiedStars += size[r][1];
        }
        assertThat(tiedStars).isEqualTo(11);
    }

    @Test
    void tiesWithinTolerancePassTheSizeStarButNotAtOneEMinus9() {
        // three regions, R_c = 3 → only rank 1 gets the size star
        double[][] withinTolerance = {{1000.0, 1}, {1000.0000000005, 1}, {10, 1}};
        int[][] size = ClusterStars.sizeStars(withinTolerance);
        assertThat(new int[] {size[0][0], size[1][0], size[2][0]}).containsExactly(1, 1, 0);
        double[][] apart = {{1000.0, 1}, {1000.000001, 1}, {10, 1}};
        size = ClusterStars.sizeStars(apart);
        assertThat(new int[] {size[0][0], size[1][0], size[2][0]}).containsExactly(0, 1, 0);
    }
}
