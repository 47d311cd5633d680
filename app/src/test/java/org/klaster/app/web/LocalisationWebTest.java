package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.HandRegion;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Importers;
import org.klaster.data.store.Role;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;
import org.klaster.inputoutput.LocalSuppliers;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;

/**
 * Leakage, the localisation scenario and local suppliers in the web and the API (issue 12, items 2–4), on the
 * two-sector nation worked by hand ({@link HandRegion}): the API's numbers are the hand values and the
 * command line's on the same files; the page shows them in English and Russian; registry organisations are
 * candidates only for a caller who may read them.
 *
 * The flows of the hand case are derived in {@link HandRegion}.
 */
class LocalisationWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A registry organisation of Samara in industry 20 (valid INN check digit), with coordinates. */
    static final String REGISTRY_INN = "6312001233";

    @TempDir
    static Path dir;
    private static TestServer server;
    private static Path table;
    private static Path activity;
    private static Path firms;

    /** The hand-worked table's view on RU-SAM by SLQ. */
    private static final String VIEW = "dataset=hand-io&activity=hand-act&region=RU-SAM&method=slq&year=2024";

    @BeforeAll
    static void start() throws IOException {
        table = write("io.csv", HandRegion.TABLE);
        activity = write("activity.csv", HandRegion.ACTIVITY);
        firms = write("firms.csv", HandRegion.FIRMS);
        server = new TestServer(false, store -> {
            put(store, DatasetKind.IO, table, "hand-io");
            put(store, DatasetKind.ACTIVITY, activity, "hand-act");
            put(store, DatasetKind.FIRMS, firms, "hand-firms");
        });
        server.platform.saveOrganisation(org.klaster.data.store.Actor.cli(), new Organisation(REGISTRY_INN, "", "Samara Chemicals",
                OrganisationType.ENTERPRISE, "20.1", "RU-SAM", 53.3, 50.2, 80, Double.NaN, false, false));
    }

    private static void put(Store store, DatasetKind kind, Path file, String id) {
        Importers.store(store, Importers.read(kind, file, file.getFileName().toString(), Importers.Options.none()), id, false, null);
    }

    private static Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String path, String token) throws IOException {
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** {@code klaster io COMMAND} on the same files, as CSV rows keyed by their first column. */
    private static Map<String, Map<String, String>> cli(String command, String... more) {
        List<String> a = new ArrayList<>(List.of("io", command, "--table", table.toString(), "--activity", activity.toString(),
                "--region", "RU-SAM", "--method", "slq", "--format", "csv", "--db", dir.resolve("cli.duckdb").toString()));
        a.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        String[] head = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < head.length; i++) m.put(head[i], v[i]);
            rows.put(v[0], m);
        }
        return rows;
    }

    private static void same(JsonNode api, Map<String, String> cli, String... columns) {
        for (String c : columns) {
            assertThat(api.get(c).asDouble()).as(c).isCloseTo(Double.parseDouble(cli.get(c)), within(1e-9));
        }
    }

    // ------------------------------------------------------------------ the API

    @Test
    void leakageByHandAndAsTheCommandLine() throws IOException {
        JsonNode o = json("/api/v1/sovereignty/leakage?" + VIEW, null);
        assertThat(o.get("region_name").asText()).isNotBlank();
        JsonNode rows = o.get("rows");
        assertThat(rows).extracting(r -> r.get("sector").asText()).containsExactly("29", "20", "TOTAL");
        JsonNode r29 = TestServer.row(rows, "sector", "29");
        assertThat(r29.get("bought_in_region").asDouble()).isCloseTo(13.125, within(1e-9));
        assertThat(r29.get("from_other_regions").asDouble()).isCloseTo(4.375, within(1e-9));
        assertThat(r29.get("from_abroad").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(r29.get("outside_share").asDouble()).isCloseTo(9.375 / 22.5, within(1e-9));
        JsonNode total = TestServer.row(rows, "sector", "TOTAL");
        assertThat(total.get("outside").asDouble()).isCloseTo(14.375, within(1e-9));
        Map<String, Map<String, String>> cli = cli("leakage");
        for (String s : List.of("20", "29", "TOTAL")) {
            same(TestServer.row(rows, "sector", s), cli.get(s), "bought_in_region", "from_other_regions", "from_abroad", "outside");
        }
        // sector 29 as the only buyer: its column of the hand table
        JsonNode one = TestServer.row(json("/api/v1/sovereignty/leakage?" + VIEW + "&buyers=29", null).get("rows"), "sector", "20");
        assertThat(one.get("bought_in_region").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(one.get("from_abroad").asDouble()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void localiseByHandAndAsTheCommandLine() throws IOException {
        JsonNode o = json("/api/v1/sovereignty/localise?" + VIEW + "&buyers=29&share=50%25", null);
        // (R′ − R)x = (1.25, 2.5); I − R′ = [[0.9, −0.125], [−0.225, 0.9125]], det 0.793125
        double det = 0.793125;
        double dx20 = (0.9125 * 1.25 + 0.125 * 2.5) / det;
        double dx29 = (0.225 * 1.25 + 0.9 * 2.5) / det;
        JsonNode rows = o.get("rows");
        assertThat(TestServer.row(rows, "sector", "20").get("output_change").asDouble()).isCloseTo(dx20, within(1e-9));
        assertThat(TestServer.row(rows, "sector", "29").get("output_change").asDouble()).isCloseTo(dx29, within(1e-9));
        assertThat(o.get("total").get("jobs_change").asDouble()).isCloseTo(2 * (dx20 + dx29), within(1e-9));
        assertThat(o.get("total").get("imports_replaced").asDouble()).isCloseTo(0.5 * 7.5 * (50 + dx29) / 50, within(1e-9));
        assertThat(o.get("share").asDouble()).isEqualTo(0.5);
        Map<String, Map<String, String>> cli = cli("localise", "--buyers", "29", "--share", "50%");
        for (String s : List.of("20", "29", "TOTAL")) {
            same(TestServer.row(rows, "sector", s), cli.get(s), "output_change", "value_added_change", "jobs_change", "imports_replaced");
        }
        // 0.5 is the same share; a share over 100 % is refused naming it
        assertThat(json("/api/v1/sovereignty/localise?" + VIEW + "&buyers=29&share=0.5", null).get("rows")).isEqualTo(rows);
        HttpResponse<String> bad = get("/api/v1/sovereignty/localise?" + VIEW + "&share=150%25", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("param").asText()).isEqualTo("share");
        HttpResponse<String> both = get("/api/v1/sovereignty/localise?" + VIEW + "&buyers=29&cluster=c1", null);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(both.body()).get("error").asText()).contains("either buying sectors or a cluster");
    }

    @Test
    void suppliersTheRegionFirstAndTheRegistryOnlyForThoseWhoMayReadIt() throws IOException {
        String q = "/api/v1/sovereignty/suppliers?" + VIEW + "&firms=hand-firms&buyers=29&inputs=2&top=5&neighbours=1";
        JsonNode anonymous = json(q, null).get("rows");
        assertThat(anonymous).extracting(r -> r.get("input").asText() + ":" + r.get("id").asText() + ":" + r.get("ring").asInt())
                .containsExactly("29:b1:0", "29:b2:0", "20:s2:0", "20:s1:0", "20:s3:1");
        JsonNode s3 = anonymous.get(4);
        double expected = (300 * LocalSuppliers.distanceKm(54.3, 48.4, 53.5, 49.4) + 100 * LocalSuppliers.distanceKm(54.3, 48.4, 53.2, 50.1)) / 400;
        assertThat(s3.get("distance_km").asDouble()).isCloseTo(expected, within(1e-9));
        // an administrator also sees the registry's Samara Chemicals (80 employees: after s2, before s1)
        JsonNode admin = json(q, server.apiToken(Role.ADMINISTRATOR)).get("rows");
        assertThat(admin).extracting(r -> r.get("input").asText() + ":" + r.get("id").asText())
                .containsExactly("29:b1", "29:b2", "20:s2", "20:" + REGISTRY_INN, "20:s1", "20:s3");
        JsonNode reg = TestServer.row(admin, "id", REGISTRY_INN);
        assertThat(reg.get("source").asText()).isEqualTo("registry");
        assertThat(reg.get("name").asText()).isEqualTo("Samara Chemicals");
        // a participant of another organisation may not read it
        JsonNode participant = json(q, server.apiToken(Role.PARTICIPANT)).get("rows");
        assertThat(participant).extracting(r -> r.get("id").asText()).doesNotContain(REGISTRY_INN);
        // a cluster nobody may read anonymously is as unknown as one that does not exist
        HttpResponse<String> cluster = get("/api/v1/sovereignty/suppliers?" + VIEW + "&cluster=nope", null);
        assertThat(cluster.statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/sovereignty/suppliers?dataset=hand-io&activity=hand-act", null).statusCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ the page and its downloads

    @Test
    void thePageInBothLanguagesAndItsDownloads() throws Exception {
        HttpResponse<String> none = get("/sovereignty/localisation?dataset=hand-io&activity=hand-act", null);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("id=\"loc-prompt\"").doesNotContain("id=\"loc-form\"");
        String page = "/sovereignty/localisation?" + VIEW + "&buyers=29&share=50%25&firms=hand-firms";
        HttpResponse<String> en = get(page + "&lang=en", null);
        assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
        assertThat(en.body()).contains("Leakage and localisation").contains("id=\"tbl-leakage\"").contains("id=\"tbl-localise\"")
                .contains("id=\"tbl-suppliers\"").contains("<option value=\"29\" selected").contains("value=\"50%\"");
        // the jobs KPI: 2·(Δx20 + Δx29) = 9.93… shown with a sign
        double det = 0.793125;
        double jobs = 2 * ((0.9125 * 1.25 + 0.125 * 2.5) / det + (0.225 * 1.25 + 0.9 * 2.5) / det);
        assertThat(en.body()).contains("+" + String.format(java.util.Locale.ROOT, "%.0f", jobs));
        HttpResponse<String> ru = get(page + "&lang=ru", null);
        assertThat(ru.body()).contains("Утечка и локализация").contains("Местные кандидаты в поставщики");
        // the downloads are the API's tables
        HttpResponse<String> csv = get("/sovereignty/localise/export.csv?" + VIEW + "&buyers=29&share=50%25", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("sector,sector_name,output,output_change");
        HttpResponse<String> sup = get("/sovereignty/suppliers/export.csv?" + VIEW + "&buyers=29&firms=hand-firms&lang=ru", null);
        assertThat(sup.statusCode()).isEqualTo(200);
        assertThat(sup.body().lines().skip(1).map(l -> l.split(",")[0]).distinct().toList()).containsExactly("29", "20");
        // a bad share is shown beside its field, in the visitor's language
        HttpResponse<String> bad = get("/sovereignty/localisation?" + VIEW + "&share=abc&lang=ru", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"share\"");
    }
}
