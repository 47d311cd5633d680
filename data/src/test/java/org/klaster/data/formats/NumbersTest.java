package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.klaster.data.formats.Numbers.DecimalMark;

class NumbersTest {

    @ParameterizedTest(name = "{0} [{1}] = {2}")
    @CsvSource(delimiter = '|', value = {
        "1234.5        | POINT  | 1234.5",
        "1.2e3         | POINT  | 1200",
        "1.2E-3        | POINT  | 0.0012",
        "1,2e3         | COMMA  | 1200",
        "1 234,5       | POINT  | 1234.5",
        "1 234,5       | COMMA  | 1234.5",
        "1 234.5       | COMMA  | 1234.5",
        "1 234         | EITHER | 1234",
        "12 345 678    | POINT  | 12345678",
        "1,234,567.5   | POINT  | 1234567.5",
        "1.234.567,5   | COMMA  | 1234567.5",
        "1.234.567     | EITHER | 1234567",
        "1,234,567     | EITHER | 1234567",
        "-0.5          | POINT  | -0.5",
        "+3            | POINT  | 3",
        ".5            | POINT  | 0.5",
        "12,5          | COMMA  | 12.5",
        "12,5          | POINT  | 12.5",
        "12,5          | EITHER | 12.5",
        "0,125         | POINT  | 0.125",
        "1,234         | COMMA  | 1.234",
        "1.234         | POINT  | 1.234",
        "12.5          | COMMA  | 12.5",
        "1234.567      | EITHER | 1234.567",
        "1234,567      | POINT  | 1234.567",
        "007           | POINT  | 7",
    })
    void reads(String text, DecimalMark mark, double expected) {
        assertThat(Numbers.parse(text, mark)).isEqualTo(expected);
    }

    @Test
    void readsUnicodeSpacesAndMinus() {
        assertThat(Numbers.parse("1\u00A0234,5", DecimalMark.COMMA)).isEqualTo(1234.5);
        assertThat(Numbers.parse("1\u202F234\u202F567", DecimalMark.COMMA)).isEqualTo(1234567.0);
        assertThat(Numbers.parse("1\u2009234", DecimalMark.POINT)).isEqualTo(1234.0);
        assertThat(Numbers.parse("\u22125", DecimalMark.POINT)).isEqualTo(-5.0);
        assertThat(Numbers.parse("\u00A0 42 \t", DecimalMark.POINT)).isEqualTo(42.0);
    }

    @Test
    void emptyIsMissingNeverZero() {
        assertThat(Numbers.parse("", DecimalMark.POINT)).isNaN();
        assertThat(Numbers.parse("   ", DecimalMark.COMMA)).isNaN();
        assertThat(Numbers.parse("\u00A0", DecimalMark.COMMA)).isNaN();
        assertThat(Numbers.parse(null, DecimalMark.COMMA)).isNaN();
    }

    @Test
    void negativeZeroBecomesZero() {
        double v = Numbers.parse("-0", DecimalMark.POINT);
        assertThat(Double.doubleToRawLongBits(v)).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5,3", "abc", "1e", "e5", "1..2", "1,2.3,4", "NaN", "Infinity", "inf", "1_000", "0x10",
        "12%", "1 2", "123 4567", "1,23,456", "--5", "5-", "- 5", "1.2.3e4", ",", ".", "1 234 5", "1,234 567",
        "1.234,5,6", "$5", "5 руб."})
    void refuses(String text) {
        for (DecimalMark mark : DecimalMark.values()) {
            assertThatThrownBy(() -> Numbers.parse(text, mark)).as("%s [%s]", text, mark)
                    .isInstanceOf(Numbers.NotANumberException.class)
                    .hasMessageStartingWith(InputException.quote(text) + " is not a number");
        }
    }

    @Test
    void refusesHugeNumbers() {
        assertThatThrownBy(() -> Numbers.parse("1e999", DecimalMark.POINT)).hasMessage("\"1e999\" is too large a number");
    }

    @Test
    void ambiguousGroupingIsRefusedUnlessTheFileConventionSettlesIt() {
        assertThatThrownBy(() -> Numbers.parse("1,234", DecimalMark.POINT))
                .hasMessage("\"1,234\" is ambiguous (a thousands separator or a decimal comma?);"
                        + " write 1234 for a whole number or 1.234 for a fraction");
        assertThatThrownBy(() -> Numbers.parse("2.500", DecimalMark.COMMA))
                .hasMessage("\"2.500\" is ambiguous (a thousands separator or a decimal point?);"
                        + " write 2500 for a whole number or 2,500 for a fraction");
        assertThatThrownBy(() -> Numbers.parse("1,234", DecimalMark.EITHER)).hasMessageContaining("is ambiguous");
        assertThatThrownBy(() -> Numbers.parse("-1.234", DecimalMark.EITHER)).hasMessageContaining("is ambiguous");
        // a leading zero cannot start a thousands group: not ambiguous
        assertThat(Numbers.parse("0,234", DecimalMark.EITHER)).isEqualTo(0.234);
    }

    @Test
    void hintsAtEmptyCellsForMissingMarkers() {
        assertThatThrownBy(() -> Numbers.parse("-", DecimalMark.COMMA))
                .hasMessage("\"-\" is not a number (leave the cell empty if the value is missing)");
        assertThatThrownBy(() -> Numbers.parse("…", DecimalMark.COMMA))
                .hasMessage("\"…\" is not a number (leave the cell empty if the value is missing)");
    }

    @Test
    void years() {
        assertThat(Numbers.parseYear("2023")).isEqualTo(2023);
        assertThat(Numbers.parseYear(" 1900 ")).isEqualTo(1900);
        assertThat(Numbers.parseYear("2100")).isEqualTo(2100);
        assertThatThrownBy(() -> Numbers.parseYear("1899")).hasMessage("\"1899\" is not a plausible year (expected 1900–2100)");
        assertThatThrownBy(() -> Numbers.parseYear("2101")).hasMessageContaining("not a plausible year");
        assertThatThrownBy(() -> Numbers.parseYear("2023.0")).hasMessage("\"2023.0\" is not a year");
        assertThatThrownBy(() -> Numbers.parseYear("-2023")).hasMessage("\"-2023\" is not a year");
        assertThatThrownBy(() -> Numbers.parseYear("99999999999")).hasMessage("\"99999999999\" is not a year");
        assertThatThrownBy(() -> Numbers.parseYear("")).hasMessage("the year is empty");
    }

    @Test
    void placedErrorsNameFileLineAndColumn() {
        Path f = Path.of("data", "activity.csv");
        assertThatThrownBy(() -> Numbers.parse("12,5,3", DecimalMark.POINT, f, 17, "employment"))
                .isInstanceOf(InputException.class)
                .hasMessage("activity.csv, line 17, column \"employment\": \"12,5,3\" is not a number");
        assertThatThrownBy(() -> Numbers.parseYear("20x3", f, 4, "year"))
                .isInstanceOf(InputException.class)
                .hasMessage("activity.csv, line 4, column \"year\": \"20x3\" is not a year");
    }

    /** The fast path for plain integers and decimals must agree with the JDK's correctly rounded parser. */
    @Test
    void plainNumbersAgreeWithParseDouble() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            long whole = rnd.nextLong(1_000_000_000_000_000_000L) >>> rnd.nextInt(60);
            String w = (rnd.nextBoolean() ? "-" : "") + whole;
            String d = w + "." + rnd.nextInt(1_000_000);
            for (String text : new String[] {w, d, "+" + whole, "00" + whole, whole + "."}) {
                if (text.length() > 25) {
                    continue;
                }
                assertThat(Numbers.parse(text, DecimalMark.POINT)).as(text).isEqualTo(Double.parseDouble(text) + 0.0);
            }
            assertThat(Numbers.parse(w, DecimalMark.COMMA)).as(w).isEqualTo(Double.parseDouble(w) + 0.0);
        }
        assertThat(Numbers.parse("9007199254740993", DecimalMark.POINT)).isEqualTo(9007199254740992.0); // 2^53 + 1 rounds to even
        assertThat(Numbers.parse("999999999999999999", DecimalMark.POINT)).isEqualTo(1e18);
        assertThat(Double.doubleToRawLongBits(Numbers.parse("-0", DecimalMark.POINT))).isZero();
        assertThat(Double.doubleToRawLongBits(Numbers.parse("-0.0", DecimalMark.POINT))).isZero();
        assertThatThrownBy(() -> Numbers.parse("-", DecimalMark.POINT)).isInstanceOf(Numbers.NotANumberException.class);
        assertThatThrownBy(() -> Numbers.parse(".", DecimalMark.POINT)).isInstanceOf(Numbers.NotANumberException.class);
        assertThatThrownBy(() -> Numbers.parse("1.2.3", DecimalMark.POINT)).isInstanceOf(Numbers.NotANumberException.class);
        assertThatThrownBy(() -> Numbers.parse("1,234", DecimalMark.POINT)).isInstanceOf(Numbers.NotANumberException.class);
        assertThatThrownBy(() -> Numbers.parse("1.234", DecimalMark.COMMA)).isInstanceOf(Numbers.NotANumberException.class);
    }
}
