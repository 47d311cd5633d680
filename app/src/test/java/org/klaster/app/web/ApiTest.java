package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API and the pages over HTTP, on a real server with an in-memory store. */
class ApiTest {

    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new TestServer();
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

    @Test
    void datasetsCarryProvenanceAndTheSyntheticFlag() throws Exception {
        JsonNode d = json("/api/v1/datasets").get("datasets");
        // the test server installs the demo without firms: every dataset is synthetic
        assertThat(d.findValuesAsText("id")).containsExactly("demo", "demo-io", "demo-trade", "demo-exports");
        assertThat(d.findValuesAsText("kind")).containsExactly("activity", "io", "trade", "exports");
        for (JsonNode x : d) assertThat(x.get("synthetic").asBoolean()).isTrue();
        JsonNode one = json("/api/v1/datasets/demo");
        assertThat(one.get("synthetic").asBoolean()).isTrue();
        assertThat(one.get("notice").asText()).contains("not official statistics");
        assertThat(one.get("years")).hasSize(7);
    }

    @Test
    void regionsAreTheProjectTable() throws Exception {
        JsonNode r = json("/api/v1/regions").get("regions");
        assertThat(r).hasSize(83);
        assertThat(r.findValuesAsText("region")).contains("RU-SAM", "RU-CHU", "RU-KGD");
        assertThat(r.get(0).has("grid_row")).isTrue();
    }

    @Test
    void mappingRowsUseTheCliColumns() throws Exception {
        JsonNode m = json("/api/v1/mapping?dataset=demo&year=2024&base_year=2018");
        assertThat(m.get("year").asInt()).isEqualTo(2024);
        assertThat(m.get("base_year").asInt()).isEqualTo(2018);
        JsonNode row = m.get("rows").get(0);
        Set<String> names = new HashSet<>();
        row.fieldNames().forEachRemaining(names::add);
        // the CLI's columns, and the names of the codes in the request's language
        assertThat(names).containsExactlyInAnyOrder("region", "region_name", "category", "category_name", "year", "employment",
                "share", "lq", "size_star", "specialisation_star", "focus_star", "stars", "strong",
                "employment_base", "change", "national_effect", "industry_mix", "regional_effect");
        assertThat(row.get("region_name").asText()).isNotBlank();
        // shift-share adds up
        for (JsonNode x : m.get("rows")) {
            double sum = x.get("national_effect").asDouble() + x.get("industry_mix").asDouble() + x.get("regional_effect").asDouble();
            assertThat(sum).isCloseTo(x.get("change").asDouble(), org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(sum))));
        }
        JsonNode sam = json("/api/v1/mapping?region=RU-SAM");
        for (JsonNode x : sam.get("rows")) assertThat(x.get("region").asText()).isEqualTo("RU-SAM");
    }

    @Test
    void profilesAndMapValues() throws Exception {
        JsonNode region = json("/api/v1/mapping/regions/RU-SAM");
        assertThat(region.get("trend")).hasSize(7);
        assertThat(region.get("region_name").asText()).isNotBlank();
        JsonNode cats = json("/api/v1/categories?lang=en").get("categories");
        String code = cats.get(0).get("category").asText();
        JsonNode cat = json("/api/v1/mapping/categories/" + code);
        assertThat(cat.get("rows").size()).isPositive();
        JsonNode map = json("/api/v1/mapping/map?metric=lq&category=" + code);
        assertThat(map.get("values").size()).isEqualTo(83);
        JsonNode strong = json("/api/v1/mapping/map");
        assertThat(strong.get("metric").asText()).isEqualTo("strong");
    }

    @Test
    void badParametersAre400WithAMessageNeverAStackTrace() throws Exception {
        for (String path : new String[] {"/api/v1/mapping?year=abc", "/api/v1/mapping?year=1800", "/api/v1/mapping?year=2030",
                "/api/v1/mapping/map?metric=nonsense", "/api/v1/mapping/map?metric=lq", "/api/v1/mapping?base_year=2024",
                "/api/v1/mapping?region=%3Cscript%3E", "/api/v1/mapping?lang=de"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            JsonNode e = JSON.readTree(r.body());
            assertThat(e.get("error").asText()).as(path).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(get("/api/v1/mapping?dataset=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/mapping/regions/RU-XXX").statusCode()).isEqualTo(404);
        // a page keeps working: the refused value is dropped and its sentence shown next to the control
        HttpResponse<String> page = get("/mapping?year=abc&lang=en");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-year\"").contains("expected a year (1900–2100), got “abc”")
                .contains("id=\"map-title\"").doesNotContain("Exception");
    }

    @Test
    void pagesRenderWithTheSyntheticBadgeAndEscapeInput() throws Exception {
        for (String path : new String[] {"/", "/mapping", "/mapping?metric=lq", "/mapping?metric=employment&lang=en",
                "/mapping/regions/RU-SAM", "/mapping/categories/" + json("/api/v1/categories").get("categories").get(0).get("category").asText(),
                "/datasets", "/sovereignty", "/api/docs"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            if (!path.startsWith("/api")) {
                assertThat(r.body()).as(path).containsAnyOf("Синтетические демонстрационные данные", "Synthetic demo data");
            }
        }
        HttpResponse<String> evil = get("/mapping/regions/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(evil.body()).doesNotContain("<script>alert");
        assertThat(get("/mapping").headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void exportsMatchTheCliFormat() throws Exception {
        HttpResponse<String> csv = get("/mapping/export.csv?region=RU-SAM&year=2024");
        assertThat(csv.statusCode()).isEqualTo(200);
        // the demo is synthetic: the download says so first; then the CLI's columns with names
        assertThat(csv.body().lines().findFirst().orElse("")).isEqualTo(org.klaster.app.analysis.TableWriter.SYNTHETIC_CSV_LINE);
        assertThat(csv.body().lines().skip(1).findFirst().orElse(""))
                .isEqualTo("region,region_name,category,category_name,year,employment,share,lq,size_star,specialisation_star,"
                        + "focus_star,stars,strong,employment_base,change,national_effect,industry_mix,regional_effect");
        HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/mapping/export.xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
    }

    /** Every registered /api/v1 route is in the OpenAPI document, and every documented path is served. */
    @Test
    void openApiDocumentMatchesTheRoutes() throws Exception {
        JsonNode doc = json("/api/v1/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            doc.get("paths").get(p).fieldNames().forEachRemaining(m -> documented.add(m + " " + p));
        }
        Set<String> registered = new HashSet<>();
        for (var ep : server.app.unsafe.internalRouter.allHttpHandlers()) {
            String path = ep.endpoint.path;
            if (path.startsWith(Api.PREFIX)) registered.add(ep.endpoint.method.name().toLowerCase(java.util.Locale.ROOT) + " " + path);
        }
        assertThat(registered).isEqualTo(documented);
    }
}
