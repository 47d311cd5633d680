package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.klaster.app.cli.ResultTable;
import org.klaster.app.cli.TableWriter;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.ExportRecord;

/**
 * The streamed CSV is byte for byte what the generic path wrote: the rows of
 * {@link ComplexityTable.Year#rows()} in a {@link ResultTable} (M, diversity, ubiquity as Integer or
 * null) printed by {@link TableWriter} — on two years with left-out locations and products and codes
 * that need quoting.
 */
class ComplexityCsvTest {

    /** The generic path as the complexity command built it before streaming (commit a22c5ba). */
    private static String generic(List<ComplexityTable.Year> years) throws IOException {
        ResultTable t = new ResultTable(ComplexityCsv.COLUMNS);
        for (ComplexityTable.Year y : years) {
            for (ComplexityTable.Row r : y.rows()) {
                t.add(r.year(), r.location(), r.product(), r.value(), r.rca(), count(r.mcp()), count(r.diversity()),
                        count(r.ubiquity()), r.eci(), r.pci(), r.density(), r.coi(), r.cog());
            }
        }
        StringWriter w = new StringWriter();
        TableWriter.write(t, TableWriter.Format.csv, w);
        return w.toString();
    }

    private static Integer count(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }

    @Test
    void sameBytesAsTheGenericWriter() throws IOException {
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
        StringWriter w = new StringWriter();
        ComplexityCsv.write(years, w);
        String want = generic(years);
        assertThat(w.toString()).contains("\"a,b\"", "\"quote\"\"d\"", "\"#hash\"", "Москва", "\"01,02\"", ",,");
        assertThat(w.toString()).isEqualTo(want);
    }

    @Test
    void textCellsQuoteExactlyLikeCommonsCsv() throws IOException {
        for (String s : new String[] {"", "a", "\"", "#", "$x", " ", "a b", "a\nb", "a\r", "é", "\u00a0x", "x,"}) {
            StringBuilder sb = new StringBuilder();
            ComplexityCsv.text(s, sb);
            StringWriter w = new StringWriter();
            TableWriter.write(new ResultTable("a", "b").add(1, s), TableWriter.Format.csv, w);
            assertThat("a,b\n1," + sb + "\n").as("[%s]", s).isEqualTo(w.toString());
        }
    }
}
