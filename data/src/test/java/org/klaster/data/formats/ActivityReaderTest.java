package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;

class ActivityReaderTest {

    @TempDir
    Path dir;

    private static final double NA = Double.NaN;

    @Test
    void utf8WithBomQuotedFieldsAndThousands() throws Exception {
        String text = "\uFEFFRegion , INDUSTRY,year,Employment,establishments,wages,output\n"
                + "0101,01.11,2023,\"1 234\",12,,\"1,234,567.5\"\n"
                + "\"RU-SAM, Samara\",\"29.10\",2023,\"1 500.5\",3,100.25,\n"
                + "\"RU \"\"North\"\"\",29.10,2022,7,,,\n";
        Path f = write("activity.csv", text.getBytes(StandardCharsets.UTF_8));
        ActivityData d = ActivityReader.read(f);
        assertThat(d.records()).containsExactly(
                new ActivityRecord("0101", "01.11", 2023, 1234, 12, NA, 1234567.5),
                new ActivityRecord("RU-SAM, Samara", "29.10", 2023, 1500.5, 3, 100.25, NA),
                new ActivityRecord("RU \"North\"", "29.10", 2022, 7, NA, NA, NA));
        assertThat(d.format()).isEqualTo("CSV, UTF-8 (BOM), separator \",\", decimal point");
        assertThat(d.warnings()).isEmpty();
        assertThat(d.sourceName()).isEqualTo("activity.csv");
        assertThat(d.sha256()).isEqualTo(sha256(f));
    }

    @Test
    void windows1251WithSemicolonsDecimalCommaAndCyrillic() throws Exception {
        String text = "регион_код;region;industry;year;employment;wages\r\n"
                + "63;Самарская область;29.10;2023;1 234,5;99,75\r\n"
                + "77;Москва;29.10;2023;12,5;\r\n"
                + ";;;;;\r\n"
                + "50;Московская обл.;\"01.11\";2023;\"1\u00A0000\";1.5\r\n";
        Path f = write("cp1251.csv", text.getBytes(Charset.forName("windows-1251")));
        ActivityData d = ActivityReader.read(f);
        assertThat(d.format()).isEqualTo("CSV, Windows-1251, separator \";\", decimal comma");
        assertThat(d.records()).containsExactly(
                new ActivityRecord("Самарская область", "29.10", 2023, 1234.5, NA, 99.75, NA),
                new ActivityRecord("Москва", "29.10", 2023, 12.5, NA, NA, NA),
                new ActivityRecord("Московская обл.", "01.11", 2023, 1000, NA, 1.5, NA));
        assertThat(d.warnings()).extracting(Object::toString).containsExactly(
                "cp1251.csv: column \"регион_код\" is not part of the activity format and was ignored");
    }

    @Test
    void utf8WithoutBomCyrillicIsNotMistakenForWindows1251() throws Exception {
        String text = "region;industry;year;employment\nСамара;29.10;2023;5\n";
        ActivityData d = ActivityReader.read(write("u.csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.format()).isEqualTo("CSV, UTF-8, separator \";\", decimal comma");
        assertThat(d.records().get(0).region()).isEqualTo("Самара");
    }

    @Test
    void utf16WithBomTabSeparatedLikeExcelUnicodeText() throws Exception {
        String text = "region\tindustry\tyear\temployment\r\nСамара\t29.10\t2023\t1 234,5\r\nМосква\t29.20\t2023\t7.25\r\n";
        byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[le.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(le, 0, bytes, 2, le.length);
        ActivityData d = ActivityReader.read(write("unicode.txt", bytes));
        assertThat(d.format()).isEqualTo("CSV, UTF-16LE (BOM), separator tab, decimal point or comma");
        assertThat(d.records()).containsExactly(
                ActivityRecord.of("Самара", "29.10", 2023, 1234.5),
                ActivityRecord.of("Москва", "29.20", 2023, 7.25));

        ActivityData be = ActivityReader.read(write("be.csv", ("region,industry,year,employment\nA,01,2020,3\n")
                .getBytes(StandardCharsets.UTF_16))); // Java's UTF-16 writes a big-endian BOM
        assertThat(be.format()).startsWith("CSV, UTF-16BE (BOM)");
        assertThat(be.records()).containsExactly(ActivityRecord.of("A", "01", 2020, 3));

        ActivityData noBom = ActivityReader.read(write("nobom.csv", ("region,industry,year,employment\nA,01,2020,3\n")
                .getBytes(StandardCharsets.UTF_16LE)));
        assertThat(noBom.format()).startsWith("CSV, UTF-16LE (no BOM)");
        assertThat(noBom.records()).hasSize(1);
    }

    @Test
    void extraAndUnnamedColumnsAreWarnedAboutNotRefused() throws Exception {
        String text = "region,industry,year,employment,note,\nA,01,2020,3,hello,x\nB,01,2020,4,,\n";
        ActivityData d = ActivityReader.read(write("extra.csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.records()).hasSize(2);
        assertThat(d.warnings()).extracting(Object::toString).containsExactly(
                "extra.csv: column \"note\" is not part of the activity format and was ignored",
                "extra.csv: column 6 has no name in the header; its values were ignored");
    }

    @Test
    void headerOnlyIsAnEmptyDatasetWithAWarning() throws Exception {
        ActivityData d = ActivityReader.read(write("h.csv", "region,industry,year,employment\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(d.records()).isEmpty();
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("h.csv: the file has a header but no data rows");
    }

    @Test
    void xlsxFirstSheetAndNamedSheet() throws Exception {
        Path f = dir.resolve("activity.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet first = wb.newWorksheet("Данные");
            header(first, 0, "region", "industry", "year", "employment", "wages");
            row(first, 1, "Самара", "01.11", 2023, 1234.5, null);
            row(first, 3, "Москва", "29.10", 2023, "12,5", "1 000");   // row 3 empty: skipped
            Worksheet second = wb.newWorksheet("Other");
            second.value(2, 0, "note: data start on row 4");
            header(second, 3, "Region", "Industry", "Year", "Employment");
            row(second, 4, "RU-SAM", 29.1, 2022, 7, null);               // industry typed as a number
        }
        ActivityData d = ActivityReader.read(f);
        assertThat(d.format()).isEqualTo("Excel workbook (.xlsx), sheet \"Данные\"");
        assertThat(d.records()).containsExactly(
                new ActivityRecord("Самара", "01.11", 2023, 1234.5, NA, NA, NA),
                new ActivityRecord("Москва", "29.10", 2023, 12.5, NA, 1000, NA));
        assertThat(d.sha256()).isEqualTo(sha256(f));

        // the named sheet has a title row; the header is the first row that names columns... here row 3
        assertThatThrownBy(() -> ActivityReader.read(f, "Other"))
                .isInstanceOf(InputException.class)
                .hasMessage("activity.xlsx, sheet \"Other\": required columns \"region\", \"industry\", \"year\","
                        + " \"employment\" are missing (columns found: note: data start on row 4)");
    }

    @Test
    void xlsxNumericCodesAreWarnedAbout() throws Exception {
        Path f = dir.resolve("codes.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("S");
            header(s, 0, "region", "industry", "year", "employment");
            row(s, 1, "RU-SAM", 29.1, 2022, 7, null);
            row(s, 2, "RU-SAM", 29.2, 2022, 8, null);
        }
        ActivityData d = ActivityReader.read(f, "s");  // sheet names match ignoring case
        assertThat(d.records()).extracting(ActivityRecord::industry).containsExactly("29.1", "29.2");
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("codes.xlsx, sheet \"S\": column \"industry\" holds numbers rather"
                + " than text (first at row 2, \"29.1\"); codes such as 01.11 or 29.10 lose their zeros in number cells"
                + " — format the column as text");
    }

    @Test
    void xlsxErrorsNameSheetRowAndColumn() throws Exception {
        Path f = dir.resolve("bad.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Data");
            header(s, 0, "region", "industry", "year", "employment");
            row(s, 1, "A", "01", 2022, 7, null);
            row(s, 2, "B", "01", 2022, "7 чел.", null);
        }
        InputException e = catchInput(() -> ActivityReader.read(f));
        assertThat(e.getMessage()).isEqualTo("bad.xlsx, sheet \"Data\", row 3, column \"employment\": \"7 чел.\" is not a number");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.sheet()).isEqualTo("Data");
        assertThat(e.unit()).isEqualTo(InputException.Unit.ROW);

        assertThatThrownBy(() -> ActivityReader.read(f, "Лист1"))
                .hasMessage("bad.xlsx: there is no sheet \"Лист1\" (sheets: Data)");
    }

    @Test
    void xlsxFormulaWithoutSavedValueAndValuesBeyondHeader() throws Exception {
        Path f = dir.resolve("formula.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Data");
            header(s, 0, "region", "industry", "year", "employment");
            row(s, 1, "A", "01", 2022, 7, null);
            s.value(2, 0, "B");
            s.value(2, 1, "01");
            s.value(2, 2, 2022);
            s.formula(2, 3, "D2*2");
        }
        assertThatThrownBy(() -> ActivityReader.read(f))
                .hasMessage("formula.xlsx, sheet \"Data\", row 3, column \"employment\": holds the formula =D2*2 whose"
                        + " value was not saved (open and save the workbook in Excel, or paste values)");

        Path g = dir.resolve("wide.xlsx");
        try (OutputStream os = Files.newOutputStream(g); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Data");
            header(s, 0, "region", "industry", "year", "employment");
            row(s, 1, "A", "01", 2022, 7, "stray");
        }
        assertThatThrownBy(() -> ActivityReader.read(g))
                .hasMessage("wide.xlsx, sheet \"Data\", row 2: column 5 (E) has a value but the header names only 4 columns");
    }

    @Test
    void sheetOnATextFileIsRefused() throws Exception {
        Path f = write("a.csv", "region,industry,year,employment\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ActivityReader.read(f, "Data"))
                .hasMessage("a.csv: is a text table, not an Excel workbook, so it has no sheet \"Data\"");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> ActivityReader.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessage("nope.csv: file not found (" + missing + ")");
        assertThatThrownBy(() -> ActivityReader.read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith(": is a directory, not a file");
    }

    @Test
    void parquetIsRefusedForActivityWithAHint() throws Exception {
        Path f = write("x.parquet", new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0, 2, 0, 0, 0, 'P', 'A', 'R', '1'});
        assertThatThrownBy(() -> ActivityReader.read(f))
                .hasMessage("x.parquet: is a Parquet file; Parquet is read only for firm-level data");
    }

    // ------------------------------------------------------------------------------ helpers

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static void header(Worksheet s, int r, String... names) {
        for (int c = 0; c < names.length; c++) {
            s.value(r, c, names[c]);
        }
    }

    static void row(Worksheet s, int r, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof String str) {
                s.value(r, c, str);
            } else if (v instanceof Number n) {
                s.value(r, c, n);
            }
        }
    }

    static InputException catchInput(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class, call);
    }

    @SuppressWarnings("unused")
    private static List<String> lines(String s) {
        return s.lines().toList();
    }
}
