package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.linalg.DenseMatrix;

/**
 * A zero-output sector is left out of every matrix: inserting one into the Miller &amp; Blair table
 * must leave the two real sectors' numbers unchanged and print the new one empty.
 */
class InactiveSectorTest {

    static IoTable withIdleMiddleSector() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, 0, 500}, {0, 0, 0}, {200, 0, 100}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{350}, {0}, {1700}});
        return IoTable.of(List.of("S1", "IDLE", "S2"), z, List.of("fd:total"), f)
                .withValueAdded(new double[] {650, 0, 1400});
    }

    @Test
    void leftOutOfTheModelsAndPrintedEmpty() {
        IoTable t = withIdleMiddleSector();
        IoValidation v = t.validate(false);
        assertThat(v.ok()).isTrue();
        assertThat(v.inactiveSectors()).containsExactly("IDLE");
        assertThat(v.warnings()).anyMatch(w -> w.toString().contains("inactive") && w.toString().contains("IDLE"));
        LeontiefModel m = LeontiefModel.of(t);
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.sectors()).containsExactly("S1", "S2");
        assertThat(m.tableIndex()).containsExactly(0, 2);

        List<Multipliers.Row> rows = Multipliers.compute(t);
        List<Multipliers.Row> reference = Multipliers.compute(MillerBlairExampleTest.table());
        assertThat(rows).extracting(Multipliers.Row::sector).containsExactly("S1", "IDLE", "S2");
        Multipliers.Row idle = rows.get(1);
        assertThat(idle.output()).isZero();
        assertThat(idle.outputMultiplier()).isNaN();
        assertThat(idle.backwardLinkage()).isNaN();
        assertThat(idle.forwardLinkage()).isNaN();
        assertThat(idle.keySector()).isNull();
        assertThat(idle.valueAddedMultiplier()).isNaN();
        // n = 2 in the linkage normalisation, exactly as without the idle sector
        assertThat(rows.get(0)).isEqualTo(reference.get(0));
        assertThat(rows.get(2)).isEqualTo(reference.get(1));
    }

    @Test
    void shocksAndExtractionSkipIt() {
        IoTable t = withIdleMiddleSector();
        ShockResult r = DemandShock.apply(t, Map.of("S1", 0.1, "IDLE", 0.5));
        assertThat(r.warnings()).extracting(Object::toString).containsExactly("sector IDLE is inactive (zero output); its shock is ignored");
        assertThat(r.rows().get(1).baselineOutput()).isZero();
        assertThat(r.rows().get(1).outputChange()).isNaN();
        assertThat(r.rows().get(1).outputChangePct()).isNaN();
        // Δf = [35, 0]: Δx_1 = 0.95·35/0.7575
        assertThat(r.rows().get(0).outputChange()).isCloseTo(0.95 * 35 / 0.7575, within(1e-10));
        assertThat(r.total().outputChange()).isCloseTo(1.15 * 35 / 0.7575, within(1e-10));
        List<HypotheticalExtraction.Row> e = HypotheticalExtraction.compute(t);
        assertThat(e.get(1).backwardExtractionLoss()).isNaN();
        assertThat(e.get(0).backwardExtractionLoss()).isCloseTo(3000 - (350 + 1.25 * 1700 / 0.95), within(1e-9));
    }

    @Test
    void cancellingRowsCountAsZeroAndInputsOfIdleSectorsAreFlagged() {
        // IDLE sells 5 to S1 but has −5 final demand: output 0. It also "buys" 3 from S2.
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, 0, 500}, {5, 0, 0}, {200, 3, 100}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{350}, {-5}, {1697}});
        IoTable t = IoTable.of(List.of("S1", "IDLE", "S2"), z, List.of("fd:total"), f);
        assertThat(t.activeSectors()).containsExactly(0, 2);
        assertThat(t.validate(false).warnings())
                .anyMatch(w -> w.toString().contains("inactive sector IDLE buys intermediate inputs"));
    }

    @Test
    void allSectorsIdleIsAnAnalysisError() {
        IoTable t = IoTable.of(List.of("S1"), new DenseMatrix(1, 1), List.of("fd:total"), new DenseMatrix(1, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeontiefModel.of(t))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("no active sector");
    }
}
