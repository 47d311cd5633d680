package org.klaster.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryMapTest {

    /** Nested listed codes: "29" ⊂ "29.1" ⊂ "29.10" as strings, plus a letter section. */
    private static final CategoryMap MAP = CategoryMap.of(Map.of(
            "29", "AUTO",
            "29.1", "VEHICLES",
            "29.10", "CARS",
            "30.3", "AERO",
            "C", "MANUF"), Map.of("AUTO", "Automotive", "AERO", "Aerospace"));

    @Test
    void longestListedPrefixWins() {
        assertThat(MAP.categoryOf("29.10")).isEqualTo("CARS");      // exact, longest
        assertThat(MAP.categoryOf("29.10.1")).isEqualTo("CARS");    // "29.10" is the longest prefix
        assertThat(MAP.categoryOf("29.1")).isEqualTo("VEHICLES");   // "29.10" is longer than the code
        assertThat(MAP.categoryOf("29.2")).isEqualTo("AUTO");       // only "29" is a prefix
        assertThat(MAP.categoryOf("29.20.1")).isEqualTo("AUTO");
        assertThat(MAP.categoryOf("29")).isEqualTo("AUTO");
        assertThat(MAP.categoryOf("30.30")).isEqualTo("AERO");
    }

    @Test
    void prefixIsPlainStringPrefixNotCodeHierarchy() {
        // documented caveat: "29.1" is a string prefix of "29.19" (and "29.1x"), so it captures them
        assertThat(MAP.categoryOf("29.19")).isEqualTo("VEHICLES");
        // and "C" captures "C10.1" written with its section letter
        assertThat(MAP.categoryOf("C10.1")).isEqualTo("MANUF");
        // "29" is not a prefix of "2", which falls back to its own division
        assertThat(MAP.categoryOf("2")).isEqualTo("2");
    }

    @Test
    void unlistedCodesFallBackToTheirDivision() {
        assertThat(MAP.categoryOf("30.1")).isEqualTo("30");        // "30.3" is not a prefix of "30.1"
        assertThat(MAP.categoryOf("01.11")).isEqualTo("01");       // leading zero kept
        assertThat(MAP.categoryOf("28")).isEqualTo("28");
    }

    @Test
    void sectionLetters() {
        assertThat(MAP.categoryOf("C")).isEqualTo("MANUF");
        assertThat(MAP.categoryOf("D")).isEqualTo("D");
        assertThat(CategoryMap.divisions().categoryOf("C")).isEqualTo("C");
    }

    @Test
    void spacesAreRemovedFromListedAndIndustryCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" 29 . 10 ", "CARS");
        codes.put("29.1", "VEH");
        CategoryMap map = CategoryMap.of(codes, Map.of());
        assertThat(map.entries()).containsExactly(Map.entry("29.1", "VEH"), Map.entry("29.10", "CARS"));
        assertThat(map.categoryOf("29. 10 .1")).isEqualTo("CARS");
        assertThat(map.categoryOf("29 .1 5")).isEqualTo("VEH");
        assertThat(map.categoryOf("29\u00A0.10")).isEqualTo("CARS");  // no-break space from Excel
        assertThat(map.categoryOf(" 30 . 11")).isEqualTo("30");
    }

    @Test
    void divisionsWithoutList() {
        CategoryMap divisions = CategoryMap.divisions();
        assertThat(divisions.categoryOf("29.10.1")).isEqualTo("29");
        assertThat(divisions.categoryOf("29")).isEqualTo("29");
        assertThat(divisions.categoryOf(" 01 .11")).isEqualTo("01");
        assertThat(divisions.entries()).isEmpty();
        assertThat(divisions.nameOf("29")).isNull();
    }

    @Test
    void names() {
        assertThat(MAP.nameOf("AUTO")).isEqualTo("Automotive");
        assertThat(MAP.nameOf("CARS")).isNull();
        assertThat(MAP.nameOf("nope")).isNull();
        assertThat(MAP.entries()).hasSize(5).containsEntry("29.10", "CARS");
    }

    @Test
    void invalidLists() {
        Map<String, String> conflicting = new LinkedHashMap<>();
        conflicting.put("29.1", "A");
        conflicting.put("29 .1", "B");
        assertThatThrownBy(() -> CategoryMap.of(conflicting, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");

        Map<String, String> agreeing = new LinkedHashMap<>();
        agreeing.put("29.1", "A");
        agreeing.put("29 .1", "A");
        assertThat(CategoryMap.of(agreeing, Map.of()).entries()).containsExactly(Map.entry("29.1", "A"));

        assertThatThrownBy(() -> CategoryMap.of(Map.of(" ", "A"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty industry code");
        assertThatThrownBy(() -> CategoryMap.of(Map.of("29", " "), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no category");
    }

    @Test
    void invalidIndustryCodes() {
        assertThatThrownBy(() -> MAP.categoryOf(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("empty industry code");
        assertThatThrownBy(() -> CategoryMap.divisions().categoryOf(".5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no division");
    }
}
