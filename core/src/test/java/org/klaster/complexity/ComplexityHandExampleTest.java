package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.klaster.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * RCA, M, diversity, ubiquity, proximity and density of a 4 × 5 example computed by hand.
 *
 * <pre>
 *          p1  p2  p3  p4  p5 | x_c
 *     A    20  10   0   0  10 |  40
 *     B     0  10  10   0   0 |  20
 *     C     0   0  10  10   0 |  20
 *     D     0   0   0  10  10 |  20
 *   x_p    20  20  20  20  20 | X = 100
 * </pre>
 * Every x_p / X = 0.2, so rca_cp = 5·x_cp / x_c:
 * A: 5·20/40 = 2.5, 5·10/40 = 1.25, 0, 0, 1.25; B: 0, 2.5, 2.5, 0, 0; C: 0, 0, 2.5, 2.5, 0;
 * D: 0, 0, 0, 2.5, 2.5. M (rca ≥ 1): A = {p1, p2, p5}, B = {p2, p3}, C = {p3, p4}, D = {p4, p5}
 * — a cycle A–p2–B–p3–C–p4–D–p5–A with p1 hanging on A.
 * Diversity k_c = 3, 2, 2, 2; ubiquity k_p = 1, 2, 2, 2, 2.
 * Co-occurrences Σ_c M_cp M_cp' = 1 for the pairs (1,2), (1,5), (2,5) [A], (2,3) [B], (3,4) [C],
 * (4,5) [D], else 0; max(k_p, k_p') = 2 for each of these pairs, so all those φ = 1/2.
 * Column sums of φ: s = 1, 1.5, 1, 1, 1.5.
 * Density d_cp = Σ_p' M_cp' φ_p'p / s_p, e.g. A,p2: (φ12 + φ52)/1.5 = 1/1.5 = 2/3; A,p3: φ23/1 = 1/2;
 * B,p1: φ21/1 = 1/2; C,p1: 0 (C holds neither p2 nor p5); C,p5: φ45/1.5 = 1/3.
 */
class ComplexityHandExampleTest {

    static final double[][] X = {
            {20, 10, 0, 0, 10},
            {0, 10, 10, 0, 0},
            {0, 0, 10, 10, 0},
            {0, 0, 0, 10, 10}};

    private static final double[][] RCA = {
            {2.5, 1.25, 0, 0, 1.25},
            {0, 2.5, 2.5, 0, 0},
            {0, 0, 2.5, 2.5, 0},
            {0, 0, 0, 2.5, 2.5}};
    private static final double[][] M = {
            {1, 1, 0, 0, 1},
            {0, 1, 1, 0, 0},
            {0, 0, 1, 1, 0},
            {0, 0, 0, 1, 1}};
    private static final double H = 0.5;
    private static final double[][] PROXIMITY = {
            {0, H, 0, 0, H},
            {H, 0, H, 0, H},
            {0, H, 0, H, 0},
            {0, 0, H, 0, H},
            {H, H, 0, H, 0}};
    private static final double T = 1.0 / 3;
    private static final double[][] DENSITY = {
            {1, 2 * T, H, H, 2 * T},
            {H, T, H, H, T},
            {0, T, H, H, T},
            {H, T, H, H, T}};

    @Test
    void elementaryQuantitiesByHand() {
        DenseMatrix x = DenseMatrix.ofRows(X);
        DenseMatrix rca = ComplexityMath.rca(x);
        assertMatrix(rca, RCA, 1e-15);
        DenseMatrix m = ComplexityMath.mcp(rca, 1.0);
        assertMatrix(m, M, 0.0);
        assertThat(ComplexityMath.diversity(m)).containsExactly(3, 2, 2, 2);
        assertThat(ComplexityMath.ubiquity(m)).containsExactly(1, 2, 2, 2, 2);
        DenseMatrix phi = ComplexityMath.proximity(m);
        assertMatrix(phi, PROXIMITY, 0.0);
        assertThat(ComplexityMath.proximitySums(phi)).containsExactly(1, 1.5, 1, 1, 1.5);
        assertMatrix(ComplexityMath.density(m, phi), DENSITY, 1e-15);
    }

    @Test
    void theEngineReportsTheSameNumbers() {
        ComplexityResult r = EconomicComplexity.compute(DenseMatrix.ofRows(X));
        assertMatrix(r.rca(), RCA, 1e-15);
        assertMatrix(r.mcp(), M, 0.0);
        assertThat(r.diversity()).containsExactly(3, 2, 2, 2);
        assertThat(r.ubiquity()).containsExactly(1, 2, 2, 2, 2);
        assertMatrix(r.proximity(), PROXIMITY, 0.0);
        assertMatrix(r.density(), DENSITY, 1e-15);
        assertThat(r.zeroTotalLocations()).isEmpty();
        assertThat(r.zeroTotalProducts()).isEmpty();
        assertThat(r.locationsOutsideCore()).isEmpty();
        assertThat(r.productsOutsideCore()).isEmpty();
    }

    @Test
    void thresholdIsInclusive() {
        // rca exactly 1.25 at A,p2 and A,p5: in M at threshold 1.25 (rca ≥ threshold), out just above
        DenseMatrix rca = ComplexityMath.rca(DenseMatrix.ofRows(X));
        assertThat(ComplexityMath.mcp(rca, 1.25).get(0, 1)).isEqualTo(1.0);
        assertThat(ComplexityMath.mcp(rca, Math.nextUp(1.25)).get(0, 1)).isEqualTo(0.0);
    }

    static void assertMatrix(DenseMatrix actual, double[][] expected, double tolerance) {
        assertThat(actual.rows()).isEqualTo(expected.length);
        assertThat(actual.cols()).isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual.get(i, j)).as("(%d, %d)", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
