package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.Naive;

class ShockTest {

    static final int N = 25;

    private static double[][] technical(IoTable t) {
        double[] x = t.totalOutput();
        double[][] a = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = t.intermediate().get(i, j) / x[j];
            }
        }
        return a;
    }

    private static double[] changes(ShockResult r) {
        return r.rows().stream().mapToDouble(ShockResult.Row::outputChange).toArray();
    }

    @Test
    void demandShockScalesEveryFinalDemandColumnOfTheListedSectors() {
        IoTable t = RandomTables.balanced(21, N, false);
        Map<String, Double> rates = Map.of("S03", -0.2, "S10", 0.1);
        // oracle: f' from the F matrix column by column, Δx = (I − A)⁻¹(f' − f) by Gauss–Jordan
        double[] df = new double[N];
        for (int i : new int[] {2, 9}) {
            double r = i == 2 ? -0.2 : 0.1;
            for (int k = 0; k < t.finalDemand().cols(); k++) {
                df[i] += (1 + r) * t.finalDemand().get(i, k) - t.finalDemand().get(i, k);
            }
        }
        double[] expected = Naive.solve(Naive.identityMinus(technical(t)), df);
        ShockResult result = DemandShock.apply(t, rates);
        assertThat(Naive.maxRelativeError(changes(result), expected, 1e-6)).isLessThan(1e-10);
        double[] x = t.totalOutput();
        for (int i = 0; i < N; i++) {
            ShockResult.Row row = result.rows().get(i);
            assertThat(row.baselineOutput()).isEqualTo(x[i]);
            assertThat(row.outputChangePct()).isCloseTo(100 * row.outputChange() / x[i], within(1e-12));
        }
        assertThat(result.total().outputChange()).isCloseTo(Naive.sum(expected), within(1e-9));
        assertThat(result.total().baselineOutput()).isCloseTo(Naive.sum(x), within(1e-9));
    }

    @Test
    void inputCutFollowsTheGhoshModel() {
        IoTable t = RandomTables.balanced(22, N, true);
        double[] x = t.totalOutput();
        double[][] b = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                b[i][j] = t.intermediate().get(i, j) / x[i];
            }
        }
        double[][] g = Naive.inverse(Naive.identityMinus(b));
        // imported inputs of using sector j = column sum of the import matrix; Δp_j = −r_j·imports_j
        double[] imports = t.importMatrix().columnSums();
        double[] dp = new double[N];
        dp[4] = -0.5 * imports[4];
        dp[7] = -0.25 * imports[7];
        double[] expected = Naive.multiplyLeft(dp, g);
        ShockResult result = InputCutShock.apply(t, Map.of("S05", 0.5, "S08", 0.25));
        assertThat(Naive.maxRelativeError(changes(result), expected, 1e-6)).isLessThan(1e-10);
        // a cut only lowers output (G ≥ 0)
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.outputChange()).isLessThanOrEqualTo(0.0));
    }

    @Test
    void inoperabilityFollowsSantosHaimesAndEqualsALeontiefLoss() {
        IoTable t = RandomTables.balanced(23, N, false);
        double[] x = t.totalOutput();
        double[][] a = technical(t);
        // A* = diag(x)⁻¹·A·diag(x) by the formula, q = (I − A*)⁻¹c*, Δx = −q∘x
        double[][] aStar = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                aStar[i][j] = a[i][j] * x[j] / x[i];
            }
        }
        double[] c = new double[N];
        c[0] = 0.3;
        c[12] = 0.05;
        double[] q = Naive.solve(Naive.identityMinus(aStar), c);
        double[] expected = new double[N];
        for (int i = 0; i < N; i++) {
            expected[i] = -q[i] * x[i];
        }
        ShockResult result = Inoperability.apply(t, Map.of("S01", 0.3, "S13", 0.05));
        double[] dx = changes(result);
        assertThat(Naive.maxRelativeError(dx, expected, 1e-6)).isLessThan(1e-10);
        // identity: Δx = −L·(c ∘ x)
        double[] cx = new double[N];
        for (int i = 0; i < N; i++) {
            cx[i] = -c[i] * x[i];
        }
        double[] viaLeontief = LeontiefModel.of(t).solve(cx);
        assertThat(Naive.maxRelativeError(dx, viaLeontief, 1e-6)).isLessThan(1e-10);
        // IoMath's A* equals B up to rounding
        DenseMatrix formula = IoMath.inoperabilityCoefficients(DenseMatrix.ofRows(a), x);
        assertThat(formula.maxAbsDifference(IoMath.allocationCoefficients(t.intermediate(), x))).isLessThan(1e-15);
    }

    @Test
    void badShockArguments() {
        IoTable t = MillerBlairExampleTest.table();
        assertThatThrownBy(() -> DemandShock.apply(t, Map.of("S9", 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown sector S9");
        assertThatThrownBy(() -> DemandShock.apply(t, Map.of("S1", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S1");
        assertThatThrownBy(() -> InputCutShock.apply(t, Map.of("S1", 0.1)))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("input cut needs imports");
        ShockResult none = DemandShock.apply(t, Map.of());
        assertThat(none.total().outputChange()).isZero();
        assertThat(none.rows()).extracting(ShockResult.Row::sector).containsExactly("S1", "S2");
        // the column names live in the app's analysis layer (ShockAnalysis), not in the engine
        assertThat(List.of(ShockResult.TOTAL)).containsExactly("TOTAL");
    }
}
