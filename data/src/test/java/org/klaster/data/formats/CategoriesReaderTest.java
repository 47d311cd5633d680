package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoriesReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCodesCategoriesAndNames() throws Exception {
        Path f = dir.resolve("categories.csv");
        Files.writeString(f, "Industry;Category;Category_Name;comment\n"
                + "29;auto;Автомобилестроение;x\n"
                + "29.32;auto;;\n"
                + "01.11;agro;Агро;\n"
                + " 0101 ;agro;Агро;\n", StandardCharsets.UTF_8);
        Categories c = CategoriesReader.read(f);
        assertThat(c.codeToCategory()).containsExactly(Map.entry("29", "auto"), Map.entry("29.32", "auto"),
                Map.entry("01.11", "agro"), Map.entry("0101", "agro"));
        assertThat(c.categoryNames()).containsExactly(Map.entry("auto", "Автомобилестроение"), Map.entry("agro", "Агро"));
        assertThat(c.warnings()).extracting(Object::toString).containsExactly(
                "categories.csv: column \"comment\" is not part of the categories format and was ignored");
    }

    @Test
    void nameColumnIsOptional() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "industry,category\n29,auto\n", StandardCharsets.UTF_8);
        Categories c = CategoriesReader.read(f);
        assertThat(c.codeToCategory()).containsExactly(Map.entry("29", "auto"));
        assertThat(c.categoryNames()).isEmpty();
        assertThat(c.warnings()).isEmpty();
        assertThat(new Categories(Map.of("1", "a"), Map.of()).warnings()).isEqualTo(List.of());
    }
}
