package org.klaster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LuDecompositionTest {

    // A = [[2,1,1],[4,-6,0],[-2,7,2]] (a pivoting example); by hand: A·[1,1,2] = [5,-2,9],
    // Aᵀ·[1,2,3] = [2+8-6, 1-12+21, 1+0+6] = [4,10,7]
    private final DenseMatrix a = DenseMatrix.ofRows(new double[][] {{2, 1, 1}, {4, -6, 0}, {-2, 7, 2}});

    @Test
    void solvesColumnAndRowVectors() {
        LuDecomposition lu = LuDecomposition.of(a);
        assertThat(lu.isSingular()).isFalse();
        double[] x = lu.solve(new double[] {5, -2, 9});
        assertThat(x[0]).isCloseTo(1, within(1e-14));
        assertThat(x[1]).isCloseTo(1, within(1e-14));
        assertThat(x[2]).isCloseTo(2, within(1e-14));
        double[] y = lu.solveTransposed(new double[] {4, 10, 7});
        assertThat(y[0]).isCloseTo(1, within(1e-14));
        assertThat(y[1]).isCloseTo(2, within(1e-14));
        assertThat(y[2]).isCloseTo(3, within(1e-14));
        // the input was not touched
        assertThat(a.get(1, 1)).isEqualTo(-6.0);
    }

    @Test
    void manyRightHandSidesAndInverseMatchTheOracle() {
        Random rnd = new Random(7);
        int n = 30;
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = rnd.nextGaussian() + (i == j ? 5 : 0);
            }
        }
        DenseMatrix m = DenseMatrix.ofRows(rows);
        LuDecomposition lu = LuDecomposition.of(m);
        double[][] naive = Naive.inverse(rows);
        assertThat(lu.inverse().maxAbsDifference(DenseMatrix.ofRows(naive))).isLessThan(1e-12);
        assertThat(m.multiply(lu.inverse()).maxAbsDifference(DenseMatrix.identity(n))).isLessThan(1e-12);

        DenseMatrix b = new DenseMatrix(n, 4);
        for (int k = 0; k < b.data().length; k++) {
            b.data()[k] = rnd.nextDouble();
        }
        DenseMatrix x = lu.solve(b);
        DenseMatrix y = lu.solveTransposed(b);
        for (int c = 0; c < 4; c++) {
            assertThat(Naive.maxRelativeError(x.column(c), Naive.multiply(naive, b.column(c)), 1)).isLessThan(1e-12);
            assertThat(Naive.maxRelativeError(y.column(c), Naive.multiplyLeft(b.column(c), naive), 1)).isLessThan(1e-12);
        }
        assertThat(lu.reciprocalCondition()).isBetween(1e-3, 1.0);
    }

    @Test
    void detectsSingularMatrices() {
        LuDecomposition lu = LuDecomposition.of(DenseMatrix.ofRows(new double[][] {{1, 2}, {2, 4}}));
        assertThat(lu.isSingular()).isTrue();
        assertThat(lu.reciprocalCondition()).isZero();
        assertThatThrownBy(() -> lu.solve(new double[] {1, 1})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> LuDecomposition.of(new DenseMatrix(2, 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuDecomposition.of(DenseMatrix.ofRows(new double[][] {{Double.NaN}})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overwritingVariantConsumesItsInput() {
        DenseMatrix copy = a.copy();
        LuDecomposition lu = LuDecomposition.ofOverwriting(copy);
        assertThat(copy.get(1, 1)).isNotEqualTo(-6.0);
        assertThat(lu.solve(new double[] {5, -2, 9})[2]).isCloseTo(2, within(1e-14));
    }
}
