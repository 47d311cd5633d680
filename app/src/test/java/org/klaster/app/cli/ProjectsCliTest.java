package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * {@code klaster projects} end to end on a registry folder and a dependent-products file written here.
 *
 * <pre>
 * Cluster AUTO, specialisation 28; participants on 2025-06-30: Alpha (28.41), Beta (25.62). Delta (27.11) is in AERO.
 * P1 AUTO  TRL 3 → 6  Alpha lead, Gamma research; Alpha 2024 1 000 000, Gamma 2025 500 000 → 1 500 000; 28.41.12
 * P2 AUTO  TRL 4 → 7  Beta lead, Alpha industrial; Beta 2025 2 000 000, Alpha 2026 250 000.5 → 2 250 000.5; 27.90.11
 * P3 AERO  TRL 5 → 5  Delta lead; 999 — another cluster's, never counted for AUTO.
 * trl:      3 now 1 / 1 500 000;  4 now 1 / 2 250 000.5;  6 target 1 / 1 500 000;  7 target 1 / 2 250 000.5; the rest 0.
 * dependent.csv: 28.41, 25.62, 27.90, 28.15, 20.14.
 * products: 27.90 ← P2 (27.90.11 below it), 2 250 000.5, not in the specialisation (28 declared; 28.41, 25.62 made);
 *           28.41 ← P1 (28.41.12), 1 500 000, in it (declared 28).
 * gaps:     25.62 (declared no, 1 participant: Beta);  28.15 (declared 28, no participant: 28.41 is a sister branch).
 *           20.14: no project, outside the specialisation: neither.
 * </pre>
 */
class ProjectsCliTest {

    @TempDir
    Path dir;
    Path reg;
    Path dependent;

    @BeforeEach
    void folder() throws IOException {
        reg = Files.createDirectory(dir.resolve("registry"));
        write("organisations.csv", """
                inn,ogrn,name,type,okved,region
                7707083893,1027700132195,Alpha,enterprise,28.41,RU-TA
                7736050003,1027700070518,Beta,enterprise,25.62,RU-TA
                7706107510,1027700043502,Gamma Institute,research,72.19,RU-SAM
                500100732259,304500116000157,Delta IP,enterprise,27.11,RU-TA
                """);
        write("clusters.csv", """
                cluster,name,type,regions,specialisation,specialised_organisation
                AUTO,Auto cluster,industrial,RU-TA,28,
                AERO,Aero cluster,industrial,RU-TA,30.3,
                """);
        write("memberships.csv", """
                cluster,inn,joined,left
                AUTO,7707083893,2016-03-01,
                AUTO,7736050003,2016-03-01,
                AERO,500100732259,2016-03-01,
                """);
        write("contracts.csv", "cluster,supplier,buyer,type,year,value\n");
        write("facts.csv", "inn,year,output,purchases\n");
        write("projects.csv", """
                id,cluster,title,trl_now,trl_target,start,end
                P1,AUTO,Spindle drive,3,6,2024-01-01,2026-12-31
                P2,AUTO,CNC controller,4,7,2025-01-01,
                P3,AERO,Wing panel,5,5,2025-01-01,
                """);
        write("project_partners.csv", """
                project,inn,role
                P1,7707083893,lead
                P1,7706107510,research
                P2,7736050003,lead
                P2,7707083893,industrial
                P3,500100732259,lead
                """);
        write("project_budgets.csv", """
                project,inn,year,amount
                P1,7707083893,2024,1000000
                P1,7706107510,2025,500000
                P2,7736050003,2025,2000000
                P2,7707083893,2026,250000.5
                P3,500100732259,2025,999
                """);
        write("project_milestones.csv", "project,date,text,done\nP1,2025-06-30,Bench prototype,true\n");
        write("project_products.csv", "project,okpd2\nP1,28.41.12\nP2,27.90.11\nP3,30.30.50\n");
        dependent = dir.resolve("dependent.csv");
        Files.writeString(dependent, "code\n28.41\n25.62\n27.90\n28.15\n20.14\n", StandardCharsets.UTF_8);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(reg.resolve(name), content, StandardCharsets.UTF_8);
    }

    String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("projects", "--registry", reg.toString(), "--cluster", "AUTO", "--dependent",
                dependent.toString(), "--as-of", "2025-06-30", "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void theTrlViewCountsProjectsAndBudgetsByLevelNowAndTargeted() {
        CliRun r = ok(args());
        assertThat(r.header()).isEqualTo("trl,projects_now,budget_now,projects_target,budget_target");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(x -> x.get("trl")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(r.row("3")).containsEntry("projects_now", "1").containsEntry("budget_now", "1500000")
                .containsEntry("projects_target", "0").containsEntry("budget_target", "0");
        assertThat(r.row("4")).containsEntry("projects_now", "1").containsEntry("budget_now", "2250000.5");
        assertThat(r.row("5")).as("P3 is AERO's").containsEntry("projects_now", "0").containsEntry("projects_target", "0");
        assertThat(r.row("6")).containsEntry("projects_target", "1").containsEntry("budget_target", "1500000");
        assertThat(r.row("7")).containsEntry("projects_target", "1").containsEntry("budget_target", "2250000.5");
        assertThat(r.err()).contains("note: 2 projects, 3750000.5 RUB in all; 2 dependent products addressed, "
                + "2 dependent products of the specialisation not addressed");
    }

    @Test
    void theProductsViewListsTheDependentProductsAddressed() {
        CliRun r = ok(args("--view", "products"));
        assertThat(r.header()).isEqualTo("product,projects,budget,in_specialisation,project_ids");
        assertThat(r.out().lines().skip(1).toList()).containsExactly("27.90,1,2250000.5,false,P2", "28.41,1,1500000,true,P1");
    }

    @Test
    void theGapsViewListsTheDependentProductsOfTheSpecialisationWithoutAProject() {
        CliRun r = ok(args("--view", "gaps"));
        assertThat(r.header()).isEqualTo("product,declared_specialisation,member_organisations");
        assertThat(r.out().lines().skip(1).toList()).containsExactly("25.62,false,1", "28.15,true,0");
    }

    @Test
    void namesAddTheLevelsInTheChosenLanguage() {
        CliRun en = ok(args("--names"));
        assertThat(en.header()).isEqualTo("trl,trl_name,projects_now,budget_now,projects_target,budget_target");
        assertThat(en.row("1").get("trl_name")).isEqualTo("basic principles observed and reported");
        CliRun ru = ok(args("--names", "--lang", "ru"));
        assertThat(ru.row("9").get("trl_name")).isEqualTo("реальная система подтверждена в реальной эксплуатации");
        assertThat(ru.err()).contains("проектов: 2");
    }

    @Test
    void theStoredRegistryGivesTheSameRows() {
        Path db = dir.resolve("k.duckdb");
        CliRun imported = ok("registry", "import", reg.toString(), "--db", db.toString());
        assertThat(imported.err()).contains("with 3 joint R&D projects");
        for (String view : List.of("trl", "products", "gaps")) {
            CliRun stored = ok("projects", "--cluster", "AUTO", "--view", view, "--dependent", dependent.toString(), "--as-of",
                    "2025-06-30", "--format", "csv", "--db", db.toString());
            assertThat(stored.out()).as(view).isEqualTo(ok(args("--view", view)).out());
        }
    }

    @Test
    void withoutDependentProductsNothingIsAddressedAndANoteSaysWhy() {
        CliRun r = ok("projects", "--registry", reg.toString(), "--cluster", "AUTO", "--view", "gaps", "--format", "csv",
                "--db", dir.resolve("none.duckdb").toString());
        assertThat(r.csv()).isEmpty();
        assertThat(r.err()).contains("no dependent products");
        CliRun none = ok("projects", "--registry", reg.toString(), "--cluster", "AERO", "--view", "trl", "--as-of", "2025-06-30",
                "--format", "csv", "--db", dir.resolve("none.duckdb").toString());
        assertThat(none.row("5")).containsEntry("projects_now", "1").containsEntry("budget_now", "999");
    }

    @Test
    void badInputNamesTheFileLineAndColumnExitsTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("out.csv");
        write("project_partners.csv", """
                project,inn,role
                P1,7707083893,lead
                P1,7706107510,lead
                P2,7736050003,lead
                P3,500100732259,lead
                """);
        CliRun r = klaster(args("--out", out.toString()));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("project_partners.csv, line 3, column \"role\": project \"P1\" already has a lead partner");
        assertThat(out).doesNotExist();

        write("project_partners.csv", "project,inn,role\nP1,7707083893,lead\nP3,500100732259,lead\n");
        r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("projects.csv, line 3, column \"id\": project \"P2\" has no lead partner");

        write("project_partners.csv", "project,inn,role\nP1,7707083893,lead\nP2,7736050003,lead\nP3,500100732259,lead\n");
        write("projects.csv", """
                id,cluster,title,trl_now,trl_target,start,end
                P1,AUTO,Spindle drive,3,6,2024-01-01,2026-12-31
                P2,AUTO,CNC controller,7,4,2025-01-01,
                P3,AERO,Wing panel,5,5,2025-01-01,
                """);
        r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("projects.csv, line 3, column \"trl_target\": the targeted level 4 is below the level reached now, 7");

        write("projects.csv", "id,cluster,title,trl_now,trl_target,start,end\nP1,AUTO,Spindle drive,3,6,2024-01-01,2026-12-31\n"
                + "P2,AUTO,CNC controller,4,7,2025-01-01,\nP3,AERO,Wing panel,5,5,2025-01-01,\n");
        write("project_budgets.csv", "project,inn,year,amount\nP1,7707083893,2027,10\n");
        r = klaster(args("--lang", "ru"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("project_budgets.csv, строка 2").contains("год 2027 вне лет проекта «P1», 2024–2026");

        write("project_budgets.csv", "project,inn,year,amount\n");
        Files.writeString(dependent, "code\n28.41\n28_41\n", StandardCharsets.UTF_8);
        r = klaster(args());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("dependent.csv, line 3, column \"code\": \"28_41\" is not an OKPD2/OKVED2 code")
                .doesNotContain("Exception");
    }

    @Test
    void badFlagsExitTwoNamingTheFlag() {
        CliRun r = klaster(args("--view", "budget"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--view").contains("trl, products, gaps");
        r = klaster("projects", "--registry", reg.toString(), "--cluster", "SPACE", "--db", dir.resolve("none.duckdb").toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--cluster").contains("cluster SPACE is not in the registry");
        r = klaster(args("--as-of", "2025-02-30"));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--as-of");
        r = klaster("projects", "--registry", reg.toString(), "--db", dir.resolve("none.duckdb").toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--cluster");
        r = klaster(args("--out", reg.resolve("projects.csv").toString()));
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("--out");
    }
}
