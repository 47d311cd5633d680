package org.klaster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralRadiusTest {

    private static final DenseMatrix SYMMETRIC = DenseMatrix.ofRows(new double[][] {{0.6, 0.5}, {0.5, 0.6}});   // λ = 1.1, 0.1
    private static final DenseMatrix TRIANGULAR = DenseMatrix.ofRows(new double[][] {{0.2, 0.9}, {0.0, 0.5}});  // reducible, λ = 0.2, 0.5
    // cyclic: 1→2→3→1 with weight 0.7 (periodic; eigenvalues 0.7·cube roots of unity, all |λ| = 0.7)
    private static final DenseMatrix CYCLIC = DenseMatrix.ofRows(new double[][] {{0, 0.7, 0}, {0, 0, 0.7}, {0.7, 0, 0}});

    @Test
    void eigenvaluesGiveHandComputedRadii() {
        assertThat(SpectralRadius.byEigenvalues(SYMMETRIC).value()).isCloseTo(1.1, within(1e-14));
        assertThat(SpectralRadius.byEigenvalues(TRIANGULAR).value()).isCloseTo(0.5, within(1e-14));
        assertThat(SpectralRadius.byEigenvalues(CYCLIC).value()).isCloseTo(0.7, within(1e-14));
        assertThat(SpectralRadius.of(SYMMETRIC).method()).isEqualTo("dgeev");
    }

    @Test
    void powerIterationConvergesAlsoOnPeriodicAndReducibleMatrices() {
        SpectralRadius.Estimate s = SpectralRadius.byPowerIteration(SYMMETRIC, 1e-12, 10_000);
        assertThat(s.value()).isCloseTo(1.1, within(1e-10));
        assertThat(s.lower()).isLessThanOrEqualTo(1.1 + 1e-15);
        assertThat(s.upper()).isGreaterThanOrEqualTo(1.1 - 1e-15);
        assertThat(SpectralRadius.byPowerIteration(CYCLIC, 1e-12, 10_000).value()).isCloseTo(0.7, within(1e-10));
        SpectralRadius.Estimate t = SpectralRadius.byPowerIteration(TRIANGULAR, 1e-12, 10_000);
        assertThat(t.value()).isCloseTo(0.5, within(1e-8));
        assertThat(t.upper()).isGreaterThanOrEqualTo(0.5 - 1e-15);
    }

    @Test
    void powerIterationAgreesWithDgeevOnRandomNonnegativeMatrices() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            int n = 20 + 10 * trial;
            DenseMatrix a = new DenseMatrix(n, n);
            for (int k = 0; k < a.data().length; k++) {
                a.data()[k] = rnd.nextDouble() < 0.3 ? 0.0 : rnd.nextDouble() / n;
            }
            double exact = SpectralRadius.byEigenvalues(a).value();
            SpectralRadius.Estimate p = SpectralRadius.byPowerIteration(a, 1e-12, 10_000);
            assertThat(p.value()).isCloseTo(exact, within(1e-9 * exact));
            assertThat(p.lower()).isLessThanOrEqualTo(exact * (1 + 1e-12));
            assertThat(p.upper()).isGreaterThanOrEqualTo(exact * (1 - 1e-12));
            assertThat(SpectralRadius.normBound(a)).isGreaterThanOrEqualTo(exact);
        }
    }

    @Test
    void normBoundIsTheSmallerOfTheMaxColumnAndRowSums() {
        // TRIANGULAR: column sums 0.2, 1.4; row sums 1.1, 0.5 → min(1.4, 1.1) = 1.1
        assertThat(SpectralRadius.normBound(TRIANGULAR)).isCloseTo(1.1, within(1e-15));
        assertThat(SpectralRadius.of(new DenseMatrix(0, 0)).value()).isZero();
        assertThat(SpectralRadius.byPowerIteration(new DenseMatrix(3, 3), 1e-12, 10).value()).isZero();
    }
}
