package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.Classification;
import org.klaster.data.formats.Classification.Entry;
import org.klaster.data.formats.ClassificationReader;
import org.klaster.data.formats.InputException;
import org.klaster.data.reference.SharedData;

/** Classifications (V005): stored per system, replaced on re-import, looked up by code and language. */
class StoreClassificationTest {

    @TempDir
    Path dir;

    private Classification read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return ClassificationReader.read(f);
    }

    @Test
    void storesLooksUpAndListsWithProvenance() throws Exception {
        Classification hs = read("hs.csv", """
                code,name,name_ru,name_en,parent,level
                84,Machinery,Машины и оборудование,,,2
                8471,Automatic data processing machines,Вычислительные машины,Computers,84,4
                """);
        Path db = dir.resolve("k.duckdb");
        try (Store s = Store.open(db)) {
            ClassificationSource src = s.saveClassification(" HS ", hs);
            assertThat(src.system()).isEqualTo("hs");
            assertThat(src.source()).isEqualTo("hs.csv");
            assertThat(src.sha256()).isEqualTo(hs.sha256());
            assertThat(src.rows()).isEqualTo(2);
            assertThat(src.importedAt()).isNotNull();
            assertThat(src.layout()).isEqualTo("code,name");
            assertThat(src.format()).startsWith("CSV, UTF-8");
            assertThat(src.provenance()).startsWith("hs: 2 codes from hs.csv (code,name), sha256 ");
        }
        try (Store s = Store.open(db)) {
            assertThat(s.classifications()).extracting(ClassificationSource::system).containsExactly("hs");
            assertThat(s.productName("hs", "8471", "ru")).contains("Вычислительные машины");
            assertThat(s.productName("hs", "8471", "en")).contains("Computers");
            assertThat(s.productName("HS", " 8471 ", "de")).contains("Automatic data processing machines");
            assertThat(s.productName("hs", "84", "en")).contains("Machinery"); // no English name: the name
            assertThat(s.productName("hs", "8401", "en")).isEmpty();
            assertThat(s.productName("okpd2", "8471", "en")).isEmpty();
            assertThat(s.productNames("hs", "ru")).containsExactly(Map.entry("84", "Машины и оборудование"),
                    Map.entry("8471", "Вычислительные машины"));
            assertThat(s.productNames("okpd2", "ru")).isEmpty();
            assertThat(s.classificationEntries("hs")).containsExactlyElementsOf(hs.entries());
        }
    }

    @Test
    void reImportingASystemReplacesItAndLeavesOthersAlone() throws Exception {
        try (Store s = Store.inMemory()) {
            s.saveClassification("hs", read("a.csv", "code,name\n01,Animals\n02,Meat\n"));
            s.saveClassification("okpd2", read("o.csv", "code;name\n01;Продукция сельского хозяйства\n"));
            ClassificationSource again = s.saveClassification("hs", read("b.csv", "code,name\n01,Live animals\n"));
            assertThat(again.source()).isEqualTo("b.csv");
            assertThat(again.rows()).isEqualTo(1);
            assertThat(s.productNames("hs", "en")).containsExactly(Map.entry("01", "Live animals"));
            assertThat(s.productName("okpd2", "01", "ru")).contains("Продукция сельского хозяйства");
            assertThat(s.classifications()).extracting(ClassificationSource::system).containsExactly("hs", "okpd2");
            assertThat(s.deleteClassification("okpd2")).isTrue();
            assertThat(s.deleteClassification("okpd2")).isFalse();
            assertThat(s.classifications()).extracting(ClassificationSource::system).containsExactly("hs");
        }
    }

    @Test
    void aFailedImportStoresNothingAndKeepsWhatWasThere() throws Exception {
        try (Store s = Store.inMemory()) {
            s.saveClassification("hs", read("a.csv", "code,name\n01,Animals\n"));
            // the reader refuses the file before the store is touched
            assertThatThrownBy(() -> read("bad.csv", "code,name\n01,Animals\n01,Again\n"))
                    .isInstanceOf(InputException.class).hasMessageContaining("line 3");
            // a write that fails inside the transaction rolls back: the old entries stay
            Classification dup = new Classification(List.of(new Entry("02", "Meat", null, null, null, 2),
                    new Entry("02", "Meat again", null, null, null, 2)), Classification.Layout.CANONICAL, List.of(),
                    "0".repeat(64), "dup.csv", "test");
            assertThatThrownBy(() -> s.saveClassification("hs", dup)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("code \"02\" is listed twice; nothing was stored");
            assertThat(s.productNames("hs", "en")).containsExactly(Map.entry("01", "Animals"));
            assertThat(s.classification("hs")).get().extracting(ClassificationSource::source).isEqualTo("a.csv");
            assertThatThrownBy(() -> s.saveClassification("dup", dup)).isInstanceOf(StoreException.class);
            assertThat(s.classification("dup")).isEmpty();
            assertThat(s.classifications()).hasSize(1);
        }
    }

    @Test
    void systemNamesAreCheckedAndLowerCased() {
        assertThat(Store.systemName(" OKPD2 ")).isEqualTo("okpd2");
        assertThat(Store.systemName("hs2022")).isEqualTo("hs2022");
        for (String bad : new String[] {"", " ", "-hs", "h s", "x".repeat(33), "hs;drop"}) {
            assertThatThrownBy(() -> Store.systemName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("classification system");
        }
        assertThatThrownBy(() -> Store.systemName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The public HS 2022 list of UN Comtrade in ../shared/data, imported whole (skipped when the folder is absent). */
    @Test
    void importsTheSharedHarmonizedSystemFile() throws Exception {
        Path f = SharedData.require("classifiers/hs/harmonized-system.csv");
        Classification hs = ClassificationReader.read(f);
        try (Store s = Store.inMemory()) {
            ClassificationSource src = s.saveClassification("hs", hs);
            assertThat(src.rows()).isEqualTo(6939);
            assertThat(src.layout()).isEqualTo("UN Comtrade");
            assertThat(s.productName("hs", "8471", "en")).get().asString()
                    .startsWith("Automatic data processing");
            assertThat(s.productName("hs", "2846", "en")).get().asString()
                    .containsIgnoringCase("rare-earth");
            // no Russian names in the file: the English one stands in
            assertThat(s.productName("hs", "2846", "ru")).isEqualTo(s.productName("hs", "2846", "en"));
            assertThat(s.productName("hs", "TOTAL", "en")).isEmpty();
            assertThat(s.productNames("hs", "en")).hasSize(6939).hasEntrySatisfying("27",
                    name -> assertThat(name).startsWith("Mineral fuels"));
        }
    }
}
