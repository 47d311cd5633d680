package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.StoredContract;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;

/**
 * The Registry section over HTTP, as the accounts of {@link RegistryServer} use it: every page in English and
 * Russian, the access rules (anonymous refused, a manager's own clusters, a participant's own organisation),
 * the forms with their CSRF token, imports that name file, line and column and store nothing, and the
 * compliance report changing when a contract is added (the engine's fix, to the thousandth of a rouble).
 */
class RegistryPagesTest {

    static RegistryServer server;

    @BeforeAll
    static void start() {
        server = new RegistryServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String inn(String nine) {
        return nine + Identifiers.innCheckDigit(nine);
    }

    static String ogrn(String twelve) {
        return twelve + Identifiers.ogrnCheckDigit(twelve);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        RegistryServer.Client anon = server.as(null);
        for (String p : List.of("/registry", "/registry/clusters/SAM-AUTO", "/registry/clusters/SAM-AUTO/compliance",
                "/registry/clusters/new", "/registry/clusters/SAM-AUTO/audit", "/registry/organisations/" + server.memberInn,
                "/registry/export.csv", "/registry/clusters/SAM-AUTO/participants/export.csv")) {
            HttpResponse<String> r = anon.get(p + "?lang=en");
            assertThat(r.statusCode()).as(p).isEqualTo(302);
            assertThat(r.headers().firstValue("location").orElse("")).as(p).startsWith("/signin?next=");
        }
        for (String p : List.of("/clusters", "/clusters/SAM-AUTO", "/clusters/SAM-AUTO/participants", "/clusters/SAM-AUTO/contracts",
                "/clusters/SAM-AUTO/compliance", "/organisations/" + server.memberInn)) {
            HttpResponse<String> r = anon.get(RegistryApi.PREFIX + p);
            assertThat(r.statusCode()).as(p).isEqualTo(401);
            assertThat(r.body()).as(p).startsWith("{").contains("\"status\":401");
        }
        // and nothing is written without signing in, whatever the form carries
        int contracts = server.ps.contracts("SAM-AUTO").size();
        anon.token("/signin");
        assertThat(anon.post("/registry/clusters/SAM-AUTO/contracts", Map.of("supplier", "1", "buyer", "2", "contract_type",
                "supply", "year", "2024", "value", "1")).statusCode()).isEqualTo(302);
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(contracts);
    }

    @Test
    void theNationalTableInEnglishAndRussian() throws Exception {
        RegistryServer.Client analyst = server.as("analyst");
        String en = analyst.page("/registry?lang=en");
        assertThat(en).contains("<h1>Cluster registry</h1>", "id=\"synthetic-badge\"", "Самарский автомобильный кластер",
                "Камский авиационный кластер", "Уральский металлургический кластер", "fails 1 row(s)");
        assertThat(en).doesNotContain("id=\"new-cluster\""); // an analyst reads
        String ru = analyst.page("/registry?lang=ru");
        assertThat(ru).contains("<h1>Реестр кластеров</h1>", "не выполнено строк: 1", "соответствует", "Самарская область");
        // filters
        String fail = analyst.page("/registry?lang=en&compliance=fail");
        assertThat(fail).contains("Уральский").doesNotContain("Самарский автомобильный кластер (SYNTHETIC)</a>");
        String sam = analyst.page("/registry?lang=en&region=RU-SAM");
        assertThat(sam).contains("Самарский").doesNotContain("Камский авиационный кластер (SYNTHETIC)</a>");
        String spec = analyst.page("/registry?lang=en&specialisation=30");
        assertThat(spec).contains("Камский").doesNotContain("Уральский металлургический кластер (SYNTHETIC)</a>");
        // a bad value is refused next to its control, the page drawn without it
        HttpResponse<String> bad = analyst.get("/registry?lang=en&type=cosmic");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"error-type\"", "cosmic", "Уральский", "Самарский");
    }

    @Test
    void theDownloadIsTheRegistryTable() throws Exception {
        String csv = server.as("analyst").get("/registry/export.csv?compliance=fail&as_of=2025-06-30&year=2024").body();
        List<String> lines = RegistryServer.lines(TestServer.withoutSyntheticLine(csv));
        assertThat(lines.get(0)).isEqualTo("cluster,name,cluster_type,cluster_type_name,cluster_regions,cluster_regions_name,"
                + "specialisation,participants,employees,cluster_output,inside_share,compliant,failed");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("SVE-METAL,").endsWith(",false,1");
        HttpResponse<String> xlsx = server.as("analyst").get("/registry/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("content-disposition").orElse("")).contains("SYNTHETIC-klaster-registry");
    }

    @Test
    void eachRoleSeesWhatItMay() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        String list = sam.page("/registry?lang=en");
        assertThat(list).contains("Самарский", "id=\"new-cluster\"").doesNotContain("Камский авиационный кластер (SYNTHETIC)</a>");
        assertThat(sam.get("/registry/clusters/TA-AERO").statusCode()).isEqualTo(403);
        assertThat(sam.get("/registry/clusters/TA-AERO/compliance").statusCode()).isEqualTo(403);
        assertThat(sam.get(RegistryApi.PREFIX + "/clusters/TA-AERO").statusCode()).isEqualTo(403);
        assertThat(sam.page("/registry/clusters/SAM-AUTO?lang=en")).contains("id=\"contract-form\"", "id=\"import-form\"",
                "id=\"audit-link\"");
        // a viewer and an analyst read every cluster, change nothing
        for (String who : List.of("viewer", "analyst")) {
            String page = server.as(who).page("/registry/clusters/TA-AERO?lang=en");
            assertThat(page).as(who).contains("Камский").doesNotContain("id=\"contract-form\"").doesNotContain("id=\"audit-link\"");
            assertThat(server.as(who).get("/registry/clusters/new").statusCode()).as(who).isEqualTo(403);
        }
        // a participant reads the clusters of its organisation only
        RegistryServer.Client member = server.as("member");
        assertThat(member.page("/registry?lang=en")).contains("Уральский").doesNotContain("Самарский автомобильный кластер (SYNTHETIC)</a>");
        assertThat(member.get("/registry/clusters/SAM-AUTO").statusCode()).isEqualTo(403);
        assertThat(member.page("/registry/clusters/SVE-METAL?lang=ru")).contains("Уральский").doesNotContain("id=\"contract-form\"");
        // unknown things are not found
        assertThat(server.as("admin").get("/registry/clusters/NOPE").statusCode()).isEqualTo(404);
        assertThat(server.as("admin").get("/registry/organisations/7707083893").statusCode()).isEqualTo(404);
    }

    @Test
    void everyPageInEnglishAndRussian() throws Exception {
        RegistryServer.Client admin = server.as("admin");
        Map<String, String[]> pages = Map.of(
                "/registry/clusters/SAM-AUTO", new String[] {"cooperation network", "сеть кооперации"},
                "/registry/clusters/SAM-AUTO/compliance", new String[] {"Decree 779 compliance of", "Соответствие постановлению № 779"},
                "/registry/clusters/SAM-AUTO/compliance?print=1", new String[] {"print-view", "print-view"},
                "/registry/clusters/new", new String[] {"Create the cluster", "Создать кластер"},
                "/registry/clusters/SAM-AUTO/audit", new String[] {"Audit trail of", "Журнал изменений:"},
                "/registry/organisations/" + server.memberInn, new String[] {"Annual figures", "Годовые показатели"});
        for (Map.Entry<String, String[]> e : pages.entrySet()) {
            String sep = e.getKey().contains("?") ? "&" : "?";
            assertThat(admin.page(e.getKey() + sep + "lang=en")).as(e.getKey()).contains(e.getValue()[0]).doesNotContain("\u27e6");
            assertThat(admin.page(e.getKey() + sep + "lang=ru")).as(e.getKey()).contains(e.getValue()[1]).doesNotContain("\u27e6");
        }
        // the profile links to the region's mapping profile and its opportunities
        assertThat(admin.page("/registry/clusters/SAM-AUTO?lang=en")).contains("href=\"/mapping/regions/RU-SAM\"",
                "href=\"/opportunities/region?region=RU-SAM\"");
    }

    /**
     * SVE-METAL fails the functional dependence by a fix F (thousand RUB of inside purchases of its final
     * producers). A contract of F − 1 from a participant that is not a final producer to a final producer leaves
     * it failing by exactly 1; one more of 1 makes it pass (docs/methods-registry.md: the fix is exact).
     */
    @Test
    void theComplianceReportChangesWhenAContractIsAdded() throws Exception {
        RegistryServer.Client sve = server.as("sve");
        JsonNode before = sve.json(RegistryApi.PREFIX + "/clusters/SVE-METAL/compliance?as_of=2025-06-30&year=2024");
        assertThat(before.get("compliant").asBoolean()).isFalse();
        JsonNode row = TestServer.row(before.get("rows"), "requirement", "functional_dependence");
        BigDecimal fix = row.get("fix").decimalValue();
        assertThat(fix.signum()).isPositive();
        String page = sve.page("/registry/clusters/SVE-METAL/compliance?lang=en&as_of=2025-06-30&year=2024");
        assertThat(page).contains("does not meet the requirements", "id=\"req-functional_dependence\"");

        Map<String, Organisation> orgs = server.ps.registry().byInn();
        String finalProducer = null;
        String supplier = null;
        for (Membership m : server.demo.memberships()) {
            if (!m.cluster().equals("SVE-METAL")) continue;
            if (orgs.get(m.inn()).finalProducer() && finalProducer == null) finalProducer = m.inn();
            if (!orgs.get(m.inn()).finalProducer() && supplier == null) supplier = m.inn();
        }
        sve.token("/registry/clusters/SVE-METAL");
        int contracts = server.ps.contracts("SVE-METAL").size();
        HttpResponse<String> r = sve.post("/registry/clusters/SVE-METAL/contracts", Map.of("supplier", supplier, "buyer", finalProducer,
                "contract_type", "supply", "year", "2024", "value", fix.subtract(BigDecimal.ONE).toPlainString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("location").orElse("")).contains("/registry/clusters/SVE-METAL?done=contract");
        assertThat(server.ps.contracts("SVE-METAL")).hasSize(contracts + 1);
        JsonNode almost = sve.json(RegistryApi.PREFIX + "/clusters/SVE-METAL/compliance?as_of=2025-06-30&year=2024");
        assertThat(almost.get("compliant").asBoolean()).isFalse();
        assertThat(TestServer.row(almost.get("rows"), "requirement", "functional_dependence").get("fix").decimalValue())
                .isEqualByComparingTo("1");

        r = sve.post("/registry/clusters/SVE-METAL/contracts", Map.of("supplier", supplier, "buyer", finalProducer,
                "contract_type", "works", "year", "2024", "value", "1"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(sve.page("/registry/clusters/SVE-METAL/compliance?lang=en&as_of=2025-06-30&year=2024"))
                .contains("meets every requirement in force on 2025-06-30").doesNotContain("does not meet");
        assertThat(sve.page("/registry/clusters/SVE-METAL/compliance?lang=ru&as_of=2025-06-30&year=2024"))
                .contains("выполняет все требования, действующие на 2025-06-30");
        assertThat(sve.json(RegistryApi.PREFIX + "/clusters/SVE-METAL/compliance?as_of=2025-06-30&year=2024").get("compliant")
                .asBoolean()).isTrue();

        // and the audit trail says who did it
        String audit = sve.page("/registry/clusters/SVE-METAL/audit?lang=en");
        assertThat(audit).contains("sve", "contract", "value: " + fix.subtract(BigDecimal.ONE).toPlainString());

        // the two contracts go again (the other tests see the demo as it was)
        List<StoredContract> now = server.ps.contracts("SVE-METAL");
        sve.token("/registry/clusters/SVE-METAL");
        for (StoredContract c : now.subList(contracts, now.size())) {
            HttpResponse<String> d = sve.post("/registry/clusters/SVE-METAL/contracts/" + c.id() + "/delete", Map.of());
            assertThat(d.statusCode()).isEqualTo(303);
        }
        assertThat(server.ps.contracts("SVE-METAL")).hasSize(contracts);
        assertThat(sve.json(RegistryApi.PREFIX + "/clusters/SVE-METAL/compliance?as_of=2025-06-30&year=2024").get("compliant")
                .asBoolean()).isFalse();
    }

    @Test
    void aBadContractIsRefusedWithItsFieldAndNothingIsStored() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        sam.token("/registry/clusters/SAM-AUTO");
        int contracts = server.ps.contracts("SAM-AUTO").size();
        String a = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
        HttpResponse<String> self = sam.post("/registry/clusters/SAM-AUTO/contracts?lang=en", Map.of("supplier", a, "buyer", a,
                "contract_type", "supply", "year", "2024", "value", "10"));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("id=\"contract-error\"", "supplier and buyer must be different organisations");
        HttpResponse<String> negative = sam.post("/registry/clusters/SAM-AUTO/contracts?lang=ru", Map.of("supplier", a,
                "buyer", server.memberInn, "contract_type", "supply", "year", "2024", "value", "-5"));
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("id=\"contract-error\"", "Сумма, тыс. руб.");
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(contracts);
    }

    @Test
    void formsNeedTheTokenAndTheSameOrigin() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        int contracts = server.ps.contracts("SAM-AUTO").size();
        String a = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
        String b = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).skip(1).findFirst().orElseThrow().inn();
        Map<String, String> fields = Map.of("supplier", a, "buyer", b, "contract_type", "supply", "year", "2024", "value", "10");
        // no token
        assertThat(sam.form("/registry/clusters/SAM-AUTO/contracts", fields, Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        // a token, from another site
        String token = sam.token("/registry/clusters/SAM-AUTO");
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", token);
        assertThat(sam.form("/registry/clusters/SAM-AUTO/contracts", withToken, Map.of("Origin", "http://evil.example")).statusCode())
                .isEqualTo(403);
        // a made-up token
        withToken.put("_csrf", "A".repeat(43));
        assertThat(sam.form("/registry/clusters/SAM-AUTO/contracts", withToken, Map.of("Origin", server.base())).statusCode())
                .isEqualTo(403);
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(contracts);
        // a viewer's form is refused whatever its token
        RegistryServer.Client viewer = server.as("viewer");
        viewer.token = sam.token("/registry/clusters/SAM-AUTO"); // even a valid token of another browser
        assertThat(viewer.post("/registry/clusters/SAM-AUTO/contracts", fields).statusCode()).isEqualTo(403);
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(contracts);
    }

    @Test
    void importsNameFileLineAndColumnAndStoreNothingUnlessAllIsRight() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        sam.token("/registry/clusters/SAM-AUTO");
        int orgs = server.ps.organisations().size();
        int members = server.ps.memberships("SAM-AUTO").size();
        int audit = server.ps.auditOfCluster("SAM-AUTO", 100_000).size();
        String good1 = inn("631500001");
        String good2 = inn("631500002");
        String wrong = good2.substring(0, 9) + ((good2.charAt(9) - '0' + 1) % 10); // a wrong check digit
        String header = "inn,ogrn,name,type,okved,region,final_producer\n";
        String row1 = good1 + "," + ogrn("102630000001") + ",Samara Bolt,enterprise,25.94,RU-SAM,false\n";

        HttpResponse<String> r = sam.multipart("/registry/clusters/SAM-AUTO/import?lang=en", Map.of("joined", "2020-01-01"),
                Map.of("participants", new String[] {"new-members.csv", header + row1
                        + wrong + "," + ogrn("102630000002") + ",Samara Nut,enterprise,25.94,RU-SAM,false\n"}));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"import-error\"", "new-members.csv, line 3, column", "inn", "check digit is wrong",
                "<dt>Line</dt><dd>3</dd>", "Nothing was stored");
        // a contract naming an organisation the registry does not have: its line and column
        r = sam.multipart("/registry/clusters/SAM-AUTO/import?lang=ru", Map.of(), Map.of(
                "participants", new String[] {"members.csv", header + row1},
                "contracts", new String[] {"contracts.csv", "cluster,supplier,buyer,type,year,value\n"
                        + "SAM-AUTO," + good1 + "," + good2 + ",supply,2024,100\n"}));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("contracts.csv", "строка 2", "buyer", good2);
        // a contract of another cluster
        r = sam.multipart("/registry/clusters/SAM-AUTO/import?lang=en", Map.of(), Map.of(
                "contracts", new String[] {"contracts.csv", "cluster,supplier,buyer,type,year,value\n"
                        + "TA-AERO," + good1 + "," + server.memberInn + ",supply,2024,100\n"}));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("contracts.csv, line 2, column", "cluster");
        assertThat(server.ps.organisations()).hasSize(orgs);
        assertThat(server.ps.memberships("SAM-AUTO")).hasSize(members);
        assertThat(server.ps.auditOfCluster("SAM-AUTO", 100_000)).hasSize(audit);

        // all right: two organisations join, with a contract between them, in one transaction
        String row2 = good2 + "," + ogrn("102630000002") + ",Samara Nut,enterprise,25.94,RU-SAM,false\n";
        r = sam.multipart("/registry/clusters/SAM-AUTO/import?lang=en", Map.of("joined", "2020-01-01"), Map.of(
                "participants", new String[] {"members.csv", header + row1 + row2},
                "contracts", new String[] {"contracts.csv", "cluster,supplier,buyer,type,year,value\n"
                        + "SAM-AUTO," + good1 + "," + good2 + ",supply,2024,100\n"}));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("id=\"import-ok\"", "Imported 2 organisation(s), 2 of them new participants, and 1 contract(s)");
        assertThat(server.ps.organisations()).hasSize(orgs + 2);
        assertThat(server.ps.memberships("SAM-AUTO")).hasSize(members + 2);
        assertThat(server.ps.memberships("SAM-AUTO").stream().filter(m -> m.inn().equals(good1)).findFirst().orElseThrow().joined())
                .hasToString("2020-01-01");
        // importing the same again adds nobody twice
        r = sam.multipart("/registry/clusters/SAM-AUTO/import?lang=en", Map.of("joined", "2020-01-01"), Map.of(
                "participants", new String[] {"members.csv", header + row1 + row2}));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("Imported 2 organisation(s), 0 of them new participants");
        assertThat(server.ps.memberships("SAM-AUTO")).hasSize(members + 2);
    }

    @Test
    void aClusterManagerCreatesAClusterAndManagesIt() throws Exception {
        RegistryServer.Client newbie = server.as("newbie");
        newbie.token("/registry/clusters/new");
        HttpResponse<String> bad = newbie.post("/registry/clusters?lang=en", Map.of("id", "bad id!", "name", "X", "type", "industrial",
                "regions", "RU-TA"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"cluster-error\"", "an id is 1 to 64 letters");
        HttpResponse<String> taken = newbie.post("/registry/clusters?lang=en", Map.of("id", "SAM-AUTO", "name", "X", "type",
                "industrial", "regions", "RU-TA"));
        assertThat(taken.body()).contains("there is already a cluster SAM-AUTO");
        assertThat(server.ps.clusters()).extracting(c -> c.id()).doesNotContain("bad id!");

        HttpResponse<String> r = newbie.post("/registry/clusters", Map.of("id", "TA-PLAST", "name", "Tatarstan plastics",
                "type", "industrial", "regions", "RU-TA", "specialisation", "22; 20.16"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("location").orElse("")).isEqualTo("/registry/clusters/TA-PLAST?done=created");
        assertThat(server.ps.cluster("TA-PLAST").orElseThrow().specialisation()).containsExactly("22", "20.16");
        assertThat(server.ps.account("newbie").orElseThrow().clusters()).containsExactly("TA-PLAST");
        String page = newbie.page("/registry/clusters/TA-PLAST?lang=en&done=created");
        assertThat(page).contains("The cluster is in the registry", "id=\"participant-form\"", "no participants");

        // a participant by hand: checked as organisations.csv is
        newbie.token("/registry/clusters/TA-PLAST");
        String i = inn("166000001");
        HttpResponse<String> wrongOgrn = newbie.post("/registry/clusters/TA-PLAST/participants?lang=en", Map.of("inn", i,
                "ogrn", "1234567890123", "name", "Kazan Resin", "type", "enterprise", "region", "RU-TA", "joined", "2019-05-01"));
        assertThat(wrongOgrn.statusCode()).isEqualTo(422);
        assertThat(wrongOgrn.body()).contains("id=\"participant-error\"", "OGRN", "check digit is wrong", "Kazan Resin");
        HttpResponse<String> ok = newbie.post("/registry/clusters/TA-PLAST/participants", Map.of("inn", i, "ogrn",
                ogrn("102160000009"), "name", "Kazan Resin", "type", "enterprise", "okved", "20.16", "region", "RU-TA",
                "employees", "240", "final_producer", "on", "joined", "2019-05-01"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(server.ps.organisation(i).orElseThrow().finalProducer()).isTrue();
        assertThat(server.ps.memberships("TA-PLAST")).hasSize(1);
        // a participant added by hand is audited as the changes it is, by its author — not as an import
        assertThat(server.ps.auditOfCluster("TA-PLAST", 100).stream().filter(e -> e.entityId().contains(i)))
                .extracting(org.klaster.data.store.AuditEntry::action, org.klaster.data.store.AuditEntry::actor)
                .isNotEmpty().allSatisfy(t -> assertThat(t.toList()).containsExactly("create", "newbie"));
        // facts of the year
        HttpResponse<String> facts = newbie.post("/registry/clusters/TA-PLAST/facts", Map.of("inn", i, "year", "2024",
                "output", "12 500,5", "purchases", "4000"));
        assertThat(facts.statusCode()).isEqualTo(303);
        assertThat(server.ps.facts(i)).singleElement().satisfies(f -> assertThat(f.output()).isEqualTo(12500.5));
        // its audit trail
        String audit = newbie.page("/registry/clusters/TA-PLAST/audit?lang=en");
        assertThat(audit).contains("newbie", "created", "cluster", "membership", "figures", "output: 12500.5");
        // another manager may not touch it
        assertThat(server.as("sam").get("/registry/clusters/TA-PLAST/audit").statusCode()).isEqualTo(403);
        assertThat(server.as("analyst").get("/registry/clusters/TA-PLAST/audit").statusCode()).isEqualTo(403);
        assertThat(server.as("admin").get("/registry/clusters/TA-PLAST/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void aParticipantEditsItsOwnProfileOnly() throws Exception {
        RegistryServer.Client member = server.as("member");
        String page = member.page("/registry/organisations/" + server.memberInn + "?lang=en");
        assertThat(page).contains("id=\"org-form\"", "id=\"org-facts-form\"");
        Organisation before = server.ps.organisation(server.memberInn).orElseThrow();
        HttpResponse<String> r = member.post("/registry/organisations/" + server.memberInn, Map.of("ogrn", before.ogrn(),
                "name", before.name() + " (renamed)", "type", before.type().code(), "okved", before.okved(), "region", before.region(),
                "lat", "56.8", "lon", "60.6", "employees", "100"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(server.ps.organisation(server.memberInn).orElseThrow().name()).endsWith("(renamed)");
        HttpResponse<String> badYear = member.post("/registry/organisations/" + server.memberInn + "/facts?lang=en",
                Map.of("year", "1812", "output", "1"));
        assertThat(badYear.statusCode()).isEqualTo(422);
        assertThat(badYear.body()).contains("id=\"facts-error\"", "1812");
        // another organisation: readable when it shares a cluster, not editable
        String other = server.demo.memberships().stream().filter(m -> m.cluster().equals("SVE-METAL") && !m.inn().equals(server.memberInn))
                .findFirst().orElseThrow().inn();
        assertThat(member.page("/registry/organisations/" + other + "?lang=en")).doesNotContain("id=\"org-form\"");
        assertThat(member.post("/registry/organisations/" + other, Map.of("name", "hijacked")).statusCode()).isEqualTo(403);
        String samOrg = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
        assertThat(member.get("/registry/organisations/" + samOrg).statusCode()).isEqualTo(403);
        // the administrator may; the analyst reads
        RegistryServer.Client admin = server.as("admin");
        admin.token("/registry/organisations/" + other);
        assertThat(admin.post("/registry/organisations/" + other + "/facts", Map.of("year", "2021", "purchases", "10")).statusCode())
                .isEqualTo(303);
        assertThat(server.as("analyst").page("/registry/organisations/" + other + "?lang=ru")).doesNotContain("id=\"org-form\"");
        // put the name back
        member.token("/registry/organisations/" + server.memberInn);
        member.post("/registry/organisations/" + server.memberInn, Map.of("ogrn", before.ogrn(), "name", before.name(), "type",
                before.type().code(), "okved", before.okved(), "region", before.region(), "lat", RegistryPages.plain(before.lat()),
                "lon", RegistryPages.plain(before.lon()), "employees", RegistryPages.plain(before.employees())));
        assertThat(server.ps.organisation(server.memberInn).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aContractOfAnotherClusterCannotBeDeletedThroughThisOne() throws Exception {
        RegistryServer.Client sam = server.as("sam");
        sam.token("/registry/clusters/SAM-AUTO");
        String foreign = server.ps.contracts("SVE-METAL").get(0).id();
        assertThat(sam.post("/registry/clusters/SAM-AUTO/contracts/" + foreign + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(sam.post("/registry/clusters/SVE-METAL/contracts/" + foreign + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.ps.contracts("SVE-METAL").get(0).id()).isEqualTo(foreign);
    }
}
