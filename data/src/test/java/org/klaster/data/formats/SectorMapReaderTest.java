package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectorMapReaderTest {

    static final List<String> SECTORS = List.of("01.1 + 01.2", "15.1", "15.2", "16", "22.1");

    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsLinksManyToManyKeepingSpacesInsideSectorCodes() throws Exception {
        SectorMap m = SectorMapReader.read(write("map.csv", "Sector;Industry;note\n"
                + "01.1 + 01.2;01;farming\n15.1;10;\n15.2;10;\n16;12;tobacco\n22.1;58.1;\n22.1;58.2 ;\n"), null, SECTORS);
        assertThat(m.links()).containsExactly(Map.entry("01.1 + 01.2", List.of("01")), Map.entry("15.1", List.of("10")),
                Map.entry("15.2", List.of("10")), Map.entry("16", List.of("12")), Map.entry("22.1", List.of("58.1", "58.2")));
        assertThat(m.sha256()).hasSize(64);
        assertThat(m.warnings()).extracting(Object::toString).containsExactly(
                "map.csv: column \"note\" is not part of the sector map format and was ignored");
    }

    @Test
    void aSectorTheTableDoesNotHaveIsNamedWithItsLineAndColumn() throws Exception {
        InputException e = catchThrowableOfType(InputException.class, () -> SectorMapReader.read(
                write("map.csv", "sector,industry\n15.1,10\n10,10\n"), null, SECTORS));
        assertThat(e.getMessage()).isEqualTo("map.csv, line 3, column \"sector\": \"10\" is not a sector of the table"
                + " (its sectors: \"01.1 + 01.2\", \"15.1\", \"15.2\", \"16\", \"22.1\")");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.text().in(Locale.forLanguageTag("ru"))).contains("строка 3").contains("не отрасль таблицы");
    }

    @Test
    void theSameLinkTwiceAnEmptyCodeAndAMissingColumn() throws Exception {
        InputException twice = catchThrowableOfType(InputException.class, () -> SectorMapReader.read(
                write("a.csv", "sector,industry\n16,12\n15.1,10\n16,12\n"), null, SECTORS));
        assertThat(twice.getMessage()).isEqualTo("a.csv, line 4, column \"industry\": the link of sector \"16\" to"
                + " industry \"12\" appears twice (first on line 2)");
        InputException empty = catchThrowableOfType(InputException.class, () -> SectorMapReader.read(
                write("b.csv", "sector,industry\n16,\n"), null, SECTORS));
        assertThat(empty.line()).isEqualTo(2);
        assertThat(empty.column()).isEqualTo("industry");
        InputException missing = catchThrowableOfType(InputException.class, () -> SectorMapReader.read(
                write("c.csv", "sector,okved\n16,12\n"), null, SECTORS));
        assertThat(missing.getMessage()).contains("c.csv").contains("\"industry\"");
    }

    @Test
    void headerOnlyIsAWarning() throws Exception {
        SectorMap m = SectorMapReader.read(write("h.csv", "sector,industry\n"), null, SECTORS);
        assertThat(m.links()).isEmpty();
        assertThat(m.warnings()).extracting(Object::toString).containsExactly("h.csv: the file has a header but no data rows");
    }
}
