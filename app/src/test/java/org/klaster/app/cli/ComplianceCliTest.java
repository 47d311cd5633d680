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
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Reference;

/**
 * {@code klaster compliance} end to end on a registry folder written here, with the project's rules; every
 * number is worked out below (methods.md §5). The failed row's fix goes to stderr as a note, and with
 * {@code --names} into the {@code note} and {@code fix} columns (docs/methods-registry.md).
 *
 * <pre>
 * A 7707083893 enterprise, final producer, member since 2016; B 7736050003 enterprise since 2016;
 * C 7706107510 research since 2018; D 500100732259 (sole trader) enterprise since 2023-02-01.
 * Contracts 2023: B → A supply 1500, C → A works 300. Facts 2023: A output 10000, purchases 5000;
 * B 4000 / 1000; C 1000 / 200; D none.
 * As of 2024-06-30, facts of 2023:
 *   contract_link (≥ 1): A 2, B 1, C 1 pass; D 0 but a newcomer (joined after 2021-06-30, no output) → exempt.
 *   inside_output_share (≥ 20 % since 2018-08-13): A 0 / 10000 = 0 fails, fix 0.2 × 10000 = 2000 thousand RUB;
 *     B 1500 / 4000 = 0.375, C 300 / 1000 = 0.3 pass; D has no output → no row.
 *   functional_dependence (≥ 20 %, no special territory): A buys 1800 of 5000 inside = 0.36 → passes.
 *   min_participants (≥ 10, unconfirmed M): enterprises A, B, D = 3 → fails, fix 7.
 * </pre>
 */
class ComplianceCliTest {

    static final String A = "7707083893";
    static final String B = "7736050003";
    static final String C = "7706107510";
    static final String D = "500100732259";

    @TempDir
    Path dir;
    Path reg;

    @BeforeEach
    void folder() throws IOException {
        reg = Files.createDirectory(dir.resolve("registry"));
        write("organisations.csv", """
                inn,ogrn,name,type,okved,region,final_producer,special_territory
                7707083893,1027700132195,Alpha,enterprise,29.10,RU-TA,true,false
                7736050003,1027700070518,Beta,enterprise,29.32,RU-TA,false,false
                7706107510,1027700043502,Gamma Institute,research,72.19,RU-TA,false,false
                500100732259,304500116000157,Delta IP,enterprise,25.62,RU-TA,false,false
                """);
        write("clusters.csv", """
                cluster,name,type,regions,specialisation,specialised_organisation
                AUTO,Auto cluster,industrial,RU-TA,29.10;29.32,7706107510
                """);
        write("memberships.csv", """
                cluster,inn,joined,left
                AUTO,7707083893,2016-03-01,
                AUTO,7736050003,2016-03-01,
                AUTO,7706107510,2018-01-15,
                AUTO,500100732259,2023-02-01,
                """);
        write("contracts.csv", """
                cluster,supplier,buyer,type,year,value
                AUTO,7736050003,7707083893,supply,2023,1500
                AUTO,7706107510,7707083893,works,2023,300
                """);
        write("facts.csv", """
                inn,year,output,purchases
                7707083893,2023,10000,5000
                7736050003,2023,4000,1000
                7706107510,2023,1000,200
                """);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(reg.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The default command line, with {@code extra} flags added or replacing a default's value. */
    String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("compliance", "--registry", reg.toString(), "--cluster", "AUTO",
                "--as-of", "2024-06-30", "--year", "2023", "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        for (int i = 0; i < extra.length; i++) {
            int at = a.indexOf(extra[i]);
            // a flag given again replaces the default; others are added
            if (at >= 0 && extra[i].startsWith("--") && i + 1 < extra.length) a.set(at + 1, extra[++i]);
            else a.add(extra[i]);
        }
        return a.toArray(String[]::new);
    }

    @Test
    void theReportHasTheContractColumnsAndTheHandComputedRows() {
        CliRun r = ok(args());
        assertThat(r.header()).isEqualTo("requirement,subject,value,threshold,passed,exempt,rule_valid_from,confidence");
        assertThat(r.out().lines().skip(1).toList()).containsExactly(
                "contract_link,500100732259,0,1,true,true,2015-07-31,V",
                "contract_link,7706107510,1,1,true,false,2015-07-31,V",
                "contract_link,7707083893,2,1,true,false,2015-07-31,V",
                "contract_link,7736050003,1,1,true,false,2015-07-31,V",
                "inside_output_share,7706107510,0.3,0.2,true,false,2018-08-13,V",
                "inside_output_share,7707083893,0,0.2,false,false,2018-08-13,V",
                "inside_output_share,7736050003,0.375,0.2,true,false,2018-08-13,V",
                "functional_dependence,cluster,0.36,0.2,true,false,2022-01-01,V",
                "min_participants,cluster,3,10,false,false,2015-07-31,M");
    }

    /** The fix of the failed row, the rules version and the verdict are on stderr. */
    @Test
    void theFixOfAFailedRequirementIsPrintedOnStderr() {
        CliRun r = ok(args());
        assertThat(r.err()).contains("note: participant 7707083893 sells 0 % of its output inside the cluster, 20 % needed:"
                + " 2 mln RUB more of sales to other participants");
        assertThat(r.err()).contains("note: the cluster has 3 participants of type enterprise, 10 needed: it needs 7 more");
        assertThat(r.err()).contains("note: rules rules-779.csv (sha256 ")
                .contains("inside_output_share.min_share=0.2 2018-08-13.. V");
        assertThat(r.err()).contains("note: cluster AUTO fails 2 requirement row(s) in force on 2024-06-30 (facts of 2023)");
        assertThat(r.err()).doesNotContain("\u27e6");
    }

    @Test
    void namesAddTheNoteAndFixColumns() {
        CliRun r = ok(args("--names"));
        assertThat(r.header()).isEqualTo("requirement,subject,value,threshold,passed,exempt,rule_valid_from,confidence,note,fix");
        Map<String, String> a = r.csv().stream().filter(x -> x.get("requirement").equals("inside_output_share")
                && x.get("subject").equals(A)).findFirst().orElseThrow();
        assertThat(a.get("fix")).isEqualTo("2000");
        assertThat(a.get("note")).startsWith("participant 7707083893 sells 0 %");
        Map<String, String> d = r.csv().stream().filter(x -> x.get("subject").equals(D)).findFirst().orElseThrow();
        assertThat(d.get("note")).isEqualTo("participant 500100732259 joined on 2023-02-01: a newcomer, exempt until 2026-02-01");
        assertThat(d.get("fix")).isEmpty();
        CliRun ru = ok(args("--names", "--lang", "ru"));
        assertThat(ru.out()).contains("продаёт внутри кластера 0 % выпуска, требуется 20 %: нужно ещё 2 млн руб.");
        assertThat(ru.err()).contains("кластер AUTO не выполняет строк требований: 2");
    }

    @Test
    void unconfirmedRulesCanBeSwitchedOff() {
        CliRun r = ok(args("--no-unconfirmed"));
        assertThat(r.out()).doesNotContain("min_participants");
        assertThat(r.err()).contains("unconfirmed rules left out: min_participants.min");
    }

    /** Before the 2018 change the share rule was 50 %; before 2022 no functional dependence and no newcomers. */
    @Test
    void anEarlierDateUsesTheRulesInForceThen() {
        CliRun r = ok(args("--as-of", "2018-08-12", "--year", "2023"));
        // D joined in 2023: not a participant on 2018-08-12
        assertThat(r.out()).doesNotContain(D).doesNotContain("functional_dependence");
        assertThat(r.csv()).filteredOn(x -> x.get("requirement").equals("inside_output_share"))
                .allMatch(x -> x.get("threshold").equals("0.5"));
    }

    @Test
    void aUsersRulesFileReplacesTheProjects() throws IOException {
        Path rules = dir.resolve("my-rules.csv");
        Files.writeString(rules, """
                rule,parameter,value,valid_from,valid_to,source,confidence
                contract_link,min_contracts,2,2024-01-01,,regional programme of the test,S
                """);
        CliRun r = ok(args("--rules", rules.toString()));
        assertThat(r.out().lines().skip(1).toList()).containsExactly(
                "contract_link,500100732259,0,2,false,false,2024-01-01,S",
                "contract_link,7706107510,1,2,false,false,2024-01-01,S",
                "contract_link,7707083893,2,2,true,false,2024-01-01,S",
                "contract_link,7736050003,1,2,false,false,2024-01-01,S");
        assertThat(r.err()).contains("rules my-rules.csv (sha256 ");
    }

    @Test
    void badParametersExitTwoAndAnImpossibleCheckExitsOne() throws IOException {
        CliRun date = klaster(args("--as-of", "30.06.2024"));
        assertThat(date.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(date.err()).contains("--as-of: expected a date such as 2024-06-30");
        CliRun cluster = klaster(args("--cluster", "AVIA"));
        assertThat(cluster.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(cluster.err()).contains("--cluster: cluster 'AVIA' is not in the registry (clusters: AUTO)");
        CliRun none = klaster(args("--as-of", "2010-01-01"));
        assertThat(none.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(none.err()).contains("cluster 'AUTO' has no participants on 2010-01-01").doesNotContain("internal error");

        write("contracts.csv", "cluster,supplier,buyer,type,year,value\nAUTO,7736050003,7736050003,supply,2023,1\n");
        Path out = dir.resolve("report.csv");
        CliRun self = klaster(args("--out", out.toString()));
        assertThat(self.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(self.err()).contains("contracts.csv, line 2, column \"buyer\": a contract of \"7736050003\" with itself");
        assertThat(out).doesNotExist();

        // a file of the folder is an input too: --out may not replace it
        byte[] facts = Files.readAllBytes(reg.resolve("facts.csv"));
        CliRun over = klaster(args("--out", reg.resolve("facts.csv").toString()));
        assertThat(over.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(over.err()).contains("--out: " + reg.resolve("facts.csv") + " is also given to --registry");
        assertThat(Files.readAllBytes(reg.resolve("facts.csv"))).isEqualTo(facts);
    }

    /** Every column of the report is labelled in both languages, and the method is described. */
    @Test
    void theColumnsAreLabelled() {
        Names names = new Names(Lang.en, Reference.regions(), c -> null, c -> null);
        for (Lang lang : Lang.values()) {
            Messages m = Messages.of(lang);
            for (var c : ComplianceAnalysis.schema(names).columns()) {
                assertThat(m.has(c.labelKey())).as(lang + " " + c.name()).isTrue();
                // "value" is shared with other tables and keeps its plain label
                if (!c.name().equals("value")) assertThat(m.has(c.helpKey())).as(lang + " " + c.helpKey()).isTrue();
            }
            assertThat(m.has("method." + ComplianceAnalysis.ID)).isTrue();
        }
    }

    /** The demo registry folder: compliance runs on it, SVE-METAL fails its functional dependence with the fix on stderr. */
    @Test
    void theDemoRegistryFolderRunsThroughCompliance() {
        Path demo = dir.resolve("demo-registry");
        CliRun w = ok("demo", "registry", "--dir", demo.toString());
        assertThat(w.err()).contains("SYNTHETIC demo registry");
        CliRun fail = ok("compliance", "--registry", demo.toString(), "--cluster", "SVE-METAL", "--as-of", "2024-12-31",
                "--year", "2024", "--format", "csv", "--db", dir.resolve("none.duckdb").toString());
        assertThat(fail.csv()).filteredOn(x -> x.get("passed").equals("false")).extracting(x -> x.get("requirement"))
                .containsExactly("functional_dependence");
        assertThat(fail.err()).contains("note: final producers buy 1").contains("20 % needed");
        CliRun pass = ok("compliance", "--registry", demo.toString(), "--cluster", "SAM-AUTO", "--as-of", "2024-12-31",
                "--year", "2024", "--format", "csv", "--db", dir.resolve("none.duckdb").toString());
        assertThat(pass.csv()).allMatch(x -> x.get("passed").equals("true"));
        assertThat(pass.err()).contains("cluster SAM-AUTO meets every requirement in force on 2024-12-31");
        CliRun file = klaster("demo", "registry", "--dir", reg.resolve("facts.csv").toString());
        assertThat(file.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(file.err()).contains("--dir:").contains("is a file, not a folder");
    }
}
