package org.klaster.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INN, OGRN/OGRNIP and KPP checks on published numbers: the INN and OGRN of large public companies as they
 * print them in their disclosures (Sberbank, Gazprom, Rosneft, VTB, Alfa-Bank, Yandex), the 12-digit INN
 * and the OGRNIP that tax-service explanations use as examples, and invalid numbers made from them by
 * changing one digit.
 */
class IdentifiersTest {

    static final List<String> VALID_INN10 = List.of("7707083893", "7736050003", "7706107510", "7702070139",
            "7728168971", "7736207543");
    static final List<String> VALID_OGRN = List.of("1027700132195", "1027700070518", "1027700043502", "1027739609391",
            "1027700067328", "1027700229193");

    @Test
    void publishedTenDigitInnsAreValid() {
        assertThat(VALID_INN10).allMatch(Identifiers::validInn);
    }

    @Test
    void changingOneDigitOfAnInnBreaksIt() {
        for (String inn : VALID_INN10) {
            String checkChanged = inn.substring(0, 9) + (char) ('0' + (inn.charAt(9) - '0' + 1) % 10);
            assertThat(Identifiers.validInn(checkChanged)).as(checkChanged).isFalse();
        }
        assertThat(Identifiers.validInn("7707083894")).as("check digit").isFalse();
        assertThat(Identifiers.validInn("7707083993")).as("8th digit").isFalse();
        assertThat(Identifiers.validInn("8707083893")).as("1st digit").isFalse();
    }

    @Test
    void twelveDigitInns() {
        assertThat(Identifiers.validInn("500100732259")).isTrue();
        assertThat(Identifiers.validInn("526317984689")).isTrue();
        assertThat(Identifiers.validInn("500100732258")).as("12th digit").isFalse();
        assertThat(Identifiers.validInn("500100732249")).as("11th digit").isFalse();
        assertThat(Identifiers.validInn("773406893541")).isFalse();
    }

    @Test
    void remaindersZeroAndTenBothGiveCheckDigitZero() {
        // 000000105: 4·1 + 8·5 = 44 = 4·11 → 0; 500000000: 2·5 = 10 → 10 mod 10 = 0; 000000005: 8·5 = 40 → 7
        assertThat(Identifiers.innCheckDigit("000000105")).isZero();
        assertThat(Identifiers.innCheckDigit("500000000")).isZero();
        assertThat(Identifiers.validInn("5000000000")).isTrue();
        assertThat(Identifiers.validInn("5000000001")).isFalse();
        assertThat(Identifiers.innCheckDigit("000000005")).isEqualTo(7);
    }

    @Test
    void notTenOrTwelveDigitsIsNoInn() {
        assertThat(Identifiers.validInn("77070838")).isFalse();
        assertThat(Identifiers.validInn("77070838931")).isFalse();
        assertThat(Identifiers.validInn("770708389 ")).isFalse();
        assertThat(Identifiers.validInn("77O7083893")).isFalse();
        assertThat(Identifiers.validInn("")).isFalse();
        assertThat(Identifiers.validInn(null)).isFalse();
        assertThat(Identifiers.validInn("７７０７０８３８９３")).as("full-width digits").isFalse();
    }

    @Test
    void publishedOgrnsAreValidAndOneChangedDigitIsNot() {
        assertThat(VALID_OGRN).allMatch(Identifiers::validOgrn);
        for (String ogrn : VALID_OGRN) {
            String changed = ogrn.substring(0, 12) + (char) ('0' + (ogrn.charAt(12) - '0' + 1) % 10);
            assertThat(Identifiers.validOgrn(changed)).as(changed).isFalse();
        }
        assertThat(Identifiers.validOgrn("1027700132196")).isFalse();
        assertThat(Identifiers.validOgrn("102770013219")).isFalse();
    }

    @Test
    void ogrnipHasFifteenDigitsAndModulusThirteen() {
        // 30450011600015 mod 13 = 7 → 7 mod 10 = 7
        assertThat(Identifiers.validOgrn("304500116000157")).isTrue();
        assertThat(Identifiers.validOgrn("304500116000158")).isFalse();
        assertThat(Identifiers.validOgrn("30450011600015")).isFalse();
    }

    @Test
    void ogrnCheckDigitOfTwelveDigits() {
        // 102770013219 mod 11 = 5 → 5
        assertThat(Identifiers.ogrnCheckDigit("102770013219")).isEqualTo(5);
    }

    @Test
    void kppLayout() {
        assertThat(Identifiers.validKpp("773601001")).isTrue();
        assertThat(Identifiers.validKpp("7736AB001")).isTrue();
        assertThat(Identifiers.validKpp("77360100")).isFalse();
        assertThat(Identifiers.validKpp("7736ab001")).isFalse();
        assertThat(Identifiers.validKpp("77360100A")).isFalse();
        assertThat(Identifiers.validKpp(null)).isFalse();
    }
}
