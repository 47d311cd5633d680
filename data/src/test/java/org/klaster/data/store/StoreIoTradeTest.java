package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.formats.TradeData;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;
import org.klaster.inputoutput.IoTable;
import org.klaster.linalg.DenseMatrix;

/** IO tables and trade survive the store exactly (V003), and a refused write leaves nothing. */
class StoreIoTradeTest {

    @TempDir
    Path dir;

    private static IoTable withImportMatrix() {
        DenseMatrix z = DenseMatrix.ofRows(new double[][] {{150, 500}, {200, 100}});
        DenseMatrix f = DenseMatrix.ofRows(new double[][] {{300, 50}, {1650, 50}});
        DenseMatrix m = DenseMatrix.ofRows(new double[][] {{10, 0}, {5, 20}});
        // an empty final-use cell (NaN) must come back empty, not zero
        DenseMatrix mf = DenseMatrix.ofRows(new double[][] {{1, Double.NaN}, {0, 2}});
        return IoTable.of(List.of("S1", "S2"), z, List.of("fd:households", IoTable.EXPORTS), f)
                .withNames(Arrays.asList("Сельское хозяйство", null))
                .withImportMatrix(m, mf)
                .withValueAdded(new double[] {635, 1380})
                .withGivenTotalOutput(new double[] {1000, Double.NaN});
    }

    @Test
    void anIoTableComesBackExactlyAcrossReopen() {
        Path db = dir.resolve("k.duckdb");
        IoTable t = withImportMatrix();
        try (Store s = Store.open(db)) {
            s.saveIoTable(Dataset.of("io1", DatasetKind.IO, "io.csv", "abc", 2, null, false, null, null), t, false);
        }
        try (Store s = Store.open(db)) {
            IoTable back = s.ioTable("io1");
            assertThat(back.sectors()).containsExactly("S1", "S2");
            assertThat(back.names()).containsExactly("Сельское хозяйство", null);
            assertThat(back.finalDemandCategories()).containsExactly("fd:households", "fd:exports");
            assertThat(back.intermediate().toRows()).isDeepEqualTo(t.intermediate().toRows());
            assertThat(back.finalDemand().toRows()).isDeepEqualTo(t.finalDemand().toRows());
            assertThat(back.importMatrix().toRows()).isDeepEqualTo(t.importMatrix().toRows());
            assertThat(back.imports()).isNull();
            assertThat(back.importsFinalUse().get(0, 0)).isEqualTo(1.0);
            assertThat(back.importsFinalUse().get(0, 1)).isNaN();
            assertThat(back.importsFinalUse().get(1, 0)).isEqualTo(0.0);
            assertThat(back.valueAdded()).containsExactly(635, 1380);
            assertThat(back.givenTotalOutput()[0]).isEqualTo(1000.0);
            assertThat(back.givenTotalOutput()[1]).isNaN();
        }
    }

    @Test
    void anImportsRowTableAndOneWithoutOptionalParts() {
        try (Store s = Store.inMemory()) {
            DenseMatrix z = DenseMatrix.ofRows(new double[][] {{1, 2}, {3, 0}});
            DenseMatrix f = DenseMatrix.ofRows(new double[][] {{7}, {9}});
            IoTable bare = IoTable.of(List.of("A", "B"), z, List.of("fd:all"), f);
            s.saveIoTable(Dataset.of("bare", DatasetKind.IO, "b.csv", null, 2, null, false, null, null), bare, false);
            IoTable back = s.ioTable("bare");
            assertThat(back.names()).isNull();
            assertThat(back.imports()).isNull();
            assertThat(back.importMatrix()).isNull();
            assertThat(back.valueAdded()).isNull();
            assertThat(back.givenTotalOutput()).isNull();
            assertThat(back.intermediate().toRows()).isDeepEqualTo(z.toRows());

            IoTable row = bare.withImports(new double[] {0, 4}, new double[] {2});
            s.saveIoTable(Dataset.of("row", DatasetKind.IO, "r.csv", null, 2, null, false, null, null), row, false);
            IoTable rowBack = s.ioTable("row");
            assertThat(rowBack.imports()).containsExactly(0, 4);
            assertThat(rowBack.importsFinalUse().toRows()).isDeepEqualTo(new double[][] {{2}});
        }
    }

    @Test
    void tradeComesBackWithProductionAndGroupsInOrder() {
        TradeData data = new TradeData(List.of(
                new TradeFlow(2023, "RUS", "CHN", "0101", TradeFlow.Flow.IMPORT, 10.5),
                new TradeFlow(2023, "RUS", "DEU", "0101", TradeFlow.Flow.IMPORT, 0),
                new TradeFlow(2022, "CHN", "WLD", "8542", TradeFlow.Flow.EXPORT, 99)),
                List.of(new Production(2023, "RUS", "0101", 40)),
                Map.of("friendly", List.of("CHN", "BLR")), "f00d");
        try (Store s = Store.inMemory()) {
            s.saveTrade(Dataset.of("t", DatasetKind.TRADE, "trade.csv", "f00d", 3, null, false, null, null), data, false);
            TradeData back = s.trade("t");
            assertThat(back.flows()).containsExactlyInAnyOrderElementsOf(data.flows());
            // stable order: by year first
            assertThat(back.flows().get(0).year()).isEqualTo(2022);
            assertThat(back.production()).containsExactlyElementsOf(data.production());
            assertThat(back.groups()).containsExactly(Map.entry("friendly", List.of("CHN", "BLR")));
            assertThat(back.sha256()).isEqualTo("f00d");
        }
    }

    @Test
    void wrongKindsAndDuplicateIdsAreRefusedAndReplaceWorks() {
        try (Store s = Store.inMemory()) {
            s.saveActivity(Dataset.of("act", DatasetKind.ACTIVITY, "a.csv", null, 1, null, false, null, null),
                    List.of(ActivityRecord.of("RU-SAM", "29", 2024, 5)), Map.of(), Map.of(), false);
            assertThatThrownBy(() -> s.ioTable("act")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not an input–output table");
            assertThatThrownBy(() -> s.trade("act")).isInstanceOf(StoreException.class).hasMessageContaining("not trade");

            Dataset meta = Dataset.of("io1", DatasetKind.IO, "io.csv", null, 2, null, false, null, null);
            s.saveIoTable(meta, withImportMatrix(), false);
            assertThatThrownBy(() -> s.saveIoTable(meta, withImportMatrix(), false))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
            DenseMatrix z = DenseMatrix.ofRows(new double[][] {{0}});
            IoTable one = IoTable.of(List.of("X1"), z, List.of("fd:all"), DenseMatrix.ofRows(new double[][] {{3}}));
            s.saveIoTable(meta, one, true);
            assertThat(s.ioTable("io1").sectors()).containsExactly("X1");
            Long cells = s.query("SELECT count(*) FROM io_cells WHERE dataset_id = ?", List.of("io1"), rs -> {
                rs.next();
                return rs.getLong(1);
            });
            assertThat(cells).isEqualTo(1L); // only F's single non-zero cell; the old table's cells are gone
            s.delete("io1");
            Long left = s.query("SELECT count(*) FROM io_sectors", List.of(), rs -> {
                rs.next();
                return rs.getLong(1);
            });
            assertThat(left).isZero();
        }
    }
}
