package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.store.Establishment;
import org.klaster.data.store.Store;

/**
 * {@code klaster import firms FILE}: the establishments are kept row by row beside the aggregated activity,
 * so the stored dataset maps like the file and lists its establishments; {@code --replace} swaps the rows;
 * a refused file stores nothing.
 */
class FirmsImportCliTest {

    @TempDir
    Path dir;

    static final String FIRMS = """
            firm_id,region,industry,year,employment,lat,lon,name
            1,RU-SAM,29.10,2024,300,53.5,49.4,"ООО ""Волжский автозавод""\"
            2,RU-SAM,29.10,2024,100,,,
            3,RU-SAM,62.01,2024,40,53.2,50.1,Софт
            4,RU-TA,29.10,2024,200,55.8,49.1,
            5,RU-TA,62.01,2024,60,55.7,49.2,
            """;

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    String db() {
        return dir.resolve("k.duckdb").toString();
    }

    @Test
    void theStoredDatasetMapsLikeTheFileAndKeepsItsEstablishments() throws IOException {
        Path f = write("firms.csv", FIRMS);
        CliRun imported = ok("import", "firms", f.toString(), "--id", "f", "--db", db());
        assertThat(imported.out().strip()).isEqualTo("f");
        assertThat(imported.err()).contains("stored f: firms from firms.csv, 5 rows");
        // the stored activity is the file's aggregate (a stored firms file used to have none to map)
        CliRun fromFile = ok("map", "--firms", f.toString(), "--format", "csv");
        CliRun fromStore = ok("map", "--dataset", "f", "--db", db(), "--format", "csv");
        assertThat(fromStore.out()).isEqualTo(fromFile.out());
        // RU-SAM / division 29: 400 of RU-SAM's 440 against 600 of 700 nationally: LQ = (400/440)/(600/700)
        assertThat(Double.parseDouble(fromStore.row("RU-SAM", "29").get("lq"))).isCloseTo((400.0 / 440) / (600.0 / 700), within(1e-9));
        try (Store s = Store.open(dir.resolve("k.duckdb"))) {
            assertThat(s.establishments("f", "RU-SAM", 2024).rows()).containsExactly(
                    new Establishment("1", "ООО \"Волжский автозавод\"", "RU-SAM", "29.10", 300, 53.5, 49.4),
                    new Establishment("2", null, "RU-SAM", "29.10", 100, Double.NaN, Double.NaN),
                    new Establishment("3", "Софт", "RU-SAM", "62.01", 40, 53.2, 50.1));
            assertThat(s.require("f").rows()).isEqualTo(5);
        }
    }

    @Test
    void replaceSwapsTheRowsAndARefusedFileStoresNothing() throws IOException {
        ok("import", "firms", write("firms.csv", FIRMS).toString(), "--id", "f", "--db", db());
        Path other = write("other.csv", "firm_id,region,industry,year,employment\n9,RU-SAM,20.1,2024,7\n");
        CliRun exists = klaster("import", "firms", other.toString(), "--id", "f", "--db", db());
        assertThat(exists.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(exists.err()).contains("\"f\" already exists");
        ok("import", "firms", other.toString(), "--id", "f", "--replace", "--db", db());
        try (Store s = Store.open(dir.resolve("k.duckdb"))) {
            assertThat(s.establishments("f", "RU-SAM", 2024).rows()).extracting(Establishment::id).containsExactly("9");
            assertThat(s.establishments("f", "RU-TA", 2024).rows()).isEmpty();
        }

        Path bad = write("bad.csv", "firm_id,region,industry,year,employment,lat,lon\n"
                + "1,RU-SAM,29.10,2024,300,53.5,49.4\n2,RU-SAM,29.10,2024,100,53.5,249.4\n");
        CliRun refused = klaster("import", "firms", bad.toString(), "--id", "g", "--db", db());
        assertThat(refused.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(refused.err()).contains("bad.csv, line 3, column \"lon\": \"249.4\" is not a longitude (degrees from -180 to 180)");
        try (Store s = Store.open(dir.resolve("k.duckdb"))) {
            assertThat(s.dataset("g")).isEmpty();
            for (String table : List.of("firms", "activity")) {
                long rows = s.query("SELECT count(*) FROM " + table + " WHERE dataset_id = 'g'", List.of(), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
                assertThat(rows).as(table).isZero();
            }
        }
    }
}
