package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.linalg.DenseMatrix;

/**
 * A three-sector example worked by hand for the Ghosh model and forward linkages.
 * Z = [[20, 40, 10], [30, 10, 60], [10, 20, 20]], f = [130, 100, 50], so x = [200, 200, 100];
 * imports = [40, 30, 5], value added = [100, 100, 5] (columns balance: 60+40+100 = 200, …).
 */
class GhoshThreeSectorTest {

    static final double EXACT = 1e-12;

    static IoTable table() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{20, 40, 10}, {30, 10, 60}, {10, 20, 20}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{100, 30}, {60, 40}, {50, 0}});
        return IoTable.of(List.of("A", "B", "C"), z, List.of("fd:households", IoTable.EXPORTS), f)
                .withImports(new double[] {40, 30, 5}, null)
                .withValueAdded(new double[] {100, 100, 5});
    }

    // B = diag(x)⁻¹Z: rows /200, /200, /100 → [[0.1, 0.2, 0.05], [0.15, 0.05, 0.3], [0.1, 0.2, 0.2]]
    // M = I − B = [[0.9, −0.2, −0.05], [−0.15, 0.95, −0.3], [−0.1, −0.2, 0.8]]
    // cofactors C_ij of M:
    //   C11 = 0.95·0.8 − 0.3·0.2 = 0.70        C12 = −(−0.15·0.8 − 0.3·0.1) = 0.15     C13 = 0.15·0.2 + 0.95·0.1 = 0.125
    //   C21 = −(−0.2·0.8 − 0.05·0.2) = 0.17    C22 = 0.9·0.8 − 0.05·0.1 = 0.715        C23 = −(−0.9·0.2 − 0.2·0.1) = 0.20
    //   C31 = 0.2·0.3 + 0.05·0.95 = 0.1075     C32 = −(−0.9·0.3 − 0.05·0.15) = 0.2775  C33 = 0.9·0.95 − 0.2·0.15 = 0.825
    // det M = 0.9·0.70 − 0.2·0.15 − 0.05·0.125 = 0.59375;  G = adj(M)/det, G_ij = C_ji / det
    static final double DET = 0.59375;
    static final double[][] G = {
        {0.70 / DET, 0.17 / DET, 0.1075 / DET},
        {0.15 / DET, 0.715 / DET, 0.2775 / DET},
        {0.125 / DET, 0.20 / DET, 0.825 / DET}};

    @Test
    void ghoshInverseByCofactors() {
        GhoshModel g = GhoshModel.of(table());
        assertThat(g.allocationCoefficients().toRows()[1]).containsExactly(new double[] {0.15, 0.05, 0.3}, within(EXACT));
        DenseMatrix inverse = g.ghoshInverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(inverse.get(i, j)).isCloseTo(G[i][j], within(EXACT));
            }
        }
        // primary inputs p = imports + VA = [140, 130, 10]; pᵀG = x for a balanced table:
        // 140·0.70 + 130·0.15 + 10·0.125 = 118.75 = 200·det, etc.
        double[] x = g.solveTransposed(new double[] {140, 130, 10});
        assertThat(x).containsExactly(new double[] {200, 200, 100}, within(1e-11));
    }

    @Test
    void forwardLinkagesAndKeySectors() {
        // row sums of G: 0.9775, 1.1425, 1.15 (÷ det); total 3.27 (÷ det); FL_i = 3·r_i / 3.27
        List<Multipliers.Row> rows = Multipliers.compute(table());
        assertThat(rows.get(0).forwardLinkage()).isCloseTo(3 * 0.9775 / 3.27, within(EXACT));
        assertThat(rows.get(1).forwardLinkage()).isCloseTo(3 * 1.1425 / 3.27, within(EXACT));
        assertThat(rows.get(2).forwardLinkage()).isCloseTo(3 * 1.15 / 3.27, within(EXACT));
        // Leontief side by similarity L_ij = x_i·G_ij / x_j; column sums of L:
        //   c1 = (200·0.70 + 200·0.15 + 100·0.125)/(200·det) = 182.5/118.75
        //   c2 = (200·0.17 + 200·0.715 + 100·0.20)/(200·det) = 197/118.75
        //   c3 = (200·0.1075 + 200·0.2775 + 100·0.825)/(100·det) = 159.5/59.375
        double c1 = 182.5 / 118.75;
        double c2 = 197 / 118.75;
        double c3 = 159.5 / 59.375;
        assertThat(rows.get(0).outputMultiplier()).isCloseTo(c1, within(EXACT));
        assertThat(rows.get(1).outputMultiplier()).isCloseTo(c2, within(EXACT));
        assertThat(rows.get(2).outputMultiplier()).isCloseTo(c3, within(EXACT));
        double total = c1 + c2 + c3;
        assertThat(rows.get(2).backwardLinkage()).isCloseTo(3 * c3 / total, within(EXACT));
        // BL = 0.784, 0.846, 1.370; FL = 0.897, 1.048, 1.055 → only C is a key sector
        assertThat(rows).extracting(Multipliers.Row::keySector).containsExactly(false, false, true);
    }

    @Test
    void importContentAndValueAddedMultiplier() {
        // m = [40/200, 30/200, 5/100] = [0.2, 0.15, 0.05]; L column 1 = [112/95, 24/95, 2/19]
        // (L = diag(x)·G·diag(x)⁻¹); import content_1 = 0.2·112/95 + 0.15·24/95 + 0.05·10/95 = 26.5/95
        List<Multipliers.Row> rows = Multipliers.compute(table());
        assertThat(rows.get(0).importContent()).isCloseTo(26.5 / 95, within(EXACT));
        // v = [0.5, 0.5, 0.05]: VA multiplier_1 = 0.5·112/95 + 0.5·24/95 + 0.05·10/95 = 68.5/95
        assertThat(rows.get(0).valueAddedMultiplier()).isCloseTo(68.5 / 95, within(EXACT));
        for (Multipliers.Row r : rows) {
            assertThat(r.importContent() + r.valueAddedMultiplier()).isCloseTo(1.0, within(EXACT));
        }
    }
}
