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

    /** The reference: every cell through commons-csv, numbers as the writer printed them before streaming. */
    private static <R> String reference(Table<R> t) throws IOException {
        StringWriter w = new StringWriter();
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        for (Column<R> c : t.columns()) p.print(c.name());
        p.println();
        for (R row : t.rows()) {
            for (Column<R> c : t.columns()) p.print(old(c.read(row)));
            p.println();
        }
        p.flush();
        return w.toString();
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
}
