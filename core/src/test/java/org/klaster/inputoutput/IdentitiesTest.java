package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.Naive;

/** Identities that must hold on any balanced productive table (random, several seeds, n = 40). */
class IdentitiesTest {

    static final int N = 40;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void leontiefInverseInvertsIMinusA(long seed) {
        LeontiefModel m = LeontiefModel.of(RandomTables.balanced(seed, N, false));
        DenseMatrix iMinusA = IoMath.identityMinus(m.technicalCoefficients());
        DenseMatrix l = m.leontiefInverse();
        assertThat(l.multiply(iMinusA).maxAbsDifference(DenseMatrix.identity(N))).isLessThan(1e-10);
        assertThat(iMinusA.multiply(l).maxAbsDifference(DenseMatrix.identity(N))).isLessThan(1e-10);
        // the cached inverse is the one returned again
        assertThat(m.leontiefInverse()).isSameAs(l);
        // and L agrees with the independent Gauss–Jordan oracle
        double[][] naive = Naive.inverse(Naive.identityMinus(m.technicalCoefficients().toRows()));
        assertThat(l.maxAbsDifference(DenseMatrix.ofRows(naive))).isLessThan(1e-12);
        // x = L·f reproduces total output
        double[] x = m.solve(m.finalDemand());
        assertThat(Naive.maxRelativeError(x, m.totalOutput(), 0)).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void multipliersAgreeWithExplicitInversesFromTheOracle(long seed) {
        IoTable t = RandomTables.balanced(seed, N, false);
        List<Multipliers.Row> rows = Multipliers.compute(t);
        double[] x = t.totalOutput();
        double[][] a = new double[N][N];
        double[][] b = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = t.intermediate().get(i, j) / x[j];
                b[i][j] = t.intermediate().get(i, j) / x[i];
            }
        }
        double[][] l = Naive.inverse(Naive.identityMinus(a));
        double[][] g = Naive.inverse(Naive.identityMinus(b));
        double[] colL = Naive.columnSums(l);
        double[] rowG = Naive.rowSums(g);
        double sumL = Naive.sum(colL);
        double sumG = Naive.sum(rowG);
        double[] m = new double[N];
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            m[j] = t.imports()[j] / x[j];
            v[j] = t.valueAdded()[j] / x[j];
        }
        double[] ic = Naive.multiplyLeft(m, l);
        double[] vm = Naive.multiplyLeft(v, l);
        for (int j = 0; j < N; j++) {
            Multipliers.Row r = rows.get(j);
            assertThat(r.outputMultiplier()).isCloseTo(colL[j], within(1e-12 * colL[j]));
            assertThat(r.backwardLinkage()).isCloseTo(N * colL[j] / sumL, within(1e-12));
            assertThat(r.forwardLinkage()).isCloseTo(N * rowG[j] / sumG, within(1e-12));
            assertThat(r.keySector()).isEqualTo(r.backwardLinkage() > 1 && r.forwardLinkage() > 1);
            assertThat(r.importContent()).isCloseTo(ic[j], within(1e-12));
            assertThat(r.valueAddedMultiplier()).isCloseTo(vm[j], within(1e-12));
            // balanced, no other primary inputs: every unit of final demand is paid out as imports or VA
            assertThat(r.importContent() + r.valueAddedMultiplier()).isCloseTo(1.0, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void ghoshInverseIsSimilarToLeontiefInverse(long seed) {
        // B = diag(x)⁻¹·A·diag(x)  ⇒  G = diag(x)⁻¹·L·diag(x), and pᵀG = xᵀ for balanced tables
        IoTable t = RandomTables.balanced(seed, N, true);
        LeontiefModel lm = LeontiefModel.of(t);
        GhoshModel gm = GhoshModel.of(lm);
        double[] x = lm.totalOutput();
        DenseMatrix l = lm.leontiefInverse();
        DenseMatrix g = gm.ghoshInverse();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertThat(g.get(i, j)).isCloseTo(l.get(i, j) * x[j] / x[i], within(1e-12 * Math.max(1, g.get(i, j))));
            }
        }
        double[] p = t.primaryInputs();
        assertThat(Naive.maxRelativeError(gm.solveTransposed(p), x, 0)).isLessThan(1e-12);
        assertThat(gm.spectralRadiusBound()).isLessThan(1.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {9, 10})
    void importRowAndImportMatrixGiveTheSameImportContent(long seed) {
        IoTable withMatrix = RandomTables.balanced(seed, N, true);
        IoTable withRow = withMatrix.withImports(withMatrix.importMatrix().columnSums(), null);
        List<Multipliers.Row> a = Multipliers.compute(withMatrix);
        List<Multipliers.Row> b = Multipliers.compute(withRow);
        for (int j = 0; j < N; j++) {
            assertThat(a.get(j).importContent()).isCloseTo(b.get(j).importContent(), within(1e-14));
            assertThat(a.get(j).importContent() + a.get(j).valueAddedMultiplier()).isCloseTo(1.0, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void shocksAreLinear(long seed) {
        IoTable t = RandomTables.balanced(seed, N, false);
        LeontiefModel lm = LeontiefModel.of(t);
        GhoshModel gm = GhoshModel.of(lm);
        Map<String, Double> r = RandomTables.rates(seed, lm.sectors(), 5);
        Map<String, Double> r2 = scaled(r, 2);
        assertLinear(DemandShock.apply(lm, r), DemandShock.apply(lm, r2));
        assertLinear(InputCutShock.apply(gm, r), InputCutShock.apply(gm, r2));
        assertLinear(Inoperability.apply(gm, r), Inoperability.apply(gm, r2));
        // additivity: shock(r + s) = shock(r) + shock(s)
        Map<String, Double> s = RandomTables.rates(seed + 100, lm.sectors(), 3);
        Map<String, Double> sum = new java.util.HashMap<>(r);
        s.forEach((k, v) -> sum.merge(k, v, Double::sum));
        double[] a = changes(DemandShock.apply(lm, r));
        double[] b = changes(DemandShock.apply(lm, s));
        double[] c = changes(DemandShock.apply(lm, sum));
        for (int i = 0; i < N; i++) {
            assertThat(c[i]).isCloseTo(a[i] + b[i], within(1e-10 * (Math.abs(a[i]) + Math.abs(b[i]) + 1)));
        }
    }

    private static Map<String, Double> scaled(Map<String, Double> r, double k) {
        Map<String, Double> s = new java.util.LinkedHashMap<>();
        r.forEach((key, v) -> s.put(key, k * v));
        return s;
    }

    private static double[] changes(ShockResult r) {
        return r.rows().stream().mapToDouble(ShockResult.Row::outputChange).toArray();
    }

    private static void assertLinear(ShockResult once, ShockResult twice) {
        double[] a = changes(once);
        double[] b = changes(twice);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(2 * a[i], within(1e-10 * Math.max(1, Math.abs(2 * a[i]))));
        }
        assertThat(twice.total().outputChange()).isCloseTo(2 * once.total().outputChange(),
                within(1e-10 * Math.max(1, Math.abs(once.total().outputChange()))));
    }
}
