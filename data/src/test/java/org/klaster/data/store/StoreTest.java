package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;

class StoreTest {

    @TempDir
    Path dir;

    private static final List<ActivityRecord> ROWS = List.of(
            new ActivityRecord("RU-SAM", "29.10", 2023, 1200, 3, Double.NaN, 5.5),
            ActivityRecord.of("RU-MOW", "62", 2023, 800));

    @Test
    void migratesOnceAndKeepsDataAcrossReopen() {
        Path db = dir.resolve("sub/k.duckdb");
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Store.MIGRATIONS.size());
            Dataset d = s.saveActivity(Dataset.of("a1", DatasetKind.ACTIVITY, "my.csv", "abc", 2, null, false, null, null), ROWS,
                    Map.of("29", "auto"), Map.of("auto", "Automotive"), false);
            assertThat(d.importedAt()).isNotNull();
        }
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(Store.MIGRATIONS.size());
            assertThat(s.datasets()).extracting(Dataset::id).containsExactly("a1");
            List<ActivityRecord> back = s.activity("a1");
            assertThat(back).hasSize(2);
            // NaN (missing) survives as NULL, never as zero
            ActivityRecord sam = back.stream().filter(r -> r.region().equals("RU-SAM")).findFirst().orElseThrow();
            assertThat(sam.establishments()).isEqualTo(3.0);
            assertThat(sam.wages()).isNaN();
            assertThat(sam.output()).isEqualTo(5.5);
            assertThat(s.categoryMap("a1")).containsExactly(Map.entry("29", "auto"));
            assertThat(s.categoryNames("a1")).containsExactly(Map.entry("auto", "Automotive"));
        }
    }

    /**
     * Issue 10, probe 5 ({@code klaster import activity f.csv --db x.csv} printed "stored …" and stored
     * nothing): DuckDB opens an existing {@code .csv} (or {@code .parquet}, {@code .json}) as an in-memory
     * database with a view of the file, so writes vanished. Any existing file without DuckDB's header is
     * refused before DuckDB sees it, and left as it was; a real database keeps opening under any name.
     */
    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        for (String name : new String[] {"x.csv", "x.parquet", "x.json", "x.duckdb", "empty.csv", "empty.duckdb"}) {
            Path f = dir.resolve(name);
            byte[] content = name.startsWith("empty") ? new byte[0]
                    : "region,industry,year,employment\nRU-SAM,29,2023,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.write(f, content);
            assertThat(Store.isDatabase(f)).as(name).isFalse();
            assertThatThrownBy(() -> Store.open(f)).as(name).isInstanceOf(NotADatabaseException.class)
                    .hasMessage(f + " is not a Klaster database (not a DuckDB file); nothing was read or written");
            assertThat(java.nio.file.Files.readAllBytes(f)).as(name).isEqualTo(content);
            assertThat(java.nio.file.Files.exists(dir.resolve(name + ".wal"))).as(name).isFalse();
        }
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(NotADatabaseException.class);
        // a database is one whatever its name: created under a .csv name, it opens again and keeps its rows
        Path real = dir.resolve("real.csv");
        try (Store s = Store.open(real)) {
            s.saveActivity(Dataset.of("a1", DatasetKind.ACTIVITY, "my.csv", "abc", 2, null, false, null, null), ROWS,
                    Map.of(), Map.of(), false);
        }
        assertThat(Store.isDatabase(real)).isTrue();
        try (Store s = Store.open(real)) {
            assertThat(s.datasets()).extracting(Dataset::id).containsExactly("a1");
        }
    }

    @Test
    void aFailedWriteLeavesNothing() {
        try (Store s = Store.inMemory()) {
            assertThatThrownBy(() -> s.saveFirms(Dataset.of("f", DatasetKind.FIRMS, "x.csv", null, 0, null, false, null, null), w -> {
                w.firm("1", "RU-SAM", "29", 2024, 10, 53.2, 50.1);
                throw new IllegalStateException("boom at row 2");
            }, null, null, false)).hasMessageContaining("boom");
            assertThat(s.datasets()).isEmpty();
            long firms = s.query("SELECT count(*) FROM firms", List.of(), rs -> { rs.next(); return rs.getLong(1); });
            assertThat(firms).isZero();
        }
    }

    @Test
    void duplicateIdRefusedUnlessReplacing() {
        try (Store s = Store.inMemory()) {
            Dataset meta = Dataset.of("a", DatasetKind.ACTIVITY, "x.csv", null, 2, null, false, null, null);
            s.saveActivity(meta, ROWS, null, null, false);
            assertThatThrownBy(() -> s.saveActivity(meta, ROWS, null, null, false)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already exists");
            s.saveActivity(meta, ROWS.subList(0, 1), null, null, true);
            assertThat(s.activity("a")).hasSize(1);
        }
    }

    @Test
    void firmsAggregateInsideTheDatabase() {
        try (Store s = Store.inMemory()) {
            s.saveFirms(Dataset.of("f", DatasetKind.FIRMS, "x.csv", null, 3, null, false, null, null), w -> {
                w.firm("1", "RU-SAM", "29.10", 2024, 10, 53.2, 50.1);
                w.firm("2", "RU-SAM", "29.10", 2024, 5, Double.NaN, Double.NaN);
                w.firm("3", "RU-TA", "29.10", 2024, 7, 55.8, 49.1);
            }, null, null, false);
            List<ActivityRecord> expected = List.of(
                    new ActivityRecord("RU-SAM", "29.10", 2024, 15, 2, Double.NaN, Double.NaN),
                    new ActivityRecord("RU-TA", "29.10", 2024, 7, 1, Double.NaN, Double.NaN));
            assertThat(s.firmActivity("f")).containsExactlyElementsOf(expected);
            assertThat(s.activity("f")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void unknownDatasetNamesWhatExists() {
        try (Store s = Store.inMemory()) {
            assertThatThrownBy(() -> s.activity("nope")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no dataset \"nope\"").hasMessageContaining("klaster demo");
        }
    }
}
