package org.klaster.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SovereigntyCoverageTest {

    private static final double EPS = 1e-12;

    @Test
    void handComputed() {
        // output 100, exports 20, imports 40: home supply 80 → 80 / (80 + 40) = 2/3 < 0.75
        double c = SovereigntyCoverage.of(100, 20, 40);
        assertThat(c).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(SovereigntyCoverage.meetsTarget(c)).isFalse();
        // output 100, exports 10, imports 30: home supply 90 → 90 / 120 = 0.75 → meets the target (≥)
        double d = SovereigntyCoverage.of(100, 10, 30);
        assertThat(d).isCloseTo(0.75, within(EPS));
        assertThat(SovereigntyCoverage.meetsTarget(0.75)).isTrue();
        assertThat(SovereigntyCoverage.TARGET).isEqualTo(0.75);
        // no imports → 1; no home supply → 0
        assertThat(SovereigntyCoverage.of(50, 0, 0)).isEqualTo(1.0);
        assertThat(SovereigntyCoverage.of(50, 50, 10)).isEqualTo(0.0);
    }

    @Test
    void undefinedAndBadValues() {
        assertThat(SovereigntyCoverage.of(10, 10, 0)).isNaN();
        assertThat(SovereigntyCoverage.meetsTarget(Double.NaN)).isFalse();
        assertThatThrownBy(() -> SovereigntyCoverage.of(10, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
        assertThatThrownBy(() -> SovereigntyCoverage.of(-1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SovereigntyCoverage.of(1, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SovereigntyCoverage.of(Double.POSITIVE_INFINITY, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
