package org.klaster.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.registry.Confidence;

/** The key rate on a day (the last change effective on or before it) and the formulas tied to it, by hand. */
class KeyRateTest {

    static final double EXACT = 1e-12;

    static KeyRate.Change change(String day, double rate) {
        return new KeyRate.Change(LocalDate.parse(day), rate, "test", Confidence.M);
    }

    /** A part of the CBR series of the policy notes (§7.6a), deliberately out of order. */
    static KeyRate series() {
        return new KeyRate(List.of(change("2023-12-18", 0.16), change("2022-09-19", 0.075), change("2023-07-24", 0.085),
                change("2024-07-29", 0.18), change("2022-06-14", 0.095)), "t");
    }

    @Test
    void rateOnTheDaysAroundEachChange() {
        KeyRate k = series();
        // sorted whatever the input order
        assertThat(k.changes()).extracting(KeyRate.Change::effective).isSorted();
        for (KeyRate.Change c : k.changes()) {
            assertThat(k.on(c.effective()).rate()).as("on %s", c.effective()).isEqualTo(c.rate());
            assertThat(k.on(c.effective().plusDays(1)).rate()).as("after %s", c.effective()).isEqualTo(c.rate());
        }
        // the day before a change keeps the previous rate
        assertThat(k.on(LocalDate.parse("2022-09-18")).rate()).isEqualTo(0.095);
        assertThat(k.on(LocalDate.parse("2023-07-23")).rate()).isEqualTo(0.075);
        assertThat(k.on(LocalDate.parse("2023-12-17")).rate()).isEqualTo(0.085);
        assertThat(k.on(LocalDate.parse("2024-07-28")).rate()).isEqualTo(0.16);
        // long after the last change: the last rate
        assertThat(k.on(LocalDate.parse("2030-01-01")).rate()).isEqualTo(0.18);
        assertThat(k.on(LocalDate.parse("2030-01-01")).effective()).isEqualTo(LocalDate.parse("2024-07-29"));
    }

    @Test
    void beforeTheFirstChangeIsRefusedNamingTheDay() {
        KeyRate k = series();
        assertThatThrownBy(() -> k.on(LocalDate.parse("2022-06-13")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("2022-06-13").hasMessageContaining("2022-06-14");
    }

    @Test
    void extendingAddsAChangeAndRefusesADateTwice() {
        KeyRate k = series().with(change("2025-01-10", 0.2));
        assertThat(k.changes()).hasSize(6);
        assertThat(k.on(LocalDate.parse("2025-01-09")).rate()).isEqualTo(0.18);
        assertThat(k.on(LocalDate.parse("2025-01-10")).rate()).isEqualTo(0.2);
        assertThatThrownBy(() -> k.with(change("2025-01-10", 0.21))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("2025-01-10");
        assertThatThrownBy(() -> new KeyRate(List.of(change("2025-01-10", 0.2), change("2025-01-10", 0.2)), ""))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> change("2025-01-10", 16)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new KeyRate(List.of(), "")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void kipIsThirtyPercentOfTheKeyRatePlusThreePoints() {
        // the issue's own figures: 5.25 % at a 7.5 % key rate, 7.8 % at 16 %
        assertThat(Eligibility.keyRateFormula(0.03, 0.3, 0, 0.075)).isCloseTo(0.0525, within(EXACT));
        assertThat(Eligibility.keyRateFormula(0.03, 0.3, 0, 0.16)).isCloseTo(0.078, within(EXACT));
    }

    @Test
    void industrialMortgageFollowsTheKeyRateAboveTenPercent() {
        // 5 % + (16 − 10) = 11 %; at 9.5 % (not above 10) 5 %; MTK 3 % + (16 − 10) = 9 %
        assertThat(Eligibility.keyRateFormula(0.05, 1, 0.10, 0.16)).isCloseTo(0.11, within(EXACT));
        assertThat(Eligibility.keyRateFormula(0.05, 1, 0.10, 0.095)).isCloseTo(0.05, within(EXACT));
        assertThat(Eligibility.keyRateFormula(0.05, 1, 0.10, 0.10)).isCloseTo(0.05, within(EXACT));
        assertThat(Eligibility.keyRateFormula(0.05, 1, 0.10, 0.1025)).isCloseTo(0.0525, within(EXACT));
        assertThat(Eligibility.keyRateFormula(0.03, 1, 0.10, 0.16)).isCloseTo(0.09, within(EXACT));
    }
}
