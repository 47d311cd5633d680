package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cursor hands out exactly the rows of {@link ComplexityTable.Year#rows()}, in the same order. */
class ComplexityRowCursorTest {

    /** Bit-for-bit equal (NaN equals NaN, 0.0 differs from -0.0): what the CSV writer will see. */
    private static void assertSameRow(ComplexityTable.Row got, ComplexityTable.Row want) {
        assertThat(got.year()).isEqualTo(want.year());
        assertThat(got.location()).isEqualTo(want.location());
        assertThat(got.product()).isEqualTo(want.product());
        double[] g = {got.value(), got.rca(), got.mcp(), got.diversity(), got.ubiquity(), got.eci(), got.pci(),
                got.density(), got.coi(), got.cog()};
        double[] w = {want.value(), want.rca(), want.mcp(), want.diversity(), want.ubiquity(), want.eci(), want.pci(),
                want.density(), want.coi(), want.cog()};
        for (int i = 0; i < g.length; i++) {
            assertThat(Double.doubleToRawLongBits(g[i])).as("field %d of %s", i, want).isEqualTo(Double.doubleToRawLongBits(w[i]));
        }
    }

    @Test
    void cursorEqualsRowsOnRandomYearsWithLeftOutLocationsAndProducts() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<ExportRecord> records = new ArrayList<>();
        for (int year : new int[] {2019, 2020}) {
            for (int c = 0; c < 23; c++) {
                for (int p = 0; p < 41; p++) {
                    double u = rnd.nextDouble();
                    if (u < 0.6) {
                        double v = c == 5 || p == 17 ? 0.0 : Math.floor(1000 * rnd.nextDouble() * (1 + c % 7) * (1 + p % 5));
                        records.add(new ExportRecord(year, String.format("L%02d", c), String.format("P%03d", p), v));
                    }
                }
            }
        }
        List<ComplexityTable.Year> years = ComplexityTable.compute(records, 1.0);
        assertThat(years).hasSize(2);
        for (ComplexityTable.Year y : years) {
            List<ComplexityTable.Row> rows = y.rows();
            ComplexityRowCursor cursor = y.cursor();
            assertThat(cursor.size()).isEqualTo(rows.size());
            int i = 0;
            while (cursor.next()) {
                ComplexityTable.Row want = rows.get(i);
                assertSameRow(cursor.row(), want);
                assertThat(cursor.locationIndex()).isEqualTo(i / y.products().size());
                assertThat(cursor.productIndex()).isEqualTo(i % y.products().size());
                i++;
            }
            assertThat(i).isEqualTo(rows.size());
            assertThat(cursor.next()).isFalse();
            assertThat(y.warnings()).isNotEmpty();   // L05 and P017 have zero totals
        }
    }

    @Test
    void handExampleRowsInOrderAndTheCursorEndsCleanly() {
        List<ExportRecord> records = new ArrayList<>();
        double[][] x = ComplexityHandExampleTest.X;
        for (int c = 0; c < x.length; c++) {
            for (int p = 0; p < x[c].length; p++) {
                records.add(new ExportRecord(2020, "c" + c, "p" + p, x[c][p]));
            }
        }
        ComplexityTable.Year y = ComplexityTable.compute(records, 1.0).get(0);
        ComplexityRowCursor cursor = y.cursor();
        int n = 0;
        while (cursor.next()) {
            assertSameRow(cursor.row(), y.rows().get(n));
            n++;
        }
        assertThat(n).isEqualTo(x.length * x[0].length);
        assertThat(cursor.next()).isFalse();
        assertThat(cursor.next()).isFalse();
    }
}
