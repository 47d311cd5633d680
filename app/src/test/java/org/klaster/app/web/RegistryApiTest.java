package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/registry/*}: every documented operation answered by the running app and its body validated
 * against the OpenAPI document (as {@link OpenApiContractTest} does for the other paths), the writes of a token
 * holder, and the same numbers as the pages (the analyses are shared).
 */
class RegistryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static RegistryServer server;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        server = new RegistryServer();
        doc = server.as(null).json(Api.PREFIX + "/openapi.json");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The body of an answer against the schema the document gives for the operation and status. */
    static void valid(String method, String path, HttpResponse<String> r) throws Exception {
        JsonNode op = doc.get("paths").get(path).get(method);
        assertThat(op).as(method + " " + path + " documented").isNotNull();
        JsonNode response = op.get("responses").get(String.valueOf(r.statusCode()));
        assertThat(response).as(method + " " + path + " documents status " + r.statusCode() + ": " + r.body()).isNotNull();
        ObjectNode root = doc.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) response.get("content").get("application/json").get("schema"));
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(JSON.readTree(r.body()));
        assertThat(errors).as(method + " " + path + " " + r.body()).isEmpty();
    }

    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        String p = RegistryApi.PREFIX;
        RegistryServer.Client analyst = server.as("analyst");
        RegistryServer.Client sam = server.as("sam");
        RegistryServer.Client anon = server.as(null);
        String[][] gets = {
            {"/clusters", "/clusters", "analyst", "200"}, {"/clusters", "/clusters?lang=ru&compliance=fail&year=2023", "analyst", "200"},
            {"/clusters", "/clusters?type=cosmic", "analyst", "400"}, {"/clusters", "/clusters", null, "401"},
            {"/clusters/{id}", "/clusters/SAM-AUTO", "analyst", "200"}, {"/clusters/{id}", "/clusters/SVE-METAL?as_of=2023-12-31", "analyst", "200"},
            {"/clusters/{id}", "/clusters/TA-AERO", "sam", "403"}, {"/clusters/{id}", "/clusters/NOPE", "analyst", "404"},
            {"/clusters/{id}", "/clusters/SAM-AUTO?as_of=yesterday", "analyst", "400"},
            {"/clusters/{id}/participants", "/clusters/TA-AERO/participants?year=2023", "analyst", "200"},
            {"/clusters/{id}/participants", "/clusters/TA-AERO/participants", null, "401"},
            {"/clusters/{id}/contracts", "/clusters/SAM-AUTO/contracts", "sam", "200"},
            {"/clusters/{id}/contracts", "/clusters/SVE-METAL/contracts", "sam", "403"},
            {"/clusters/{id}/compliance", "/clusters/SVE-METAL/compliance?as_of=2025-06-30&year=2024", "analyst", "200"},
            {"/clusters/{id}/compliance", "/clusters/SVE-METAL/compliance?unconfirmed=exclude&lang=ru", "analyst", "200"},
            {"/clusters/{id}/compliance", "/clusters/SVE-METAL/compliance?as_of=2010-01-01", "analyst", "422"},
            {"/clusters/{id}/compliance", "/clusters/SVE-METAL/compliance?unconfirmed=maybe", "analyst", "400"},
            {"/clusters/{id}/projects", "/clusters/SAM-AUTO/projects?view=gaps", "analyst", "200"},
            {"/clusters/{id}/projects", "/clusters/TA-AERO/projects", "sam", "403"},
            {"/organisations/{inn}", "/organisations/" + server.memberInn, "member", "200"},
            {"/organisations/{inn}", "/organisations/" + server.memberInn, "sam", "403"},
            {"/organisations/{inn}", "/organisations/7707083893", "admin", "404"},
        };
        Set<String> seen = new HashSet<>();
        for (String[] g : gets) {
            HttpResponse<String> r = server.as(g[2]).get(p + g[1]);
            assertThat(String.valueOf(r.statusCode())).as(g[1] + " as " + g[2] + " → " + r.body()).isEqualTo(g[3]);
            valid("get", p + g[0], r);
            seen.add("get " + p + g[0]);
        }
        // writes: a contract and facts, then their refusals
        String a = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
        String b = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).skip(2).findFirst().orElseThrow().inn();
        sam.token("/registry/clusters/SAM-AUTO");
        int before = server.ps.contracts("SAM-AUTO").size();
        HttpResponse<String> created = sam.postJson(p + "/clusters/SAM-AUTO/contracts",
                "{\"supplier\":\"" + a + "\",\"buyer\":\"" + b + "\",\"contract_type\":\"spic\",\"year\":2024,\"value\":1234.5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        valid("post", p + "/clusters/{id}/contracts", created);
        String id = JSON.readTree(created.body()).get("contract").asText();
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(before + 1).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.contract().value()).isEqualTo(1234.5);
        });
        JsonNode listed = sam.json(p + "/clusters/SAM-AUTO/contracts");
        assertThat(TestServer.row(listed.get("rows"), "contract", id).get("contract_type").asText()).isEqualTo("spic");
        for (String[] bad : new String[][] {{"{\"supplier\":\"" + a + "\"}", "400", "buyer"}, {"not json", "400", "body"},
                {"[1,2]", "400", "body"}, {"{\"supplier\":\"" + a + "\",\"buyer\":\"" + a + "\",\"contract_type\":\"supply\",\"year\":2024,"
                        + "\"value\":1}", "400", "buyer"}, {"{\"supplier\":\"" + a + "\",\"buyer\":\"7707083893\",\"contract_type\":\"supply\","
                        + "\"year\":2024,\"value\":1}", "422", null}}) {
            HttpResponse<String> r = sam.postJson(p + "/clusters/SAM-AUTO/contracts", bad[0]);
            assertThat(String.valueOf(r.statusCode())).as(bad[0] + " → " + r.body()).isEqualTo(bad[1]);
            valid("post", p + "/clusters/{id}/contracts", r);
            if (bad[2] != null) assertThat(JSON.readTree(r.body()).get("param").asText()).isEqualTo(bad[2]);
        }
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(before + 1);
        HttpResponse<String> refused = server.as("analyst").postJson(p + "/clusters/SAM-AUTO/contracts", "{}");
        assertThat(refused.statusCode()).isEqualTo(403); // no token: the CSRF check refuses before the role is asked
        HttpResponse<String> anonymous = anon.postJson(p + "/clusters/SAM-AUTO/facts", "{}");
        assertThat(anonymous.statusCode()).isEqualTo(403);

        HttpResponse<String> facts = sam.postJson(p + "/clusters/SAM-AUTO/facts", "{\"inn\":\"" + a + "\",\"year\":2021,\"output\":99.5}");
        assertThat(facts.statusCode()).as(facts.body()).isEqualTo(200);
        valid("post", p + "/clusters/{id}/facts", facts);
        assertThat(server.ps.facts(a)).anySatisfy(f -> {
            assertThat(f.year()).isEqualTo(2021);
            assertThat(f.output()).isEqualTo(99.5);
            assertThat(f.purchases()).isNaN();
        });
        HttpResponse<String> notMember = sam.postJson(p + "/clusters/SAM-AUTO/facts", "{\"inn\":\"" + server.memberInn + "\",\"year\":2021,\"output\":1}");
        assertThat(notMember.statusCode()).isEqualTo(400);
        valid("post", p + "/clusters/{id}/facts", notMember);
        HttpResponse<String> otherCluster = sam.postJson(p + "/clusters/SVE-METAL/facts", "{\"inn\":\"" + server.memberInn + "\",\"year\":2021,\"output\":1}");
        assertThat(otherCluster.statusCode()).isEqualTo(403);
        valid("post", p + "/clusters/{id}/facts", otherCluster);
        seen.add("post " + p + "/clusters/{id}/contracts");
        seen.add("post " + p + "/clusters/{id}/facts");
        // the delete of the test's contract, through the page
        assertThat(sam.post("/registry/clusters/SAM-AUTO/contracts/" + id + "/delete", java.util.Map.of()).statusCode()).isEqualTo(303);

        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            // an organisation's offers: OffersWebTest and MatchWebTest validate them
            if (!path.startsWith(p) || path.equals(CooperationPages.OFFERS_API)) continue;
            for (Iterator<String> m = doc.get("paths").get(path).fieldNames(); m.hasNext(); ) documented.add(m.next() + " " + path);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(documented);
    }

    /** A script with an API token: no cookie, no CSRF token; the account's rules as in a browser. */
    @Test
    void aTokenHolderWritesContractsOfItsOwnClusterOnly() throws Exception {
        String token = server.apiToken("sam");
        String a = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
        String b = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).skip(3).findFirst().orElseThrow().inn();
        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        String body = "{\"supplier\":\"" + a + "\",\"buyer\":\"" + b + "\",\"contract_type\":\"works\",\"year\":2024,\"value\":7}";
        java.util.function.Function<String, java.net.http.HttpRequest> post = path -> java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base() + RegistryApi.PREFIX + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        int before = server.ps.contracts("SAM-AUTO").size();
        HttpResponse<String> ok = plain.send(post.apply("/clusters/SAM-AUTO/contracts"), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(before + 1);
        assertThat(server.ps.auditOfCluster("SAM-AUTO", 1).get(0).actor()).isEqualTo("sam");
        HttpResponse<String> other = plain.send(post.apply("/clusters/TA-AERO/contracts"), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        // a token read the manager's cluster, not another's
        HttpResponse<String> read = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base()
                + RegistryApi.PREFIX + "/clusters/TA-AERO")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(403);
        // a revoked token no more
        server.ps.tokens(server.ps.account("sam").orElseThrow().id()).forEach(t -> server.ps.revokeToken(
                org.klaster.data.store.Actor.cli(), t.id()));
        assertThat(plain.send(post.apply("/clusters/SAM-AUTO/contracts"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(server.ps.contracts("SAM-AUTO")).hasSize(before + 1);
        String id = JSON.readTree(ok.body()).get("contract").asText();
        server.ps.deleteContract(org.klaster.data.store.Actor.cli(), id);
    }

    @Test
    void theApiHasThePagesNumbers() throws Exception {
        RegistryServer.Client analyst = server.as("analyst");
        JsonNode list = analyst.json(RegistryApi.PREFIX + "/clusters?as_of=2025-06-30&year=2024");
        assertThat(list.get("synthetic").asBoolean()).isTrue();
        assertThat(list.get("clusters").asInt()).isEqualTo(3);
        JsonNode sve = TestServer.row(list.get("rows"), "cluster", "SVE-METAL");
        assertThat(sve.get("compliant").asBoolean()).isFalse();
        assertThat(sve.get("failed").asInt()).isEqualTo(1);
        JsonNode cluster = analyst.json(RegistryApi.PREFIX + "/clusters/SVE-METAL?as_of=2025-06-30&year=2024");
        assertThat(cluster.get("participants").asInt()).isEqualTo(sve.get("participants").asInt());
        assertThat(cluster.get("cluster_output").asDouble()).isEqualTo(sve.get("cluster_output").asDouble());
        assertThat(cluster.get("years")).extracting(y -> y.get("year").asInt()).containsExactly(2022, 2023, 2024);
        JsonNode participants = analyst.json(RegistryApi.PREFIX + "/clusters/SVE-METAL/participants?as_of=2025-06-30&year=2024");
        double output = 0;
        double sold = 0;
        for (JsonNode r : participants.get("rows")) {
            if (!r.get("participant").asBoolean()) continue;
            if (!r.get("org_output").isNull()) output += r.get("org_output").asDouble();
            sold += r.get("sold_inside").asDouble();
        }
        // the table's total: Σ output of the rows, Σ their inside sales / that output (to binary rounding)
        assertThat(output).isCloseTo(sve.get("cluster_output").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(sold / output).isCloseTo(sve.get("inside_share").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
        JsonNode org = server.as("member").json(RegistryApi.PREFIX + "/organisations/" + server.memberInn + "?lang=ru");
        assertThat(org.get("memberships")).extracting(m -> m.get("cluster").asText()).containsExactly("SVE-METAL");
        assertThat(org.get("facts")).hasSize(3);
        List<String> names = List.of(org.get("organisation").get("name").asText());
        assertThat(names.get(0)).isNotBlank();
    }
}
