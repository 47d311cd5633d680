package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

/**
 * Identities the method implies, checked on random matrices (wide: eigenproblem on the location
 * side; tall: on the product side) and on hand-made edge cases. Tolerances are stated per check;
 * the sums involved have at most a few hundred terms of size ≤ 10, so 1e-12 is generous rounding.
 */
class EconomicComplexityPropertiesTest {

    private static final double TOL = 1e-12;

    /** Random nonnegative values, about 40% zeros, every row and column with a positive total. */
    static DenseMatrix random(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        DenseMatrix x = new DenseMatrix(rows, cols);
        for (int c = 0; c < rows; c++) {
            for (int p = 0; p < cols; p++) {
                if (rnd.nextDouble() > 0.4 || p == c % cols || c == p % rows) {
                    x.set(c, p, Math.exp(3 * rnd.nextGaussian()));
                }
            }
        }
        return x;
    }

    private static final DenseMatrix WIDE = random(15, 40, 1);
    private static final DenseMatrix TALL = random(40, 15, 2);

    @Test
    void standardisedEciHasLongTableMeanZeroAndSampleSdOne() {
        for (DenseMatrix x : new DenseMatrix[] {WIDE, TALL}) {
            ComplexityResult r = EconomicComplexity.compute(x);
            assertThat(r.locationsOutsideCore()).isEmpty();
            int c = x.rows();
            int p = x.cols();
            double mean = 0.0;
            double ss = 0.0;
            for (double e : r.eci()) {
                mean += e / c;
            }
            for (double e : r.eci()) {
                ss += p * (e - mean) * (e - mean);   // each location repeats once per product
            }
            assertThat(mean).isCloseTo(0.0, within(TOL));
            assertThat(ss / (c * p - 1)).isCloseTo(1.0, within(TOL));
            // COI likewise
            double coiMean = 0.0;
            double coiSs = 0.0;
            for (double v : r.coi()) {
                coiMean += v / c;
            }
            for (double v : r.coi()) {
                coiSs += p * (v - coiMean) * (v - coiMean);
            }
            assertThat(coiMean).isCloseTo(0.0, within(TOL));
            assertThat(coiSs / (c * p - 1)).isCloseTo(1.0, within(TOL));
        }
    }

    /**
     * The reflections: eci_c = (1/k_c) Σ_p M_cp pci_p (raw, and — being affine with the same
     * mean and sd — standardised too), and raw pci_p = (1/λ2)(1/k_p) Σ_c M_cp raw eci_c; hence
     * raw pci solves the original non-symmetric problem D_p⁻¹·Mᵀ·D_c⁻¹·M·pci = λ2·pci, checked
     * here with plain loops (no BLAS/LAPACK).
     */
    @Test
    void eciIsTheMeanPciOfALocationsProductsAndPciSolvesTheProductEigenproblem() {
        for (DenseMatrix x : new DenseMatrix[] {WIDE, TALL}) {
            ComplexityResult r = EconomicComplexity.compute(x);
            DenseMatrix m = r.mcp();
            int nc = m.rows();
            int np = m.cols();
            double lambda = r.secondEigenvalue();
            for (int c = 0; c < nc; c++) {
                double raw = 0.0;
                double std = 0.0;
                for (int p = 0; p < np; p++) {
                    raw += m.get(c, p) * r.pciRaw()[p] / r.diversity()[c];
                    std += m.get(c, p) * r.pci()[p] / r.diversity()[c];
                }
                assertThat(r.eciRaw()[c]).isCloseTo(raw, within(TOL));
                assertThat(r.eci()[c]).isCloseTo(std, within(TOL));
            }
            double norm = 0.0;
            for (int p = 0; p < np; p++) {
                double back = 0.0;
                for (int c = 0; c < nc; c++) {
                    back += m.get(c, p) * r.eciRaw()[c];
                }
                assertThat(r.pciRaw()[p]).isCloseTo(back / r.ubiquity()[p] / lambda, within(TOL));
                norm += r.pciRaw()[p] * r.pciRaw()[p];
            }
            assertThat(norm).isCloseTo(1.0, within(TOL));
            assertThat(lambda).isLessThan(1.0 - 1e-6);
            assertThat(r.firstEigenvalue()).isCloseTo(1.0, within(TOL));
        }
    }

    @Test
    void eciCorrelatesPositivelyWithDiversity() {
        for (long seed = 3; seed < 8; seed++) {
            ComplexityResult r = EconomicComplexity.compute(random(12, 20, seed));
            assertThat(ComplexityMath.correlation(r.eci(), r.diversity())).isPositive();
        }
    }

    /** The trivial eigenpair: S = D_c^-½·M·D_p⁻¹·Mᵀ·D_c^-½ has λ = 1 with eigenvector ∝ (√k_c). */
    @Test
    void largestEigenvalueIsOneWithTheSquareRootDiversityVector() {
        DenseMatrix m = ComplexityMath.mcp(ComplexityMath.rca(WIDE), 1.0);
        checkTrivialPair(ComplexityMath.locationSimilarMatrix(m), ComplexityMath.diversity(m));
        checkTrivialPair(ComplexityMath.productSimilarMatrix(m), ComplexityMath.ubiquity(m));
    }

    private static void checkTrivialPair(DenseMatrix s, int[] k) {
        SymmetricEigen.Pairs top = SymmetricEigen.largest(s, 2);
        assertThat(top.values()[0]).isCloseTo(1.0, within(TOL));
        assertThat(top.values()[1]).isLessThan(1.0 - 1e-6);
        double norm = 0.0;
        for (int v : k) {
            norm += v;
        }
        double[] u = top.vector(0);
        double sign = Math.signum(u[0]);
        for (int i = 0; i < k.length; i++) {
            assertThat(sign * u[i]).isCloseTo(Math.sqrt(k[i] / norm), within(TOL));
        }
    }

    @Test
    void resultsDoNotDependOnTheOrderOfProductsOrLocations() {
        DenseMatrix x = WIDE;
        int nc = x.rows();
        int np = x.cols();
        int[] rowPerm = permutation(nc, 11);
        int[] colPerm = permutation(np, 12);
        ComplexityResult a = EconomicComplexity.compute(x);
        ComplexityResult b = EconomicComplexity.compute(x.select(rowPerm, colPerm));
        for (int i = 0; i < nc; i++) {
            int c = rowPerm[i];
            assertThat(b.eci()[i]).isCloseTo(a.eci()[c], within(TOL));
            assertThat(b.coi()[i]).isCloseTo(a.coi()[c], within(TOL));
            assertThat(b.diversity()[i]).isEqualTo(a.diversity()[c]);
            for (int j = 0; j < np; j++) {
                int p = colPerm[j];
                assertThat(b.rca().get(i, j)).isCloseTo(a.rca().get(c, p), within(TOL * a.rca().get(c, p)));
                assertThat(b.density().get(i, j)).isCloseTo(a.density().get(c, p), within(TOL));
                assertThat(b.cog().get(i, j)).isCloseTo(a.cog().get(c, p), within(TOL));
            }
        }
        for (int j = 0; j < np; j++) {
            assertThat(b.pci()[j]).isCloseTo(a.pci()[colPerm[j]], within(TOL));
        }
    }

    @Test
    void proximityIsSymmetricInTheUnitIntervalAndDensityLiesInIt() {
        for (DenseMatrix x : new DenseMatrix[] {WIDE, TALL}) {
            ComplexityResult r = EconomicComplexity.compute(x);
            DenseMatrix phi = r.proximity();
            for (int p = 0; p < phi.rows(); p++) {
                assertThat(phi.get(p, p)).isZero();
                for (int q = 0; q < phi.cols(); q++) {
                    assertThat(phi.get(p, q)).isEqualTo(phi.get(q, p)).isBetween(0.0, 1.0);
                }
            }
            for (int c = 0; c < x.rows(); c++) {
                for (int p = 0; p < x.cols(); p++) {
                    assertThat(r.density().get(c, p)).isBetween(0.0, 1.0 + 1e-15);
                    if (r.mcp().get(c, p) == 1.0) {
                        assertThat(r.cog().get(c, p)).isZero();   // no gain from what one has
                    }
                }
            }
        }
    }

    /**
     * Left-out cases on the hand example extended by: location E exporting only p6, which nobody
     * else exports (E and p6 form their own group: p6 is related to nothing); location F and product
     * p7 with zero totals. X becomes 110, so every RCA of A–D is the hand value × 1.1 and M on A–D
     * is unchanged; the core A–D × p1–p5 is the hand example's, so raw ECI/PCI are its values.
     * The long table now has P = 6 products with a positive total (p1–p6), hence
     * sd = √(6·Σ(e − ē)² / (4·6 − 1)) = sd_hand·√((6/23)·(19/5)).
     */
    @Test
    void zeroTotalsAndDisconnectedPartsAreLeftOutAndReported() {
        double[][] h = ComplexityHandExampleTest.X;
        double[][] x = new double[6][7];
        for (int c = 0; c < 4; c++) {
            System.arraycopy(h[c], 0, x[c], 0, 5);
        }
        x[4][5] = 10;   // E, p6
        ComplexityResult r = EconomicComplexity.compute(DenseMatrix.ofRows(x));
        ComplexityResult hand = EconomicComplexity.compute(DenseMatrix.ofRows(h));
        assertThat(r.zeroTotalLocations()).containsExactly(5);
        assertThat(r.zeroTotalProducts()).containsExactly(6);
        assertThat(r.locationsOutsideCore()).containsExactly(4);
        assertThat(r.productsOutsideCore()).containsExactly(5);
        assertThat(r.rca().get(0, 0)).isCloseTo(2.5 * 1.1, within(TOL));
        assertThat(r.rca().get(4, 5)).isCloseTo(11.0, within(TOL));   // (10/10)/(10/110)
        assertThat(r.diversity()).containsExactly(3, 2, 2, 2, 1, Double.NaN);
        assertThat(r.ubiquity()).containsExactly(1, 2, 2, 2, 2, 1, Double.NaN);
        for (int c = 0; c < 4; c++) {
            assertThat(r.eciRaw()[c]).isCloseTo(hand.eciRaw()[c], within(TOL));
            for (int p = 0; p < 5; p++) {
                assertThat(r.density().get(c, p)).isCloseTo(hand.density().get(c, p), within(TOL));
            }
        }
        assertThat(r.eciSd()).isCloseTo(hand.eciSd() * Math.sqrt(6.0 / 23 * 19 / 5), within(TOL));
        // undefined exactly where documented
        assertThat(r.eci()[4]).isNaN();
        assertThat(r.eci()[5]).isNaN();
        assertThat(r.coi()[4]).isNaN();
        assertThat(r.pci()[5]).isNaN();
        assertThat(r.pci()[6]).isNaN();
        for (int c = 0; c < 6; c++) {
            assertThat(r.density().get(c, 5)).isNaN();   // p6 is related to nothing: Σφ = 0
            assertThat(r.density().get(c, 6)).isNaN();   // p7 left out
        }
        for (int p = 0; p < 5; p++) {
            assertThat(r.density().get(4, p)).isZero();   // E holds nothing related to p1–p5
            assertThat(r.density().get(5, p)).isNaN();    // F left out
            assertThat(r.cog().get(4, p)).isNaN();
        }
        // every number of the core is finite
        for (int c = 0; c < 4; c++) {
            assertThat(r.eci()[c]).isFinite();
            assertThat(r.coi()[c]).isFinite();
            for (int p = 0; p < 5; p++) {
                assertThat(r.cog().get(c, p)).isFinite();
            }
        }
    }

    /**
     * With threshold 2 on the hand example plus a location G exporting 5 of each product
     * (rca_G,p = (5/25)/(25/125) = 1 for every p, below 2): G has diversity 0 and no ECI. A keeps only
     * p1 (rca 2.5; its p2, p5 have 1.25) and nobody else holds p1, so A and p1 are a group of their
     * own, outside the core B–D × p2–p5.
     */
    @Test
    void aLocationWithNoRcaAboveTheThresholdHasNoEci() {
        double[][] h = ComplexityHandExampleTest.X;
        double[][] x = new double[5][];
        System.arraycopy(h, 0, x, 0, 4);
        x[4] = new double[] {5, 5, 5, 5, 5};
        ComplexityResult r = EconomicComplexity.compute(DenseMatrix.ofRows(x), 2.0);
        // X = 125, x_p = 25: rca = x_cp·125/(x_c·25); A: 20·5/40 = 2.5, 10·5/40 = 1.25; B–D: 10·5/20 = 2.5
        assertThat(r.rca().get(4, 0)).isCloseTo(1.0, within(TOL));
        assertThat(r.diversity()).containsExactly(1, 2, 2, 2, 0);
        assertThat(r.locationsOutsideCore()).containsExactly(0, 4);
        assertThat(r.productsOutsideCore()).containsExactly(0);
        assertThat(r.eci()[4]).isNaN();
        assertThat(r.eci()[0]).isNaN();
        for (int p = 1; p < 5; p++) {
            assertThat(r.density().get(4, p)).isZero();
        }
        assertThat(r.density().get(1, 0)).isNaN();   // p1 co-occurs with nothing at threshold 2
        assertThat(r.eci()[1]).isFinite();
    }

    @Test
    void impossibleAnalysesAndBadInputAreRejected() {
        // one product only: no second eigenvector
        assertThatThrownBy(() -> EconomicComplexity.compute(DenseMatrix.ofRows(new double[][] {{1}, {2}})))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("at least 2 locations and 2 products");
        // identical product mixes: M all ones, the second eigenvalue is 0
        assertThatThrownBy(() -> EconomicComplexity.compute(DenseMatrix.ofRows(new double[][] {{1, 2}, {2, 4}})))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("second eigenvalue");
        assertThatThrownBy(() -> EconomicComplexity.compute(new DenseMatrix(2, 2)))
                .isInstanceOf(AnalysisException.class);
        assertThatThrownBy(() -> EconomicComplexity.compute(DenseMatrix.ofRows(new double[][] {{1, -1}, {1, 1}})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EconomicComplexity.compute(DenseMatrix.ofRows(new double[][] {{1, Double.NaN}, {1, 1}})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EconomicComplexity.compute(WIDE, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
