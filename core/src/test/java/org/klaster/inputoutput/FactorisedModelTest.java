package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;
import org.klaster.linalg.SpectralRadius;

/**
 * The models build I − C in one pass from the table's Z (no copy of Z, C formed lazily). The oracle
 * is the textbook route — select the active part of Z, form C with {@link IoMath}, then I − C — which
 * must give bit-for-bit the same matrix and the same norm bound.
 */
class FactorisedModelTest {

    private static void assertSameAsTextbookRoute(IoTable t) {
        ActiveTable active = ActiveTable.of(t);
        DenseMatrix z = t.intermediate().select(active.index, active.index);
        for (FactorisedModel.Kind kind : FactorisedModel.Kind.values()) {
            DenseMatrix c = kind == FactorisedModel.Kind.TECHNICAL ? IoMath.technicalCoefficients(z, active.x)
                    : IoMath.allocationCoefficients(z, active.x);
            double[] bound = new double[1];
            DenseMatrix direct = FactorisedModel.identityMinusCoefficients(active, kind, bound);
            assertThat(direct.data()).as(kind.name()).containsExactly(IoMath.identityMinus(c).data());
            assertThat(bound[0]).as(kind.name()).isEqualTo(SpectralRadius.normBound(c));
        }
    }

    @Test
    void identityMinusCoefficientsMatchesTheTextbookRoute() {
        assertSameAsTextbookRoute(RandomTables.balanced(7, 25, false));
        assertSameAsTextbookRoute(RandomTables.balanced(8, 12, true));
        assertSameAsTextbookRoute(MillerBlairExampleTest.table());
    }

    @Test
    void inactiveSectorsAreSkippedWithoutCopyingZ() {
        IoTable t = InactiveSectorTest.withIdleMiddleSector();
        assertSameAsTextbookRoute(t);
        double[] bound = new double[1];
        DenseMatrix iMinusA = FactorisedModel.identityMinusCoefficients(ActiveTable.of(t),
                FactorisedModel.Kind.TECHNICAL, bound);
        // Miller & Blair: A = [[.15 .25] [.20 .05]] for x = (1000, 2000)
        assertThat(iMinusA.toRows()).isDeepEqualTo(new double[][] {{1 - 0.15, -0.25}, {-0.2, 1 - 0.05}});
        assertThat(bound[0]).isEqualTo(0.35);
    }

    @Test
    void coefficientMatricesAreFormedOnlyWhenAskedForAndMatchIoMath() {
        IoTable t = RandomTables.balanced(11, 15, false);
        LeontiefModel m = LeontiefModel.of(t);
        double[] x = t.totalOutput();
        assertThat(m.technicalCoefficients().data())
                .containsExactly(IoMath.technicalCoefficients(t.intermediate(), x).data());
        assertThat(m.technicalCoefficients()).isSameAs(m.technicalCoefficients());
        GhoshModel g = GhoshModel.of(m);
        assertThat(g.allocationCoefficients().data())
                .containsExactly(IoMath.allocationCoefficients(t.intermediate(), x).data());
    }

    @Test
    void matrixIsNotMaterialisedWhenTheNormBoundDecides() {
        DenseMatrix a = DenseMatrix.ofRows(new double[][] {{0.1, 0.2}, {0.3, 0.1}});
        LuDecomposition lu = LuDecomposition.of(IoMath.identityMinus(a));
        AtomicInteger calls = new AtomicInteger();
        double bound = Productivity.check(0.4, () -> {
            calls.incrementAndGet();
            return a;
        }, lu, "A");
        assertThat(bound).isEqualTo(0.4);
        assertThat(calls).hasValue(0);
        // norm bound ≥ 1 but productive: the certificate (needs the matrix once) proves ρ < 1
        DenseMatrix b = DenseMatrix.ofRows(new double[][] {{0.0, 1.5}, {0.1, 0.0}}); // ρ = √0.15 ≈ 0.387
        LuDecomposition lub = LuDecomposition.of(IoMath.identityMinus(b));
        double cert = Productivity.check(SpectralRadius.normBound(b), () -> {
            calls.incrementAndGet();
            return b;
        }, lub, "A");
        assertThat(calls).hasValue(1);
        assertThat(cert).isBetween(Math.sqrt(0.15), 1.0);
    }

    @Test
    void nonProductiveTableStillNamesTheSpectralRadius() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{6, 6}, {6, 3}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{-2}, {1}});
        IoTable t = IoTable.of(List.of("S1", "S2"), z, List.of("fd:total"), f);
        // x = (10, 10); A = [[.6 .6] [.6 .3]]; ρ = (0.9 + √(0.09 + 1.44))/2 = 1.0685
        double rho = (0.9 + Math.sqrt(0.09 + 1.44)) / 2;
        assertThatThrownBy(() -> LeontiefModel.of(t)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.2f", rho));
    }

    /**
     * Forward linkages from the Leontief LU alone (G·1 = D⁻¹·L·x) against the Ghosh model's own
     * factorisation of I − B, and against G·1 summed from the explicit inverse of I − B.
     */
    @Test
    void ghoshRowSumsFromTheLeontiefFactorisation() {
        for (IoTable t : List.of(RandomTables.balanced(21, 40, false), RandomTables.balanced(22, 9, true),
                InactiveSectorTest.withIdleMiddleSector(), GhoshThreeSectorTest.table())) {
            LeontiefModel m = LeontiefModel.of(t);
            GhoshModel g = GhoshModel.of(m);
            double[] viaLeontief = Multipliers.ghoshRowSums(m);
            double[] viaGhosh = g.rowSums();
            double[] explicit = g.ghoshInverse().rowSums();
            for (int i = 0; i < viaGhosh.length; i++) {
                assertThat(viaLeontief[i]).isCloseTo(viaGhosh[i], org.assertj.core.api.Assertions.within(1e-12 * viaGhosh[i]));
                assertThat(viaLeontief[i]).isCloseTo(explicit[i], org.assertj.core.api.Assertions.within(1e-12 * explicit[i]));
            }
            List<Multipliers.Row> one = Multipliers.compute(m);
            List<Multipliers.Row> two = Multipliers.compute(m, g);
            for (int i = 0; i < one.size(); i++) {
                Multipliers.Row a = one.get(i);
                Multipliers.Row b = two.get(i);
                assertThat(a.forwardLinkage()).isCloseTo(b.forwardLinkage(),
                        org.assertj.core.api.Assertions.within(Double.isNaN(b.forwardLinkage()) ? 0 : 1e-12));
                assertThat(a.keySector()).isEqualTo(b.keySector());
                assertThat(Double.valueOf(a.outputMultiplier())).isEqualTo(Double.valueOf(b.outputMultiplier()));
            }
        }
    }
}
