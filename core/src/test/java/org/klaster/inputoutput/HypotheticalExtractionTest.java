package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.LuDecomposition;
import org.klaster.linalg.Naive;

/** Sherman–Morrison extraction against the naive way: one fresh factorisation per sector. */
class HypotheticalExtractionTest {

    @ParameterizedTest
    @ValueSource(ints = {7, 60, 300})   // 300 > one block of right-hand sides
    void shermanMorrisonMatchesRefactorisation(int n) {
        IoTable t = RandomTables.balanced(31 + n, n, n % 2 == 0);
        double[] x = t.totalOutput();
        double[] f = t.finalDemand().rowSums();
        double[] p = t.primaryInputs();
        DenseMatrix a = IoMath.technicalCoefficients(t.intermediate(), x);
        DenseMatrix b = IoMath.allocationCoefficients(t.intermediate(), x);
        double sumX = Naive.sum(x);
        List<HypotheticalExtraction.Row> rows = HypotheticalExtraction.compute(t);
        for (int j = 0; j < n; j++) {
            // backward: zero column j of A, x̄ = (I − Ā)⁻¹f with a fresh LU
            DenseMatrix aBar = a.copy();
            for (int i = 0; i < n; i++) {
                aBar.set(i, j, 0.0);
            }
            double[] xBar = LuDecomposition.of(IoMath.identityMinus(aBar)).solve(f);
            double backward = sumX - Naive.sum(xBar);
            // forward: zero row j of B, x̄ᵀ = pᵀ(I − B̄)⁻¹
            DenseMatrix bBar = b.copy();
            for (int k = 0; k < n; k++) {
                bBar.set(j, k, 0.0);
            }
            double[] xBarF = LuDecomposition.of(IoMath.identityMinus(bBar)).solveTransposed(p);
            double forward = sumX - Naive.sum(xBarF);   // Σ(pᵀG) = Σx for a balanced table

            HypotheticalExtraction.Row r = rows.get(j);
            assertThat(r.sector()).isEqualTo(t.sectors().get(j));
            assertThat(r.backwardExtractionLoss()).isCloseTo(backward, within(1e-9 * Math.abs(backward)));
            assertThat(r.forwardExtractionLoss()).isCloseTo(forward, within(1e-9 * Math.abs(forward)));
            assertThat(r.backwardExtractionLossPct()).isCloseTo(100 * backward / sumX, within(1e-9 * Math.abs(100 * backward / sumX)));
            assertThat(r.forwardExtractionLossPct()).isCloseTo(100 * forward / sumX, within(1e-9 * Math.abs(100 * forward / sumX)));
            assertThat(backward).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42})
    void forwardLossIsMeasuredFromPrimaryInputsTimesG(long seed) {
        // balanced: Σ(pᵀG) equals Σx, so the forward loss is also Σx − Σx̄
        IoTable t = RandomTables.balanced(seed, 30, false);
        GhoshModel g = GhoshModel.of(t);
        double baseline = Naive.sum(g.solveTransposed(t.primaryInputs()));
        assertThat(baseline).isCloseTo(Naive.sum(t.totalOutput()), within(1e-10 * baseline));
        // without value added there is no p: forward columns are empty, backward ones are not
        IoTable noVa = t.withValueAdded(null);
        List<HypotheticalExtraction.Row> rows = HypotheticalExtraction.compute(noVa);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.forwardExtractionLoss()).isNaN();
            assertThat(r.forwardExtractionLossPct()).isNaN();
            assertThat(r.backwardExtractionLoss()).isPositive();
        });
    }
}
