package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;

/** {@link LeontiefModel#consuming} gives bit-for-bit the model of {@link LeontiefModel#of}, in Z's own array. */
class LeontiefModelConsumingTest {

    private static IoTable table(double[][] z, double[] f) {
        int n = z.length;
        List<String> sectors = new ArrayList<>();
        double[][] fd = new double[n][1];
        for (int i = 0; i < n; i++) {
            sectors.add("S" + i);
            fd[i][0] = f[i];
        }
        return IoTable.of(sectors, DenseMatrix.ofRows(z), List.of("fd:households"), DenseMatrix.ofRows(fd));
    }

    private static IoTable random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i][j] = r.nextDouble() < 0.4 ? Math.floor(1e5 * r.nextDouble()) : 0.0;
            }
            f[i] = 1e5 * n * (0.3 + r.nextDouble());
        }
        return table(z, f);
    }

    private static IoTable copy(IoTable t) {
        return IoTable.of(t.sectors(), DenseMatrix.wrap(t.size(), t.size(), t.intermediate().data().clone()),
                t.finalDemandCategories(), t.finalDemand());
    }

    private static void assertBits(double[] a, double[] b) {
        assertThat(a.length).isEqualTo(b.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("element %d", i).isEqualTo(Double.doubleToRawLongBits(b[i]));
        }
    }

    private static void assertSameModel(LeontiefModel consumed, LeontiefModel copied) {
        assertThat(consumed.spectralRadiusBound()).isEqualTo(copied.spectralRadiusBound());
        assertThat(consumed.factorization().size()).isEqualTo(copied.factorization().size());
        double[] v = new double[consumed.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1.0 + (i % 7);
        }
        assertBits(consumed.solve(v), copied.solve(v));
        assertBits(consumed.solveTransposed(v), copied.solveTransposed(v));
        assertBits(consumed.outputMultipliers(), copied.outputMultipliers());
        assertBits(consumed.leontiefInverse().data(), copied.leontiefInverse().data());
    }

    @Test
    void sameResultsAsTheCopyingModelAndZHoldsTheFactorisation() {
        for (int n : new int[] {1, 2, 17, 120}) {
            IoTable t = random(n, n);
            LeontiefModel copied = LeontiefModel.of(copy(t));
            double[] z = t.intermediate().data();
            LeontiefModel consumed = LeontiefModel.consuming(t);
            assertSameModel(consumed, copied);
            assertThat(consumed.table()).isSameAs(t);
            assertThatThrownBy(consumed::technicalCoefficients).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LeontiefModel.of");
            assertThat(copied.technicalCoefficients().rows()).isEqualTo(n);
            ShockResult a = DemandShock.apply(consumed, java.util.Map.of("S0", -0.2));
            ShockResult b = DemandShock.apply(copied, java.util.Map.of("S0", -0.2));
            assertThat(a.total().outputChange()).isEqualTo(b.total().outputChange());
            assertThat(z).isNotEqualTo(copy(random(n, n)).intermediate().data());   // Z was overwritten
        }
    }

    @Test
    void productiveWithANormBoundAboveOneUsesTheCertificateOnTheSameA() {
        // A = [[0.6, 0.6], [0.5, 0]]: column sums 1.1, 0.6, row sums 1.2, 0.5 (bound 1.1), ρ ≈ 0.92
        IoTable t = table(new double[][] {{600, 600}, {500, 0}}, new double[] {-200, 500});
        LeontiefModel copied = LeontiefModel.of(copy(t));
        LeontiefModel consumed = LeontiefModel.consuming(t);
        assertThat(copied.spectralRadiusBound()).isLessThan(1.0);
        assertSameModel(consumed, copied);
        assertBits(consumed.technicalCoefficients().data(), copied.technicalCoefficients().data());
    }

    @Test
    void notProductiveFailsWithTheSameMessage() {
        IoTable t = table(new double[][] {{600, 600}, {600, 600}}, new double[] {-200, -200});
        String expected = null;
        try {
            LeontiefModel.of(copy(t));
        } catch (AnalysisException e) {
            expected = e.getMessage();
        }
        assertThat(expected).contains("not productive");
        assertThatThrownBy(() -> LeontiefModel.consuming(t)).isInstanceOf(AnalysisException.class).hasMessage(expected);
    }

    @Test
    void withAnInactiveSectorTheTableIsLeftIntact() {
        double[][] z = {{10, 0, 5}, {0, 0, 0}, {3, 0, 8}};
        IoTable t = table(z, new double[] {100, 0, 100});
        double[] before = t.intermediate().data().clone();
        LeontiefModel consumed = LeontiefModel.consuming(t);
        assertThat(consumed.size()).isEqualTo(2);
        assertThat(t.intermediate().data()).isEqualTo(before);
        assertSameModel(consumed, LeontiefModel.of(copy(t)));
        assertThat(consumed.technicalCoefficients().rows()).isEqualTo(2);
    }
}
