package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.linalg.DenseMatrix;

/**
 * SLQ, CILQ and FLQ worked by hand on the three-sector table of {@link GhoshThreeSectorTest}:
 * Z = [[20, 40, 10], [30, 10, 60], [10, 20, 20]], x = [200, 200, 100], so
 * A = [[0.10, 0.20, 0.10], [0.15, 0.05, 0.60], [0.05, 0.10, 0.20]];
 * final demand [[100, 30], [60, 40], [50, 0]], imports [40, 30, 5], value added [100, 100, 5].
 *
 * <p>Employment: nation 1 000, 2 000, 1 000 in the three sectors plus 1 000 in industries outside the
 * table, E_n = 5 000; the region 100, 100, 200 plus 100 outside, E_r = 500, so E_r/E_n = 0.1.
 */
class RegionalisationThreeSectorTest {

    static final double EXACT = 1e-12;

    static final RegionalEmployment EMPLOYMENT = new RegionalEmployment(new double[] {100, 100, 200}, 500,
            new double[] {1000, 2000, 1000}, 5000);

    // SLQ_i = (E_ir/E_r)/(E_in/E_n): (100/500)/(1000/5000) = 0.2/0.2 = 1; (100/500)/(2000/5000) = 0.2/0.4 = 0.5;
    // (200/500)/(1000/5000) = 0.4/0.2 = 2
    static final double[] SLQ = {1.0, 0.5, 2.0};

    // λ = [log₂(1 + 0.1)]^0.3: ln 1.1 = 0.0953101798, ln 2 = 0.6931471806, ratio 0.1375035237;
    // 0.1375035237^0.3 = exp(0.3 · ln 0.1375035237) = exp(0.3 · −1.9841) = exp(−0.59523) = 0.55143477
    static final double LAMBDA = 0.5514347723;

    @Test
    void simpleLocationQuotients() {
        assertThat(Regionalisation.slq(EMPLOYMENT)).containsExactly(SLQ, within(EXACT));
        // a sector without national employment has no SLQ; one without regional employment has 0
        assertThat(Regionalisation.slq(new double[] {0, 5}, 10, new double[] {0, 10}, 20))
                .containsExactly(Double.NaN, 1.0);
        assertThat(Regionalisation.slq(new double[] {0, 5}, 10, new double[] {4, 10}, 20)[0]).isZero();
    }

    @Test
    void crossIndustryQuotientsWithTheSlqOnTheDiagonal() {
        // CILQ_ij = SLQ_i/SLQ_j, CILQ_ii = SLQ_i:
        //   row 1: 1, 1/0.5 = 2, 1/2 = 0.5;  row 2: 0.5/1 = 0.5, 0.5, 0.5/2 = 0.25;  row 3: 2/1 = 2, 2/0.5 = 4, 2
        double[][] cilq = {{1, 2, 0.5}, {0.5, 0.5, 0.25}, {2, 4, 2}};
        assertMatrix(Regionalisation.cilq(SLQ), cilq, EXACT);
    }

    @Test
    void fleggsLambdaAndQuotients() {
        assertThat(Regionalisation.lambda(500, 5000, 0.3)).isCloseTo(LAMBDA, within(1e-10));
        // the whole nation: log₂ 2 = 1, so λ = 1 for every δ; δ = 0: λ = 1 for every region
        assertThat(Regionalisation.lambda(5000, 5000, 0.3)).isEqualTo(1.0);
        assertThat(Regionalisation.lambda(500, 5000, 0.0)).isEqualTo(1.0);
        // a smaller region or a larger δ: a smaller λ (log₂ 1.01 = 0.0143552, ln of it −4.24374, × 0.3 = −1.27312, exp → 0.279965)
        assertThat(Regionalisation.lambda(50, 5000, 0.3)).isCloseTo(0.279965, within(1e-6));
        // FLQ = λ · CILQ: row 1: 0.551435, 1.102870, 0.275717; row 2: 0.275717, 0.275717, 0.137859;
        // row 3: 1.102870, 2.205739, 1.102870
        double l = LAMBDA;
        double[][] flq = {{l, 2 * l, 0.5 * l}, {0.5 * l, 0.5 * l, 0.25 * l}, {2 * l, 4 * l, 2 * l}};
        assertMatrix(Regionalisation.flq(SLQ, LAMBDA), flq, EXACT);
    }

    @Test
    void regionalCoefficientsOfTheThreeMethods() {
        DenseMatrix a = DenseMatrix.ofRows(new double[][] {{0.10, 0.20, 0.10}, {0.15, 0.05, 0.60}, {0.05, 0.10, 0.20}});
        // SLQ: rows scaled by min(1, SLQ_i) = 1, 0.5, 1
        assertMatrix(Regionalisation.regionalCoefficients(a, SLQ, Regionalisation.Method.SLQ, LAMBDA),
                new double[][] {{0.10, 0.20, 0.10}, {0.075, 0.025, 0.30}, {0.05, 0.10, 0.20}}, EXACT);
        // CILQ: min(1, CILQ) = [[1, 1, 0.5], [0.5, 0.5, 0.25], [1, 1, 1]]
        assertMatrix(Regionalisation.regionalCoefficients(a, SLQ, Regionalisation.Method.CILQ, LAMBDA),
                new double[][] {{0.10, 0.20, 0.05}, {0.075, 0.025, 0.15}, {0.05, 0.10, 0.20}}, EXACT);
        // FLQ: min(1, FLQ) = [[λ, 1, λ/2], [λ/2, λ/2, λ/4], [1, 1, 1]]
        //   r_11 = 0.1·0.551435 = 0.0551435, r_13 = 0.1·0.275717 = 0.0275717, r_21 = 0.15·0.275717 = 0.0413576,
        //   r_22 = 0.05·0.275717 = 0.0137859, r_23 = 0.6·0.137859 = 0.0827152
        assertMatrix(Regionalisation.regionalCoefficients(a, SLQ, Regionalisation.Method.FLQ, LAMBDA),
                new double[][] {{0.0551435, 0.20, 0.0275717}, {0.0413576, 0.0137859, 0.0827152}, {0.05, 0.10, 0.20}},
                1e-7);
    }

    @Test
    void theRegionalTableByCilq() {
        RegionalTable r = Regionalisation.regionalise(GhoshThreeSectorTest.table(), EMPLOYMENT,
                Regionalisation.Method.CILQ, 0.3);
        IoTable t = r.table();
        // s_i = E_ir/E_in = 0.1, 0.05, 0.2; x_r = [200·0.1, 200·0.05, 100·0.2] = [20, 10, 20]
        assertThat(r.shares()).containsExactly(new double[] {0.1, 0.05, 0.2}, within(EXACT));
        assertThat(r.output()).containsExactly(new double[] {20, 10, 20}, within(EXACT));
        assertThat(t.totalOutput()).containsExactly(new double[] {20, 10, 20}, within(EXACT));
        // Z_r = R·diag(x_r): columns × 20, 10, 20
        assertMatrix(t.intermediate(), new double[][] {{2, 2, 1}, {1.5, 0.25, 3}, {1, 1, 4}}, EXACT);
        // bought from other regions (A − R)·diag(x_r): only row 1, col 3 (0.05·20 = 1) and row 2 (0.075·20,
        // 0.025·10, 0.45·20) — column sums 1.5, 0.25, 10
        assertMatrix(r.otherRegions(), new double[][] {{0, 0, 1}, {1.5, 0.25, 9}, {0, 0, 0}}, EXACT);
        // imports = s_j·m_j + from other regions: [4 + 1.5, 1.5 + 0.25, 1 + 10] = [5.5, 1.75, 11]
        assertThat(t.imports()).containsExactly(new double[] {5.5, 1.75, 11}, within(EXACT));
        assertThat(t.importMatrix()).isNull();
        assertThat(t.importsFinalUse()).isNull();
        // value added s_j·va_j = [10, 5, 1]; columns balance: 4.5 + 5.5 + 10 = 20, 3.25 + 1.75 + 5 = 10, 8 + 11 + 1 = 20
        assertThat(t.valueAdded()).containsExactly(new double[] {10, 5, 1}, within(EXACT));
        // final demand s_i·f_ik = [[10, 3], [3, 2], [10, 0]], then sales to other regions, the rest of the row:
        // 20 − 5 − 13 = 2, 10 − 4.75 − 5 = 0.25, 20 − 6 − 10 = 4
        assertThat(t.finalDemandCategories()).containsExactly("fd:households", IoTable.EXPORTS, Regionalisation.OTHER_REGIONS);
        assertMatrix(t.finalDemand(), new double[][] {{10, 3, 2}, {3, 2, 0.25}, {10, 0, 4}}, EXACT);
        assertThat(r.lambda()).isCloseTo(LAMBDA, within(1e-10));
        assertThat(r.slq()).containsExactly(SLQ, within(EXACT));
    }

    @Test
    void regionalMultipliersByCofactors() {
        // I − R (CILQ) = [[0.9, −0.2, −0.05], [−0.075, 0.975, −0.15], [−0.05, −0.1, 0.8]]
        // cofactors of row 1: 0.975·0.8 − 0.015 = 0.765, −(−0.06 − 0.0075) = 0.0675, 0.0075 + 0.04875 = 0.05625
        // det = 0.9·0.765 − 0.2·0.0675 − 0.05·0.05625 = 0.6721875
        // column sum j of the inverse = Σ of the cofactors of row j / det:
        //   row 1: 0.88875; row 2: 0.165 + 0.7175 + 0.1 = 0.9825; row 3: 0.07875 + 0.13875 + 0.8625 = 1.08
        double det = 0.6721875;
        RegionalTable r = Regionalisation.regionalise(GhoshThreeSectorTest.table(), EMPLOYMENT,
                Regionalisation.Method.CILQ, 0.3);
        List<Multipliers.Row> rows = Multipliers.compute(r.table());
        for (int j = 0; j < 3; j++) {
            assertThat(rows.get(j).outputMultiplier()).isCloseTo(new double[] {0.88875, 0.9825, 1.08}[j] / det, within(1e-12));
        }
        // every one below the national multipliers (1.537, 1.659, 2.686)
        List<Multipliers.Row> nation = Multipliers.compute(GhoshThreeSectorTest.table());
        for (int j = 0; j < 3; j++) {
            assertThat(rows.get(j).outputMultiplier()).isLessThan(nation.get(j).outputMultiplier());
        }
    }

    static void assertMatrix(DenseMatrix m, double[][] expected, double tolerance) {
        assertThat(m.rows()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(m.row(i)).as("row %d", i + 1).containsExactly(expected[i], within(tolerance));
        }
    }
}
