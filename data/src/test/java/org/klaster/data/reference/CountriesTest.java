package org.klaster.data.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.data.demo.DemoExports;
import org.klaster.data.demo.DemoTrade;
import org.klaster.dependency.TradeFlow;

class CountriesTest {

    @Test
    void namesInBothLanguages() {
        assertThat(Countries.name("RUS", "en")).isEqualTo("Russia");
        assertThat(Countries.name("RUS", "ru")).isEqualTo("Россия");
        assertThat(Countries.name("CHN", "en")).isEqualTo("China");
        assertThat(Countries.name("CHN", "ru")).isEqualTo("Китай");
        assertThat(Countries.name("DEU", "en")).isEqualTo("Germany");
        assertThat(Countries.name("DEU", "ru")).isEqualTo("Германия");
        assertThat(Countries.name("BRA", "en")).isEqualTo("Brazil");
        assertThat(Countries.name("BRA", "RU")).isEqualTo("Бразилия");
        assertThat(Countries.name(" bra ", "xx")).isEqualTo("Brazil");
        assertThat(Countries.alpha2("RUS")).isEqualTo("RU");
    }

    @Test
    void specialCodesAndUnknownCodes() {
        assertThat(Countries.name("WLD", "en")).isEqualTo("World");
        assertThat(Countries.name("WLD", "ru")).isEqualTo("Мир");
        assertThat(Countries.name("friendly", "ru")).isEqualTo("Дружественные страны");
        assertThat(Countries.name("EAEU", "en")).isEqualTo("Eurasian Economic Union");
        assertThat(Countries.name("XKX", "en")).isEqualTo("XKX");
        assertThat(Countries.name("Q1", "ru")).isEqualTo("Q1");
        assertThat(Countries.name(null, "en")).isNull();
        assertThat(Countries.isKnown("WLD")).isTrue();
        assertThat(Countries.isKnown("XKX")).isFalse();
        assertThat(Countries.codes()).hasSizeGreaterThan(240).contains("RUS", "TWN");
    }

    /** Every code of the demo (partners, exporters, groups, the 100 countries of the exports) has a name. */
    @Test
    void everyDemoCodeIsNamed() {
        java.util.Set<String> codes = new java.util.TreeSet<>(DemoExports.countries());
        for (TradeFlow f : DemoTrade.standard().flows()) {
            codes.add(f.reporter());
            codes.add(f.partner());
        }
        codes.addAll(DemoTrade.standard().groups().keySet());
        for (String c : codes) {
            for (String lang : List.of("en", "ru")) {
                assertThat(Countries.isKnown(c)).as(c).isTrue();
                assertThat(Countries.name(c, lang)).as(c + " " + lang).isNotEqualTo(c).isNotBlank();
            }
            assertThat(Countries.name(c, "ru")).as(c).containsPattern("[А-Яа-яЁё]");
        }
    }
}
