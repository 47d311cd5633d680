package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.registry.Project;
import org.klaster.registry.Project.Budget;
import org.klaster.registry.Project.Milestone;
import org.klaster.registry.Project.Partner;
import org.klaster.registry.Project.Role;
import org.klaster.registry.Registry;

/**
 * The optional project files of a registry folder (formats.md §10): read whole beside the valid folder of
 * {@link RegistryReaderTest}; each malformed variant refused naming the file, line and column, nothing returned.
 */
class RegistryProjectsReaderTest {

    @TempDir
    Path dir;

    static final String ALPHA = "7707083893";
    static final String BETA = "7736050003";
    static final String GAMMA = "7706107510";

    static Map<String, String> valid() {
        Map<String, String> m = RegistryReaderTest.valid();
        m.put("projects.csv", """
                id,cluster,title,trl_now,trl_target,start,end
                P1,AUTO,Electric drive,3,6,2024-01-01,2026-12-31
                P2,AUTO,"Gearbox, 8 speeds",5,5,01.03.2025,
                """);
        m.put("project_partners.csv", """
                project,inn,role
                P1,7707083893,lead
                P1,7706107510,research
                P2,7736050003,LEAD
                """);
        m.put("project_budgets.csv", """
                project,inn,year,amount
                P1,7707083893,2024,1 000 000
                P1,7706107510,2025,250000.5
                P2,7736050003,2030,0
                """);
        m.put("project_milestones.csv", """
                project,date,text,done
                P1,2024-12-31,Bench prototype,true
                P1,2026-06-30,Field trial,
                """);
        m.put("project_products.csv", """
                project,okpd2
                P1,27.11.10
                P1,29.32.30.000
                """);
        return m;
    }

    Path folder(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void projectsAreReadWithTheirPartnersBudgetsMilestonesAndProducts() throws IOException {
        RegistryReader.Result r = RegistryReader.read(folder(valid()));
        Registry reg = r.registry();
        assertThat(reg.projects()).containsExactly(
                new Project("P1", "AUTO", "Electric drive", 3, 6, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                        List.of(new Partner(ALPHA, Role.LEAD), new Partner(GAMMA, Role.RESEARCH)),
                        List.of(new Budget(ALPHA, 2024, 1_000_000), new Budget(GAMMA, 2025, 250_000.5)),
                        List.of(new Milestone(LocalDate.of(2024, 12, 31), "Bench prototype", true),
                                new Milestone(LocalDate.of(2026, 6, 30), "Field trial", false)),
                        List.of("27.11.10", "29.32.30.000")),
                new Project("P2", "AUTO", "Gearbox, 8 speeds", 5, 5, LocalDate.of(2025, 3, 1), null,
                        List.of(new Partner(BETA, Role.LEAD)), List.of(new Budget(BETA, 2030, 0)), List.of(), List.of()));
        assertThat(reg.projects().get(0).budget()).isEqualTo(1_250_000.5);
        assertThat(reg.projectsOf("AUTO")).hasSize(2);
        assertThat(r.files()).hasSize(10);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void projectFilesAreOptionalAndOnlyProjectsWithoutCompanionsNeedALead() throws IOException {
        Map<String, String> m = RegistryReaderTest.valid();
        assertThat(RegistryReader.read(folder(m)).registry().projects()).isEmpty();
        m.put("projects.csv", "id,cluster,title,trl_now,trl_target,start,end\n");
        assertThat(RegistryReader.read(folder(m)).registry().projects()).isEmpty();
    }

    @Test
    void anXlsxProjectsFileIsReadLikeItsCsv() throws IOException {
        Map<String, String> m = valid();
        m.remove("projects.csv");
        folder(m);
        try (OutputStream os = Files.newOutputStream(dir.resolve("projects.xlsx"));
             Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("Projects");
            String[] h = {"id", "cluster", "title", "trl_now", "trl_target", "start", "end"};
            for (int c = 0; c < h.length; c++) s.value(0, c, h[c]);
            Object[][] rows = {{"P1", "AUTO", "Electric drive", 3, 6, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)},
                {"P2", "AUTO", "Gearbox, 8 speeds", 5, 5, "2025-03-01", null}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < h.length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof String t) s.value(r + 1, c, t);
                    else if (v instanceof Integer n) s.value(r + 1, c, n);
                    else if (v instanceof LocalDate d) s.value(r + 1, c, d);
                }
            }
        }
        Registry fromXlsx = RegistryReader.read(dir).registry();
        Files.delete(dir.resolve("projects.xlsx"));
        assertThat(fromXlsx.projects()).isEqualTo(RegistryReader.read(folder(valid())).registry().projects());
    }

    static Arguments bad(String file, String content, long line, String column, String fragment) {
        return Arguments.of(file, content, line, column, fragment);
    }

    static final String PROJECTS = "id,cluster,title,trl_now,trl_target,start,end\n";
    static final String PARTNERS = "project,inn,role\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3,6,2024-01-01,2026-12-31\nP1,AUTO,Again,1,2,2024-01-01,\n",
                        3, "id", "project \"P1\" appears twice (first on line 2)"),
                bad("projects.csv", PROJECTS + "P1,AVIA,Drive,3,6,2024-01-01,\n", 2, "cluster", "cluster \"AVIA\" is not in clusters"),
                bad("projects.csv", PROJECTS + "P1,AUTO,,3,6,2024-01-01,\n", 2, "title", "the name is empty"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,0,6,2024-01-01,\n", 2, "trl_now",
                        "\"0\" is not a technology readiness level (expected a whole number from 1 to 9)"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3,10,2024-01-01,\n", 2, "trl_target", "\"10\" is not a technology"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3.5,6,2024-01-01,\n", 2, "trl_now", "\"3.5\" is not a technology"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,6,3,2024-01-01,\n", 2, "trl_target",
                        "the targeted level 3 is below the level reached now, 6"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3,6,2024-01-01,2023-12-31\n", 2, "end",
                        "the end 2023-12-31 is before the start 2024-01-01"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3,6,2024-13-01,\n", 2, "start", "\"2024-13-01\" is not a date"),
                bad("projects.csv", "id,cluster,title,trl_now,start,end\nP1,AUTO,Drive,3,2024-01-01,\n", 0, "trl_target",
                        "required column \"trl_target\" is missing"),
                bad("projects.csv", PROJECTS + "P1,AUTO,Drive,3,6,2024-01-01,2026-12-31\nP2,AUTO,Box,5,5,2025-03-01,\n"
                        + "P3,AUTO,No lead,1,2,2025-01-01,\n", 4, "id",
                        "project \"P3\" has no lead partner in project_partners"),
                bad("project_partners.csv", PARTNERS + "P1,7707083893,lead\nP1,7706107510,lead\nP2,7736050003,lead\n", 3, "role",
                        "project \"P1\" already has a lead partner (first on line 2)"),
                bad("project_partners.csv", PARTNERS + "P1,7707083893,lead\nP1,7707083893,research\nP2,7736050003,lead\n", 3,
                        "inn", "INN \"7707083893\" is a partner of project \"P1\" twice (first on line 2)"),
                bad("project_partners.csv", PARTNERS + "P1,7707083893,lead\nP1,7702070139,research\n", 3, "inn",
                        "INN \"7702070139\" is not in organisations"),
                bad("project_partners.csv", PARTNERS + "P1,7707083893,lead\nP9,7706107510,research\n", 3, "project",
                        "project \"P9\" is not in projects"),
                bad("project_partners.csv", PARTNERS + "P1,7707083893,sponsor\n", 2, "role",
                        "\"sponsor\" is not a known value (expected one of: lead, industrial, research, university)"),
                bad("project_budgets.csv", "project,inn,year,amount\nP1,7736050003,2024,10\n", 2, "inn",
                        "INN \"7736050003\" is not a partner of project \"P1\" in project_partners"),
                bad("project_budgets.csv", "project,inn,year,amount\nP1,7707083893,2027,10\n", 2, "year",
                        "the year 2027 is outside the years of project \"P1\", 2024–2026"),
                bad("project_budgets.csv", "project,inn,year,amount\nP1,7707083893,2024,-10\n", 2, "amount",
                        "\"-10\" is negative; the value cannot be negative"),
                bad("project_budgets.csv", "project,inn,year,amount\nP1,7707083893,2024,10\nP1,7707083893,2024,20\n", 3, null,
                        "project \"P1\", INN \"7707083893\", year 2024 appears twice (first on line 2)"),
                bad("project_budgets.csv", "project,inn,year,amount\nP1,7707083893,2024,\n", 2, "amount", "empty"),
                bad("project_milestones.csv", "project,date,text,done\nP1,2024-12-31,,false\n", 2, "text", "the text is empty"),
                bad("project_milestones.csv", "project,date,text,done\nP1,2024-12-31,Trial,maybe\n", 2, "done",
                        "\"maybe\" is not a flag (expected true or false)"),
                bad("project_milestones.csv", "project,date,text,done\nP1,tomorrow,Trial,false\n", 2, "date",
                        "\"tomorrow\" is not a date"),
                bad("project_products.csv", "project,okpd2\nP1,27.11.10\nP1,2711\n", 3, "okpd2",
                        "\"2711\" is not an OKPD2/OKVED2 code"),
                bad("project_products.csv", "project,okpd2\nP1,27.11.10\nP1,27.11.10\n", 3, "okpd2",
                        "product \"27.11.10\" of project \"P1\" appears twice (first on line 2)"));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("malformed")
    void eachProblemIsRefusedWithFileLineAndColumn(String file, String content, long line, String column, String fragment)
            throws IOException {
        Map<String, String> m = valid();
        m.put(file, content);
        InputException e = catchThrowableOfType(InputException.class, () -> RegistryReader.read(folder(m)));
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
        assertThat(e.text().in(Locale.forLanguageTag("ru"))).doesNotContain("\u27e6").contains(file);
    }

    @Test
    void aCompanionFileWithoutProjectsIsRefusedAtItsFirstRow() throws IOException {
        Map<String, String> m = valid();
        m.remove("projects.csv");
        InputException e = catchThrowableOfType(InputException.class, () -> RegistryReader.read(folder(m)));
        MalformedCorpus.assertRefused(e, "project_partners.csv", 2, "project", "project \"P1\" is not in projects");
    }
}
