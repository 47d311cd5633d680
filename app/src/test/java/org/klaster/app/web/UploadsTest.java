package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.Establishment;

/**
 * Uploads of every kind on the Data page go through the same importers as {@code klaster import}: a
 * good file becomes a dataset its section opens, a bad one is refused naming file part, line and column
 * with nothing stored. Region codes outside the region table are refused unless kept as other
 * territories; boundaries that cover part of the regions keep the tile grid and can be removed.
 */
class UploadsTest {

    private TestServer server;
    private FormClient browser;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(false);
        browser = server.uploader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A multipart POST of text parts ({@code name=value}) and files ({@code name} → {filename, content}), sent as
     * the Data page's form is: with the token read from the page and the page's origin.
     */
    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String[]> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(Security.TOKEN_FIELD, browser.token("upload-form"));
        return browser.multipart(path + "?lang=en", all, files);
    }

    private static Map<String, String> kind(String k) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", k);
        return m;
    }

    private int datasets() throws Exception {
        return server.json("/api/v1/datasets").get("datasets").size();
    }

    @Test
    void everyKindUploadsThroughItsImporter() throws Exception {
        int before = datasets();
        // input–output table, with its unit
        Map<String, String> io = kind("io");
        io.put("units", "million RUB");
        HttpResponse<String> r = post("/datasets/upload", io, Map.of("file", new String[] {"mb.csv", """
                code,S1,S2,fd:households,fd:exports,total_output
                S1,150,500,300,50,1000
                S2,200,100,1500,200,2000
                imports,100,200,,,
                value_added,550,1200,,,
                """}));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("input–output table").contains("/sovereignty/multipliers?dataset=io-");
        String ioId = r.body().replaceAll("(?s).*dataset=(io-[0-9a-f]{8}).*", "$1");
        assertThat(server.json("/api/v1/sovereignty/multipliers?dataset=" + ioId).get("units").asText()).isEqualTo("million RUB");

        // trade with production and groups
        HttpResponse<String> t = post("/datasets/upload", kind("trade"), Map.of(
                "file", new String[] {"trade.csv", "year,reporter,partner,product,flow,value\n2023,RUS,CHN,8542,import,80\n"
                        + "2023,RUS,DEU,8542,import,20\n2023,RUS,CHN,8542,export,5\n"},
                "production", new String[] {"production.csv", "year,reporter,product,value\n2023,RUS,8542,10\n"},
                "groups", new String[] {"groups.csv", "group,member\nfriendly,CHN\n"}));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
        String tradeId = t.body().replaceAll("(?s).*dataset=(trade-[0-9a-f]{8}).*", "$1");
        assertThat(server.json("/api/v1/sovereignty/dependency?dataset=" + tradeId + "&outside=friendly").get("rows")).hasSize(1);

        // exports
        HttpResponse<String> e = post("/datasets/upload", kind("exports"), Map.of("file", new String[] {"x.csv",
                "year,location,product,value\n2023,A,01,10\n2023,A,02,0\n2023,B,01,5\n2023,B,02,5\n2023,C,02,8\n2023,C,01,1\n"}));
        assertThat(e.statusCode()).as(e.body()).isEqualTo(201);
        assertThat(e.body()).contains("/opportunities/product-space?dataset=exports-");
        assertThat(datasets()).isEqualTo(before + 3);

        // a bad production file: refused naming the part, line and column; nothing stored
        HttpResponse<String> bad = post("/datasets/upload", kind("trade"), Map.of(
                "file", new String[] {"trade2.csv", "year,reporter,partner,product,flow,value\n2023,RUS,CHN,0101,import,1\n"},
                "production", new String[] {"production.csv", "year,reporter,product,value\n2023,RUS,0101,-4\n"}));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"upload-error\"").contains("production.csv, line 2").contains("the production file")
                .contains("<dd>value</dd>");
        assertThat(datasets()).isEqualTo(before + 3);
    }

    @Test
    void unknownRegionCodesAreRefusedUnlessKeptAsOtherTerritories() throws Exception {
        String csv = "region,industry,year,employment\nRU-SAM,29,2023,120\nSamara,29,2023,40\nRU-XXX,29,2023,10\n";
        HttpResponse<String> refused = post("/datasets/upload", kind("activity"), Map.of("file", new String[] {"mine.csv", csv}));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("mine.csv, line 3, column \"region\": \"Samara\" is not a region code of the region table")
                .contains("<dd>3</dd>").contains("<dd>region</dd>");
        int before = datasets();
        Map<String, String> keep = kind("activity");
        keep.put("other_territories", "on");
        HttpResponse<String> kept = post("/datasets/upload", keep, Map.of("file", new String[] {"mine.csv", csv}));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        assertThat(datasets()).isEqualTo(before + 1);
        String id = kept.body().replaceAll("(?s).*dataset=(activity-[0-9a-f]{8}).*", "$1");
        HttpResponse<String> other = server.get("/mapping/regions/RU-XXX?dataset=" + id + "&lang=en");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("territory outside the region table");
    }

    private long firmRows() {
        return server.store.query("SELECT count(*) FROM firms", List.of(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /**
     * A firm-level upload keeps its establishments row by row: the store lists them, the candidate producers
     * of an opportunity come from them, and its activity maps; a refused firm file stores no row at all.
     */
    @Test
    void firmUploadsKeepTheirEstablishments() throws Exception {
        // the demo's top opportunity of RU-SAM: the uploaded firm in that industry is its candidate producer
        String industry = server.json("/api/v1/opportunities/regions/RU-SAM").get("rows").get(0).get("industry").asText();
        String csv = "firm_id,region,industry,year,employment,lat,lon,name\n"
                + "u1,RU-SAM," + industry + ",2024,250,53.21,50.15,\"ООО \"\"Поволжье\"\"\"\n"
                + "u2,RU-SAM,99.99,2024,70,,,\n"
                + "u3,RU-MOW," + industry + ",2024,5000,55.75,37.6,Moscow\n";
        int before = datasets();
        long rowsBefore = firmRows();
        HttpResponse<String> r = post("/datasets/upload", kind("firms"), Map.of("file", new String[] {"mine.csv", csv}));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("(3 rows,");
        String id = r.body().replaceAll("(?s).*dataset=(firms-[0-9a-f]{8}).*", "$1");
        assertThat(datasets()).isEqualTo(before + 1);
        assertThat(server.store.establishments(id, "RU-SAM", 2024).rows()).containsExactly(
                new Establishment("u1", "ООО \"Поволжье\"", "RU-SAM", industry, 250, 53.21, 50.15),
                new Establishment("u2", null, "RU-SAM", "99.99", 70, Double.NaN, Double.NaN));
        assertThat(firmRows()).isEqualTo(rowsBefore + 3);

        JsonNode producers = server.json("/api/v1/opportunities/regions/RU-SAM/producers?industry=" + industry + "&firms=" + id);
        assertThat(producers.get("rows")).hasSize(1);
        JsonNode p = producers.get("rows").get(0);
        assertThat(p.get("firm_id").asText()).isEqualTo("u1");
        assertThat(p.get("employment").asDouble()).isEqualTo(250);
        assertThat(p.get("lat").asDouble()).isEqualTo(53.21);
        assertThat(server.get("/mapping?dataset=" + id + "&lang=en").statusCode()).isEqualTo(200);

        // a bad latitude on line 3: refused naming line and column, and no row of it is stored
        HttpResponse<String> bad = post("/datasets/upload", kind("firms"), Map.of("file", new String[] {"bad.csv",
                "firm_id,region,industry,year,employment,lat,lon\nb1,RU-SAM,29,2024,5,53.2,50.1\nb2,RU-SAM,29,2024,5,153.2,50.1\n"}));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("bad.csv, line 3, column \"lat\": \"153.2\" is not a latitude").contains("<dd>lat</dd>");
        assertThat(datasets()).isEqualTo(before + 1);
        assertThat(firmRows()).isEqualTo(rowsBefore + 3);
    }

    @Test
    void partialBoundariesKeepTheTileGridAndCanBeRemoved() throws Exception {
        String geo = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"shapeISO":"RU-SAM"},"geometry":{"type":"Polygon","coordinates":[[[49,53],[51,53],[51,54.5],[49,54.5],[49,53]]]}},
                 {"type":"Feature","properties":{"shapeISO":"RU-TA"},"geometry":{"type":"Polygon","coordinates":[[[48,54],[53,54],[53,56.5],[48,56.5],[48,54]]]}}]}
                """;
        HttpResponse<String> r = post("/datasets/boundaries", Map.of(), Map.of("file", new String[] {"two.geojson", geo}));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("2 of 83 regions").contains("RU-SAM, RU-TA").contains("tile-grid");
        String map = server.get("/mapping?lang=en").body();
        assertThat(map).contains("map-grid").doesNotContain("map-geo");
        assertThat(map).contains("boundaries: two.geojson").contains("(imported file)").doesNotContain("geoBoundaries");
        assertThat(browser.get("/datasets?lang=en").body()).contains("They draw 2 of the 83 regions").contains("id=\"boundaries-clear\"");
        HttpResponse<String> clear = browser.form("/datasets/boundaries/clear",
                Map.of(Security.TOKEN_FIELD, browser.token("boundaries-clear")), Map.of("Origin", server.base()));
        assertThat(clear.statusCode()).isEqualTo(303);
        assertThat(server.get("/mapping?lang=en").body()).doesNotContain("two.geojson");
    }
}
