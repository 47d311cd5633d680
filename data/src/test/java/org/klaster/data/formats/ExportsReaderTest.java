package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.complexity.ExportRecord;

/** {@link ExportsReader}: formats.md §4 {@code exports.csv}, happy paths and one malformed file per rule. */
class ExportsReaderTest {

    @TempDir
    Path dir;

    /** file name, content, expected line (0 = whole file), column (null = none), exact message. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("no_value.csv", "year,location,product\n2020,RUS,0101\n", 0, "value",
                        "no_value.csv: required column \"value\" is missing (columns found: year, location, product)"),
                bad("no_codes.csv", "year,value\n2020,1\n", 0, "location",
                        "no_codes.csv: required columns \"location\", \"product\" are missing (columns found: year, value)"),
                bad("no_header.csv", "2020,RUS,0101,5\n", 0, "year",
                        "no_header.csv: has no header: line 1 holds data (2020, RUS, 0101, 5); the first line must name"
                                + " the columns: year, location, product, value"),
                bad("bad_year.csv", "year,location,product,value\n2020,RUS,0101,5\n20200,RUS,0102,5\n", 3, "year",
                        "bad_year.csv, line 3, column \"year\": \"20200\" is not a plausible year (expected 1900–2100)"),
                bad("year_text.csv", "year,location,product,value\n2020 г.,RUS,0101,5\n", 2, "year",
                        "year_text.csv, line 2, column \"year\": \"2020 г.\" is not a year"),
                bad("empty_year.csv", "year,location,product,value\n,RUS,0101,5\n", 2, "year",
                        "empty_year.csv, line 2, column \"year\": the value is empty, but a year is required"),
                bad("negative.csv", "year,location,product,value\n2020,RUS,0101,5\n2020,RUS,0102,-3\n", 3, "value",
                        "negative.csv, line 3, column \"value\": \"-3\" is negative; an export value cannot be negative"),
                bad("text_value.csv", "year,location,product,value\n2020,RUS,0101,n/a\n", 2, "value",
                        "text_value.csv, line 2, column \"value\": \"n/a\" is not a number (leave the cell empty if the"
                                + " value is missing)"),
                bad("nan_value.csv", "year,location,product,value\n2020,RUS,0101,NaN\n", 2, "value",
                        "nan_value.csv, line 2, column \"value\": \"NaN\" is not a number (leave the cell empty if the"
                                + " value is missing)"),
                bad("inf_value.csv", "year,location,product,value\n2020,RUS,0101,Infinity\n", 2, "value",
                        "inf_value.csv, line 2, column \"value\": \"Infinity\" is not a number"),
                bad("huge_value.csv", "year,location,product,value\n2020,RUS,0101,1e999\n", 2, "value",
                        "huge_value.csv, line 2, column \"value\": \"1e999\" is too large a number"),
                bad("empty_value.csv", "year,location,product,value\n2020,RUS,0101,\n", 2, "value",
                        "empty_value.csv, line 2, column \"value\": the value is empty, but a number is required"),
                bad("empty_location.csv", "year,location,product,value\n2020,RUS,0101,1\n2020,,0101,1\n", 3, "location",
                        "empty_location.csv, line 3, column \"location\": the value is empty, but a location code is required"),
                bad("empty_product.csv", "year,location,product,value\n2020,RUS,\"  \",1\n", 2, "product",
                        "empty_product.csv, line 2, column \"product\": the value is empty, but a product code is required"),
                bad("duplicate.csv", "year,location,product,value\n2020,RUS,0101,1\n2021,RUS,0101,1\n2020,CHN,0101,1\n"
                                + "2020,RUS,0101,2\n", 5, null,
                        "duplicate.csv, line 5: year 2020, location \"RUS\", product \"0101\" appears twice (first on line 2)"),
                bad("empty.csv", "", 0, null, "empty.csv: the file is empty"),
                bad("header_only.csv", "year,location,product,value\n\n", 0, null,
                        "header_only.csv: the file has a header but no data rows; economic complexity needs exports"),
                bad("too_many.csv", "year,location,product,value\n2020,RUS,0101,1,5\n", 2, null,
                        "too_many.csv, line 2: the line has 5 values but the header has 4 columns (a number written with"
                                + " a decimal comma, like 12,5, must be quoted or use a point)"));
    }

    private static Arguments bad(String name, String content, long line, String column, String message) {
        return Arguments.of(name, content, line, column, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFileNamesFileLineAndColumn(String name, String content, long line, String column, String message)
            throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> ExportsReader.read(f));
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.file()).isEqualTo(f);
    }

    @Test
    void bomQuotedCodesKeepLeadingZerosAndExtraColumnsAreWarnedAbout() throws Exception {
        String text = "\uFEFFYear , LOCATION,Product,Value,note\n"
                + "2020,RUS,0101,\"1,234.5\",x\n"
                + "2020,\"RU-SAM\",\"0101\",0,\n"
                + "2021,RUS,010121,7e3,\n";
        Path f = Files.write(dir.resolve("exports.csv"), text.getBytes(StandardCharsets.UTF_8));
        ExportsData d = ExportsReader.read(f);
        assertThat(d.records()).containsExactly(
                new ExportRecord(2020, "RUS", "0101", 1234.5),
                new ExportRecord(2020, "RU-SAM", "0101", 0),
                new ExportRecord(2021, "RUS", "010121", 7000));
        assertThat(d.format()).isEqualTo("CSV, UTF-8 (BOM), separator \",\", decimal point");
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("exports.csv: column \"note\" is not part of the exports format and was ignored");
        assertThat(d.sourceName()).isEqualTo("exports.csv");
        assertThat(d.sha256()).isEqualTo(sha256(f));
    }

    @Test
    void semicolonsAndDecimalComma() throws Exception {
        String text = "product;location;year;value\r\n8542;CHN;2022;1 234,5\r\n;;;\r\n0805;TUR;2022;0,25\r\n";
        ExportsData d = ExportsReader.read(Files.writeString(dir.resolve("semi.csv"), text, StandardCharsets.UTF_8));
        assertThat(d.format()).isEqualTo("CSV, UTF-8, separator \";\", decimal comma");
        assertThat(d.records()).containsExactly(
                new ExportRecord(2022, "CHN", "8542", 1234.5),
                new ExportRecord(2022, "TUR", "0805", 0.25));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void xlsxWrittenByTheTest() throws Exception {
        Path f = dir.resolve("exports.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Exports");
            String[] h = {"year", "location", "product", "value"};
            for (int c = 0; c < h.length; c++) s.value(0, c, h[c]);
            s.value(1, 0, 2023);
            s.value(1, 1, "DEU");
            s.value(1, 2, "0101");
            s.value(1, 3, 12.5);
            s.value(2, 0, 2023);
            s.value(2, 1, "DEU");
            s.value(2, 2, 8703);   // a number cell: read, but warned about
            s.value(2, 3, "1 000");
            s.value(3, 0, 2023);
            s.value(3, 1, "FRA");
            s.value(3, 2, "0101");
            s.value(3, 3, -1);
        }
        InputException e = catchThrowableOfType(InputException.class, () -> ExportsReader.read(f));
        assertThat(e.getMessage()).isEqualTo("exports.xlsx, sheet \"Exports\", row 4, column \"value\": \"-1\" is"
                + " negative; an export value cannot be negative");
        assertThat(e.unit()).isEqualTo(InputException.Unit.ROW);

        Path g = dir.resolve("ok.xlsx");
        try (OutputStream os = Files.newOutputStream(g); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Exports");
            String[] h = {"year", "location", "product", "value"};
            for (int c = 0; c < h.length; c++) s.value(0, c, h[c]);
            s.value(1, 0, 2023);
            s.value(1, 1, "DEU");
            s.value(1, 2, "0101");
            s.value(1, 3, 12.5);
            s.value(2, 0, 2023);
            s.value(2, 1, "DEU");
            s.value(2, 2, 8703);
            s.value(2, 3, "1 000");
            s.value(3, 0, 2023);
            s.value(3, 1, "DEU");
            s.value(3, 2, "0101");
            s.value(3, 3, 1);
        }
        InputException dup = catchThrowableOfType(InputException.class, () -> ExportsReader.read(g));
        assertThat(dup.getMessage()).isEqualTo("ok.xlsx, sheet \"Exports\", row 4: year 2023, location \"DEU\","
                + " product \"0101\" appears twice (first on row 2)");

        Path h = dir.resolve("good.xlsx");
        try (OutputStream os = Files.newOutputStream(h); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Exports");
            String[] hd = {"year", "location", "product", "value"};
            for (int c = 0; c < hd.length; c++) s.value(0, c, hd[c]);
            s.value(1, 0, 2023);
            s.value(1, 1, "DEU");
            s.value(1, 2, "0101");
            s.value(1, 3, 12.5);
            s.value(2, 0, 2023);
            s.value(2, 1, "DEU");
            s.value(2, 2, 8703);
            s.value(2, 3, "1 000");
        }
        ExportsData d = ExportsReader.read(h);
        assertThat(d.format()).isEqualTo("Excel workbook (.xlsx), sheet \"Exports\"");
        assertThat(d.records()).containsExactly(
                new ExportRecord(2023, "DEU", "0101", 12.5),
                new ExportRecord(2023, "DEU", "8703", 1000));
        assertThat(d.warnings()).extracting(Object::toString).containsExactly("good.xlsx, sheet \"Exports\": column \"product\" holds numbers rather"
                + " than text (first at row 3, \"8703\"); codes such as 01.11 or 29.10 lose their zeros in number cells"
                + " — format the column as text");
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
