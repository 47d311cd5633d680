package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.linalg.DenseMatrix;

/**
 * The two-sector example of Miller &amp; Blair (2009), ch. 2: Z = [[150, 500], [200, 100]],
 * f = [350, 1700], x = [1000, 2000], value added (payments sector) = [650, 1400]. Expected values
 * are worked out by hand below.
 */
class MillerBlairExampleTest {

    static final double EXACT = 1e-12;

    static IoTable table() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, 500}, {200, 100}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{350}, {1700}});
        return IoTable.of(List.of("S1", "S2"), z, List.of("fd:total"), f)
                .withValueAdded(new double[] {650, 1400})
                .withGivenTotalOutput(new double[] {1000, 2000});
    }

    // A = Z·diag(x)⁻¹ = [[150/1000, 500/2000], [200/1000, 100/2000]] = [[0.15, 0.25], [0.2, 0.05]]
    // I − A = [[0.85, −0.25], [−0.2, 0.95]], det = 0.85·0.95 − 0.25·0.2 = 0.7575
    // L = (1/0.7575)·[[0.95, 0.25], [0.2, 0.85]] = [[1.254125…, 0.330033…], [0.264026…, 1.122112…]]
    static final double DET = 0.7575;
    static final double[][] L = {{0.95 / DET, 0.25 / DET}, {0.2 / DET, 0.85 / DET}};

    @Test
    void technicalCoefficientsAndLeontiefInverse() {
        IoTable t = table();
        assertThat(t.validate(false).ok()).isTrue();
        assertThat(t.validate(false).largestColumnGap()).isZero();
        assertThat(t.totalOutput()).containsExactly(1000, 2000);
        LeontiefModel m = LeontiefModel.of(t);
        DenseMatrix a = m.technicalCoefficients();
        assertThat(a.get(0, 0)).isCloseTo(0.15, within(EXACT));
        assertThat(a.get(0, 1)).isCloseTo(0.25, within(EXACT));
        assertThat(a.get(1, 0)).isCloseTo(0.20, within(EXACT));
        assertThat(a.get(1, 1)).isCloseTo(0.05, within(EXACT));
        DenseMatrix l = m.leontiefInverse();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(l.get(i, j)).isCloseTo(L[i][j], within(EXACT));
            }
        }
        // the textbook prints L to four decimals
        assertThat(l.get(0, 0)).isCloseTo(1.2541, within(5e-5));
        assertThat(l.get(0, 1)).isCloseTo(0.3300, within(5e-5));
        assertThat(l.get(1, 0)).isCloseTo(0.2640, within(5e-5));
        assertThat(l.get(1, 1)).isCloseTo(1.1221, within(5e-5));
        // column sums of A are 0.35 and 0.30 < 1: the cheap bound already proves productivity
        assertThat(m.spectralRadiusBound()).isCloseTo(0.35, within(EXACT));
    }

    @Test
    void multipliersAndLinkages() {
        List<Multipliers.Row> rows = Multipliers.compute(table());
        assertThat(rows).extracting(Multipliers.Row::sector).containsExactly("S1", "S2");
        Multipliers.Row s1 = rows.get(0);
        Multipliers.Row s2 = rows.get(1);
        // output multipliers = column sums of L: 1.15/0.7575 = 1.518152, 1.10/0.7575 = 1.452145
        assertThat(s1.outputMultiplier()).isCloseTo(1.15 / DET, within(EXACT));
        assertThat(s2.outputMultiplier()).isCloseTo(1.10 / DET, within(EXACT));
        assertThat(s1.outputMultiplier()).isCloseTo(1.5182, within(5e-5));
        assertThat(s2.outputMultiplier()).isCloseTo(1.4521, within(5e-5));
        // BL_j = 2·c_j / (c_1 + c_2) = 2·1.15/2.25, 2·1.10/2.25
        assertThat(s1.backwardLinkage()).isCloseTo(2 * 1.15 / 2.25, within(EXACT));
        assertThat(s2.backwardLinkage()).isCloseTo(2 * 1.10 / 2.25, within(EXACT));
        // B = diag(x)⁻¹Z = [[0.15, 0.5], [0.1, 0.05]], det(I − B) = 0.85·0.95 − 0.5·0.1 = 0.7575,
        // G = (1/0.7575)·[[0.95, 0.5], [0.1, 0.85]], row sums 1.45/0.7575 and 0.95/0.7575,
        // FL_i = 2·r_i / (r_1 + r_2) = 2·1.45/2.4, 2·0.95/2.4
        assertThat(s1.forwardLinkage()).isCloseTo(2 * 1.45 / 2.4, within(EXACT));
        assertThat(s2.forwardLinkage()).isCloseTo(2 * 0.95 / 2.4, within(EXACT));
        assertThat(s1.keySector()).isTrue();    // BL 1.022 > 1, FL 1.208 > 1
        assertThat(s2.keySector()).isFalse();
        // no imports: import content empty; value added is the only primary input, so the VA
        // multiplier is 1 (v = [0.65, 0.70]: 0.65·0.95/0.7575 + 0.70·0.2/0.7575 = 0.7575/0.7575)
        assertThat(s1.importContent()).isNaN();
        assertThat(s1.valueAddedMultiplier()).isCloseTo(1.0, within(EXACT));
        assertThat(s2.valueAddedMultiplier()).isCloseTo(1.0, within(EXACT));
        assertThat(s1.output()).isEqualTo(1000.0);
    }

    @Test
    void textbookDemandChange() {
        // M&B: f_new = [600, 1500] gives x_new = [1247.52, 1841.58]. As a demand shock:
        // r_1 = 600/350 − 1, r_2 = 1500/1700 − 1, Δf = [250, −200],
        // Δx = L·Δf = [(0.95·250 − 0.25·200)/0.7575, (0.2·250 − 0.85·200)/0.7575] = [187.5, −120]/0.7575
        ShockResult r = DemandShock.apply(table(), Map.of("S1", 600.0 / 350 - 1, "S2", 1500.0 / 1700 - 1));
        assertThat(r.rows().get(0).outputChange()).isCloseTo(187.5 / DET, within(1e-9));
        assertThat(r.rows().get(1).outputChange()).isCloseTo(-120 / DET, within(1e-9));
        assertThat(1000 + r.rows().get(0).outputChange()).isCloseTo(1247.52, within(5e-3));
        assertThat(2000 + r.rows().get(1).outputChange()).isCloseTo(1841.58, within(5e-3));
        assertThat(r.rows().get(0).outputChangePct()).isCloseTo(100 * 187.5 / DET / 1000, within(1e-9));
        assertThat(r.total().sector()).isEqualTo("TOTAL");
        assertThat(r.total().baselineOutput()).isEqualTo(3000.0);
        assertThat(r.total().outputChange()).isCloseTo(67.5 / DET, within(1e-9));
        assertThat(r.total().outputChangePct()).isCloseTo(100 * 67.5 / DET / 3000, within(1e-9));
        assertThat(r.rowsWithTotal()).hasSize(3);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void extractionByHand() {
        // backward extraction of S1: Ā = [[0, 0.25], [0, 0.05]], x̄_2 = 1700/0.95, x̄_1 = 350 + 0.25·x̄_2
        // loss = 3000 − (350 + 1.25·1700/0.95)
        // backward extraction of S2: Ā = [[0.15, 0], [0.2, 0]], x̄_1 = 350/0.85, x̄_2 = 1700 + 0.2·x̄_1
        // loss = 3000 − (1.2·350/0.85 + 1700)
        // forward (p = VA = [650, 1400], balanced so pᵀG = x): S1: B̄ = [[0, 0], [0.1, 0.05]],
        // x̄ᵀ(I − B̄) = pᵀ → x̄_2 = 1400/0.95, x̄_1 = 650 + 0.1·x̄_2; loss = 3000 − (650 + 1.1·1400/0.95)
        // S2: B̄ = [[0.15, 0.5], [0, 0]] → x̄_1 = 650/0.85, x̄_2 = 1400 + 0.5·x̄_1; loss = 3000 − (1.5·650/0.85 + 1400)
        List<HypotheticalExtraction.Row> rows = HypotheticalExtraction.compute(table());
        double b1 = 3000 - (350 + 1.25 * 1700 / 0.95);
        double b2 = 3000 - (1.2 * 350 / 0.85 + 1700);
        double f1 = 3000 - (650 + 1.1 * 1400 / 0.95);
        double f2 = 3000 - (1.5 * 650 / 0.85 + 1400);
        assertThat(rows.get(0).backwardExtractionLoss()).isCloseTo(b1, within(1e-9));
        assertThat(rows.get(1).backwardExtractionLoss()).isCloseTo(b2, within(1e-9));
        assertThat(rows.get(0).forwardExtractionLoss()).isCloseTo(f1, within(1e-9));
        assertThat(rows.get(1).forwardExtractionLoss()).isCloseTo(f2, within(1e-9));
        assertThat(rows.get(0).backwardExtractionLossPct()).isCloseTo(100 * b1 / 3000, within(1e-9));
        assertThat(rows.get(1).forwardExtractionLossPct()).isCloseTo(100 * f2 / 3000, within(1e-9));
    }
}
