package org.klaster.data.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.klaster.data.demo.DemoTrade;

class HsNamesTest {

    @Test
    void theDemoProductsAreTheDemoTradesProductsEachNamedShortlyInBothLanguages() {
        List<HsNames.Entry> products = HsNames.demoProducts();
        assertThat(products).extracting(HsNames.Entry::code).isEqualTo(DemoTrade.products()).doesNotHaveDuplicates();
        assertThat(products).hasSizeBetween(280, 320);
        assertThat(products).allSatisfy(e -> {
            assertThat(e.code()).matches("\\d{4}");
            assertShort(e);
        });
        // the spread over chapters stays that of the former generator: most chapters have a product
        Map<String, Long> perChapter = products.stream()
                .collect(Collectors.groupingBy(e -> e.code().substring(0, 2), TreeMap::new, Collectors.counting()));
        assertThat(perChapter.size()).isGreaterThan(80);
        assertThat(perChapter.get("84")).isBetween(15L, 25L);
        assertThat(perChapter.get("85")).isBetween(10L, 20L);
        assertThat(perChapter.keySet()).allSatisfy(ch -> assertThat(HsNames.name(ch, "en")).as(ch).isNotNull());
    }

    @Test
    void thereAre97ChaptersNamedShortlyInBothLanguages() {
        List<HsNames.Entry> chapters = HsNames.chapters();
        assertThat(chapters).hasSize(97);
        for (int ch = 1; ch <= 97; ch++) {
            String code = String.format("%02d", ch);
            if (ch != 77) {
                assertThat(HsNames.name(code, "en")).as(code).isNotBlank();
                assertThat(HsNames.name(code, "ru")).as(code).isNotBlank();
            }
        }
        assertThat(HsNames.name("77", "en")).isNull();
        assertThat(HsNames.name("99", "en")).isNotBlank();
        assertThat(chapters).allSatisfy(HsNamesTest::assertShort);
    }

    @Test
    void namesAndLabels() {
        assertThat(HsNames.name("2846", "en")).isEqualTo("Rare-earth compounds");
        assertThat(HsNames.name("2846", "ru")).isEqualTo("Соединения редкоземельных металлов");
        assertThat(HsNames.name("8471", "en")).isEqualTo("Computers");
        assertThat(HsNames.name("8471", "RU")).isEqualTo("Компьютеры");
        assertThat(HsNames.name("84", "en")).isEqualTo("Machinery");
        assertThat(HsNames.name("84", "xx")).isEqualTo("Machinery");
        assertThat(HsNames.name(" 8471 ", "en")).isEqualTo("Computers");
        assertThat(HsNames.name("8401", "en")).isNull();      // a real heading outside the demo list
        assertThat(HsNames.name("847130", "en")).isNull();
        assertThat(HsNames.name(null, "en")).isNull();
        assertThat(HsNames.chapterName("8401", "ru")).isEqualTo("Машины и оборудование");
        assertThat(HsNames.chapterName("7701", "en")).isNull();
        assertThat(HsNames.chapterName("A1", "en")).isNull();
        assertThat(HsNames.label("8542", "en")).isEqualTo("Integrated circuits");
        assertThat(HsNames.label("8401", "en")).isEqualTo("Machinery (chapter 84)");
        assertThat(HsNames.label("847130", "ru")).isEqualTo("Машины и оборудование (группа 84)");
        assertThat(HsNames.label("XYZ", "en")).isEqualTo("XYZ");
        assertThat(HsNames.names("en")).containsEntry("8703", "Passenger cars").containsEntry("27", "Mineral fuels")
                .hasSize(HsNames.demoProducts().size() + 97);
    }

    /** Every demo product is a real HS 2022 heading, every chapter a real chapter (checked against UN Comtrade's list). */
    @Test
    void everyCodeExistsInTheHarmonizedSystem() throws IOException {
        Path file = SharedData.require("classifiers/hs/harmonized-system.csv");
        Map<String, String> level = new HashMap<>();
        for (CSVRecord r : SharedData.csv(file)) {
            level.put(r.get("hscode"), r.get("level"));
        }
        assertThat(HsNames.demoProducts()).allSatisfy(e ->
                assertThat(level.get(e.code())).as("HS 2022 heading %s", e.code()).isEqualTo("4"));
        assertThat(HsNames.chapters()).allSatisfy(e ->
                assertThat(level.get(e.code())).as("HS 2022 chapter %s", e.code()).isEqualTo("2"));
        Set<String> chapters = level.entrySet().stream().filter(x -> x.getValue().equals("2")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(HsNames.chapters()).extracting(HsNames.Entry::code).containsExactlyInAnyOrderElementsOf(chapters);
    }

    private static void assertShort(HsNames.Entry e) {
        assertThat(e.nameEn()).as(e.code()).matches("[A-Za-z0-9][A-Za-z0-9 ,.'-]*");
        assertThat(e.nameRu()).as(e.code()).containsPattern("[А-Яа-яЁё]").doesNotContainPattern("[A-Za-z]{2,}");
        assertThat(e.nameEn().split(" ")).as(e.code()).hasSizeBetween(1, 5);
        assertThat(e.nameRu().split(" ")).as(e.code()).hasSizeBetween(1, 5);
    }
}
