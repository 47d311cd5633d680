package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.AuditEntry;
import org.klaster.registry.Membership;
import org.klaster.registry.Project;

/**
 * A cluster's joint R&amp;D projects over HTTP on {@link RegistryServer}: the cluster's manager adds, changes and deletes a
 * project through the form (CSRF, audited), refusals store nothing and say why next to the form, other roles read or
 * are refused as the cluster profile's rules say, both languages, and the API's answers against the OpenAPI document.
 *
 * <p>Hand case: P1 of SAM-AUTO, TRL 3 → 6, budget 1 000 000 + 500 000 = 1 500 000 RUB (1.5 mln), one milestone of two done.
 */
class ProjectPagesTest {

    static RegistryServer server;
    static JsonNode doc;
    static String lead;
    static String partner;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAGE = "/registry/clusters/SAM-AUTO/projects";

    @BeforeAll
    static void start() throws Exception {
        server = new RegistryServer();
        List<String> members = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO"))
                .map(Membership::inn).distinct().toList();
        lead = members.get(0);
        partner = members.get(1);
        doc = server.as(null).json(Api.PREFIX + "/openapi.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static Map<String, String> form(String id, String title, String partners, String budgets) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("project", id);
        f.put("title", title);
        f.put("trl_now", "3");
        f.put("trl_target", "6");
        f.put("start", "2025-01-01");
        f.put("end", "2027-12-31");
        f.put("partners", partners);
        f.put("budgets", budgets);
        f.put("milestones", "2025-12-31 done Bench prototype\n2026-12-31 open Field trial");
        f.put("products", "28.41.12; 29.32.30");
        return f;
    }

    @Test
    void theManagerAddsChangesAndDeletesAProject() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        String empty = sam.page(PAGE + "?lang=en");
        assertThat(empty).contains("id=\"project-form\"", "id=\"projects-empty\"", "Portfolio by technology readiness level");
        assertThat(sam.page("/registry/clusters/SAM-AUTO?lang=en")).contains("id=\"projects-link\"");

        sam.token(PAGE);
        HttpResponse<String> r = sam.post(PAGE, form("P1", "Spindle drive", lead + " lead\n" + partner + " research",
                lead + " 2025 1000000\n" + partner + " 2026 500000"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("location").orElse("")).contains("/projects?done=saved");
        Project stored = server.ps.project("P1").orElseThrow();
        assertThat(stored.cluster()).isEqualTo("SAM-AUTO");
        assertThat(stored.budget()).isEqualTo(1_500_000.0);
        assertThat(stored.lead()).isEqualTo(lead);
        assertThat(stored.milestones()).hasSize(2).first().satisfies(m -> {
            assertThat(m.date()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(m.done()).isTrue();
            assertThat(m.text()).isEqualTo("Bench prototype");
        });
        assertThat(stored.products()).containsExactly("28.41.12", "29.32.30");

        String page = sam.page(PAGE + "?lang=en&done=saved");
        assertThat(page).contains("The project was saved.", "Spindle drive", "1.5\u00a0mln", "1 / 2", "id=\"project-list\"");
        // the edit link fills the form with the stored project
        String edit = sam.page(PAGE + "?lang=en&edit=P1");
        assertThat(edit).contains("value=\"Spindle drive\"", lead + " 2025 1000000");

        sam.token(PAGE);
        r = sam.post(PAGE, form("P1", "Spindle drive, phase 2", lead + " lead", lead + " 2025 7"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(server.ps.project("P1").orElseThrow().title()).isEqualTo("Spindle drive, phase 2");
        assertThat(server.ps.audit("project", "P1", 10)).extracting(AuditEntry::action).containsExactly("update", "create")
                .allSatisfy(a -> assertThat(a).isNotNull());
        assertThat(server.ps.audit("project", "P1", 10).get(0).actor()).isEqualTo("sam");

        sam.token(PAGE);
        r = sam.post(PAGE + "/P1/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(server.ps.project("P1")).isEmpty();
        assertThat(server.ps.audit("project", "P1", 10).get(0).action()).isEqualTo("delete");
    }

    @Test
    void refusalsSayWhyNextToTheFormAndStoreNothing() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        int entries = server.ps.audit(null, null, 10_000).size();
        sam.token(PAGE);
        HttpResponse<String> twoLeads = sam.post(PAGE + "?lang=en", form("P9", "Two leads", lead + " lead\n" + partner + " lead", ""));
        assertThat(twoLeads.statusCode()).isEqualTo(422);
        assertThat(twoLeads.body()).contains("id=\"project-error\"", "exactly one lead partner, it has 2", "value=\"Two leads\"");
        sam.token(PAGE);
        HttpResponse<String> badLine = sam.post(PAGE + "?lang=en", form("P9", "Bad line", lead + " boss", ""));
        assertThat(badLine.statusCode()).isEqualTo(422);
        assertThat(badLine.body()).contains("is not a partner line");
        sam.token(PAGE);
        HttpResponse<String> badYear = sam.post(PAGE + "?lang=en", form("P9", "Early money", lead + " lead", lead + " 2024 10"));
        assertThat(badYear.statusCode()).isEqualTo(422);
        assertThat(badYear.body()).contains("outside the project");
        sam.token(PAGE);
        HttpResponse<String> badCode = sam.post(PAGE + "?lang=en", form("P9", "Bad code", lead + " lead", "")
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getKey().equals("products") ? "2841" : e.getValue())));
        assertThat(badCode.statusCode()).isEqualTo(422);
        assertThat(badCode.body()).contains("\"2841\" is not an OKPD2/OKVED2 code");
        assertThat(server.ps.project("P9")).isEmpty();
        assertThat(server.ps.audit(null, null, 10_000)).hasSize(entries);
    }

    @Test
    void otherRolesReadOrAreRefusedAsForTheProfile() throws Exception {
        RegistryServer.Client viewer = server.as("viewer");
        String page = viewer.page(PAGE + "?lang=en");
        assertThat(page).contains("Portfolio by technology readiness level").doesNotContain("id=\"project-form\"");
        RegistryServer.Client sve = server.as("sve");
        assertThat(sve.get(PAGE).statusCode()).isEqualTo(403);
        sve.token("/registry/clusters/SVE-METAL/projects");
        HttpResponse<String> r = sve.post(PAGE, form("P8", "Not mine", lead + " lead", ""));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.ps.project("P8")).isEmpty();
        // without the form's token nothing is stored, even for the manager
        RegistryServer.Client sam = server.as("sam");
        HttpResponse<String> noToken = sam.form(PAGE, form("P8", "No token", lead + " lead", ""), Map.of("Origin", server.base()));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(server.ps.project("P8")).isEmpty();
        assertThat(server.as(null).get(PAGE).statusCode()).isEqualTo(302);
        assertThat(server.as("viewer").get("/registry/clusters/NOPE/projects").statusCode()).isEqualTo(404);
    }

    @Test
    void theRussianPageNamesTheLevels() throws Exception {
        String ru = server.as("analyst").page(PAGE + "?lang=ru");
        assertThat(ru).contains("совместные проекты НИОКР", "Портфель по уровням готовности технологий",
                "выявлены и опубликованы фундаментальные принципы");
    }

    static void valid(String path, HttpResponse<String> r) throws Exception {
        JsonNode response = doc.get("paths").get(path).get("get").get("responses").get(String.valueOf(r.statusCode()));
        assertThat(response).as(path + " documents " + r.statusCode()).isNotNull();
        ObjectNode root = doc.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) response.get("content").get("application/json").get("schema"));
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(JSON.readTree(r.body()));
        assertThat(errors).as(path + " " + r.body()).isEmpty();
    }

    @Test
    void theApiAnswersAsDocumented() throws Exception {
        server.ps.saveProject(org.klaster.data.store.Actor.cli(), new Project("A1", "SAM-AUTO", "API case", 2, 5,
                LocalDate.of(2025, 1, 1), null, List.of(new Project.Partner(lead, Project.Role.LEAD)),
                List.of(new Project.Budget(lead, 2025, 300)), List.of(), List.of("28.41")));
        String doc = RegistryApi.PREFIX + "/clusters/{id}/projects";
        String p = RegistryApi.PREFIX + "/clusters/SAM-AUTO/projects";
        RegistryServer.Client analyst = server.as("analyst");
        HttpResponse<String> trl = analyst.get(p + "?lang=en");
        assertThat(trl.statusCode()).as(trl.body()).isEqualTo(200);
        valid(doc, trl);
        JsonNode t = JSON.readTree(trl.body());
        assertThat(t.get("rows")).hasSize(9);
        assertThat(t.get("rows").get(1).get("projects_now").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(t.get("rows").get(4).get("budget_target").asDouble()).isGreaterThanOrEqualTo(300);
        assertThat(t.get("portfolio").findValuesAsText("id")).contains("A1");
        for (String q : List.of("?view=products", "?view=gaps&lang=ru&as_of=2025-06-30")) {
            HttpResponse<String> r = analyst.get(p + q);
            assertThat(r.statusCode()).as(q + " " + r.body()).isEqualTo(200);
            valid(doc, r);
        }
        HttpResponse<String> bad = analyst.get(p + "?view=budget");
        assertThat(bad.statusCode()).isEqualTo(400);
        valid(doc, bad);
        HttpResponse<String> refused = server.as("sve").get(p);
        assertThat(refused.statusCode()).isEqualTo(403);
        valid(doc, refused);
        HttpResponse<String> unknown = analyst.get(RegistryApi.PREFIX + "/clusters/NOPE/projects");
        assertThat(unknown.statusCode()).isEqualTo(404);
        valid(doc, unknown);
        HttpResponse<String> anon = server.as(null).get(p);
        assertThat(anon.statusCode()).isEqualTo(401);
        valid(doc, anon);
        server.ps.deleteProject(org.klaster.data.store.Actor.cli(), "A1");
    }
}
