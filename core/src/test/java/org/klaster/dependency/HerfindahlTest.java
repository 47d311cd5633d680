package org.klaster.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HerfindahlTest {

    private static final double EPS = 1e-12;

    @Test
    void equalSharesGiveOneOverN() {
        // 4 partners × 25: shares 1/4 each → 4·(1/4)² = 1/4
        assertThat(DependencyScreen.herfindahl(new double[] {25, 25, 25, 25})).isCloseTo(0.25, within(EPS));
        // 2 partners × 7: 2·(1/2)² = 1/2
        assertThat(DependencyScreen.herfindahl(new double[] {7, 7})).isCloseTo(0.5, within(EPS));
    }

    @Test
    void unequalShares() {
        // 60, 30, 10 of 100: 0.6² + 0.3² + 0.1² = 0.36 + 0.09 + 0.01 = 0.46
        assertThat(DependencyScreen.herfindahl(new double[] {60, 30, 10})).isCloseTo(0.46, within(EPS));
        // 3, 1 of 4: 0.75² + 0.25² = 0.5625 + 0.0625 = 0.625; a zero partner changes nothing
        assertThat(DependencyScreen.herfindahl(new double[] {3, 1, 0})).isCloseTo(0.625, within(EPS));
        // a single supplier: 1
        assertThat(DependencyScreen.herfindahl(new double[] {5})).isCloseTo(1.0, within(EPS));
    }

    @Test
    void undefinedWithoutPositiveTotal() {
        assertThat(DependencyScreen.herfindahl(new double[0])).isNaN();
        assertThat(DependencyScreen.herfindahl(new double[] {0, 0})).isNaN();
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> DependencyScreen.herfindahl(new double[] {1, -2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
        assertThatThrownBy(() -> DependencyScreen.herfindahl(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DependencyScreen.herfindahl(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioAndRelianceFormulas() {
        // 100 / 40 = 2.5
        assertThat(DependencyScreen.importExportRatio(100, 40)).isCloseTo(2.5, within(EPS));
        // exports 0, imports > 0 → +inf; both 0 → NaN; imports 0, exports > 0 → 0
        assertThat(DependencyScreen.importExportRatio(10, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DependencyScreen.importExportRatio(0, 0)).isNaN();
        assertThat(DependencyScreen.importExportRatio(0, 5)).isZero();
        // 100 / (100 + 100 − 40) = 100 / 160 = 0.625
        assertThat(DependencyScreen.importReliance(100, 40, 100)).isCloseTo(0.625, within(EPS));
        // no production → unknown
        assertThat(DependencyScreen.importReliance(100, 40, Double.NaN)).isNaN();
        // apparent consumption 0 + 30 − 40 = −10 ≤ 0 → NaN; exactly 0 (10 + 30 − 40) → NaN
        assertThat(DependencyScreen.importReliance(30, 40, 0)).isNaN();
        assertThat(DependencyScreen.importReliance(30, 40, 10)).isNaN();
    }

    /** Issue 10, probe 7: finite values whose total is infinite give no NaN shares but a sentence. */
    @Test
    void valuesThatAddUpToInfinityAreASentence() {
        assertThatThrownBy(() -> DependencyScreen.herfindahl(new double[] {1e308, 1e308}))
                .isInstanceOf(org.klaster.AnalysisException.class)
                .hasMessageStartingWith("trade values add up beyond the range of numbers the analysis can compute with");
    }
}
