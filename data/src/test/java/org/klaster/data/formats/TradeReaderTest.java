package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;
import org.klaster.dependency.TradeFlow.Flow;

/**
 * {@link TradeReader}: trade, production and groups of formats.md §3, good files and a corpus of bad
 * ones under {@code formats/trade-bad/} (the file name's prefix says which role the file plays).
 */
class TradeReaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                // file, line, column (null = none), fragment of the message
                bad("trade_missing_column.csv", 0, "flow", "trade_missing_column.csv: required column \"flow\" is missing"
                        + " (columns found: year, reporter, partner, product, value)"),
                bad("trade_bad_year.csv", 4, "year", "trade_bad_year.csv, line 4, column \"year\": \"20x2\" is not a year"),
                bad("trade_implausible_year.csv", 2, "year", "\"1850\" is not a plausible year (expected 1900–2100)"),
                bad("trade_bad_flow.csv", 3, "flow", "\"imports\" is not a flow; expected import or export"),
                bad("trade_empty_flow.csv", 3, "flow", "the value is empty, but a flow is required (import or export)"),
                bad("trade_negative_value.csv", 3, "value",
                        "\"-3\" is negative; a trade or production value cannot be negative"),
                bad("trade_non_numeric_value.csv", 3, "value", "\"12 usd\" is not a number"),
                bad("trade_infinite_value.csv", 2, "value", "\"1e999\" is too large a number"),
                bad("trade_nan_value.csv", 2, "value", "\"NaN\" is not a number (leave the cell empty if the value is missing)"),
                bad("trade_empty_value.csv", 3, "value", "the value is empty, but a number is required"),
                bad("trade_empty_product.csv", 3, "product", "the value is empty, but a product code is required"),
                bad("trade_empty_partner.csv", 3, "partner", "the value is empty, but a partner code is required"),
                // flow is matched ignoring case, so "Import" on line 5 repeats line 2's key
                bad("trade_duplicate_key.csv", 5, null, "trade_duplicate_key.csv, line 5: year 2022, reporter \"RUS\","
                        + " partner \"CHN\", product \"0101\", import appears twice (first on line 2)"),
                bad("trade_header_only.csv", 0, null, "trade_header_only.csv: the file has a header but no data rows"),
                bad("trade_empty.csv", 0, null, "trade_empty.csv: the file is empty"),
                bad("trade_semicolon_ambiguous.csv", 3, "value", "\"2.500\" is ambiguous"),
                bad("trade_decimal_comma_unquoted.csv", 3, null, "the line has 7 values but the header has 6 columns"),
                bad("production_missing_column.csv", 0, "value", "production_missing_column.csv: required column \"value\""
                        + " is missing (columns found: year, reporter, product)"),
                bad("production_negative_value.csv", 3, "value", "\"-1\" is negative"),
                bad("production_duplicate_key.csv", 4, null, "production_duplicate_key.csv, line 4: year 2022,"
                        + " reporter \"RUS\", product \"0101\" appears twice (first on line 2)"),
                bad("production_not_a_number.csv", 2, "value", "\"n/a\" is not a number"),
                bad("production_bad_year.csv", 2, "year", "\"22\" is not a plausible year"),
                bad("groups_missing_column.csv", 0, "member", "required column \"member\" is missing"
                        + " (columns found: group, country)"),
                bad("groups_duplicate_member.csv", 5, null, "groups_duplicate_member.csv, line 5: member \"DEU\" of group"
                        + " \"EU27\" appears twice (first on line 2)"),
                bad("groups_empty_member.csv", 3, "member", "the value is empty, but a member code is required"),
                bad("groups_empty_group.csv", 2, "group", "the value is empty, but a group code is required"));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(TradeReaderTest.class.getResource("/formats/trade-bad/" + name),
                    name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static final String GOOD_TRADE = """
            year,reporter,partner,product,flow,value
            2022,RUS,CHN,0101,import,10
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFilesAreRefusedNamingLineAndColumn(String file, long line, String column, String fragment)
            throws Exception {
        Path good = write("good_trade.csv", GOOD_TRADE);
        Path f = fixture(file);
        InputException e = catchThrowableOfType(InputException.class, () -> {
            if (file.startsWith("production_")) {
                TradeReader.read(good, f, null);
            } else if (file.startsWith("groups_")) {
                TradeReader.read(good, null, f);
            } else {
                TradeReader.read(f, null, null);
            }
        });
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        MalformedCorpus.assertEveryFixtureHasAnExpectation(fixture("trade_empty.csv").getParent(), corpus());
    }

    @Test
    void commaSeparatedWithProductionAndGroups() throws Exception {
        byte[] trade = """
                year,reporter,partner,product,flow,value
                2022,RUS,CHN,0101,import,10
                2022,RUS,DEU,0101,IMPORT,2.5
                2022,RUS,CHN,0101,export,0
                2022,CHN,RUS,8542,export,1e3
                2021,RUS,CHN,0101,import,"1,234.5"
                """.getBytes(StandardCharsets.UTF_8);
        byte[] production = "year,reporter,product,value\n2022,RUS,0101,40\n2021,RUS,0101,0\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] groups = "group,member\nfriendly,KAZ\nEU27,FRA\nfriendly,CHN\nEU27,DEU\n".getBytes(StandardCharsets.UTF_8);
        TradeReader.Result r = TradeReader.load(write("trade.csv", trade), write("production.csv", production),
                write("groups.csv", groups));
        TradeData d = r.data();
        assertThat(d.flows()).containsExactly(
                new TradeFlow(2022, "RUS", "CHN", "0101", Flow.IMPORT, 10),
                new TradeFlow(2022, "RUS", "DEU", "0101", Flow.IMPORT, 2.5),
                new TradeFlow(2022, "RUS", "CHN", "0101", Flow.EXPORT, 0),
                new TradeFlow(2022, "CHN", "RUS", "8542", Flow.EXPORT, 1000),
                new TradeFlow(2021, "RUS", "CHN", "0101", Flow.IMPORT, 1234.5));
        assertThat(d.production()).containsExactly(new Production(2022, "RUS", "0101", 40),
                new Production(2021, "RUS", "0101", 0));
        // groups and their members in file order
        assertThat(d.groups()).containsExactly(Map.entry("friendly", List.of("KAZ", "CHN")),
                Map.entry("EU27", List.of("FRA", "DEU")));
        assertThat(d.sha256()).isEqualTo(sha256(trade, production, groups));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void digestOfTheTradeFileAloneIsTheFileDigest() throws Exception {
        byte[] trade = GOOD_TRADE.getBytes(StandardCharsets.UTF_8);
        TradeData d = TradeReader.read(write("t.csv", trade), null, null);
        // SHA-256 of "year,reporter,partner,product,flow,value\n2022,RUS,CHN,0101,import,10\n" computed here
        assertThat(d.sha256()).isEqualTo(sha256(trade)).hasSize(64);
        assertThat(d.production()).isEmpty();
        assertThat(d.groups()).isEmpty();
    }

    @Test
    void utf8BomSemicolonAndDecimalComma() throws Exception {
        String text = "Year;Reporter;Partner;Product;Flow;Value\r\n"
                + "2023;RUS;CHN;0101;Import;1 234,5\r\n"
                + "2023;RUS;TUR;0101;export;0,25\r\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(text.getBytes(StandardCharsets.UTF_8));
        TradeData d = TradeReader.read(write("trade_ru.csv", b.toByteArray()), null, null);
        assertThat(d.flows()).containsExactly(
                new TradeFlow(2023, "RUS", "CHN", "0101", Flow.IMPORT, 1234.5),
                new TradeFlow(2023, "RUS", "TUR", "0101", Flow.EXPORT, 0.25));
    }

    @Test
    void windows1251SemicolonProduction() throws Exception {
        Path p = write("production_ru.csv", "year;reporter;product;value\n2023;Россия;0101;2 000,75\n"
                .getBytes(Charset.forName("windows-1251")));
        TradeData d = TradeReader.read(write("t.csv", GOOD_TRADE), p, null);
        assertThat(d.production()).containsExactly(new Production(2023, "Россия", "0101", 2000.75));
    }

    @Test
    void xlsxWrittenByFastexcel() throws Exception {
        Path f = dir.resolve("trade.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Trade");
            Object[][] cells = {
                    {"year", "reporter", "partner", "product", "flow", "value"},
                    {2022, "RUS", "CHN", "0101", "import", 10.5},
                    {2022, "RUS", "DEU", "0101", "export", 3},
                    {2023, "RUS", "CHN", "8542", "import", 7}};
            fill(ws, cells);
        }
        TradeReader.Result r = TradeReader.load(f, null, null);
        assertThat(r.data().flows()).containsExactly(
                new TradeFlow(2022, "RUS", "CHN", "0101", Flow.IMPORT, 10.5),
                new TradeFlow(2022, "RUS", "DEU", "0101", Flow.EXPORT, 3),
                new TradeFlow(2023, "RUS", "CHN", "8542", Flow.IMPORT, 7));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.data().sha256()).isEqualTo(sha256(Files.readAllBytes(f)));
    }

    @Test
    void xlsxErrorNamesSheetRowAndColumn() throws Exception {
        Path f = dir.resolve("bad_trade.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Trade");
            fill(ws, new Object[][] {
                    {"year", "reporter", "partner", "product", "flow", "value"},
                    {2022, "RUS", "CHN", "0101", "import", 10},
                    {2022, "RUS", "CHN", "0101", "import", 11}});
        }
        InputException e = catchThrowableOfType(InputException.class, () -> TradeReader.read(f, null, null));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("bad_trade.xlsx, sheet \"Trade\", row 3: year 2022, reporter \"RUS\","
                + " partner \"CHN\", product \"0101\", import appears twice (first on row 2)");
        assertThat(e.unit()).isEqualTo(InputException.Unit.ROW);
    }

    @Test
    void xlsxNumericProductCodesAreWarnedAbout() throws Exception {
        Path f = dir.resolve("numeric.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            fill(wb.newWorksheet("Trade"), new Object[][] {
                    {"year", "reporter", "partner", "product", "flow", "value"},
                    {2022, "RUS", "CHN", 101, "import", 10}});
        }
        TradeReader.Result r = TradeReader.load(f, null, null);
        assertThat(r.data().flows().get(0).product()).isEqualTo("101");
        assertThat(r.warnings()).singleElement().asString().contains("column \"product\" holds numbers rather than text");
    }

    @Test
    void warningsForExtraColumnsWorldTotalsSelfTradeAndEmptyOptionalFiles() throws Exception {
        Path trade = write("w.csv", """
                year,reporter,partner,product,flow,value,unit
                2022,CHN,WLD,0101,export,40,usd
                2022,RUS,World,0101,import,12,usd
                2022,RUS,RUS,0101,import,2,usd
                2022,RUS,CHN,0101,import,10,usd
                """);
        Path production = write("p.csv", "year,reporter,product,value\n");
        Path groups = write("g.csv", "group,member\n");
        TradeReader.Result r = TradeReader.load(trade, production, groups);
        assertThat(r.data().flows()).hasSize(4); // warned about, not dropped; an export to WLD is no warning
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "w.csv: column \"unit\" is not part of the trade format and was ignored",
                "w.csv, line 3: import partner \"World\" looks like a world total; if it is one, remove those rows,"
                        + " since they would be counted as one more supplier",
                "w.csv, line 4: partner \"RUS\" is the reporter itself (re-imports?); such rows count as one more partner",
                "p.csv: the file has a header but no data rows",
                "g.csv: the file has a header but no data rows");
    }

    /**
     * The 1,229 real HS 2022 headings (4 digits, from the shared UN Comtrade classifier; 0101 … 0910
     * start with a zero) as product codes: written to a semicolon CSV and to an xlsx with text cells
     * here, every code must come back unchanged, leading zeros included.
     */
    @Test
    void realHs4CodesKeepTheirLeadingZeros() throws Exception {
        Path hs = Path.of(System.getProperty("klaster.shared.data", "../shared/data"), "classifiers", "hs",
                "harmonized-system.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(hs),
                "shared public data not available (" + hs + "); HS code round trip skipped");
        List<String> codes;
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(hs, StandardCharsets.UTF_8))) {
            codes = parser.stream().filter(r -> r.get("level").equals("4")).map(r -> r.get("hscode")).toList();
        }
        assertThat(codes).hasSize(1229); // as SOURCES.md states for HS2022
        assertThat(codes).filteredOn(c -> c.startsWith("0")).isNotEmpty();
        StringBuilder csv = new StringBuilder("year;reporter;partner;product;flow;value\n");
        for (int i = 0; i < codes.size(); i++) {
            csv.append("2023;RUS;CHN;").append(codes.get(i)).append(";import;").append(i).append(",5\n");
        }
        TradeData fromCsv = TradeReader.read(write("hs.csv", csv.toString()), null, null);
        assertThat(fromCsv.flows()).extracting(TradeFlow::product).containsExactlyElementsOf(codes);
        assertThat(fromCsv.flows().get(7).value()).isEqualTo(7.5);

        Path xlsx = dir.resolve("hs.xlsx");
        try (OutputStream os = Files.newOutputStream(xlsx); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Trade");
            fill(ws, new Object[][] {{"year", "reporter", "partner", "product", "flow", "value"}});
            for (int i = 0; i < codes.size(); i++) {
                fill(ws, i + 1, new Object[] {2023, "RUS", "CHN", codes.get(i), "export", i});
            }
        }
        TradeReader.Result fromXlsx = TradeReader.load(xlsx, null, null);
        assertThat(fromXlsx.data().flows()).extracting(TradeFlow::product).containsExactlyElementsOf(codes);
        assertThat(fromXlsx.warnings()).isEmpty();
    }

    private static void fill(Worksheet ws, int r, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            Object v = row[c];
            if (v instanceof String s) ws.value(r, c, s);
            else if (v instanceof Number x) ws.value(r, c, x);
        }
    }

    private static void fill(Worksheet ws, Object[][] cells) {
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                Object v = cells[r][c];
                if (v instanceof String s) ws.value(r, c, s);
                else if (v instanceof Number x) ws.value(r, c, x);
            }
        }
    }

    private static String sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
