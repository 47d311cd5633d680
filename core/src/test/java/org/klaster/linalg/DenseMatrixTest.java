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
    void gramMatricesByDsyrkAreFullAndSymmetric() {
        // by hand: A = [[1,2],[3,4],[5,6]]; AᵀA = [[1+9+25, 2+12+30], [44, 4+16+36]];
        // AAᵀ = [[1+4, 3+8, 5+12], [11, 9+16, 15+24], [17, 39, 25+36]]
        DenseMatrix a = DenseMatrix.ofRows(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(a.transposeTimesSelf().toRows()).isDeepEqualTo(new double[][] {{35, 44}, {44, 56}});
        assertThat(a.timesTransposeSelf().toRows())
                .isDeepEqualTo(new double[][] {{5, 11, 17}, {11, 25, 39}, {17, 39, 61}});
        assertThat(new DenseMatrix(0, 3).transposeTimesSelf().toRows()).isDeepEqualTo(new double[3][3]);
        assertThat(new DenseMatrix(0, 3).timesTransposeSelf().rows()).isZero();
    }

    @Test
    void gramMatricesMatchATextbookTripleLoopBeyondOneMirrorBlock() {
        // 150 columns span several 64-wide mirror blocks; entries with few bits keep every sum exact
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int r = 37;
        int c = 150;
        DenseMatrix a = new DenseMatrix(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                a.set(i, j, rnd.nextInt(9) - 4 + 0.5 * rnd.nextInt(2));
            }
        }
        DenseMatrix g = a.transposeTimesSelf();
        DenseMatrix h = a.timesTransposeSelf();
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < c; k++) {
                double s = 0;
                for (int i = 0; i < r; i++) {
                    s += a.get(i, j) * a.get(i, k);
                }
                assertThat(g.get(j, k)).as("AᵀA[%d,%d]", j, k).isEqualTo(s);
            }
        }
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < r; k++) {
                double s = 0;
                for (int j = 0; j < c; j++) {
                    s += a.get(i, j) * a.get(k, j);
                }
                assertThat(h.get(i, k)).as("AAᵀ[%d,%d]", i, k).isEqualTo(s);
            }
        }
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
