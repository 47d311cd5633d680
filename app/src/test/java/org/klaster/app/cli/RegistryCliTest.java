package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.PostgresTestDatabase;
import org.klaster.data.store.Store;

/**
 * {@code klaster registry import|list|show|rules} and {@code klaster compliance} from the platform store, on the
 * hand-computed registry of {@link ComplianceCliTest} (A, B, C members since 2016–2018, D since 2023-02-01): the
 * report from the store must be the report from the folder, row for row.
 */
class RegistryCliTest {

    /** ComplianceCliTest's hand-computed rows (as of 2024-06-30, facts of 2023, the project's rules). */
    static final List<String> EXPECTED = List.of(
            "contract_link,500100732259,0,1,true,true,2015-07-31,V",
            "contract_link,7706107510,1,1,true,false,2015-07-31,V",
            "contract_link,7707083893,2,1,true,false,2015-07-31,V",
            "contract_link,7736050003,1,1,true,false,2015-07-31,V",
            "inside_output_share,7706107510,0.3,0.2,true,false,2018-08-13,V",
            "inside_output_share,7707083893,0,0.2,false,false,2018-08-13,V",
            "inside_output_share,7736050003,0.375,0.2,true,false,2018-08-13,V",
            "functional_dependence,cluster,0.36,0.2,true,false,2022-01-01,V",
            "min_participants,cluster,3,10,false,false,2015-07-31,M");

    @TempDir
    Path dir;
    Path reg;
    Path db;

    @BeforeEach
    void folder() throws IOException {
        ComplianceCliTest c = new ComplianceCliTest();
        c.dir = dir;
        c.folder();
        reg = c.reg;
        db = dir.resolve("k.duckdb");
    }

    String[] compliance(String dbSpec, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("compliance", "--cluster", "AUTO", "--as-of", "2024-06-30",
                "--year", "2023", "--db", dbSpec));
        a.addAll(List.of(more));
        if (!a.contains("--format")) a.addAll(List.of("--format", "csv"));
        return a.toArray(String[]::new);
    }

    @Test
    void anImportedRegistryIsListedShownAndChecked() {
        CliRun imp = ok("registry", "import", reg.toString(), "--db", db.toString());
        assertThat(imp.err()).contains("imported into " + db + ": 4 organisations, 1 clusters, 4 memberships, 2 contracts,"
                + " 3 facts, 0 offers");
        CliRun list = ok("registry", "list", "--db", db.toString(), "--format", "csv", "--as-of", "2024-06-30");
        assertThat(list.out()).isEqualTo("cluster,name,type,regions,participants\nAUTO,Auto cluster,industrial,RU-TA,4\n");
        // before D joined (2023-02-01) and before C joined (2018-01-15)
        assertThat(ok("registry", "list", "--db", db.toString(), "--format", "csv", "--as-of", "2023-01-31").csv().get(0)
                .get("participants")).isEqualTo("3");
        assertThat(ok("registry", "list", "--db", db.toString(), "--format", "csv", "--as-of", "2017-12-31").csv().get(0)
                .get("participants")).isEqualTo("2");
        CliRun show = ok("registry", "show", "AUTO", "--db", db.toString(), "--format", "csv");
        assertThat(show.header()).isEqualTo("inn,name,type,region,okved,final_producer,joined,left");
        assertThat(show.out().lines().skip(1).toList()).containsExactly(
                "7707083893,Alpha,enterprise,RU-TA,29.10,true,2016-03-01,",
                "7736050003,Beta,enterprise,RU-TA,29.32,false,2016-03-01,",
                "7706107510,Gamma Institute,research,RU-TA,72.19,false,2018-01-15,",
                "500100732259,Delta IP,enterprise,RU-TA,25.62,false,2023-02-01,");
        CliRun unknown = klaster("registry", "show", "NOPE", "--db", db.toString());
        assertThat(unknown.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(unknown.err()).contains("no cluster \"NOPE\"").contains("(clusters: AUTO)");
        // the same folder again changes nothing and audits nothing
        int audited = audited();
        ok("registry", "import", reg.toString(), "--db", db.toString());
        assertThat(audited()).isEqualTo(audited).isEqualTo(4 + 1 + 4 + 2 + 3);
    }

    int audited() {
        try (Store s = Store.open(db); PlatformStore p = PlatformStore.on(s)) {
            return p.audit(null, null, PlatformStore.MAX_AUDIT).size();
        }
    }

    @Test
    void theReportFromTheStoreIsTheReportFromTheFolder() throws IOException {
        ok("registry", "import", reg.toString(), "--db", db.toString());
        CliRun fromFolder = ok(compliance(dir.resolve("none.duckdb").toString(), "--registry", reg.toString()));
        CliRun fromStore = ok(compliance(db.toString()));
        assertThat(fromStore.out().lines().skip(1).toList()).containsExactlyElementsOf(EXPECTED);
        assertThat(fromStore.out()).isEqualTo(fromFolder.out());
        // no rules stored yet: the project's, and a note saying so
        assertThat(fromStore.err()).contains("no rules are stored in " + db).contains("rules rules-779.csv (sha256 ");
        CliRun saved = ok("registry", "rules", "--save", "project", "--note", "as of 2025", "--db", db.toString(),
                "--format", "csv");
        assertThat(saved.header()).isEqualTo("version,note,created_by,created_at,rules");
        assertThat(saved.csv().get(0).get("version")).isEqualTo("1");
        assertThat(saved.csv().get(0).get("note")).isEqualTo("as of 2025");
        CliRun versioned = ok(compliance(db.toString()));
        assertThat(versioned.out()).isEqualTo(fromFolder.out());
        assertThat(versioned.err()).contains("rules version 1 of the platform store " + db);
        // the provenance (the API's envelope) names the store and the version
        try (Store s = Store.open(db); PlatformStore p = PlatformStore.on(s)) {
            var t = org.klaster.app.analysis.ComplianceAnalysis.runStored(p, org.klaster.app.analysis.ComplianceAnalysis.Params
                    .of("AUTO", "2024-06-30", "2023", null, true), new org.klaster.app.analysis.Names(
                    org.klaster.app.analysis.Lang.en, org.klaster.app.analysis.Reference.regions(), c -> null, c -> null), false);
            assertThat(t.provenance().parameters()).containsEntry("rules", "platform:1").containsEntry("rules_version", "1");
            assertThat(t.provenance().inputs().get(0).source()).isEqualTo("platform store " + db);
        }
        // --rules still wins over the stored version
        Path rules = dir.resolve("rules.csv");
        try (var in = RegistryReader.class.getResourceAsStream("/org/klaster/data/reference/rules-779.csv")) {
            Files.write(rules, in.readAllBytes());
        }
        assertThat(ok(compliance(db.toString(), "--rules", rules.toString())).err()).contains("rules rules.csv (sha256 ");
    }

    @Test
    void aRefusedFolderIsReportedAsTheReaderReportsItAndStoresNothing() throws IOException {
        Files.writeString(reg.resolve("contracts.csv"), """
                cluster,supplier,buyer,type,year,value
                AUTO,7736050003,7736050003,supply,2023,1500
                """, StandardCharsets.UTF_8);
        String expected;
        try {
            RegistryReader.read(reg);
            throw new AssertionError("the reader accepted a contract with oneself");
        } catch (InputException e) {
            expected = e.getMessage();
        }
        CliRun r = klaster("registry", "import", reg.toString(), "--db", db.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains(expected).contains("contracts.csv");
        assertThat(db).doesNotExist();
        // into an existing store: nothing added, nothing audited
        ok("registry", "rules", "--save", "project", "--db", db.toString());
        int before = audited();
        assertThat(klaster("registry", "import", reg.toString(), "--db", db.toString()).code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(audited()).isEqualTo(before);
        assertThat(ok("registry", "list", "--db", db.toString(), "--format", "csv").out())
                .isEqualTo("cluster,name,type,regions,participants\n");
        CliRun missing = klaster(compliance(dir.resolve("none.duckdb").toString()));
        assertThat(missing.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(missing.err()).contains("--db:");
        CliRun noCluster = klaster(compliance(db.toString()));
        assertThat(noCluster.code()).isEqualTo(Klaster.BAD_INPUT);
    }

    /** The same commands on PostgreSQL (skipped without KLASTER_TEST_POSTGRES, failed without it on CI). */
    @Test
    void theCommandsWorkOnPostgres() {
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        try {
            String url = pg.url();
            ok("registry", "import", reg.toString(), "--db", url);
            assertThat(ok("registry", "list", "--db", url, "--format", "csv", "--as-of", "2024-06-30").out())
                    .isEqualTo("cluster,name,type,regions,participants\nAUTO,Auto cluster,industrial,RU-TA,4\n");
            assertThat(ok(compliance(url)).out().lines().skip(1).toList()).containsExactlyElementsOf(EXPECTED);
            UsersCommand.stdin = new java.io.ByteArrayInputStream("Tver-river-bridge-1987\n".getBytes(StandardCharsets.UTF_8));
            CliRun add = ok("users", "add", "manager", "--role", "cluster_manager", "--cluster", "AUTO", "--password-stdin",
                    "--db", url);
            assertThat(add.err()).contains("added the account manager (cluster_manager)");
            List<Map<String, String>> users = ok("users", "list", "--db", url, "--format", "csv").csv();
            assertThat(users).hasSize(1);
            assertThat(users.get(0).get("clusters")).isEqualTo("AUTO");
            CliRun dup = klaster("users", "add", "MANAGER", "--role", "viewer", "--password-stdin", "--db", url);
            assertThat(dup.code()).isEqualTo(Klaster.BAD_INPUT);
        } finally {
            UsersCommand.stdin = System.in;
            pg.drop();
        }
    }
}
