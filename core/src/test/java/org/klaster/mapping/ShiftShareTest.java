package org.klaster.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShiftShareTest {

    private static final double EPS = 1e-9;

    /*
     * Regions A, B × categories X, Y, Z.
     *   t0:  A-X 100  A-Y 50   B-X 50  B-Y 0   B-Z 0    E0 = 200, E_X0 = 150, E_Y0 = 50, E_Z0 = 0
     *   t1:  A-X 120  A-Y 40   B-X 70  B-Y 20  B-Z 10   E1 = 260, E_X1 = 190, E_Y1 = 60, E_Z1 = 10
     *   g = 260/200 − 1 = 0.3;  g_X = 190/150 − 1 = 4/15;  g_Y = 60/50 − 1 = 0.2;  g_Z undefined
     *
     *   A-X: change 20; national 100·0.3 = 30; mix 100·(4/15 − 3/10) = −10/3;
     *        regional 100·(120/100 − 1 − 4/15) = 100·(1/5 − 4/15) = −20/3;   30 − 10/3 − 20/3 = 20
     *   A-Y: change −10; national 15; mix 50·(0.2 − 0.3) = −5; regional 50·(−0.2 − 0.2) = −20
     *   B-X: change 20; national 15; mix 50·(4/15 − 0.3) = −5/3; regional 50·(0.4 − 4/15) = 20/3
     *   B-Y: E_rc0 = 0 → national 0, mix 0, regional = change = 20
     *   B-Z: E_c0 = 0 → national 0, mix 0, regional = change = 10
     */
    static final double[][] T0 = {{100, 50, 0}, {50, 0, 0}};
    static final double[][] T1 = {{120, 40, 0}, {70, 20, 10}};

    @Test
    void handComputedCase() {
        ShiftShare.Decomposition d = ShiftShare.decompose(T0, T1);
        assertCell(d, 0, 0, 100, 20, 30, -10.0 / 3, -20.0 / 3);
        assertCell(d, 0, 1, 50, -10, 15, -5, -20);
        assertCell(d, 1, 0, 50, 20, 15, -5.0 / 3, 20.0 / 3);
        assertCell(d, 1, 1, 0, 20, 0, 0, 20);
        assertCell(d, 1, 2, 0, 10, 0, 0, 10);
        assertCell(d, 0, 2, 0, 0, 0, 0, 0);
    }

    @Test
    void scalarFunctions() {
        assertThat(ShiftShare.growth(200, 260)).isCloseTo(0.3, within(1e-15));
        assertThat(ShiftShare.growth(0, 10)).isNaN();
        assertThat(ShiftShare.nationalEffect(100, 0.3)).isCloseTo(30, within(1e-12));
        assertThat(ShiftShare.nationalEffect(0, Double.NaN)).isZero();
        assertThat(ShiftShare.industryMix(0, Double.NaN, 0.3)).isZero();
        assertThat(ShiftShare.regionalEffect(20, 30, -10.0 / 3)).isCloseTo(-20.0 / 3, within(1e-12));
    }

    @Test
    void identityHoldsOnRandomData() {
        Random random = new Random(20240611L);
        int rows = 30;
        int cols = 17;
        double[][] e0 = new double[rows][cols];
        double[][] e1 = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // about one cell in five is 0 in each year, so births and deaths both occur
                e0[r][c] = random.nextDouble() < 0.2 ? 0 : random.nextDouble() * 1e5;
                e1[r][c] = random.nextDouble() < 0.2 ? 0 : random.nextDouble() * 1e5;
            }
        }
        // a category that is new in t1 (E_c0 = 0)
        for (int r = 0; r < rows; r++) {
            e0[r][cols - 1] = 0;
        }
        ShiftShare.Decomposition d = ShiftShare.decompose(e0, e1);

        // independent totals for the oracle
        double total0 = 0;
        double total1 = 0;
        double[] c0 = new double[cols];
        double[] c1 = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                total0 += e0[r][c];
                total1 += e1[r][c];
                c0[c] += e0[r][c];
                c1[c] += e1[r][c];
            }
        }
        double nationalSum = 0;
        int checkedAgainstFormula = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double change = e1[r][c] - e0[r][c];
                double scale = Math.max(e0[r][c], e1[r][c]);
                double sum = d.nationalEffect()[r][c] + d.industryMix()[r][c] + d.regionalEffect()[r][c];
                assertThat(d.change()[r][c]).isEqualTo(change);
                assertThat(sum).as("cell %d,%d", r, c).isCloseTo(change, within(1e-9 * Math.max(scale, 1)));
                nationalSum += d.nationalEffect()[r][c];
                if (e0[r][c] > 0) {
                    // the textbook form E_rc0·(g_rc − g_c), evaluated independently
                    double grc = e1[r][c] / e0[r][c] - 1;
                    double gc = c1[c] / c0[c] - 1;
                    assertThat(d.regionalEffect()[r][c]).isCloseTo(e0[r][c] * (grc - gc), within(1e-9 * scale));
                    assertThat(d.nationalEffect()[r][c])
                            .isCloseTo(e0[r][c] * (total1 / total0 - 1), within(1e-9 * scale));
                    checkedAgainstFormula++;
                } else {
                    assertThat(d.nationalEffect()[r][c]).isZero();
                    assertThat(d.industryMix()[r][c]).isZero();
                    assertThat(d.regionalEffect()[r][c]).isEqualTo(change);
                }
            }
        }
        assertThat(checkedAgainstFormula).isGreaterThan(300);
        // Σ national = g · E0 = E1 − E0
        assertThat(nationalSum).isCloseTo(total1 - total0, within(1e-9 * total1));
    }

    @Test
    void rejectsMismatchedOrNegativeInput() {
        assertThatThrownBy(() -> ShiftShare.decompose(new double[][] {{1}}, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShiftShare.decompose(new double[][] {{-1}}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertCell(ShiftShare.Decomposition d, int r, int c, double base, double change,
                                   double national, double mix, double regional) {
        assertThat(d.employmentBase()[r][c]).as("base %d,%d", r, c).isEqualTo(base);
        assertThat(d.change()[r][c]).as("change %d,%d", r, c).isEqualTo(change);
        assertThat(d.nationalEffect()[r][c]).as("national %d,%d", r, c).isCloseTo(national, within(EPS));
        assertThat(d.industryMix()[r][c]).as("mix %d,%d", r, c).isCloseTo(mix, within(EPS));
        assertThat(d.regionalEffect()[r][c]).as("regional %d,%d", r, c).isCloseTo(regional, within(EPS));
        assertThat(d.nationalEffect()[r][c] + d.industryMix()[r][c] + d.regionalEffect()[r][c])
                .as("identity %d,%d", r, c).isCloseTo(change, within(1e-12 * Math.max(1, Math.abs(change))));
    }
}
