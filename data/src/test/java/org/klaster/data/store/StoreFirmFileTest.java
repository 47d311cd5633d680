package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.formats.FirmsReader;
import org.klaster.data.formats.InputException;

/**
 * A firm-level file imported into the store keeps its establishments row by row (inserted by DuckDB from
 * the file, in the dataset's transaction) together with the aggregate the reader computed; a refused or
 * changed file leaves nothing in either table.
 */
class StoreFirmFileTest {

    @TempDir
    Path dir;

    private final FirmsReader reader = new FirmsReader(2, "256MB");

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** What {@code klaster import firms} does: check and aggregate the file, then store both in one transaction. */
    private Dataset importFile(Store s, String id, Path f, boolean replace) throws IOException {
        FirmsReader.Result r = reader.readFirms(f, FirmsReader.Progress.NONE);
        return s.saveFirms(Dataset.of(id, DatasetKind.FIRMS, f.getFileName().toString(), r.activity().sha256(),
                r.rows().count(), null, false, null, null), r.rows(), r.activity().records(), null, null, replace);
    }

    private static long count(Store s, String table, String id) {
        return s.query("SELECT count(*) FROM " + table + " WHERE " + (table.equals("datasets") ? "id" : "dataset_id")
                + " = ?", List.of(id), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }

    private static ActivityRecord agg(String region, String industry, int year, double employment, int firms) {
        return new ActivityRecord(region, industry, year, employment, firms, Double.NaN, Double.NaN);
    }

    static final String CSV = "firm_id,region,industry,year,employment,lat,lon,name\n"
            + "10, RU-SAM ,28.4,2024,120,53.2,50.1,\"ООО \"\"Волжский станкозавод\"\"\"\n" // padded region: trimmed
            + "2,RU-SAM,29,2024,\"1 000\",-53.25,50.2,  АО Самара  \n"                   // grouped digits, name trimmed
            + "3,RU-SAM,29,2024,7,,,\n"                                                 // no place, no name
            + "4,RU-SAM,29,2023,5,53.0,50.0,Old\n"                                      // another year
            + "5,RU-TA,29, 2024 ,40,55.8,49.1,\n";                                      // another region, padded year

    @Test
    void csvEstablishmentsAreStoredRowByRowBesideTheAggregate() throws Exception {
        try (Store s = Store.inMemory()) {
            Dataset d = importFile(s, "f", write("firms.csv", CSV), false);
            assertThat(d.kind()).isEqualTo(DatasetKind.FIRMS);
            assertThat(d.rows()).isEqualTo(5);
            Establishments e = s.establishments("f", "RU-SAM", 2024);
            assertThat(e.year()).isEqualTo(2024);
            assertThat(e.rows()).containsExactly(
                    new Establishment("2", "АО Самара", "RU-SAM", "29", 1000, -53.25, 50.2),
                    new Establishment("3", null, "RU-SAM", "29", 7, Double.NaN, Double.NaN),
                    new Establishment("10", "ООО \"Волжский станкозавод\"", "RU-SAM", "28.4", 120, 53.2, 50.1));
            assertThat(s.establishments("f", "RU-SAM", 2023).rows()).containsExactly(
                    new Establishment("4", "Old", "RU-SAM", "29", 5, 53.0, 50.0));
            assertThat(s.establishments("f", "RU-TA", 2024).rows()).containsExactly(
                    new Establishment("5", null, "RU-TA", "29", 40, 55.8, 49.1));
            // the stored aggregate is the reader's, and the rows sum to it (by hand: 120; 1000 + 7; 5; 40)
            List<ActivityRecord> expected = List.of(agg("RU-SAM", "28.4", 2024, 120, 1), agg("RU-SAM", "29", 2023, 5, 1),
                    agg("RU-SAM", "29", 2024, 1007, 2), agg("RU-TA", "29", 2024, 40, 1));
            assertThat(s.activity("f")).containsExactlyElementsOf(expected);
            assertThat(s.firmActivity("f")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void semicolonFilesWithDecimalCommasAndNoNames() throws Exception {
        Path f = write("firms.csv", "\uFEFFfirm_id;region;industry;year;employment;lat;lon\n"
                + "A1;RU-SAM\u00A0;01.11;2024;12,5;53,25;50,125\n"
                + "A2;RU-SAM;01.11;2024;3;;\n");
        try (Store s = Store.inMemory()) {
            importFile(s, "f", f, false);
            assertThat(s.establishments("f", "RU-SAM", 2024).rows()).containsExactly(
                    new Establishment("A1", null, "RU-SAM", "01.11", 12.5, 53.25, 50.125),
                    new Establishment("A2", null, "RU-SAM", "01.11", 3, Double.NaN, Double.NaN));
            assertThat(s.activity("f")).containsExactly(agg("RU-SAM", "01.11", 2024, 15.5, 2));
        }
    }

    @Test
    void parquetEstablishmentsWithTypedColumns() throws Exception {
        Path p = dir.resolve("firms.parquet");
        duck("COPY (SELECT * FROM (VALUES (7, 'RU-SAM', '29.1', 2024::SMALLINT, 300.0, 53.5, 49.4, 'АО \"Тест\"'),"
                + " (12, 'RU-SAM', '20', 2024::SMALLINT, 50.0, NULL, NULL, NULL),"
                + " (3, 'RU-ULY', '20.5', 2024::SMALLINT, 500.0, 54.3, 48.4, ' Симбирск '))"
                + " t(firm_id, region, industry, year, employment, lat, lon, name)) TO '" + p + "' (FORMAT parquet)");
        Path bare = dir.resolve("bare.parquet");
        duck("COPY (SELECT 'x' AS firm_id, 'RU-TA' AS region, '29' AS industry, 2023 AS year, 4 AS employment) TO '"
                + bare + "' (FORMAT parquet)");
        try (Store s = Store.inMemory()) {
            importFile(s, "p", p, false);
            assertThat(s.establishments("p", "RU-SAM", 2024).rows()).containsExactly(
                    new Establishment("7", "АО \"Тест\"", "RU-SAM", "29.1", 300, 53.5, 49.4),
                    new Establishment("12", null, "RU-SAM", "20", 50, Double.NaN, Double.NaN));
            assertThat(s.establishments("p", "RU-ULY", 2024).rows()).containsExactly(
                    new Establishment("3", "Симбирск", "RU-ULY", "20.5", 500, 54.3, 48.4));
            assertThat(s.activity("p")).containsExactly(agg("RU-SAM", "20", 2024, 50, 1), agg("RU-SAM", "29.1", 2024, 300, 1),
                    agg("RU-ULY", "20.5", 2024, 500, 1));
            importFile(s, "b", bare, false);
            assertThat(s.establishments("b", "RU-TA", 2023).rows()).containsExactly(
                    new Establishment("x", null, "RU-TA", "29", 4, Double.NaN, Double.NaN));
        }
    }

    @Test
    void aRefusedFileStoresNothingInEitherTable() throws Exception {
        try (Store s = Store.inMemory()) {
            importFile(s, "other", write("other.csv", CSV), false);
            for (Path bad : List.of(
                    write("negative.csv", "firm_id,region,industry,year,employment\nF1,RU-SAM,29,2024,3\nF2,RU-SAM,29,2024,-1\n"),
                    write("duplicate.csv", "firm_id,region,industry,year,employment\nF1,RU-SAM,29,2024,3\nF1,RU-TA,29,2024,1\n"),
                    write("latitude.csv", "firm_id,region,industry,year,employment,lat,lon\nF0,RU-SAM,29,2024,3,53,50\nF1,RU-SAM,29,2024,3,91,50\n"))) {
                assertThatThrownBy(() -> importFile(s, "f", bad, false)).isInstanceOf(InputException.class)
                        .hasMessageStartingWith(bad.getFileName() + ", line 3, column");
                assertThat(count(s, "datasets", "f")).isZero();
                assertThat(count(s, "firms", "f")).isZero();
                assertThat(count(s, "activity", "f")).isZero();
            }
            assertThat(count(s, "firms", "other")).isEqualTo(5);
        }
    }

    @Test
    void aFileThatChangesAfterItsCheckIsRefusedWithNothingStored() throws Exception {
        try (Store s = Store.inMemory()) {
            Path f = write("firms.csv", CSV);
            FirmsReader.Result r = reader.readFirms(f, FirmsReader.Progress.NONE);
            Files.writeString(f, "6,RU-SAM,29,2024,1,,,\n", StandardOpenOption.APPEND);
            Dataset meta = Dataset.of("f", DatasetKind.FIRMS, "firms.csv", r.activity().sha256(), r.rows().count(), null,
                    false, null, null);
            assertThatThrownBy(() -> s.saveFirms(meta, r.rows(), r.activity().records(), null, null, false))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("firms.csv changed while it was being stored (5 rows when checked, 6 when stored);"
                            + " nothing was stored, import it again");
            // a row the database itself refuses (an employment that is no number): rolled back as well
            Files.writeString(f, CSV.replace("2,RU-SAM,29,2024,\"1 000\"", "2,RU-SAM,29,2024,many"));
            assertThatThrownBy(() -> s.saveFirms(meta, r.rows(), r.activity().records(), null, null, false))
                    .isInstanceOf(StoreException.class);
            assertThat(count(s, "datasets", "f")).isZero();
            assertThat(count(s, "firms", "f")).isZero();
            assertThat(count(s, "activity", "f")).isZero();
        }
    }

    @Test
    void replaceAndDeleteTakeTheFirmRowsToo() throws Exception {
        try (Store s = Store.inMemory()) {
            importFile(s, "f", write("firms.csv", CSV), false);
            Path second = write("second.csv", "firm_id,region,industry,year,employment\nZ,RU-SAM,29,2024,9\n");
            assertThatThrownBy(() -> importFile(s, "f", second, false)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already exists");
            assertThat(count(s, "firms", "f")).isEqualTo(5);
            importFile(s, "f", second, true);
            assertThat(s.establishments("f", "RU-SAM", 2024).rows()).containsExactly(
                    new Establishment("Z", null, "RU-SAM", "29", 9, Double.NaN, Double.NaN));
            assertThat(count(s, "firms", "f")).isEqualTo(1);
            assertThat(s.activity("f")).containsExactly(agg("RU-SAM", "29", 2024, 9, 1));
            s.delete("f");
            assertThat(count(s, "firms", "f")).isZero();
            assertThat(count(s, "activity", "f")).isZero();
        }
    }

    @Test
    void fileNamesWithGlobCharactersAreStoredLiterally() throws Exception {
        write("firms1.csv", "firm_id,region,industry,year,employment\nWRONG,RU-SAM,29,2024,1\n");
        Path f = write("firms[1].csv", "firm_id,region,industry,year,employment\nRIGHT,RU-SAM,29,2024,2\n");
        try (Store s = Store.inMemory()) {
            importFile(s, "f", f, false);
            assertThat(s.establishments("f", "RU-SAM", 2024).rows()).extracting(Establishment::id).containsExactly("RIGHT");
        }
    }

    private static void duck(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
