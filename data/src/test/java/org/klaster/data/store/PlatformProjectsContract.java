package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.RegistryReader;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Project;
import org.klaster.registry.Project.Budget;
import org.klaster.registry.Project.Milestone;
import org.klaster.registry.Project.Partner;
import org.klaster.registry.Project.Role;
import org.klaster.registry.Registry;

/**
 * Joint R&amp;D projects in the platform store (P006), run unchanged on every database it supports: saved whole and
 * read back exactly, replaced and deleted with their companion rows, imported with a registry, every change audited
 * in its transaction, and every refusal leaving neither a change nor an entry.
 */
abstract class PlatformProjectsContract {

    abstract PlatformStore open();

    void dispose() {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Actor ADMIN = new Actor(null, "test-admin");
    static final String INN_A = "7707083893";
    static final String INN_B = "7736050003";
    static final String INN_C = "500100732259";

    @TempDir
    Path dir;

    PlatformStore s;

    @BeforeEach
    void openStore() {
        s = open();
        s.importRegistry(ADMIN, new Registry(List.of(org(INN_A, OrganisationType.ENTERPRISE), org(INN_B, OrganisationType.RESEARCH),
                org(INN_C, OrganisationType.UNIVERSITY)), List.of(cluster("K1"), cluster("K2")),
                List.of(new Membership("K1", INN_A, LocalDate.of(2020, 1, 1), null)), List.of(), List.of(), List.of()));
    }

    @AfterEach
    void closeStore() {
        if (s != null) s.close();
        dispose();
    }

    static Organisation org(String inn, OrganisationType type) {
        return new Organisation(inn, "", "Org " + inn, type, "28.41", "RU-SAM", Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, false, false);
    }

    static Cluster cluster(String id) {
        return new Cluster(id, "Cluster " + id, ClusterType.INDUSTRIAL, List.of("RU-SAM"), List.of("28"), "");
    }

    static Project project(String id, String title, List<Budget> budgets) {
        return new Project(id, "K1", title, 3, 6, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new Partner(INN_A, Role.LEAD), new Partner(INN_B, Role.RESEARCH), new Partner(INN_C, Role.UNIVERSITY)),
                budgets, List.of(new Milestone(LocalDate.of(2024, 12, 31), "Bench prototype «А»", true),
                        new Milestone(LocalDate.of(2026, 6, 30), "Field trial", false)),
                List.of("28.41.12", "27.11.10.000"));
    }

    static final Project P1 = project("P1", "Machine tool drive", List.of(new Budget(INN_A, 2024, 1_000_000.25),
            new Budget(INN_B, 2025, 250_000), new Budget(INN_C, 2026, 0)));

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProjectIsSavedWholeAndReadBackExactly() {
        s.saveProject(ADMIN, P1);
        Project open = new Project("P2", "K1", "Open-ended", 1, 1, LocalDate.of(2025, 1, 1), null,
                List.of(new Partner(INN_B, Role.LEAD)), List.of(), List.of(), List.of());
        s.saveProject(ADMIN, open);
        assertThat(s.project("P1")).contains(P1);
        assertThat(s.projects("K1")).containsExactly(P1, open);
        assertThat(s.projects("K2")).isEmpty();
        assertThat(s.projects(null)).containsExactly(P1, open);
        assertThat(s.registry().projects()).containsExactly(P1, open);
        assertThat(s.project("P9")).isEmpty();
        List<AuditEntry> l = s.audit("project", "P1", 10);
        assertThat(l).extracting(AuditEntry::action).containsExactly("create");
        JsonNode after = tree(l.get(0).after());
        assertThat(after.get("trl_target").asInt()).isEqualTo(6);
        assertThat(after.get("budgets").get(0).get("amount").asDouble()).isEqualTo(1_000_000.25);
        assertThat(after.get("partners").get(0).get("role").asText()).isEqualTo("lead");
    }

    @Test
    void savingAgainReplacesTheCompanionRowsAndAuditsBeforeAndAfter() {
        s.saveProject(ADMIN, P1);
        Project changed = new Project("P1", "K1", "Machine tool drive, phase 2", 4, 7, LocalDate.of(2024, 1, 1), null,
                List.of(new Partner(INN_B, Role.LEAD), new Partner(INN_A, Role.INDUSTRIAL)),
                List.of(new Budget(INN_A, 2030, 5)), List.of(), List.of("28.41"));
        s.saveProject(new Actor("acc-1", "manager"), changed);
        assertThat(s.project("P1")).contains(changed);
        // unchanged: nothing stored, nothing audited
        s.saveProject(ADMIN, changed);
        List<AuditEntry> l = s.audit("project", "P1", 10);
        assertThat(l).extracting(AuditEntry::action).containsExactly("update", "create");
        assertThat(l.get(0).actor()).isEqualTo("manager");
        assertThat(tree(l.get(0).before()).get("title").asText()).isEqualTo("Machine tool drive");
        assertThat(tree(l.get(0).after()).get("end").isNull()).isTrue();
        assertThat(s.auditOfCluster("K1", 10)).extracting(AuditEntry::entity).contains("project");
    }

    @Test
    void aDeletedProjectLeavesNoRowsAndAnEntry() {
        s.saveProject(ADMIN, P1);
        s.deleteProject(ADMIN, "P1");
        assertThat(s.project("P1")).isEmpty();
        // saved again under the same id: no companion rows of the deleted one come back
        Project small = new Project("P1", "K1", "Small", 2, 3, LocalDate.of(2024, 1, 1), null,
                List.of(new Partner(INN_A, Role.LEAD)), List.of(), List.of(), List.of());
        s.saveProject(ADMIN, small);
        assertThat(s.project("P1")).contains(small);
        assertThat(s.audit("project", "P1", 10)).extracting(AuditEntry::action).containsExactly("create", "delete", "create");
        assertThatThrownBy(() -> s.deleteProject(ADMIN, "P9")).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("no project P9");
    }

    @Test
    void refusalsStoreNothingAndAuditNothing() {
        int entries = s.audit(null, null, 1000).size();
        Project twoLeads = new Project("P1", "K1", "T", 3, 6, LocalDate.of(2024, 1, 1), null,
                List.of(new Partner(INN_A, Role.LEAD), new Partner(INN_B, Role.LEAD)), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> s.saveProject(ADMIN, twoLeads)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("exactly one lead partner, it has 2");
        Project unknownPartner = new Project("P1", "K1", "T", 3, 6, LocalDate.of(2024, 1, 1), null,
                List.of(new Partner("7702070139", Role.LEAD)), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> s.saveProject(ADMIN, unknownPartner)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("no organisation with INN 7702070139");
        Project unknownCluster = new Project("P1", "K9", "T", 3, 6, LocalDate.of(2024, 1, 1), null,
                List.of(new Partner(INN_A, Role.LEAD)), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> s.saveProject(ADMIN, unknownCluster)).hasMessageContaining("no cluster K9");
        assertThatThrownBy(() -> s.saveProject(ADMIN, project("P1", "T", List.of(new Budget(INN_A, 2024, -1)))))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("≥ 0 RUB");
        assertThatThrownBy(() -> s.saveProject(ADMIN, project("P1", "T", List.of(new Budget(INN_A, 2023, 1)))))
                .hasMessageContaining("outside the project's years 2024–2026");
        assertThat(s.projects(null)).isEmpty();
        assertThat(s.audit(null, null, 1000)).hasSize(entries);
        // a stored project stays in its cluster
        s.saveProject(ADMIN, P1);
        Project moved = new Project("P1", "K2", P1.title(), 3, 6, P1.start(), P1.end(), P1.partners(), P1.budgets(),
                P1.milestones(), P1.products());
        assertThatThrownBy(() -> s.saveProject(ADMIN, moved)).hasMessageContaining("belongs to the cluster K1");
        assertThat(s.project("P1")).contains(P1);
    }

    @Test
    void aRegistryFolderWithProjectsIsImportedOnceAndReadsBackAsRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("registry"));
        Map<String, String> files = Map.of(
                "organisations.csv", """
                        inn,ogrn,name,type,okved,region
                        7707083893,1027700132195,Alpha,enterprise,28.41,RU-TA
                        7706107510,1027700043502,Gamma Institute,research,72.19,RU-TA
                        """,
                "clusters.csv", "cluster,name,type,regions,specialisation,specialised_organisation\nK1,Cluster K1,industrial,RU-TA,28,\n",
                "memberships.csv", "cluster,inn,joined\nK1,7707083893,2020-01-01\n",
                "contracts.csv", "cluster,supplier,buyer,type,year,value\n",
                "facts.csv", "inn,year,output,purchases\n",
                "projects.csv", "id,cluster,title,trl_now,trl_target,start,end\nP7,K1,Spindle,4,7,2025-01-01,2027-12-31\n",
                "project_partners.csv", "project,inn,role\nP7,7707083893,lead\nP7,7706107510,research\n",
                "project_budgets.csv", "project,inn,year,amount\nP7,7707083893,2025,300\nP7,7706107510,2026,100\n",
                "project_milestones.csv", "project,date,text,done\nP7,2026-06-30,Prototype,false\n",
                "project_products.csv", "project,okpd2\nP7,28.41.12\n");
        for (var e : files.entrySet()) Files.writeString(folder.resolve(e.getKey()), e.getValue());
        Registry read = RegistryReader.read(folder).registry();
        s.importRegistry(Actor.cli(), read);
        assertThat(s.projects("K1")).isEqualTo(read.projects());
        assertThat(s.project("P7").orElseThrow().budget()).isEqualTo(400.0);
        assertThat(s.audit("project", "P7", 10)).extracting(AuditEntry::action).containsExactly("import");
        s.importRegistry(Actor.cli(), read);
        assertThat(s.audit("project", "P7", 10)).hasSize(1);
        // a project whose lead is unknown to the store fails the whole import
        Registry bad = new Registry(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Project("P8", "K1", "T", 1, 2, LocalDate.of(2025, 1, 1), null,
                        List.of(new Partner("7702070139", Role.LEAD)), List.of(), List.of(), List.of())));
        assertThatThrownBy(() -> s.importRegistry(ADMIN, bad)).isInstanceOf(InvalidRecordException.class);
        assertThat(s.project("P8")).isEmpty();
    }
}
