package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.activity.ActivityRecord;
import org.klaster.linalg.DenseMatrix;

/** The record-level entry points: labels, year grouping, output order, left-out reporting. */
class ComplexityTableTest {

    private static final String[] LOC = {"A", "B", "C", "D"};
    private static final String[] PROD = {"0101", "0102", "0201", "0202", "0301"};   // leading zeros kept

    /** The hand example as records, zero cells omitted, shuffled. */
    private static List<ExportRecord> handRecords(int year) {
        List<ExportRecord> records = new ArrayList<>();
        double[][] x = ComplexityHandExampleTest.X;
        for (int c = 0; c < 4; c++) {
            for (int p = 0; p < 5; p++) {
                if (x[c][p] > 0) {
                    records.add(new ExportRecord(year, LOC[c], PROD[p], x[c][p]));
                }
            }
        }
        Collections.shuffle(records, new Random(year));
        return records;
    }

    @Test
    void rowsFollowTheContractOrderAndEqualTheMatrixEngine() {
        List<ExportRecord> records = new ArrayList<>(handRecords(2021));
        records.addAll(handRecords(2020));
        records.add(new ExportRecord(2021, "A", "9999", 0.0));   // a product with a zero total
        List<ComplexityTable.Year> years = ComplexityTable.compute(records, 1.0);
        assertThat(years).extracting(ComplexityTable.Year::year).containsExactly(2020, 2021);

        ComplexityTable.Year y = years.get(0);
        assertThat(y.locations()).containsExactly(LOC);
        assertThat(y.products()).containsExactly(PROD);
        assertThat(y.warnings()).isEmpty();
        ComplexityResult direct = EconomicComplexity.compute(DenseMatrix.ofRows(ComplexityHandExampleTest.X));
        List<ComplexityTable.Row> rows = y.rows();
        assertThat(rows).hasSize(20);
        ComplexityTable.Row first = rows.get(0);   // A, 0101: value 20, rca 2.5, in M, k_A = 3, k_p = 1
        assertThat(first.location()).isEqualTo("A");
        assertThat(first.product()).isEqualTo("0101");
        assertThat(first.value()).isEqualTo(20.0);
        assertThat(first.rca()).isCloseTo(2.5, within(1e-15));
        assertThat(first.mcp()).isEqualTo(1.0);
        assertThat(first.diversity()).isEqualTo(3.0);
        assertThat(first.ubiquity()).isEqualTo(1.0);
        assertThat(first.density()).isCloseTo(1.0, within(1e-15));
        for (int i = 0; i < rows.size(); i++) {
            ComplexityTable.Row r = rows.get(i);
            int c = i / 5;
            int p = i % 5;
            assertThat(r.location()).isEqualTo(LOC[c]);
            assertThat(r.product()).isEqualTo(PROD[p]);
            assertThat(r.eci()).isEqualTo(direct.eci()[c]);
            assertThat(r.pci()).isEqualTo(direct.pci()[p]);
            assertThat(r.coi()).isEqualTo(direct.coi()[c]);
            assertThat(r.cog()).isEqualTo(direct.cog().get(c, p));
        }

        ComplexityTable.Year z = years.get(1);
        assertThat(z.products()).containsExactly("0101", "0102", "0201", "0202", "0301", "9999");
        assertThat(z.warnings()).extracting(Object::toString).containsExactly("2021: product 9999 has a zero total and is left out");
        assertThat(z.rows()).hasSize(24);
        assertThat(z.rows().get(5).rca()).isNaN();   // A, 9999
    }

    @Test
    void badRecordsAreNamed() {
        List<ExportRecord> dup = new ArrayList<>(handRecords(2020));
        dup.add(new ExportRecord(2020, "A", "0101", 1.0));
        assertThatThrownBy(() -> ComplexityTable.compute(dup, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate").hasMessageContaining("location A, product 0101");
        assertThatThrownBy(() -> ComplexityTable.compute(List.of(new ExportRecord(2020, "A", "0101", -3)), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value -3.0");
        List<ExportRecord> tiny = List.of(new ExportRecord(2019, "A", "0101", 1), new ExportRecord(2019, "B", "0101", 2));
        assertThatThrownBy(() -> ComplexityTable.compute(tiny, 1.0)).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("year 2019: ");
    }

    /** Issue 10, probe 7: finite exports whose total is infinite are a sentence, not NaN RCAs. */
    @Test
    void exportsThatAddUpToInfinityAreASentence() {
        List<ExportRecord> huge = new ArrayList<>(handRecords(2020));
        huge.add(new ExportRecord(2020, "A", "9999", 1.7e308));
        huge.add(new ExportRecord(2020, "B", "9999", 1.7e308));
        assertThatThrownBy(() -> ComplexityTable.compute(huge, 1.0)).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("year 2020: exports add up beyond the range of numbers the analysis can compute with");
    }

    /** The hand example read as region × industry employment (RCA = LQ); numbers as in its comment. */
    @Test
    void regionalRelatednessOnActivityRecords() {
        List<ActivityRecord> records = new ArrayList<>();
        double[][] x = ComplexityHandExampleTest.X;
        for (int c = 0; c < 4; c++) {
            for (int p = 0; p < 5; p++) {
                records.add(ActivityRecord.of("R" + (c + 1), "i" + (p + 1), 2022, x[c][p]));
                records.add(ActivityRecord.of("R" + (c + 1), "i" + (p + 1), 2021, 1.0));   // another year, ignored
            }
        }
        RegionalRelatedness r = RegionalRelatedness.of(records, 2022, 1.0);
        assertThat(r.regions()).containsExactly("R1", "R2", "R3", "R4");
        assertThat(r.relatedness().rca().get(0, 0)).isCloseTo(2.5, within(1e-15));
        assertThat(r.density("R1", "i3")).isCloseTo(0.5, within(1e-15));
        assertThat(r.density("R3", "i1")).isZero();
        // φ row of i2: 1/2 to i1, i3, i5 (ties by order), 0 to i4
        assertThat(r.nearby("i2", 5)).containsExactly("i1", "i3", "i5");
        assertThat(r.nearby("i2", 2)).containsExactly("i1", "i3");
        // R1 lacks i3, i4 (density 1/2 each); R3 lacks i2, i5 (1/3 each) and i1 (0)
        assertThat(r.closestAbsent("R1")).containsExactly("i3", "i4");
        assertThat(r.closestAbsent("R3")).containsExactly("i2", "i5", "i1");
        assertThatThrownBy(() -> r.density("R9", "i1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown region R9");
        assertThatThrownBy(() -> RegionalRelatedness.of(records, 1999, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
