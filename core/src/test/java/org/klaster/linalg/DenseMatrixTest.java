package org.klaster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DenseMatrixTest {

    private final DenseMatrix m = DenseMatrix.ofRows(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void isColumnMajor() {
        assertThat(m.data()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(m.get(1, 2)).isEqualTo(6.0);
        assertThat(m.column(1)).containsExactly(2, 5);
        assertThat(m.row(1)).containsExactly(4, 5, 6);
        assertThat(DenseMatrix.wrap(2, 3, new double[] {1, 4, 2, 5, 3, 6}).toRows()).isDeepEqualTo(m.toRows());
    }

    @Test
    void sumsTransposeSelectAndProducts() {
        assertThat(m.rowSums()).containsExactly(6, 15);
        assertThat(m.columnSums()).containsExactly(5, 7, 9);
        assertThat(m.transpose().toRows()).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(m.select(new int[] {1}, new int[] {2, 0}).toRows()).isDeepEqualTo(new double[][] {{6, 4}});
        // by hand: [[1,2,3],[4,5,6]]·[1,0,-1] = [-2,-2]; [1,1]·M = [5,7,9]
        assertThat(m.multiply(new double[] {1, 0, -1})).containsExactly(-2, -2);
        assertThat(m.multiplyTransposed(new double[] {1, 1})).containsExactly(5, 7, 9);
        assertThat(m.multiply(m.transpose()).toRows()).isDeepEqualTo(new double[][] {{14, 32}, {32, 77}});
        assertThat(DenseMatrix.identity(2).toRows()).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}});
    }

    @Test
    void rejectsBadShapesAndIndices() {
        assertThatThrownBy(() -> m.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.multiply(new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DenseMatrix.wrap(2, 2, new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DenseMatrix.ofRows(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
