package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.linalg.DenseMatrix;

/**
 * Leakage and localisation against a hand computation (a region of three sectors, the third of which it does not
 * have) and against the identity the new output must satisfy: x′ = R′x′ + f with the old final demand f = (I − R)x.
 */
class LocalisationTest {

    static final double EXACT = 1e-12;

    // regional coefficients; sector 2 does not exist in the region (x_2 = 0, so its row and column are 0)
    static final DenseMatrix R = DenseMatrix.ofRows(new double[][] {
        {0.10, 0.20, 0},
        {0.05, 0.10, 0},
        {0, 0, 0}});
    static final double[] X = {100, 200, 0};
    // bought outside the region: o_ij, money
    static final DenseMatrix OUTSIDE = DenseMatrix.ofRows(new double[][] {
        {10, 30, 0},
        {0, 20, 0},
        {4, 5, 0}});

    @Test
    void leakageIsTheBuyersOutsidePurchasesByProduct() {
        assertThat(Localisation.leakage(OUTSIDE, new int[] {1})).containsExactly(30, 20, 5);
        assertThat(Localisation.leakage(OUTSIDE, new int[] {0, 1})).containsExactly(40, 20, 9);
        assertThat(Localisation.leakage(OUTSIDE, new int[] {})).containsExactly(0, 0, 0);
    }

    @Test
    void halfOfSectorOnesOutsidePurchasesByHand() {
        Localisation.Outcome o = Localisation.localise(R, OUTSIDE, X, new int[] {1}, 0.5);
        // d_01 = 30/200 = 0.15, d_11 = 20/200 = 0.1 → r′_01 = 0.2 + 0.075 = 0.275, r′_11 = 0.1 + 0.05 = 0.15;
        // product 2 is not made in the region: its 5 stays outside
        assertThat(o.localCoefficients().get(0, 1)).isCloseTo(0.275, within(EXACT));
        assertThat(o.localCoefficients().get(1, 1)).isCloseTo(0.15, within(EXACT));
        assertThat(o.localCoefficients().get(2, 1)).isZero();
        assertThat(o.notLocalisable()).containsExactly(0, 0, 5);
        // (R′ − R)x = (0.075·200, 0.05·200) = (15, 10); I − R′ = [[0.9, −0.275], [−0.05, 0.85]], det = 0.75125
        // Δx_0 = (0.85·15 + 0.275·10)/0.75125 = 15.5/0.75125; Δx_1 = (0.05·15 + 0.9·10)/0.75125 = 9.75/0.75125
        assertThat(o.outputChange()[0]).isCloseTo(15.5 / 0.75125, within(1e-10));
        assertThat(o.outputChange()[1]).isCloseTo(9.75 / 0.75125, within(1e-10));
        assertThat(o.outputChange()[2]).isZero();
        // replaced at the new output of the buyer: θ·o_i1·x′_1/x_1
        double grown = (200 + 9.75 / 0.75125) / 200;
        assertThat(o.replaced()[0]).isCloseTo(0.5 * 30 * grown, within(1e-10));
        assertThat(o.replaced()[1]).isCloseTo(0.5 * 20 * grown, within(1e-10));
        assertThat(o.replaced()[2]).isZero();
        assertThat(o.totalReplaced()).isCloseTo(0.5 * 50 * grown, within(1e-10));
        // value added and jobs per unit of output
        assertThat(o.change(new double[] {0.4, 0.5, Double.NaN}))
                .containsExactly(new double[] {0.4 * 15.5 / 0.75125, 0.5 * 9.75 / 0.75125, 0.0}, within(1e-10));
    }

    @Test
    void theNewOutputMeetsTheOldFinalDemandWithTheNewCoefficients() {
        DenseMatrix r = coefficients(12, 0.6, 7);
        DenseMatrix outside = coefficients(12, 0.3, 8);
        double[] x = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = 50 + 10 * i;
        }
        double[] outsideFlows = outside.data();
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) {
                outsideFlows[i + j * 12] *= x[j];
            }
        }
        Localisation.Outcome o = Localisation.localise(r, outside, x, new int[] {2, 5, 7}, 0.3);
        double[] f = minus(x, times(r, x));
        double[] xNew = new double[12];
        for (int i = 0; i < 12; i++) {
            xNew[i] = x[i] + o.outputChange()[i];
        }
        double[] fNew = minus(xNew, times(o.localCoefficients(), xNew));
        for (int i = 0; i < 12; i++) {
            assertThat(fNew[i]).as("final demand of " + i).isCloseTo(f[i], within(1e-9 * x[i]));
            // more bought inside never lowers anyone's output
            assertThat(o.outputChange()[i]).isGreaterThanOrEqualTo(-1e-12);
        }
        // nothing localised, nothing changes
        Localisation.Outcome none = Localisation.localise(r, outside, x, new int[] {2, 5, 7}, 0);
        assertThat(none.outputChange()).containsOnly(0.0);
        assertThat(none.totalReplaced()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAndAnUnproductiveResultNamed() {
        assertThatThrownBy(() -> Localisation.localise(R, OUTSIDE, X, new int[] {1}, 1.5))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("between 0 and 1").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Localisation.localise(R, OUTSIDE, X, new int[] {1}, Double.NaN))
                .isInstanceOf(InvalidParameterException.class);
        // buying everything inside at these outside flows would need more than a unit of input per unit of output
        DenseMatrix huge = DenseMatrix.ofRows(new double[][] {{0, 400, 0}, {0, 0, 0}, {0, 0, 0}});
        DenseMatrix r = DenseMatrix.ofRows(new double[][] {{0.5, 0.2, 0}, {0.6, 0.1, 0}, {0, 0, 0}});
        assertThatThrownBy(() -> Localisation.localise(r, huge, X, new int[] {1}, 1))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("not productive");
    }

    /** Random nonnegative coefficients, every column summing to {@code columnSum}. */
    private static DenseMatrix coefficients(int n, double columnSum, long seed) {
        java.util.Random random = new java.util.Random(seed);
        DenseMatrix m = new DenseMatrix(n, n);
        for (int j = 0; j < n; j++) {
            double[] c = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                c[i] = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
                total += c[i];
            }
            for (int i = 0; i < n; i++) {
                m.set(i, j, total > 0 ? columnSum * c[i] / total : 0);
            }
        }
        return m;
    }

    private static double[] times(DenseMatrix m, double[] v) {
        int n = v.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i] += m.get(i, j) * v[j];
            }
        }
        return r;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }
}
