package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.DemoSetup;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.MultipliersAnalysis;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.RegionalisationAnalysis;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.store.Store;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.Multipliers;
import org.klaster.mapping.CategoryMap;

/**
 * The region picker of the Sovereignty section (issue 12, item 1, web and API): every input–output tab, download
 * and answer runs on the region's table when {@code region} is given. The numbers are checked against the
 * analyses called directly on the demo's generators (not through the store or the workbench) and against the
 * command line ({@code klaster io regionalise} → {@code io multipliers|shock|extract} on the file it writes).
 */
class RegionalTablesWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ROW = Pattern.compile(
            "<th scope=\"row\">[^<]*\\(([^()<]+)\\)</th>\\s*<td class=\"num \">([^<]*)</td>\\s*<td class=\"num \">([^<]*)</td>");

    @TempDir
    static Path dir;
    private static TestServer server;
    /** The demo in a database file, for the command line. */
    private static Path db;

    @BeforeAll
    static void start() {
        server = new TestServer(true);
        db = dir.resolve("demo.duckdb");
        try (Store s = Store.open(db)) {
            DemoSetup.install(s, false, p -> { });
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ------------------------------------------------------------------ helpers

    /** RU-SAM's table made directly: the demo's generators, the analysis, no store, no workbench. */
    private static RegionalisationAnalysis.Result direct(String region, String method, Double delta) {
        IoTable t = DemoIo.standard();
        IoModel national = new IoModel(Provenance.Input.file("io", "demo-io", null), t, t.validate(false), List.of());
        ActivityInput activity = new ActivityInput(Provenance.Input.file("activity", "demo", null),
                DemoEconomy.standard().activity(), CategoryMap.divisions(), Map.of(), List.of());
        try (StoreAccess access = new StoreAccess(dir.resolve("none.duckdb"))) {
            return RegionalisationAnalysis.compute(national, activity, null,
                    RegionalisationAnalysis.Params.of(region, null, method, delta), access);
        }
    }

    private static Map<String, Multipliers.Row> bySector(List<Multipliers.Row> rows) {
        Map<String, Multipliers.Row> m = new HashMap<>();
        for (Multipliers.Row r : rows) m.put(r.sector(), r);
        return m;
    }

    /** The command line's stdout (exit 0 required). */
    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A CSV with a header → one map per line, column → value. */
    private static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        String[] head = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < head.length; i++) m.put(head[i], v[i]);
            out.add(m);
        }
        return out;
    }

    private static HttpResponse<byte[]> bytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every string cell of a workbook's sheets, one per line. */
    private static String workbookText(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (var sheet : wb.getSheets().toList()) {
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> row.forEach(c -> {
                        if (c != null && c.getType() == org.dhatim.fastexcel.reader.CellType.STRING) text.append(c.asString()).append('\n');
                    }));
                }
            }
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theMultipliersPageShowsTheRegionsTableAsTheAnalysisComputesIt() throws Exception {
        HttpResponse<String> r = server.get("/sovereignty/multipliers?dataset=demo-io&region=RU-SAM&lang=en");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("Regional table of Samara Oblast (RU-SAM), FLQ δ = 0.3, from demo-io and demo, year 2024")
                .contains("<option value=\"RU-SAM\" selected>Samara Oblast (RU-SAM)</option>")
                .contains("<option value=\"\">The whole country (national table)</option>")
                .contains("<option value=\"flq\" selected>");
        // the footer names both datasets the table came from
        assertThat(page).contains("dataset demo-io from").contains("dataset demo from");

        Map<String, Multipliers.Row> regional = bySector(MultipliersAnalysis.run(RegionalisationAnalysis.model(
                direct("RU-SAM", "flq", null)), server.wb.names(Lang.en), false).list());
        Map<String, Multipliers.Row> national = bySector(server.wb.io(server.wb.dataset("demo-io").orElseThrow()).multipliers());
        Messages en = Messages.of(Lang.en);
        Matcher m = ROW.matcher(page);
        int rows = 0;
        int differ = 0;
        while (m.find()) {
            Multipliers.Row x = regional.get(m.group(1));
            assertThat(x).as(m.group(1)).isNotNull();
            assertThat(m.group(2)).as("output of " + m.group(1)).isEqualTo(en.num(x.output(), 0));
            assertThat(m.group(3)).as("output multiplier of " + m.group(1)).isEqualTo(en.num(x.outputMultiplier(), 3));
            if (!m.group(3).equals(en.num(national.get(m.group(1)).outputMultiplier(), 3))) differ++;
            rows++;
        }
        assertThat(rows).isEqualTo(88);
        assertThat(differ).as("sectors whose multiplier is not the national one").isGreaterThan(70);

        // the Russian page names the same table
        String ru = server.get("/sovereignty/multipliers?dataset=demo-io&region=RU-SAM&lang=ru").body();
        assertThat(ru).contains("Региональная таблица: Самарская область (RU-SAM), FLQ δ = 0,3, из demo-io и demo за 2024 год")
                .contains("Вся страна (национальная таблица)");
        // without a region: the national table, said so
        assertThat(server.get("/sovereignty/multipliers?dataset=demo-io&lang=en").body()).contains("National table demo-io")
                .contains("<option value=\"\" selected>The whole country (national table)</option>");
    }

    @Test
    void everyRegionalMultiplierIsAtMostTheNationalOne() throws Exception {
        JsonNode nation = server.json("/api/v1/sovereignty/multipliers?dataset=demo-io");
        Map<String, Double> national = new HashMap<>();
        for (JsonNode row : nation.get("rows")) national.put(row.get("sector").asText(), row.get("output_multiplier").asDouble());
        JsonNode regions = server.json("/api/v1/regions");
        int checked = 0;
        for (JsonNode region : regions.get("regions")) {
            String iso = region.get("region").asText();
            JsonNode o = server.json("/api/v1/sovereignty/multipliers?dataset=demo-io&region=" + iso);
            assertThat(o.get("region").asText()).isEqualTo(iso);
            for (JsonNode row : o.get("rows")) {
                if (row.get("output_multiplier").isNull()) continue; // a sector the region does not have
                double x = row.get("output_multiplier").asDouble();
                assertThat(x).as(iso + " " + row.get("sector").asText()).isBetween(1.0, national.get(row.get("sector").asText()));
                checked++;
            }
        }
        assertThat(checked).as("regional multipliers checked").isGreaterThan(83 * 70);
        // FLQ with δ = 0 is the CILQ (λ = 1), through the web too
        JsonNode flq0 = server.json("/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-TA&delta=0");
        JsonNode cilq = server.json("/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-TA&method=cilq");
        assertThat(flq0.get("rows").toString()).isEqualTo(cilq.get("rows").toString());
        assertThat(flq0.get("method").asText()).isEqualTo("flq");
        assertThat(flq0.get("delta").asDouble()).isZero();
    }

    @Test
    void theApiAndTheDownloadsEqualTheCommandLine() throws Exception {
        Path sam = dir.resolve("sam.csv");
        cli("io", "regionalise", "--io-dataset", "demo-io", "--dataset", "demo", "--region", "RU-SAM", "--db", db.toString(),
                "--out", sam.toString());
        // the regional table itself: the download is the file the command writes, byte for byte
        HttpResponse<String> table = server.get("/sovereignty/regional-table/export.csv?dataset=demo-io&region=RU-SAM&lang=en");
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.headers().firstValue("content-disposition").orElse(""))
                .contains("SYNTHETIC-klaster-io-regional-demo-io-RU-SAM-2024-flq-0.3.csv");
        assertThat(table.body()).isEqualTo(Files.readString(sam));

        // multipliers: the API's numbers are the command line's on the written file
        List<Map<String, String>> cliRows = csv(cli("io", "multipliers", "--table", sam.toString(), "--format", "csv"));
        JsonNode api = server.json("/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-SAM");
        assertThat(api.get("rows")).hasSize(cliRows.size());
        for (int i = 0; i < cliRows.size(); i++) {
            JsonNode row = api.get("rows").get(i);
            assertThat(row.get("sector").asText()).isEqualTo(cliRows.get(i).get("sector"));
            for (String col : List.of("output", "output_multiplier", "backward_linkage", "forward_linkage", "import_content",
                    "value_added_multiplier")) {
                String c = cliRows.get(i).get(col);
                if (c.isEmpty()) {
                    assertThat(row.get(col).isNull()).as(col + " of " + c).isTrue();
                } else {
                    double v = Double.parseDouble(c);
                    assertThat(row.get(col).asDouble()).as(col + " of " + row.get("sector").asText()).isCloseTo(v, within(1e-12 * Math.max(1, Math.abs(v))));
                }
            }
        }
        // the page's downloads: the command line's tables with names (less the synthetic line the stored demo adds)
        String[][] cases = {
                {"/sovereignty/multipliers/export.csv", "io,multipliers"},
                {"/sovereignty/extraction/export.csv", "io,extract"},
                {"/sovereignty/shock/export.csv?a_type=demand&a_sector=29&a_rate=-0.1", "io,shock,--demand,29=-0.1"}};
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c[1].split(",")));
            args.addAll(List.of("--table", sam.toString(), "--format", "csv", "--names", "--lang", "en"));
            String url = c[0] + (c[0].contains("?") ? "&" : "?") + "dataset=demo-io&region=RU-SAM&method=flq&delta=0.3&lang=en";
            HttpResponse<String> web = server.get(url);
            assertThat(web.statusCode()).as(url).isEqualTo(200);
            assertThat(web.body()).as(url).startsWith(org.klaster.app.analysis.TableWriter.SYNTHETIC_CSV_LINE);
            assertThat(TestServer.withoutSyntheticLine(web.body())).as(url).isEqualTo(cli(args.toArray(String[]::new)));
        }
        // the shock through the API: the command line's response, TOTAL included
        JsonNode shock = server.json("/api/v1/sovereignty/shock?dataset=demo-io&region=RU-SAM&type=input-cut&rates=29=0.2");
        List<Map<String, String>> cliShock = csv(cli("io", "shock", "--input-cut", "29=0.2", "--table", sam.toString(), "--format", "csv"));
        assertThat(shock.get("rows")).hasSize(cliShock.size());
        for (int i = 0; i < cliShock.size(); i++) {
            String c = cliShock.get(i).get("output_change");
            if (c.isEmpty()) {
                assertThat(shock.get("rows").get(i).get("output_change").isNull()).isTrue();
                continue;
            }
            double v = Double.parseDouble(c);
            assertThat(shock.get("rows").get(i).get("output_change").asDouble()).isCloseTo(v, within(1e-9 * Math.max(1, Math.abs(v))));
        }

        // the regional table as XLSX is the io layout again: headed by the codes, read back by the command line
        HttpResponse<byte[]> xlsx = bytes("/sovereignty/regional-table/export.xlsx?dataset=demo-io&region=RU-SAM&lang=en");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Path book = dir.resolve("sam.xlsx");
        Files.write(book, xlsx.body());
        assertThat(cli("io", "multipliers", "--table", book.toString(), "--format", "csv"))
                .isEqualTo(cli("io", "multipliers", "--table", sam.toString(), "--format", "csv"));

        // the API's regional table is the same file, line by line
        JsonNode rt = server.json("/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM");
        List<Map<String, String>> lines = csv(Files.readString(sam));
        assertThat(rt.get("rows")).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = rt.get("rows").get(i);
            for (Map.Entry<String, String> e : lines.get(i).entrySet()) {
                if (e.getKey().equals("code")) assertThat(row.get("code").asText()).isEqualTo(e.getValue());
                else if (e.getValue().isEmpty()) assertThat(row.get(e.getKey()).isNull()).as(e.getKey()).isTrue();
                else assertThat(row.get(e.getKey()).asDouble()).as(row.get("code") + " " + e.getKey()).isEqualTo(Double.parseDouble(e.getValue()));
            }
        }
        assertThat(rt.get("activity_dataset").get("id").asText()).isEqualTo("demo");
        assertThat(rt.get("dataset").get("id").asText()).isEqualTo("demo-io");
        assertThat(rt.get("region_name").asText()).isEqualTo("Samara Oblast");
        assertThat(rt.get("lambda").asDouble()).isCloseTo(direct("RU-SAM", "flq", null).regional().lambda(), within(1e-15));
    }

    @Test
    void downloadsAndAnswersNameTheRegionalTable() throws Exception {
        String page = server.get("/sovereignty/extraction?dataset=demo-io&region=RU-SAM&method=cilq&lang=en").body();
        assertThat(page).contains("Regional table of Samara Oblast (RU-SAM), CILQ, from demo-io and demo, year 2024");
        // every link of the page keeps the table: the other tabs, sorting, the downloads
        String keep = "region=RU-SAM&amp;method=cilq&amp;delta=0.3&amp;activity=demo&amp;year=2024";
        assertThat(page).contains("/sovereignty/multipliers?dataset=demo-io&amp;" + keep)
                .contains("/sovereignty/shock?dataset=demo-io&amp;" + keep)
                .contains("/sovereignty/extraction/export.xlsx?dataset=demo-io&amp;" + keep)
                .contains("/sovereignty/regional-table/export.csv?dataset=demo-io&amp;" + keep);

        HttpResponse<byte[]> x = bytes("/sovereignty/multipliers/export.xlsx?dataset=demo-io&region=RU-SAM&delta=0.5&lang=en");
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("content-disposition").orElse("")).contains("klaster-io-multipliers-demo-io-RU-SAM-2024-flq-0.5.xlsx");
        String text = workbookText(x.body());
        assertThat(text).contains("demo-io → RU-SAM 2024 (flq) — Klaster synthetic demo input–output table")
                .contains("Input: regional activity").contains("demo — Klaster synthetic demo economy")
                .contains("Parameter region\nRU-SAM").contains("Parameter year\n2024").contains("Parameter method\nflq")
                .contains("Parameter delta\n0.5").contains("RU-SAM in 2024:").doesNotContain("\u27e6").doesNotContain("null —");

        JsonNode api = server.json("/api/v1/sovereignty/extraction?dataset=demo-io&region=RU-SAM&method=slq&lang=ru");
        assertThat(api.get("region").asText()).isEqualTo("RU-SAM");
        assertThat(api.get("region_name").asText()).isEqualTo("Самарская область");
        assertThat(api.get("method").asText()).isEqualTo("slq");
        assertThat(api.get("year").asInt()).isEqualTo(2024);
        assertThat(api.get("activity_dataset").get("id").asText()).isEqualTo("demo");
        // the national answer has none of it
        JsonNode nat = server.json("/api/v1/sovereignty/extraction?dataset=demo-io");
        assertThat(nat.has("region")).isFalse();
        assertThat(nat.has("activity_dataset")).isFalse();

        // the shock form keeps the table; the table form keeps the scenario
        String shock = server.get("/sovereignty/shock?dataset=demo-io&region=RU-SAM&a_type=demand&a_sector=29&a_rate=-0.2&lang=en").body();
        assertThat(shock).contains("<input type=\"hidden\" name=\"region\" value=\"RU-SAM\">")
                .contains("<input type=\"hidden\" name=\"a_sector\" value=\"29\">")
                .contains("Regional table of Samara Oblast (RU-SAM)").contains("id=\"shock-chart\"");
    }

    @Test
    void refusedTablesAreSaidNextToThePickerInBothLanguages() throws Exception {
        // an unknown region: 404, the page drawn on the national table, the sentence at the picker
        HttpResponse<String> unknown = server.get("/sovereignty/multipliers?dataset=demo-io&region=RU-XXX&lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"error-region\"").contains("region RU-XXX is not in demo (its regions: RU-AD")
                .contains("National table demo-io").contains("id=\"quadrant-chart\"");
        HttpResponse<String> ru = server.get("/sovereignty/multipliers?dataset=demo-io&region=RU-XXX&lang=ru");
        assertThat(ru.statusCode()).isEqualTo(404);
        assertThat(ru.body()).contains("id=\"error-region\"").contains("RU-XXX").doesNotContain("is not in demo")
                .contains("Национальная таблица demo-io");
        // a malformed one, δ out of range, an unknown method: 400 at their controls
        HttpResponse<String> bad = server.get("/sovereignty/shock?dataset=demo-io&region=%3Cb%3E&lang=en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"error-region\"").doesNotContain("<b>");
        HttpResponse<String> delta = server.get("/sovereignty/extraction?dataset=demo-io&region=RU-SAM&delta=1.5&lang=en");
        assertThat(delta.statusCode()).isEqualTo(400);
        assertThat(delta.body()).contains("id=\"error-delta\"").contains("Flegg's δ must be a number from 0 to 1, got 1.5")
                // δ dropped, the region kept: the default δ
                .contains("Regional table of Samara Oblast (RU-SAM), FLQ δ = 0.3");
        HttpResponse<String> method = server.get("/sovereignty/multipliers?dataset=demo-io&region=RU-SAM&method=lq&lang=ru");
        assertThat(method.statusCode()).isEqualTo(400);
        assertThat(method.body()).contains("id=\"error-method\"").contains("slq, cilq, flq");
        // a national table the activity's industries do not make (S1, S2): the analysis's sentence, not a 500
        HttpResponse<String> misfit = server.get("/sovereignty/multipliers?dataset=mb-io&region=RU-SAM&lang=en");
        assertThat(misfit.statusCode()).isEqualTo(400);
        assertThat(misfit.body()).contains("id=\"error-region\"")
                .contains("no employment in 2024 for these sectors of the table, which have output: S1, S2")
                .contains("National table mb-io");
        HttpResponse<String> misfitRu = server.get("/sovereignty/multipliers?dataset=mb-io&region=RU-SAM&lang=ru");
        assertThat(misfitRu.statusCode()).isEqualTo(400);
        assertThat(misfitRu.body()).contains("id=\"error-region\"").contains("S1, S2").doesNotContain("no employment in");

        // the API: the same refusals as JSON
        for (String[] c : new String[][] {{"/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-XXX", "404", "region"},
                {"/api/v1/sovereignty/shock?dataset=demo-io&region=RU-SAM&rates=29=-0.1&delta=-1", "400", "delta"},
                {"/api/v1/sovereignty/extraction?dataset=demo-io&region=%3Cb%3E", "400", "region"},
                {"/api/v1/sovereignty/regional-table?dataset=demo-io", "400", "region"},
                {"/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&year=2030", "400", "year"},
                {"/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&activity=nope", "404", "activity"},
                {"/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&activity=demo-trade", "400", "activity"},
                {"/api/v1/sovereignty/multipliers?dataset=mb-io&region=RU-SAM", "400", "dataset"}}) {
            HttpResponse<String> r = server.get(c[0]);
            assertThat(String.valueOf(r.statusCode())).as(c[0] + " → " + r.body()).isEqualTo(c[1]);
            JsonNode e = JSON.readTree(r.body());
            assertThat(e.get("param").asText()).as(c[0]).isEqualTo(c[2]);
            assertThat(e.get("error").asText()).as(c[0]).isNotBlank();
        }
        JsonNode ruError = JSON.readTree(server.get("/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-XXX&lang=ru").body());
        assertThat(ruError.get("error").asText()).contains("RU-XXX").doesNotContain("is not in");
    }

    @Test
    void withoutAnActivityDatasetThePageSaysWhatIsMissing() throws Exception {
        // the hand-built tables only: no employment by region is stored
        try (Store store = Store.inMemory()) {
            SovereigntyFixtures.install(store);
            io.javalin.Javalin app = WebApp.create(new Workbench(store, org.klaster.app.analysis.Reference.regions()))
                    .start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> national = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/sovereignty/multipliers?dataset=mb-io&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(national.statusCode()).isEqualTo(200);
                assertThat(national.body()).contains("National table mb-io").contains("Regional tables need employment by region")
                        .doesNotContain("id=\"table-controls\"");
                HttpResponse<String> regional = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/sovereignty/multipliers?dataset=mb-io&region=RU-SAM&lang=ru")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(regional.statusCode()).isEqualTo(404);
                assertThat(regional.body()).contains("id=\"error-region\"").contains("Национальная таблица mb-io")
                        .doesNotContain("Regional tables need");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void aRegionalModelIsMadeOnceAndItsPagesAreCached() throws Exception {
        // a workbench of its own, so that what the other tests computed does not compete for the bounded memo
        Workbench wb = new Workbench(server.store, org.klaster.app.analysis.Reference.regions());
        var national = wb.dataset("demo-io").orElseThrow();
        var activity = wb.dataset("demo").orElseThrow();
        var p = RegionalisationAnalysis.Params.of("RU-KLU", null, "cilq", null);
        Workbench.Regional a = wb.regional(national, activity, p);
        // an explicit year equal to the default is the same table, not a second one
        assertThat(wb.regional(national, activity, RegionalisationAnalysis.Params.of("RU-KLU", 2024, "cilq", null))).isSameAs(a);
        assertThat(wb.regional(national, activity, RegionalisationAnalysis.Params.of("RU-KLU", null, "cilq", 0.5))).isNotSameAs(a);
        assertThat(wb.regional(national, activity, RegionalisationAnalysis.Params.of("RU-KLU", null, "slq", null))).isNotSameAs(a);
        assertThat(wb.regional(national, activity, p)).isSameAs(a);
        // the national table is read and prepared once for every region
        assertThat(wb.regional(national, activity, RegionalisationAnalysis.Params.of("RU-TUL", null, "cilq", null)).result()
                .regional().table().sectors()).isEqualTo(a.result().regional().table().sectors());
        // a page of a region's table is rendered once: the same request is the cached answer
        String url = "/sovereignty/multipliers?dataset=demo-io&region=RU-KLU&method=cilq&lang=en";
        String first = server.get(url).body();
        assertThat(server.get(url + "&x=1").body()).isEqualTo(first);
        assertThat(server.get(url.replace("cilq", "slq")).body()).isNotEqualTo(first);
    }
}
