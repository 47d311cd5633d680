package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.linalg.DenseMatrix;

class IoTableValidationTest {

    private static IoTable mb() {
        return MillerBlairExampleTest.table();
    }

    @Test
    void negativeIntermediateFlowIsAnError() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, -5}, {200, 100}});
        IoTable t = IoTable.of(List.of("S1", "S2"), z, List.of("fd:total"), DenseMatrix.ofRows(new double[][] {{350}, {1700}}));
        IoValidation v = t.validate(false);
        assertThat(v.ok()).isFalse();
        assertThat(v.errors()).extracting(Object::toString).containsExactly("negative intermediate flow in row S1, column S2: -5");
        assertThatThrownBy(() -> LeontiefModel.of(t)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowBalanceAgainstGivenTotalOutput() {
        // S2 rows sum to 2000; a given 2010 is 0.5 % off (> 0.1 %): error, or warning when allowed
        IoTable t = mb().withGivenTotalOutput(new double[] {1000.5, 2010});
        IoValidation strict = t.validate(false);
        assertThat(strict.errors()).hasSize(1);
        assertThat(strict.errors().get(0).toString()).startsWith("row balance: total_output of sector S2 is 2010 but its row sums to 2000");
        IoValidation lenient = t.validate(true);
        assertThat(lenient.ok()).isTrue();
        assertThat(lenient.warnings()).anyMatch(w -> w.toString().startsWith("row balance: total_output of sector S2"));
        // 1000.5 vs 1000 is 0.05 %: within tolerance; NaN = cell left empty
        assertThat(mb().withGivenTotalOutput(new double[] {1000.5, Double.NaN}).validate(false).ok()).isTrue();
    }

    @Test
    void largestColumnGapIsReported() {
        // S1 column: 150 + 200 + 650 = 1000 = x; with VA 660 the gap is 10/1000 = 1 %
        IoTable t = mb().withValueAdded(new double[] {660, 1400});
        IoValidation v = t.validate(false);
        assertThat(v.ok()).isTrue();
        assertThat(v.largestColumnGap()).isCloseTo(0.01, within(1e-15));
        assertThat(v.largestColumnGapSector()).isEqualTo("S1");
        assertThat(v.warnings()).extracting(Object::toString)
                .anyMatch(w -> w.contains("column balance") && w.contains("1.00 %") && w.contains("S1"));
        // imports are part of the column: adding 10 of imports to S2 makes a 0.5 % gap there
        IoValidation w = mb().withImports(new double[] {0, 10}, null).validate(false);
        assertThat(w.largestColumnGap()).isCloseTo(0.005, within(1e-15));
        assertThat(w.largestColumnGapSector()).isEqualTo("S2");
        // without value added the column balance is not checked
        assertThat(mb().withValueAdded(null).validate(false).largestColumnGap()).isNaN();
    }

    @Test
    void nonFiniteAndNegativeOutputs() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{1, 0}, {0, Double.NaN}});
        IoTable t = IoTable.of(List.of("S1", "S2"), z, List.of("fd:total"), DenseMatrix.ofRows(new double[][] {{1}, {1}}));
        assertThat(t.validate(false).errors()).extracting(Object::toString).containsExactly("intermediate flow in row S2, column S2 is NaN");
        IoTable neg = IoTable.of(List.of("S1", "S2"), DenseMatrix.ofRows(new double[][] {{1, 0}, {0, 1}}), List.of("fd:total"),
                DenseMatrix.ofRows(new double[][] {{1}, {-4}}));
        assertThat(neg.validate(false).errors()).extracting(Object::toString).containsExactly("total output of sector S2 is negative (-3)");
    }

    @Test
    void manyErrorsAreSummarised() {
        int n = 15;
        DenseMatrix z = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++) {
            z.set(i, i, -1);
        }
        DenseMatrix f = new DenseMatrix(n, 1);
        java.util.Arrays.fill(f.data(), 2.0);
        IoTable t = IoTable.of(RandomTables.codes(n), z, List.of("fd:total"), f);
        List<String> errors = t.validate(false).errors().stream().map(Object::toString).toList();
        assertThat(errors).hasSize(11);
        assertThat(errors.get(10)).isEqualTo("… and 5 more negative flows");
    }

    @Test
    void shapesAreCheckedOnConstruction() {
        DenseMatrix z = new DenseMatrix(2, 2);
        DenseMatrix f = new DenseMatrix(2, 1);
        assertThatThrownBy(() -> IoTable.of(List.of("S1", "S1"), z, List.of("fd:a"), f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate sector code S1");
        assertThatThrownBy(() -> IoTable.of(List.of("S1"), z, List.of("fd:a"), f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z is 2×2, expected 1×1");
        assertThatThrownBy(() -> IoTable.of(List.of("S1", "S2"), z, List.of("fd:a", "fd:b"), f))
                .isInstanceOf(IllegalArgumentException.class);
        IoTable ok = IoTable.of(List.of("S1", "S2"), z, List.of("fd:a"), f);
        assertThatThrownBy(() -> ok.withImports(new double[2], null).withImportMatrix(new DenseMatrix(2, 2), null)
                .withImports(new double[2], null).withValueAdded(new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ok.withImports(new double[] {1, 2}, new double[] {3}).importsFinalUse().get(0, 0)).isEqualTo(3.0);
        assertThat(ok.exportsCategory()).isEqualTo(-1);
        assertThat(GhoshThreeSectorTest.table().exportsCategory()).isEqualTo(1);
    }
}
