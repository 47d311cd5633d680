package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every control answers correctly: one test per defect found when the workbench was tried as a new
 * user would (the issue that introduced the analysis layer lists them). Each asserts what the page must
 * do now; each failed on the code before.
 */
class ControlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(true, store -> {
            OpportunitiesFixtures.install(store);
            // a user's own activity (not synthetic): the demo's numbers under another id
            store.saveActivity(org.klaster.data.store.Dataset.of("my-activity", org.klaster.data.store.DatasetKind.ACTIVITY,
                    "my.csv", null, 1, null, false, null, null), store.activity("demo"), java.util.Map.of(), java.util.Map.of(), false);
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A visitor with cookies (the dataset choice and the language are remembered in cookies). */
    private static HttpClient visitor() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> options(String html, String selectId) {
        Matcher sel = Pattern.compile("<select id=\"" + selectId + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        assertThat(sel.find()).as("select " + selectId).isTrue();
        Matcher o = Pattern.compile("<option value=\"([^\"]*)\"").matcher(sel.group(1));
        List<String> out = new ArrayList<>();
        while (o.find()) out.add(o.group(1));
        return out;
    }

    private static String selected(String html, String selectId) {
        Matcher sel = Pattern.compile("<select id=\"" + selectId + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        assertThat(sel.find()).isTrue();
        Matcher o = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(sel.group(1));
        return o.find() ? o.group(1) : null;
    }

    /** Choosing demo-exports on Mapping is refused next to the picker and never remembered: / keeps working. */
    @Test
    void aWrongDatasetIsRefusedInlineAndNotRemembered() throws Exception {
        HttpClient c = visitor();
        HttpResponse<String> wrong = get(c, "/mapping?dataset=demo-exports&lang=en");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"error-dataset\"").contains("demo-exports holds exports").contains("id=\"map-title\"");
        for (String path : List.of("/", "/mapping", "/mapping/regions/RU-SAM")) {
            assertThat(get(c, path).statusCode()).as(path).isEqualTo(200);
        }
        // the Data page's links open each dataset in the section that reads it
        String data = get(c, "/datasets?lang=en").body();
        assertThat(data).contains("href=\"/sovereignty/multipliers?dataset=demo-io\"")
                .contains("href=\"/sovereignty/dependency?dataset=demo-trade\"")
                .contains("href=\"/opportunities/product-space?dataset=demo-exports\"");
        for (String link : List.of("/sovereignty/multipliers?dataset=demo-io", "/sovereignty/dependency?dataset=demo-trade",
                "/opportunities/product-space?dataset=demo-exports")) {
            assertThat(get(c, link).statusCode()).as(link).isEqualTo(200);
        }
        assertThat(get(c, "/").statusCode()).isEqualTo(200);
        // the Mapping picker offers only datasets it can map
        assertThat(options(get(c, "/mapping?lang=en").body(), "dataset-picker")).contains("demo")
                .doesNotContain("demo-io", "demo-trade", "demo-exports", "small-trade");
    }

    /** The overview's two tables sort independently, by their own columns. */
    @Test
    void theCategoriesTableSorts() throws Exception {
        for (String key : List.of("category", "employment", "regions", "strong_clusters")) {
            HttpResponse<String> r = server.get("/mapping?csort=" + key + "&cdir=asc&lang=en");
            assertThat(r.statusCode()).as(key).isEqualTo(200);
            assertThat(r.body()).contains("csort=" + key + "&amp;cdir=desc");
        }
        String body = server.get("/mapping?csort=employment&cdir=asc&lang=en").body();
        Matcher m = Pattern.compile("id=\"tbl-categories\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(body);
        assertThat(m.find()).isTrue();
        List<Double> employment = new ArrayList<>();
        Matcher cells = Pattern.compile("<tr>\\s*<th scope=\"row\">.*?</th>\\s*<td class=\"num[^\"]*\">([^<]*)</td>", Pattern.DOTALL)
                .matcher(m.group(1));
        while (cells.find()) employment.add(Double.parseDouble(cells.group(1).replaceAll("[^0-9]", "")));
        assertThat(employment).hasSizeGreaterThan(10).isSorted();
        // the header links of one table do not carry the other table's sort keys
        assertThat(body).doesNotContainPattern("[?;]sort=category&");
    }

    /** Base year 2023 then year 2019: the page answers, with a base year before 2019; the first year says why there is none. */
    @Test
    void yearPickersConstrainEachOther() throws Exception {
        HttpResponse<String> r = server.get("/mapping/regions/RU-SAM?year=2019&base_year=2023&lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(options(r.body(), "base_year")).containsExactly("2018");
        HttpResponse<String> first = server.get("/mapping/regions/RU-SAM?year=2018&lang=en");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("2018 is the first year of the data").doesNotContain("Only one year in the data");
    }

    /** "From" after "to" is refused next to the control and the panel is drawn again (htmx swaps a 400 too). */
    @Test
    void dependencyYearsOutOfOrderAreShown() throws Exception {
        HttpResponse<String> r = server.get("/sovereignty/dependency?dataset=small-trade&from=2023&to=2021&lang=en");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"error-from\"").contains("the first year 2023 is after the last year 2021")
                .contains("id=\"dep-panel\"");
        // the pickers constrain each other: "from" offers no year after "to"
        String ok = server.get("/sovereignty/dependency?dataset=small-trade&from=2021&to=2022&lang=en").body();
        assertThat(options(ok, "from")).containsExactly("2021", "2022");
        assertThat(options(ok, "to")).containsExactly("2021", "2022", "2023");
        String js = new String(ControlsTest.class.getResourceAsStream("/org/klaster/app/web/static/app.js").readAllBytes());
        assertThat(js).contains("{ code: \"4..\", swap: true }");
    }

    /** A category metric with "All categories" shows which category it maps; a chosen category changes the KPIs and the table. */
    @Test
    void categoryMetricsSayWhichCategoryTheyMap() throws Exception {
        String lq = server.get("/mapping?metric=lq&lang=en").body();
        assertThat(options(lq, "category")).doesNotContain("");
        String chosen = selected(lq, "category");
        assertThat(chosen).isNotNull();
        assertThat(lq).contains("id=\"category-chosen\"");
        String all = server.get("/mapping?lang=en").body();
        String one = server.get("/mapping?metric=employment&category=" + chosen + "&lang=en").body();
        Matcher kpiAll = Pattern.compile("<dt>Employment</dt><dd>([^<]*)</dd>").matcher(all);
        Matcher kpiOne = Pattern.compile("<dt>Employment in [^<]*</dt><dd>([^<]*)</dd>").matcher(one);
        assertThat(kpiAll.find()).isTrue();
        assertThat(kpiOne.find()).isTrue();
        assertThat(kpiOne.group(1)).isNotEqualTo(kpiAll.group(1));
        JsonNode api = server.json("/api/v1/mapping/map?metric=employment&category=" + chosen);
        double samara = 0;
        for (JsonNode row : api.get("rows")) if (row.get("region").asText().equals("RU-SAM")) samara = row.get("employment").asDouble();
        JsonNode cell = TestServer.row(server.json("/api/v1/mapping?region=RU-SAM&category=" + chosen).get("rows"), "region", "RU-SAM");
        assertThat(samara).isEqualTo(cell.get("employment").asDouble());
    }

    /** Each section credits its own methods; units are the dataset's, in both languages. */
    @Test
    void footersAndUnitsBelongToTheSection() throws Exception {
        assertThat(server.get("/sovereignty/multipliers?dataset=demo-io&lang=en").body()).contains("Leontief and Ghosh models")
                .doesNotContain("European Cluster Observatory stars");
        assertThat(server.get("/opportunities/product-space?lang=en").body()).contains("product space and density")
                .doesNotContain("European Cluster Observatory stars");
        String shock = server.get("/sovereignty/shock?dataset=demo-io&lang=ru").body();
        assertThat(shock).contains("млн\u00a0руб.").doesNotContain("ед. таблицы");
        String ext = server.get("/sovereignty/extraction?dataset=demo-io&lang=en").body();
        assertThat(ext).contains("million\u00a0RUB").doesNotContain("table units");
        assertThat(server.get("/sovereignty/dependency?dataset=demo-trade&lang=ru").body()).contains("тыс.\u00a0долл. США");
    }

    /** The region chart puts the total on its own axis; the shift-share axis hides overlapping labels. */
    @Test
    void regionChartsStayReadable() throws Exception {
        String body = RussianCrawlTest.visible(server.get("/mapping/regions/RU-SAM?lang=en").body());
        Matcher charts = Pattern.compile("data-chart=\"(\\{.*?\\})\"", Pattern.DOTALL).matcher(body);
        List<JsonNode> found = new ArrayList<>();
        while (charts.find()) found.add(JSON.readTree(charts.group(1)));
        JsonNode trend = found.get(0);
        assertThat(trend.get("yAxis").isArray()).isTrue();
        assertThat(trend.get("yAxis")).hasSize(2);
        assertThat(trend.get("series").get(0).get("yAxisIndex").asInt()).isEqualTo(1);
        JsonNode shift = found.get(1);
        assertThat(shift.get("xAxis").get("axisLabel").get("hideOverlap").asBoolean()).isTrue();
    }

    /** The reporter picker offers reporters with imports only; excluding a group says so. */
    @Test
    void reportersImportAndExcludedGroupsAreNamed() throws Exception {
        String page = server.get("/sovereignty/dependency?dataset=small-trade&lang=en").body();
        assertThat(options(page, "reporter")).containsExactly("RUS"); // CHN has world-export records only
        String outside = server.get("/sovereignty/dependency?dataset=small-trade&outside=friendly&lang=en").body();
        assertThat(outside).contains("Imports from partners of group friendly (2: ").contains("only imports from outside the group count");
        HttpResponse<String> chn = server.get("/sovereignty/dependency?dataset=small-trade&reporter=CHN&lang=en");
        assertThat(chn.statusCode()).isEqualTo(400);
        assertThat(chn.body()).contains("id=\"error-reporter\"");
    }

    /** Opportunities on uploaded (real) activity with the demo's trade: the synthetic trade is flagged. */
    @Test
    void syntheticInputsAreFlaggedWhateverTheMainDataset() throws Exception {
        String page = server.get("/opportunities/region?dataset=my-activity&lang=en").body();
        assertThat(page).contains("id=\"synthetic-badge\"").contains("id=\"trade-note\"").contains("demo-trade");
        assertThat(server.get("/mapping?dataset=my-activity&lang=en").body()).doesNotContain("id=\"synthetic-badge\"");
    }

    /** The README's address of the OpenAPI document answers. */
    @Test
    void theOpenApiDocumentIsWhereTheReadmeSays() throws Exception {
        HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> r = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("openapi").asText()).startsWith("3.1");
    }

    /** No English unit key leaks into a header tooltip, in either language. */
    @Test
    void headersCarryRealUnits() throws Exception {
        for (String lang : List.of("en", "ru")) {
            String body = server.get("/mapping?lang=" + lang).body();
            assertThat(body).doesNotContain("\u27e6").contains("<span class=\"unit\">");
        }
    }

    /** An address that does not exist is a page in the visitor's language (HTML) or a JSON error (API). */
    @Test
    void unknownAddressesAnswerInTheVisitorsLanguage() throws Exception {
        HttpResponse<String> page = server.get("/no-such-page?lang=ru");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"ru\"").doesNotContain("Endpoint GET");
        HttpResponse<String> api = server.get("/api/v1/no-such-endpoint");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(api.body()).get("status").asInt()).isEqualTo(404);
    }
}
