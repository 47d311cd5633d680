package org.klaster.app.web;

import org.klaster.app.analysis.Reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.activity.ActivityRecord;
import org.klaster.app.Klaster;
import org.klaster.complexity.Opportunities;

/**
 * The Opportunities pages and API over HTTP: numbers on the hand-built 4 × 5 exports of
 * {@link OpportunitiesFixtures} (hand computations of core's ComplexityHandExampleTest and the
 * numpy oracle of EconomicComplexityOracleTest), structure on the demo, and the downloads byte for
 * byte against {@code klaster complexity} and {@code klaster opportunities}.
 */
class OpportunitiesApiTest {

    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final double H = 0.5;

    // the numpy oracle of the Stata ecomplexity formulas (core EconomicComplexityOracleTest, "HAND_*")
    static final double[] ECI = {1.480531814076226, -0.11111303743221754, -1.2583057392117911, -0.11111303743221754};
    static final double[] PCI = {2.3694361135339657, 1.0360796643473564, -1.2583057392117916, -1.258305739211791, 1.036079664347356};
    static final double[] COI = {-1.6864287023537718, 0.5985304196379714, 0.48936786307782937, 0.5985304196379714};

    @BeforeAll
    static void start() {
        server = new TestServer(false, OpportunitiesFixtures::install);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return server.get(path);
    }

    static JsonNode json(String path) throws Exception {
        return server.json(path);
    }

    static JsonNode row(JsonNode rows, String key, String value) {
        return TestServer.row(rows, key, value);
    }

    @Test
    void handComplexity() throws Exception {
        JsonNode o = json("/api/v1/opportunities/complexity?dataset=hand-exports");
        assertThat(o.get("year").asInt()).isEqualTo(2023);
        assertThat(o.get("synthetic").asBoolean()).isFalse();
        // diversity k_c = 3, 2, 2, 2; ECI ranks: AAA first, BBB and DDD tie (equal ECI) at 2, CCC 4th
        int[] diversity = {3, 2, 2, 2};
        int[] rank = {1, 2, 4, 2};
        for (int c = 0; c < 4; c++) {
            JsonNode x = row(o.get("locations"), "location", OpportunitiesFixtures.COUNTRIES.get(c));
            assertThat(x.get("diversity").asInt()).isEqualTo(diversity[c]);
            assertThat(x.get("eci").asDouble()).isCloseTo(ECI[c], within(1e-5));
            assertThat(x.get("coi").asDouble()).isCloseTo(COI[c], within(1e-4));
            assertThat(x.get("eci_rank").asInt()).isEqualTo(rank[c]);
        }
        // ubiquity k_p = 1, 2, 2, 2, 2; every column sums to 20
        int[] ubiquity = {1, 2, 2, 2, 2};
        for (int p = 0; p < 5; p++) {
            JsonNode x = row(o.get("products"), "product", OpportunitiesFixtures.PRODUCTS.get(p));
            assertThat(x.get("ubiquity").asInt()).isEqualTo(ubiquity[p]);
            assertThat(x.get("pci").asDouble()).isCloseTo(PCI[p], within(1e-5));
            assertThat(x.get("world_exports").asDouble()).isEqualTo(20.0);
        }
        assertThat(o.get("warnings")).isEmpty();
    }

    @Test
    void handProductSpace() throws Exception {
        JsonNode o = json("/api/v1/opportunities/product-space?dataset=hand-exports&country=AAA");
        assertThat(o.get("country").asText()).isEqualTo("AAA");
        JsonNode nodes = o.get("nodes");
        assertThat(nodes).hasSize(5);
        // AAA: rca = 5·x/40 = 2.5, 1.25, 0, 0, 1.25; M = 1, 1, 0, 0, 1; density 1, 2/3, 1/2, 1/2, 2/3
        double[] rca = {2.5, 1.25, 0, 0, 1.25};
        double[] mcp = {1, 1, 0, 0, 1};
        double[] density = {1, 2.0 / 3, H, H, 2.0 / 3};
        for (int p = 0; p < 5; p++) {
            JsonNode n = row(nodes, "product", OpportunitiesFixtures.PRODUCTS.get(p));
            assertThat(n.get("rca").asDouble()).isCloseTo(rca[p], within(1e-12));
            assertThat(n.get("mcp").asDouble()).isEqualTo(mcp[p]);
            assertThat(n.get("density").asDouble()).isCloseTo(density[p], within(1e-12));
            assertThat(n.get("world_exports").asDouble()).isEqualTo(20.0);
            assertThat(n.get("x").asDouble()).isBetween(0.0, 1000.0);
            assertThat(n.get("y").asDouble()).isBetween(0.0, 1000.0);
        }
        // six links of φ = 1/2 form the cycle 2–3–4–5–2 ... plus 1–2 and 1–5: a spanning tree takes 4 of them, all 1/2;
        // no other link reaches 0.55, so there are no extra edges
        JsonNode edges = o.get("edges");
        assertThat(edges).hasSize(4);
        Set<String> linked = new HashSet<>();
        Set<String> allowed = Set.of("0001-0002", "0001-0005", "0002-0005", "0002-0003", "0003-0004", "0004-0005");
        for (JsonNode e : edges) {
            assertThat(e.get("tree").asBoolean()).isTrue();
            assertThat(e.get("proximity").asDouble()).isEqualTo(H);
            String key = e.get("source").asText() + "-" + e.get("target").asText();
            assertThat(allowed).contains(key);
            linked.add(e.get("source").asText());
            linked.add(e.get("target").asText());
        }
        assertThat(linked).hasSize(5); // spanning: every product is reached
    }

    @Test
    void demoProductSpaceIsRussiaByDefault() throws Exception {
        JsonNode o = json("/api/v1/opportunities/product-space");
        assertThat(o.get("dataset").get("id").asText()).isEqualTo("demo-exports");
        assertThat(o.get("synthetic").asBoolean()).isTrue();
        assertThat(o.get("notice").asText()).isNotBlank();
        assertThat(o.get("country").asText()).isEqualTo("RUS");
        int n = o.get("nodes").size();
        assertThat(n).isBetween(250, 303);
        long tree = 0;
        for (JsonNode e : o.get("edges")) {
            double phi = e.get("proximity").asDouble();
            assertThat(phi).isBetween(0.0, 1.0);
            if (e.get("tree").asBoolean()) tree++;
            else assertThat(phi).isGreaterThanOrEqualTo(ProductSpace.EXTRA_PHI);
        }
        assertThat(tree).isLessThanOrEqualTo(n - 1);
        assertThat(o.get("edges").size()).isLessThanOrEqualTo(n - 1 + ProductSpace.MAX_EXTRA);
        JsonNode c = json("/api/v1/opportunities/complexity");
        assertThat(c.get("locations").size()).isEqualTo(100);
        // ranks are a permutation-with-ties of 1..n ordered like ECI
        List<double[]> pairs = new ArrayList<>();
        for (JsonNode x : c.get("locations")) pairs.add(new double[] {x.get("eci").asDouble(), x.get("eci_rank").asDouble()});
        for (double[] a : pairs) {
            long higher = pairs.stream().filter(b -> b[0] > a[0]).count();
            assertThat(a[1]).isEqualTo(higher + 1.0);
        }
    }

    @Test
    void demoRegionRanking() throws Exception {
        JsonNode o = json("/api/v1/opportunities/regions/RU-SAM");
        assertThat(o.get("dataset").get("id").asText()).isEqualTo("demo");
        assertThat(o.get("trade_dataset").get("id").asText()).isEqualTo("demo-trade");
        assertThat(o.get("reporter").asText()).isEqualTo("RUS");
        JsonNode rows = o.get("rows");
        assertThat(rows.size()).isPositive();
        String status = "opportunity";
        int expectRank = 1;
        for (JsonNode r : rows) {
            if (!r.get("status").asText().equals(status)) {
                assertThat(r.get("status").asText()).isEqualTo("specialised");
                status = "specialised";
                expectRank = 1;
            }
            assertThat(r.get("rank").asInt()).isEqualTo(expectRank++);
            assertThat(r.get("mcp").asInt()).isEqualTo(status.equals("opportunity") ? 0 : 1);
            assertThat(r.get("density").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("dependent_products").asInt()).isPositive();
            // the score is the weighted mean of the printed percentiles (docs/methods-opportunities.md §5)
            double s = (0.5 * r.get("density_percentile").asDouble() + 0.25 * r.get("pci_percentile").asDouble()
                    + 0.25 * r.get("cog_percentile").asDouble()) / 1.0;
            assertThat(r.get("score").asDouble()).isCloseTo(s, within(1e-12));
            if (status.equals("specialised")) assertThat(r.get("cog").asDouble()).isEqualTo(0.0);
        }
        assertThat(get("/api/v1/opportunities/regions/RU-XXX").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/opportunities/regions/RU-SAM?year=1999").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/opportunities/regions/RU-SAM?dataset=demo-trade").statusCode()).isEqualTo(400);
    }

    @Test
    void candidateProducersAreTheRegionsEstablishmentsInTheIndustryOrItsRelatedOnes() throws Exception {
        JsonNode rank = json("/api/v1/opportunities/regions/RU-SAM");
        String industry = rank.get("rows").get(0).get("industry").asText();
        JsonNode o = json("/api/v1/opportunities/regions/RU-SAM/producers?industry=" + industry + "&top=100");
        assertThat(o.get("firms_dataset").get("id").asText()).isEqualTo("hand-firms");
        List<String> codes = new ArrayList<>(List.of(industry));
        for (JsonNode r : o.get("related_present")) codes.add(r.get("industry").asText());
        // hand-firms has exactly one RU-SAM establishment per industry, f-CODE with employment 1000 + position:
        // expected = f-code for the industry and each related one, never an RU-MOW one
        Set<String> expected = new HashSet<>();
        for (String c : codes) expected.add("f-" + c);
        Set<String> got = new HashSet<>();
        double last = Double.POSITIVE_INFINITY;
        for (JsonNode r : o.get("rows")) {
            got.add(r.get("firm_id").asText());
            assertThat(r.get("employment").asDouble()).isLessThanOrEqualTo(last).isLessThan(1_000_000.0);
            last = r.get("employment").asDouble();
            String via = r.get("via").asText();
            assertThat(r.get("firm_id").asText()).isEqualTo("f-" + via);
            if (via.equals(industry)) assertThat(r.get("proximity").isNull()).isTrue();
            else assertThat(r.get("proximity").asDouble()).isPositive();
        }
        assertThat(got).isEqualTo(expected);
        assertThat(get("/api/v1/opportunities/regions/RU-SAM/producers").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/opportunities/regions/RU-SAM/producers?industry=99.99").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesRender() throws Exception {
        HttpResponse<String> space = get("/opportunities?lang=en");
        assertThat(space.statusCode()).isEqualTo(200);
        assertThat(space.body()).contains("id=\"space-chart\"", "id=\"eci-chart\"", "id=\"synthetic-badge\"", "RUS");
        HttpResponse<String> hand = get("/opportunities/product-space?dataset=hand-exports&country=CCC&lang=en");
        assertThat(hand.statusCode()).isEqualTo(200);
        assertThat(hand.body()).doesNotContain("id=\"synthetic-badge\"").contains("4 of 4");
        HttpResponse<String> region = get("/opportunities/region?region=RU-SAM&lang=ru");
        assertThat(region.statusCode()).isEqualTo(200);
        assertThat(region.body()).contains("id=\"explain\"", "Плотность", "id=\"tbl-opportunities\"", "id=\"producers\"",
                "/mapping/regions/RU-SAM?dataset=demo", "id=\"producers-chart\"");
        assertThat(region.body()).doesNotContain("\u27e6"); // no missing message key
        assertThat(space.body()).doesNotContain("\u27e6");
        assertThat(get("/opportunities/region?region=RU-SAM&industry=99.99").statusCode()).isEqualTo(404);
        assertThat(get("/opportunities/product-space?country=XYZ").statusCode()).isEqualTo(400);
        assertThat(get("/opportunities/region?region=RU-SAM&sort=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void downloadsEqualTheCli(@TempDir Path dir) throws Exception {
        // klaster complexity on the hand exports as a file
        Path exports = dir.resolve("exports.csv");
        StringBuilder e = new StringBuilder("year,location,product,value\n");
        for (var r : OpportunitiesFixtures.handExports()) {
            e.append(r.year()).append(',').append(r.location()).append(',').append(r.product()).append(',').append((long) r.value()).append('\n');
        }
        Files.writeString(exports, e);
        assertCli("/opportunities/complexity/export.csv?dataset=hand-exports&year=2023",
                List.of("complexity", "--exports", exports.toString(), "--year", "2023", "--format", "csv"));

        // klaster opportunities on the demo's activity and trade written to files
        Path activity = dir.resolve("activity.csv");
        StringBuilder a = new StringBuilder("region,industry,year,employment\n");
        for (ActivityRecord r : server.store.activity("demo")) {
            a.append(r.region()).append(',').append(r.industry()).append(',').append(r.year()).append(',').append(r.employment()).append('\n');
        }
        Files.writeString(activity, a);
        var demoTrade = server.store.trade("demo-trade");
        Path trade = dir.resolve("trade.csv");
        StringBuilder t = new StringBuilder("year,reporter,partner,product,flow,value\n");
        for (var f : demoTrade.flows()) {
            t.append(f.year()).append(',').append(f.reporter()).append(',').append(f.partner()).append(',').append(f.product())
                    .append(',').append(f.flow().name().toLowerCase(java.util.Locale.ROOT)).append(',').append(f.value()).append('\n');
        }
        Files.writeString(trade, t);
        Path production = dir.resolve("production.csv");
        StringBuilder p = new StringBuilder("year,reporter,product,value\n");
        for (var x : demoTrade.production()) {
            p.append(x.year()).append(',').append(x.reporter()).append(',').append(x.product()).append(',').append(x.value()).append('\n');
        }
        Files.writeString(production, p);
        for (String region : List.of("RU-SAM", "RU-MOW", "RU-CHU")) {
            assertCli("/opportunities/region/export.csv?region=" + region,
                    List.of("opportunities", "--region", region, "--activity", activity.toString(), "--trade", trade.toString(),
                            "--production", production.toString(), "--top", "100000", "--format", "csv"));
        }
        assertThat(Opportunities.DEFAULT_RELATED).isEqualTo(3); // the CLI's --related default the page uses
        for (String x : List.of("/opportunities/region/export.xlsx?region=RU-SAM", "/opportunities/complexity/export.xlsx?dataset=hand-exports")) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + x)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(x).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
            assertThat(new String(r.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK"); // a zip, as XLSX is
        }
    }

    private static void assertCli(String url, List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // downloads are the CLI's table with names in the page's language
        List<String> named = new java.util.ArrayList<>(args);
        named.addAll(List.of("--names", "--lang", "en"));
        int code = Klaster.run(named.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        HttpResponse<String> web = get(url + (url.contains("?") ? "&" : "?") + "lang=en");
        assertThat(web.statusCode()).as(url + " → " + web.body()).isEqualTo(200);
        assertThat(TestServer.withoutSyntheticLine(web.body())).as(url).isEqualTo(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutDataThePagesSayWhatToImport() throws Exception {
        try (var store = org.klaster.data.store.Store.inMemory()) {
            var app = WebApp.create(new Workbench(store, Reference.regions())).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                for (String path : List.of("/opportunities?lang=en", "/opportunities/region?lang=en")) {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    assertThat(r.body()).as(path).contains("id=\"opp-none\"", "klaster demo");
                }
                HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/opportunities/complexity")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).isEqualTo(404);
            } finally {
                app.stop();
            }
        }
    }
}
