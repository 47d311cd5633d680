package org.klaster.app.web;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * The Sovereignty pages and API over HTTP on the hand-built tables of {@link SovereigntyFixtures};
 * every number is checked against a hand computation (Miller &amp; Blair's L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575).
 */
class SovereigntyApiTest {

    static final double DET = 0.7575;
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new TestServer(true);
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
    void millerBlairMultipliers() throws Exception {
        JsonNode o = json("/api/v1/sovereignty/multipliers?dataset=mb-io");
        assertThat(o.get("dataset").get("id").asText()).isEqualTo("mb-io");
        assertThat(o.get("synthetic").asBoolean()).isFalse();
        JsonNode s1 = row(o.get("rows"), "sector", "S1");
        JsonNode s2 = row(o.get("rows"), "sector", "S2");
        assertThat(s1.get("output").asDouble()).isEqualTo(1000.0);
        assertThat(s1.get("output_multiplier").asDouble()).isCloseTo(1.518152, within(1e-6));
        assertThat(s2.get("output_multiplier").asDouble()).isCloseTo(1.452145, within(1e-6));
        assertThat(s1.get("output_multiplier").asDouble()).isCloseTo(1.15 / DET, within(1e-12));
        assertThat(s1.get("backward_linkage").asDouble()).isCloseTo(2 * 1.15 / 2.25, within(1e-12));
        assertThat(s2.get("backward_linkage").asDouble()).isCloseTo(2 * 1.1 / 2.25, within(1e-12));
        // G = [[0.95, 0.5], [0.1, 0.85]] / 0.7575: row sums 1.45 and 0.95, FL = 2·1.45/2.4 and 2·0.95/2.4
        assertThat(s1.get("forward_linkage").asDouble()).isCloseTo(2 * 1.45 / 2.4, within(1e-12));
        assertThat(s2.get("forward_linkage").asDouble()).isCloseTo(2 * 0.95 / 2.4, within(1e-12));
        assertThat(s1.get("key_sector").asBoolean()).isTrue();
        assertThat(s2.get("key_sector").asBoolean()).isFalse();
        // m = imports / x = (0.1, 0.1), so import content = 0.1 × output multiplier
        assertThat(s1.get("import_content").asDouble()).isCloseTo(0.1 * 1.15 / DET, within(1e-12));
        assertThat(s2.get("import_content").asDouble()).isCloseTo(0.1 * 1.1 / DET, within(1e-12));
        // v = (0.55, 0.6): vᵀL = (0.55·0.95 + 0.6·0.2, 0.55·0.25 + 0.6·0.85) / 0.7575 = (0.6425, 0.6475) / 0.7575
        assertThat(s1.get("value_added_multiplier").asDouble()).isCloseTo(0.6425 / DET, within(1e-12));
        assertThat(s2.get("value_added_multiplier").asDouble()).isCloseTo(0.6475 / DET, within(1e-12));
        // balanced table: import content + value-added multiplier = 1
        assertThat(s2.get("import_content").asDouble() + s2.get("value_added_multiplier").asDouble()).isCloseTo(1, within(1e-12));
    }

    @Test
    void demandAndInputCutShocksByHand() throws Exception {
        // Δf = (−0.1·350, 0) → Δx = L·Δf = −35·(0.95, 0.2)/0.7575
        JsonNode d = json("/api/v1/sovereignty/shock?dataset=mb-io&type=demand&rates=S1=-0.1");
        assertThat(d.get("type").asText()).isEqualTo("demand");
        assertThat(row(d.get("rows"), "sector", "S1").get("output_change").asDouble()).isCloseTo(-35 * 0.95 / DET, within(1e-9));
        assertThat(row(d.get("rows"), "sector", "S2").get("output_change").asDouble()).isCloseTo(-35 * 0.2 / DET, within(1e-9));
        assertThat(row(d.get("rows"), "sector", "S1").get("output_change_pct").asDouble()).isCloseTo(-100 * 35 * 0.95 / DET / 1000, within(1e-9));
        JsonNode total = row(d.get("rows"), "sector", "TOTAL");
        assertThat(total.get("output_change").asDouble()).isCloseTo(-35 * 1.15 / DET, within(1e-9));
        assertThat(total.get("baseline_output").asDouble()).isEqualTo(3000.0);
        assertThat(d.get("total").get("output_change").asDouble()).isEqualTo(total.get("output_change").asDouble());
        // imports of S2 cut by half: Δp = (0, −100), Δxᵀ = ΔpᵀG = −100·(0.1, 0.85)/0.7575
        JsonNode c = json("/api/v1/sovereignty/shock?dataset=mb-io&type=input-cut&rates=S2=0.5");
        assertThat(row(c.get("rows"), "sector", "S1").get("output_change").asDouble()).isCloseTo(-100 * 0.1 / DET, within(1e-9));
        assertThat(row(c.get("rows"), "sector", "S2").get("output_change").asDouble()).isCloseTo(-100 * 0.85 / DET, within(1e-9));
        // linear: two sectors at once = the sum of each alone
        JsonNode both = json("/api/v1/sovereignty/shock?dataset=four-io&type=perturb&rates=A01=0.1,C26=-0.2");
        JsonNode a = json("/api/v1/sovereignty/shock?dataset=four-io&type=perturb&rates=A01=0.1");
        JsonNode b = json("/api/v1/sovereignty/shock?dataset=four-io&type=perturb&rates=C26=-0.2");
        for (String s : new String[] {"A01", "C10", "C26", "G46", "TOTAL"}) {
            assertThat(row(both.get("rows"), "sector", s).get("output_change").asDouble()).isCloseTo(
                    row(a.get("rows"), "sector", s).get("output_change").asDouble() + row(b.get("rows"), "sector", s).get("output_change").asDouble(),
                    within(1e-9));
        }
    }

    @Test
    void extractionByHand() throws Exception {
        // S1 buys nothing: Ā = [[0, 0.25], [0, 0.05]], x̄2 = 1700/0.95, x̄1 = 350 + 0.25·x̄2; loss = 3000 − Σx̄
        JsonNode o = json("/api/v1/sovereignty/extraction?dataset=mb-io");
        double x2 = 1700 / 0.95;
        double loss = 3000 - (350 + 0.25 * x2 + x2);
        JsonNode s1 = row(o.get("rows"), "sector", "S1");
        assertThat(s1.get("backward_extraction_loss").asDouble()).isCloseTo(loss, within(1e-9));
        assertThat(s1.get("backward_extraction_loss_pct").asDouble()).isCloseTo(100 * loss / 3000, within(1e-9));
        assertThat(o.get("rows")).hasSize(2);
    }

    @Test
    void badInputIs400AndNotProductiveIs422() throws Exception {
        for (String path : new String[] {
                "/api/v1/sovereignty/shock?dataset=mb-io&type=demand&rates=S9=-0.1",
                "/api/v1/sovereignty/shock?dataset=mb-io&type=demand&rates=S1=abc",
                "/api/v1/sovereignty/shock?dataset=mb-io&type=demand&rates=S1=-20",
                "/api/v1/sovereignty/shock?dataset=mb-io&type=demand",
                "/api/v1/sovereignty/shock?dataset=mb-io&type=boom&rates=S1=0.1",
                "/api/v1/sovereignty/multipliers?dataset=demo",
                "/api/v1/sovereignty/dependency?dataset=small-trade&reporter=XXX",
                "/api/v1/sovereignty/dependency?dataset=small-trade&outside=nogroup",
                "/api/v1/sovereignty/dependency?dataset=small-trade&years=2023-2021",
                "/api/v1/sovereignty/dependency/partners?dataset=small-trade"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(path).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(get("/api/v1/sovereignty/shock?dataset=mb-io&rates=S9=-0.1").body()).contains("unknown sector \\\"S9\\\"");
        HttpResponse<String> bad = get("/api/v1/sovereignty/multipliers?dataset=bad-io");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("not productive");
        assertThat(get("/api/v1/sovereignty/multipliers?dataset=nope").statusCode()).isEqualTo(404);
        HttpResponse<String> page = get("/sovereignty/multipliers?dataset=bad-io&lang=en");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("not productive").doesNotContain("Exception");
    }

    @Test
    void dependencyScreenOnTheSmallCase() throws Exception {
        JsonNode o = json("/api/v1/sovereignty/dependency?dataset=small-trade&years=2021-2023");
        assertThat(o.get("reporter").asText()).isEqualTo("RUS");
        assertThat(o.get("rows")).hasSize(6);
        JsonNode r = o.get("rows").get(5); // sorted by product, year: 8542 2023
        assertThat(r.get("product").asText()).isEqualTo("8542");
        assertThat(r.get("year").asInt()).isEqualTo(2023);
        assertThat(r.get("imports").asDouble()).isEqualTo(100.0);
        assertThat(r.get("import_hhi").asDouble()).isCloseTo(0.66, within(1e-12));
        assertThat(r.get("import_export_ratio").asDouble()).isCloseTo(20, within(1e-12));
        // world exports of 8542: CHN 1000, RUS 5 → (1000² + 5²)/1005²
        assertThat(r.get("world_export_hhi").asDouble()).isCloseTo((1e6 + 25) / (1005.0 * 1005.0), within(1e-12));
        assertThat(r.get("dependent").asBoolean()).isTrue();
        assertThat(r.get("persistent").asBoolean()).isTrue();
        assertThat(o.get("rows").get(3).get("persistent").asBoolean()).as("2021: no earlier years").isFalse();
        assertThat(r.get("top_partner").asText()).isEqualTo("CHN");
        assertThat(r.get("top_partner_share").asDouble()).isCloseTo(0.8, within(1e-12));
        // 0101: reliance 60/(200 + 60 − 10) = 0.24 → not dependent
        JsonNode p = o.get("rows").get(2);
        assertThat(p.get("import_reliance").asDouble()).isCloseTo(0.24, within(1e-12));
        assertThat(p.get("dependent").asBoolean()).isFalse();
        // the default range is the last year; the filter keeps dependent rows
        JsonNode dep = json("/api/v1/sovereignty/dependency?dataset=small-trade&filter=dependent");
        assertThat(dep.get("rows")).hasSize(1);
        assertThat(dep.get("rows").get(0).get("product").asText()).isEqualTo("8542");
        // outside the friendly group only DEU remains: HHI 1, ratio 10/5
        JsonNode out = json("/api/v1/sovereignty/dependency?dataset=small-trade&outside=friendly&from=2023&to=2023");
        JsonNode chip = row(out.get("rows"), "product", "8542");
        assertThat(chip.get("import_hhi").asDouble()).isEqualTo(1.0);
        assertThat(chip.get("import_export_ratio").asDouble()).isCloseTo(2, within(1e-12));
        assertThat(chip.get("top_partner").asText()).isEqualTo("DEU");
    }

    @Test
    void partnerSharesAndCoverage() throws Exception {
        JsonNode p = json("/api/v1/sovereignty/dependency/partners?dataset=small-trade&product=8542&year=2022");
        assertThat(p.get("partners").findValuesAsText("partner")).containsExactly("CHN", "DEU", "KAZ");
        assertThat(p.get("partners").get(0).get("share").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(p.get("import_hhi").asDouble()).isCloseTo(0.66, within(1e-12));
        // coverage of 0101: (200 − 10)/((200 − 10) + 60) = 0.76 ≥ 0.75
        JsonNode c = json("/api/v1/sovereignty/coverage?dataset=small-trade&year=2023");
        assertThat(c.get("rows")).hasSize(1);
        assertThat(c.get("rows").get(0).get("coverage").asDouble()).isCloseTo(0.76, within(1e-12));
        assertThat(c.get("rows").get(0).get("meets_target").asBoolean()).isTrue();
        assertThat(c.get("target").asDouble()).isEqualTo(0.75);
        // one product: the count-based share and the mean are its own; it is the whole home market (190 + 60)
        assertThat(c.get("share_of_products_meeting_target").asDouble()).isEqualTo(1.0);
        assertThat(c.get("mean_coverage").asDouble()).isCloseTo(0.76, within(1e-12));
        assertThat(c.get("largest_home_market_product").asText()).isEqualTo("0101");
        assertThat(c.get("largest_home_market_share").asDouble()).isEqualTo(1.0);
        assertThat(c.get("synthetic").asBoolean()).isTrue();
        assertThat(c.get("notice").asText()).contains("not official statistics");
    }

    /** The CSV downloads are byte for byte what {@code klaster io … / dependency … --format csv} print for the same data. */
    @Test
    void exportsEqualTheCli(@TempDir Path dir) throws Exception {
        Path io = dir.resolve("io.csv");
        Files.writeString(io, """
                code,S1,S2,fd:households,fd:exports,total_output
                S1,150,500,300,50,1000
                S2,200,100,1500,200,2000
                imports,100,200,,,
                value_added,550,1200,,,
                """);
        String[][] cases = {
                {"/sovereignty/multipliers/export.csv?dataset=mb-io", "io,multipliers"},
                {"/sovereignty/extraction/export.csv?dataset=mb-io", "io,extract"},
                {"/sovereignty/shock/export.csv?dataset=mb-io&a_type=demand&a_sector=S1&a_rate=-0.1", "io,shock,--demand,S1=-0.1"},
                {"/sovereignty/shock/export.csv?dataset=mb-io&a_type=input-cut&a_sector=S2&a_rate=0.5", "io,shock,--input-cut,S2=0.5"}};
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(c[1].split(",")));
            // downloads are the CLI's table with names (--names --lang of the page)
            args.addAll(java.util.List.of("--table", io.toString(), "--format", "csv", "--names", "--lang", "en"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Klaster.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
            assertThat(code).isZero();
            HttpResponse<String> web = get(c[0] + "&lang=en");
            assertThat(web.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(web.body()).as(c[0]).isEqualTo(out.toString(StandardCharsets.UTF_8));
        }
        // the dependency screen of the small case, from files, against the stored dataset
        Path trade = dir.resolve("trade.csv");
        StringBuilder t = new StringBuilder("year,reporter,partner,product,flow,value\n");
        for (var f : SovereigntyFixtures.smallTrade().flows()) {
            t.append(f.year()).append(',').append(f.reporter()).append(',').append(f.partner()).append(',').append(f.product())
                    .append(',').append(f.flow().name().toLowerCase(java.util.Locale.ROOT)).append(',').append(f.value()).append('\n');
        }
        Files.writeString(trade, t);
        Path production = dir.resolve("production.csv");
        StringBuilder p = new StringBuilder("year,reporter,product,value\n");
        for (var x : SovereigntyFixtures.smallTrade().production()) {
            p.append(x.year()).append(',').append(x.reporter()).append(',').append(x.product()).append(',').append(x.value()).append('\n');
        }
        Files.writeString(production, p);
        Path groups = dir.resolve("groups.csv");
        Files.writeString(groups, "group,member\nfriendly,CHN\nfriendly,KAZ\n");
        String[][] screens = {
                {"/sovereignty/dependency/export.csv?dataset=small-trade&from=2021&to=2023", ""},
                {"/sovereignty/dependency/export.csv?dataset=small-trade&from=2022&to=2023&outside=friendly", "--outside,friendly,--years,2022-2023"}};
        for (String[] c : screens) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("dependency", "--trade", trade.toString(),
                    "--reporter", "RUS", "--production", production.toString(), "--groups", groups.toString(), "--format", "csv",
                    "--names", "--lang", "en"));
            if (!c[1].isEmpty()) args.addAll(java.util.List.of(c[1].split(",")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Klaster.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), false);
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            HttpResponse<String> web = get(c[0] + "&lang=en");
            assertThat(web.statusCode()).as(c[0]).isEqualTo(200);
            // the stored dataset is synthetic, the files are not: the download says so on its first line
            assertThat(web.body()).as(c[0]).startsWith(org.klaster.app.analysis.TableWriter.SYNTHETIC_CSV_LINE + "\n");
            assertThat(TestServer.withoutSyntheticLine(web.body())).as(c[0]).isEqualTo(out.toString(StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/sovereignty/dependency/export.xlsx?dataset=small-trade")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
        assertThat(TestServer.withoutSyntheticLine(get("/sovereignty/dependency/export.csv?dataset=small-trade").body()).lines()
                .findFirst().orElse("")).isEqualTo("product,product_name,year,imports,exports,import_hhi,world_export_hhi,"
                        + "import_export_ratio,import_reliance,dependent,persistent,top_partner,top_partner_name,top_partner_share");
    }

    @Test
    void pagesRenderInBothLanguagesWithTheSyntheticLabel() throws Exception {
        for (String lang : new String[] {"en", "ru"}) {
            for (String path : new String[] {"/sovereignty", "/sovereignty/multipliers", "/sovereignty/shock", "/sovereignty/extraction",
                    "/sovereignty/dependency", "/sovereignty/dependency?product=0101&filter=all&outside=friendly"}) {
                String p = path + (path.contains("?") ? "&" : "?") + "lang=" + lang + (path.contains("dependency") ? "" : "&dataset=four-io");
                HttpResponse<String> r = get(p);
                assertThat(r.statusCode()).as(p + " → " + r.body()).isEqualTo(200);
                assertThat(r.body()).as(p).contains(lang.equals("en") ? "Synthetic demo data" : "Синтетические демонстрационные данные");
                assertThat(r.body()).as(p).doesNotContain("\u27e6").doesNotContain("<script>");
            }
        }
        // a dataset of another kind falls back to the first of the page's kind (the demo's); the picker offers only that kind
        String mult = get("/sovereignty/multipliers?dataset=demo&lang=en").body();
        assertThat(mult).contains("<option value=\"demo-io\" selected").contains("<option value=\"mb-io\"")
                .doesNotContain("<option value=\"demo\"").doesNotContain("<option value=\"small-trade\"");
        assertThat(mult).contains("id=\"quadrant-chart\"").contains("Key sectors");
        // the demo table names divisions in Russian; the English page shows the reference English names
        assertThat(mult).contains("Computer, electronic and optical products (26)");
        // the mapping link does not carry the input–output dataset, and the Mapping picker offers no IO or trade data
        assertThat(mult).contains("href=\"/mapping\"");
        assertThat(get("/mapping?lang=en").body()).contains("<option value=\"demo\"").doesNotContain("<option value=\"demo-io\"")
                .doesNotContain("<option value=\"small-trade\"");
        assertThat(get("/sovereignty/dependency?dataset=mb-io&lang=en").body()).contains("<option value=\"demo-trade\" selected");
        String dep = get("/sovereignty/dependency?dataset=small-trade&lang=en").body();
        assertThat(dep).contains("<option value=\"small-trade\" selected").contains("id=\"partner-chart\"")
                .contains("product 8542 · ").contains(", 2023 (import HHI").contains("76.0");
        // shock page: first visit shows a result; bad input is an inline message (422 for htmx), not an error page
        String shock = get("/sovereignty/shock?dataset=mb-io&lang=en").body();
        assertThat(shock).contains("id=\"shock-chart\"").contains("TOTAL");
        HttpResponse<String> bad = get("/sovereignty/shock?dataset=mb-io&lang=en&a_type=demand&a_sector=S1&a_rate=abc");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"shock-error\"").contains("“abc” is not a number").contains("id=\"shock-form\"");
        HttpResponse<String> cmp = get("/sovereignty/shock?dataset=four-io&lang=en&a_type=demand&a_sector=C26&a_rate=-0.2"
                + "&b_type=input-cut&b_sector=C26&b_rate=0.3");
        assertThat(cmp.statusCode()).isEqualTo(200);
        assertThat(cmp.body()).contains("Scenario B").contains("Difference B");
    }
}
