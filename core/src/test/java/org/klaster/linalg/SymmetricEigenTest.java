package org.klaster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    // tridiagonal [2 1 0; 1 2 1; 0 1 2]: λ = 2 + √2, 2, 2 − √2 with eigenvectors
    // (1, √2, 1)/2, (1, 0, −1)/√2, (1, −√2, 1)/2 (by hand: det(A − λI) = (2−λ)((2−λ)² − 2))
    private static final DenseMatrix TRIDIAGONAL = DenseMatrix.ofRows(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}});
    private static final double R2 = Math.sqrt(2.0);

    @Test
    void handExampleEigenpairs() {
        SymmetricEigen.Pairs all = SymmetricEigen.all(TRIDIAGONAL);
        assertThat(all.values()).containsExactly(new double[] {2 + R2, 2, 2 - R2}, within(1e-14));
        assertParallel(all.vector(0), new double[] {0.5, R2 / 2, 0.5});
        assertParallel(all.vector(1), new double[] {1 / R2, 0, -1 / R2});
        assertParallel(all.vector(2), new double[] {0.5, -R2 / 2, 0.5});
    }

    @Test
    void largestKAreTheTopOfTheFullSpectrum() {
        SymmetricEigen.Pairs two = SymmetricEigen.largest(TRIDIAGONAL, 2);
        assertThat(two.values()).containsExactly(new double[] {2 + R2, 2}, within(1e-14));
        assertThat(two.vectors().cols()).isEqualTo(2);
        assertParallel(two.vector(1), new double[] {1 / R2, 0, -1 / R2});
        // 2×2 [0.6 0.5; 0.5 0.6]: λ = 1.1 (1, 1)/√2 and 0.1
        SymmetricEigen.Pairs one = SymmetricEigen.largest(DenseMatrix.ofRows(new double[][] {{0.6, 0.5}, {0.5, 0.6}}), 1);
        assertThat(one.values()[0]).isCloseTo(1.1, within(1e-15));
        assertParallel(one.vector(0), new double[] {1 / R2, 1 / R2});
    }

    @Test
    void randomSymmetricMatricesSatisfyTheEigenEquationsAndAgreeWithDgeev() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 4; trial++) {
            int n = 5 + 13 * trial;
            DenseMatrix a = new DenseMatrix(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = rnd.nextGaussian();
                    a.set(i, j, v);
                    a.set(j, i, v);
                }
            }
            SymmetricEigen.Pairs all = SymmetricEigen.all(a);
            for (int k = 0; k < n; k++) {
                double[] v = all.vector(k);
                double[] av = a.multiply(v);
                for (int i = 0; i < n; i++) {
                    assertThat(av[i]).isCloseTo(all.values()[k] * v[i], within(1e-12 * n));
                }
                assertThat(dot(v, v)).isCloseTo(1.0, within(1e-13));
                if (k > 0) {
                    assertThat(all.values()[k]).isLessThanOrEqualTo(all.values()[k - 1]);
                    assertThat(dot(v, all.vector(k - 1))).isCloseTo(0.0, within(1e-12));
                }
            }
            // the spectral radius from the general solver (dgeev) is max(|λ_max|, |λ_min|)
            double rho = Math.max(Math.abs(all.values()[0]), Math.abs(all.values()[n - 1]));
            assertThat(SpectralRadius.byEigenvalues(a).value()).isCloseTo(rho, within(1e-12 * rho));
            SymmetricEigen.Pairs top = SymmetricEigen.largest(a, 3);
            assertThat(top.values()).containsExactly(new double[] {all.values()[0], all.values()[1], all.values()[2]}, within(1e-12));
        }
    }

    @Test
    void rejectsBadRequests() {
        assertThatThrownBy(() -> SymmetricEigen.largest(TRIDIAGONAL, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SymmetricEigen.largest(TRIDIAGONAL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SymmetricEigen.all(new DenseMatrix(2, 3))).isInstanceOf(IllegalArgumentException.class);
        DenseMatrix nan = DenseMatrix.ofRows(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        assertThatThrownBy(() -> SymmetricEigen.all(nan)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SymmetricEigen.all(new DenseMatrix(0, 0)).values()).isEmpty();
    }

    /** v = ±expected entrywise (eigenvector signs are arbitrary). */
    private static void assertParallel(double[] v, double[] expected) {
        double s = Math.signum(dot(v, expected));
        for (int i = 0; i < v.length; i++) {
            assertThat(s * v[i]).isCloseTo(expected[i], within(1e-14));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
