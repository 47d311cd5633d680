package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.data.formats.Classification.Entry;
import org.klaster.data.reference.SharedData;

/** {@link ClassificationReader}: both layouts of formats.md §6, and a corpus of bad files under {@code formats/classification-bad/}. */
class ClassificationReaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                // file, line, column (null = none), fragment of the message
                bad("missing_column.csv", 0, "name", "missing_column.csv: required column \"name\" is missing"
                        + " (columns found: code, title)"),
                bad("comtrade_missing_description.csv", 0, "description", "required column \"description\" is missing"
                        + " (columns found: section, hscode, desc, parent, level)"),
                bad("no_header.csv", 0, "code", "has no header: line 1 holds data (0101, Horses)"),
                bad("empty_code.csv", 3, "code", "empty_code.csv, line 3, column \"code\": the value is empty, but a"
                        + " classification code is required"),
                bad("comtrade_empty_code.csv", 3, "hscode", "the value is empty, but a product code is required"),
                bad("duplicate_code.csv", 4, "code", "duplicate_code.csv, line 4, column \"code\": code \"0101\""
                        + " appears twice (first on line 2)"),
                bad("code_with_space.csv", 2, "code", "code \"01 01\" contains a space"),
                bad("empty_name.csv", 3, "name", "the value is empty, but a name is required (in name, name_ru or name_en)"),
                bad("comtrade_empty_description.csv", 3, "description",
                        "the value is empty, but a description (the name of the code) is required"),
                bad("bad_level.csv", 3, "level", "\"four\" is not a level (a whole number 1–99)"),
                bad("level_zero.csv", 2, "level", "\"0\" is not a level"),
                bad("mixed_encoding.csv", 4, null,
                        "the file is UTF-8 except for bytes on this line that are not (mixed encodings?)"),
                bad("too_many_fields.csv", 3, null, "the line has 3 values but the header has 2 columns"),
                bad("unterminated_quote.csv", 3, null, "a quoted value that starts on this line is never closed"),
                bad("duplicate_column.csv", 1, null, "column \"Name\" appears twice (columns 2 and 3)"),
                bad("header_only.csv", 0, null, "header_only.csv: the file has a header but no data rows;"
                        + " a classification needs codes"),
                bad("comtrade_only_total.csv", 0, null, "the file has a header but no data rows"),
                bad("empty.csv", 0, null, "empty.csv: the file is empty"),
                bad("compressed.csv.gz", 0, null, "is gzip-compressed; unpack it first"));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(ClassificationReaderTest.class.getResource(
                    "/formats/classification-bad/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFilesAreRefusedNamingLineAndColumn(String file, long line, String column, String fragment) {
        InputException e = catchThrowableOfType(InputException.class, () -> ClassificationReader.read(fixture(file)));
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        MalformedCorpus.assertEveryFixtureHasAnExpectation(fixture("empty.csv").getParent(), corpus());
    }

    @Test
    void canonicalLayoutWithBothLanguagesParentsAndLevels() throws Exception {
        byte[] bytes = """
                Code,Name,name_ru,name_en,parent,level,note
                84,Machinery,Машины и оборудование,Machinery,,2,x
                8471,Computers,Компьютеры,,84,4,
                847130,"Laptops, tablets",,,8471,6,
                """.getBytes(StandardCharsets.UTF_8);
        Classification c = ClassificationReader.read(write("hs.csv", bytes));
        assertThat(c.layout()).isEqualTo(Classification.Layout.CANONICAL);
        assertThat(c.entries()).containsExactly(
                new Entry("84", "Machinery", "Машины и оборудование", "Machinery", null, 2),
                new Entry("8471", "Computers", "Компьютеры", null, "84", 4),
                new Entry("847130", "Laptops, tablets", null, null, "8471", 6));
        assertThat(c.entries().get(1).name("ru")).isEqualTo("Компьютеры");
        assertThat(c.entries().get(1).name("en")).isEqualTo("Computers"); // no English name: the name
        assertThat(c.warnings()).extracting(Object::toString).containsExactly("hs.csv: column \"note\" is not part of the"
                + " classification format and was ignored");
        assertThat(c.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(c.sourceName()).isEqualTo("hs.csv");
        assertThat(c.format()).startsWith("CSV, UTF-8");
    }

    @Test
    void windows1251SemicolonsAndANameTakenFromNameRu() throws Exception {
        Path f = write("okpd2.csv", "code;name;name_ru\n01;;Продукция сельского хозяйства\n01.11;Зерно;\n"
                .getBytes(Charset.forName("windows-1251")));
        Classification c = ClassificationReader.read(f);
        assertThat(c.entries()).containsExactly(
                new Entry("01", "Продукция сельского хозяйства", "Продукция сельского хозяйства", null, null, 0),
                new Entry("01.11", "Зерно", null, null, null, 0));
        assertThat(c.format()).contains("Windows-1251");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void comtradeLayoutSkipsTheTotalRowAndTopLevelParents() throws Exception {
        Path f = write("harmonized-system.csv", """
                section,hscode,description,parent,level
                I,01,Live animals,TOTAL,2
                I,0101,"Horses and donkeys, live",01,4
                I,010121,Breeding horses,0101,6
                TOTAL,TOTAL,All goods,TOTAL,5
                """.getBytes(StandardCharsets.UTF_8));
        Classification c = ClassificationReader.read(f);
        assertThat(c.layout()).isEqualTo(Classification.Layout.COMTRADE);
        assertThat(c.entries()).containsExactly(
                new Entry("01", "Live animals", null, "Live animals", null, 2),
                new Entry("0101", "Horses and donkeys, live", null, "Horses and donkeys, live", "01", 4),
                new Entry("010121", "Breeding horses", null, "Breeding horses", "0101", 6));
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aParentThatIsNotACodeIsAWarning() throws Exception {
        Classification c = ClassificationReader.read(write("c.csv",
                "code,name,parent\n0101,Horses,01\n0102,Cattle,01\n01,Animals,\n0201,Beef,02\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.entries()).hasSize(4);
        assertThat(c.warnings()).extracting(Object::toString)
                .containsExactly("c.csv: 1 parent code(s) not a code of the file (first on line 5, \"02\")");
    }

    @Test
    void xlsxKeepsTextCodesAndWarnsAboutNumberCells() throws Exception {
        Path f = dir.resolve("classification.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Codes");
            Object[][] cells = {
                    {"code", "name", "level"},
                    {"0101", "Horses", 4},
                    {8471, "Computers", 4}};
            for (int r = 0; r < cells.length; r++) {
                for (int k = 0; k < cells[r].length; k++) {
                    Object v = cells[r][k];
                    if (v instanceof Number n) {
                        ws.value(r, k, n);
                    } else {
                        ws.value(r, k, (String) v);
                    }
                }
            }
        }
        Classification c = ClassificationReader.read(f);
        assertThat(c.entries()).containsExactly(new Entry("0101", "Horses", null, null, null, 4),
                new Entry("8471", "Computers", null, null, null, 4));
        assertThat(c.format()).contains("sheet \"Codes\"");
        assertThat(c.warnings()).singleElement().asString().contains("column \"code\" holds numbers rather than text");
    }

    @Test
    void aDuplicateInAWorkbookNamesTheRow() throws Exception {
        Path f = dir.resolve("dup.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(0, 0, "code");
            ws.value(0, 1, "name");
            ws.value(1, 0, "01");
            ws.value(1, 1, "Animals");
            ws.value(2, 0, "01");
            ws.value(2, 1, "Animals again");
        }
        InputException e = catchThrowableOfType(InputException.class, () -> ClassificationReader.read(f));
        assertThat(e.getMessage()).isEqualTo("dup.xlsx, sheet \"Sheet1\", row 3, column \"code\": code \"01\" appears"
                + " twice (first on row 2)");
    }

    /** The public HS 2022 list of UN Comtrade in ../shared/data (skipped when the folder is absent). */
    @Test
    void readsTheSharedHarmonizedSystemFile() throws Exception {
        Path f = SharedData.require("classifiers/hs/harmonized-system.csv");
        Classification c = ClassificationReader.read(f);
        assertThat(c.layout()).isEqualTo(Classification.Layout.COMTRADE);
        assertThat(c.entries()).hasSize(6939); // 6 940 rows without TOTAL
        assertThat(c.warnings()).isEmpty();
        Map<String, Entry> byCode = c.entries().stream().collect(Collectors.toMap(Entry::code, Function.identity()));
        assertThat(byCode.get("8471").name("en")).startsWith("Automatic data processing");
        assertThat(byCode.get("8471").level()).isEqualTo(4);
        assertThat(byCode.get("8471").parent()).isEqualTo("84");
        assertThat(byCode.get("2846").name("en")).containsIgnoringCase("rare-earth");
        assertThat(byCode.get("01").parent()).isNull();
        assertThat(c.entries().stream().filter(e -> e.level() == 4)).hasSize(1229);
        assertThat(c.entries().stream().filter(e -> e.level() == 2)).hasSize(97);
    }
}
