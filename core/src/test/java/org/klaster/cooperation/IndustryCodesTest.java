package org.klaster.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The code hierarchy and the Dice similarity of two codes' ancestor chains, worked by hand. */
class IndustryCodesTest {

    @Test
    void codesAreDigitsInDottedGroups() {
        for (String ok : List.of("28", "28.4", "28.41", "28.41.1", "28.41.11", "25.62.20.000", "01.11.11.110")) {
            assertThat(IndustryCodes.valid(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("", "2", "284", "28-41", "28.411", "28.41.111", "A28", "28.", "28.41.1.1234", " 28")) {
            assertThat(IndustryCodes.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aPathHasOneDigitALevelWithoutThePaddingZerosOfOkpd2() {
        assertThat(IndustryCodes.path("28.41")).isEqualTo("2841");
        assertThat(IndustryCodes.path("28.41.1")).isEqualTo("28411");
        assertThat(IndustryCodes.path("25.62.20.000")).isEqualTo("256220");
        assertThat(IndustryCodes.path("25.62.20.110")).isEqualTo("25622011");
        assertThat(IndustryCodes.path("28-41")).isNull();
    }

    /** Dice of the ancestor chains: 2·shared / (levels a + levels b); a division is level 1. */
    @Test
    void similarityFollowsTheHierarchy() {
        assertThat(IndustryCodes.similarity("28.41", "28.41")).isEqualTo(1.0);
        // {28, 28.4, 28.41} and {28, 28.4}: 2·2 / (3 + 2)
        assertThat(IndustryCodes.similarity("28.41", "28.4")).isCloseTo(0.8, within(1e-15));
        // sisters 28.41, 28.49 share 28 and 28.4: 2·2 / 6
        assertThat(IndustryCodes.similarity("28.41", "28.49")).isCloseTo(2.0 / 3, within(1e-15));
        // nested 28.41 and 28: 2·1 / 4
        assertThat(IndustryCodes.similarity("28.41", "28")).isCloseTo(0.5, within(1e-15));
        // cousins 28.41 and 28.1: 2·1 / (3 + 2)
        assertThat(IndustryCodes.similarity("28.41", "28.1")).isCloseTo(0.4, within(1e-15));
        assertThat(IndustryCodes.similarity("28.41", "25.62")).isZero();
        // an OKPD2 product and the OKVED2 activity that makes it: 25.62.20.000 → 256220 (5 levels) vs 2562 (3): 2·3 / 8
        assertThat(IndustryCodes.similarity("25.62.20.000", "25.62")).isCloseTo(0.75, within(1e-15));
        assertThat(IndustryCodes.similarity("28.41", "x")).isZero();
        // symmetric
        assertThat(IndustryCodes.similarity("28.4", "28.41")).isEqualTo(IndustryCodes.similarity("28.41", "28.4"));
    }

    @Test
    void theBestPairCountsAndBranchesAreNested() {
        assertThat(IndustryCodes.best(List.of("2841", "2562"), List.of("2849", "2562"))).isEqualTo(1.0);
        assertThat(IndustryCodes.best(List.of(), List.of("2562"))).isZero();
        assertThat(IndustryCodes.sameBranch("2841", "28")).isTrue();
        assertThat(IndustryCodes.sameBranch("28", "28411")).isTrue();
        assertThat(IndustryCodes.sameBranch("2841", "2849")).isFalse();
    }
}
