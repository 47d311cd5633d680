package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;
import org.klaster.linalg.SpectralRadius;

class ProductivityTest {

    private static IoTable twoSector(double[][] z, double[] f) {
        return IoTable.of(List.of("S1", "S2"), DenseMatrix.ofRows(z), List.of("fd:households"),
                DenseMatrix.ofRows(new double[][] {{f[0]}, {f[1]}}));
    }

    @Test
    void nonProductiveTableNamesTheSpectralRadius() {
        // x = [100, 100] (negative final demand, e.g. inventory draw-down), A = 0.51 everywhere:
        // eigenvalues 1.02 and 0, so ρ(A) = 1.02
        IoTable t = twoSector(new double[][] {{51, 51}, {51, 51}}, new double[] {-2, -2});
        assertThatThrownBy(() -> LeontiefModel.of(t)).isInstanceOf(AnalysisException.class)
                .hasMessage("not productive: spectral radius of A is 1.02 ≥ 1");
        assertThatThrownBy(() -> Multipliers.compute(t)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("spectral radius of A is 1.02");
        assertThatThrownBy(() -> GhoshModel.of(t)).isInstanceOf(AnalysisException.class)
                .hasMessage("not productive: spectral radius of B is 1.02 ≥ 1");
    }

    @Test
    void radiusExactlyOneIsASingularSystem() {
        // A = [[0.5, 0.5], [0.5, 0.5]]: ρ = 1, I − A singular
        IoTable t = twoSector(new double[][] {{50, 50}, {50, 50}}, new double[] {0, 0});
        assertThatThrownBy(() -> LeontiefModel.of(t)).isInstanceOf(AnalysisException.class)
                .hasMessage("not productive: spectral radius of A is 1.00 ≥ 1");
        // A = [[0.6, 0.5], [0.5, 0.6]]: ρ = 1.1
        IoTable u = twoSector(new double[][] {{60, 50}, {50, 60}}, new double[] {-10, -10});
        assertThatThrownBy(() -> LeontiefModel.of(u)).hasMessage("not productive: spectral radius of A is 1.10 ≥ 1");
    }

    @Test
    void productiveTableBeyondTheNormBoundIsCertifiedByTheSolve() {
        // A = [[0.5, 1.2], [0.1, 0.3]] with x = [100, 100]: column sums 0.6, 1.5 and row sums 1.7, 0.4,
        // so the norm bound (1.5) proves nothing; ρ = (0.8 + √0.52)/2 = 0.76056 < 1.
        IoTable t = twoSector(new double[][] {{50, 120}, {10, 30}}, new double[] {-70, 60});
        DenseMatrix a = DenseMatrix.ofRows(new double[][] {{0.5, 1.2}, {0.1, 0.3}});
        assertThat(SpectralRadius.normBound(a)).isCloseTo(1.5, within(1e-15));
        LeontiefModel m = LeontiefModel.of(t);
        double rho = (0.8 + Math.sqrt(0.52)) / 2;
        assertThat(m.spectralRadiusBound()).isBetween(rho, 1.0);
        // Collatz–Wielandt with y = (I − A)⁻¹·1: (I − A) = [[0.5, −1.2], [−0.1, 0.7]], det = 0.23,
        // y = [0.7 + 1.2, 0.1 + 0.5]/0.23 = [1.9, 0.6]/0.23; (Ay)_i/y_i = 1 − 1/y_i → max = 1 − 0.23/1.9
        assertThat(m.spectralRadiusBound()).isCloseTo(1 - 0.23 / 1.9, within(1e-12));
    }

    @Test
    void formatsTheRadiusWithoutPretendingItIsOne() {
        assertThat(Productivity.format(1.02)).isEqualTo("1.02");
        assertThat(Productivity.format(1.0)).isEqualTo("1.00");
        assertThat(Productivity.format(1.0004)).isEqualTo("1.0004");
        assertThat(Productivity.format(0.99999)).isEqualTo("0.99999");
        SpectralRadius.Estimate loose = new SpectralRadius.Estimate(1.05, 1.01, 1.2, "power iteration", 5000);
        assertThat(Productivity.message(loose, "A").toString())
                .isEqualTo("not productive: spectral radius of A is 1.05 (between 1.01 and 1.20) ≥ 1");
    }
}
