package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/** {@code klaster import io} and the {@code --dataset} path of {@code klaster io}: a stored table gives the file's numbers. */
class IoImportCliTest {

    @TempDir
    Path dir;

    /** Miller & Blair's two sectors with part of value added turned into imported inputs (columns still balance). */
    static final String WITH_IMPORTS = """
            code,S1,S2,fd:households,fd:exports,total_output
            S1,150,500,300,50,1000
            S2,200,100,1500,200,2000
            imports,50,100,,,
            value_added,600,1300,,,
            """;

    @Test
    void aStoredTableGivesExactlyTheNumbersOfItsFile() throws IOException {
        Path table = dir.resolve("mb.csv");
        Files.writeString(table, WITH_IMPORTS, StandardCharsets.UTF_8);
        String db = dir.resolve("k.duckdb").toString();
        String id = ok("import", "io", table.toString(), "--db", db).out().strip();
        assertThat(id).matches("io-[0-9a-f]{8}");
        // the same file again under the default id is a no-op naming the same dataset
        assertThat(ok("import", "io", table.toString(), "--db", db).out().strip()).isEqualTo(id);
        assertThat(ok("datasets", "--db", db, "--format", "csv").out()).contains(id + ",io,mb.csv");

        for (String[] cmd : new String[][] {{"multipliers"}, {"extract"}, {"shock", "--demand", "S1=-0.2,S2=0.1"},
                {"shock", "--input-cut", "S2=0.5"}, {"shock", "--perturb", "S1=0.1"}}) {
            String[] fromFile = concat(new String[] {"io"}, cmd, new String[] {"--table", table.toString(), "--format", "csv"});
            String[] fromStore = concat(new String[] {"io"}, cmd, new String[] {"--dataset", id, "--db", db, "--format", "csv"});
            CliRun stored = ok(fromStore);
            assertThat(stored.out()).as(String.join(" ", cmd)).isEqualTo(ok(fromFile).out());
            assertThat(stored.err()).contains("dataset " + id + ": io from mb.csv");
        }
    }

    @Test
    void aMalformedOrNonProductiveTableStoresNothing() throws IOException {
        String db = dir.resolve("k.duckdb").toString();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "code,S1,S2,fd:households\nS1,1,x,3\nS2,1,2,3\n", StandardCharsets.UTF_8);
        CliRun r = klaster("import", "io", bad.toString(), "--db", db);
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad.csv").contains("line 2");
        assertThat(ok("datasets", "--db", db, "--format", "csv").csv()).isEmpty();
        assertThat(Path.of(db)).doesNotExist(); // the refused file never opened the database
        // --table and --dataset are exclusive, one is required
        assertThat(klaster("io", "multipliers", "--db", db).code()).isEqualTo(Klaster.BAD_INPUT);
        // an unknown dataset of an existing database (reading commands do not create one)
        org.klaster.data.store.Store.open(Path.of(db)).close();
        CliRun missing = klaster("io", "multipliers", "--dataset", "nope", "--db", db);
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("no dataset “nope”");
    }

    @Test
    void anActivityDatasetIsNotAnIoTable() throws IOException {
        String db = dir.resolve("k.duckdb").toString();
        Path act = dir.resolve("act.csv");
        Files.writeString(act, "region,industry,year,employment\nRU-SAM,29,2024,10\n", StandardCharsets.UTF_8);
        String id = ok("import", "activity", act.toString(), "--db", db).out().strip();
        CliRun r = klaster("io", "multipliers", "--dataset", id, "--db", db);
        assertThat(r.code()).isNotEqualTo(Klaster.OK);
        assertThat(r.err()).contains("this needs an input–output table");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
