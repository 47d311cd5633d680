package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;
import org.klaster.complexity.ExportRecord;

/** Exports for complexity survive the store exactly (V004), and a refused write leaves nothing. */
class StoreExportsTest {

    @TempDir
    Path dir;

    /** In file order, not the store's order; codes with leading zeros; a zero and a fractional value. */
    private static final List<ExportRecord> ROWS = List.of(
            new ExportRecord(2021, "RUS", "8542", 1234.5),
            new ExportRecord(2020, "RUS", "0101", 0),
            new ExportRecord(2020, "CHN", "0101", 0.1 + 0.2),
            new ExportRecord(2020, "RU-SAM", "010121", 7e12));

    private static Dataset meta(String id) {
        return Dataset.of(id, DatasetKind.EXPORTS, "exports.csv", "abc", ROWS.size(), null, false, null, null);
    }

    @Test
    void exportsComeBackExactlyAcrossReopenInYearLocationProductOrder() {
        Path db = dir.resolve("k.duckdb");
        try (Store s = Store.open(db)) {
            Dataset d = s.saveExports(meta("ex1"), ROWS, false);
            assertThat(d.kind()).isEqualTo(DatasetKind.EXPORTS);
            assertThat(d.rows()).isEqualTo(4);
        }
        try (Store s = Store.open(db)) {
            assertThat(s.exports("ex1")).containsExactly(
                    new ExportRecord(2020, "CHN", "0101", 0.1 + 0.2),
                    new ExportRecord(2020, "RU-SAM", "010121", 7e12),
                    new ExportRecord(2020, "RUS", "0101", 0),
                    new ExportRecord(2021, "RUS", "8542", 1234.5));
        }
    }

    @Test
    void replaceDeleteAndKindChecks() {
        try (Store s = Store.inMemory()) {
            s.saveExports(meta("ex1"), ROWS, false);
            // a second write under the same id is refused and leaves the first intact
            assertThatThrownBy(() -> s.saveExports(meta("ex1"), ROWS.subList(0, 1), false))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
            assertThat(s.exports("ex1")).hasSize(4);
            s.saveExports(meta("ex1"), ROWS.subList(0, 1), true);
            assertThat(s.exports("ex1")).containsExactly(ROWS.get(0));
            s.delete("ex1");
            assertThat(s.dataset("ex1")).isEmpty();
            long left = s.query("SELECT count(*) FROM exports", List.of(), rs -> {
                rs.next();
                return rs.getLong(1);
            });
            assertThat(left).isZero();

            s.saveActivity(Dataset.of("act", DatasetKind.ACTIVITY, "a.csv", "x", 1, null, false, null, null),
                    List.of(new ActivityRecord("RU-SAM", "29", 2024, 1, Double.NaN, Double.NaN, Double.NaN)), null, null, false);
            assertThatThrownBy(() -> s.exports("act")).isInstanceOf(StoreException.class)
                    .hasMessage("dataset \"act\" is activity, not exports");
            assertThatThrownBy(() -> s.exports("nope")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no dataset \"nope\"");
        }
    }
}
