package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, probe 7 (statuses): {@code /api/v1/mapping/map?category=unknown} was 400 although docs/web.md
 * says an unknown dataset, region or category is 404. The rule now holds for every parameter that names a
 * thing of a dataset (dataset, region, category, product, industry), in the API and on pages (which are
 * still drawn, with the sentence next to the control); a value that is malformed stays 400.
 */
class UnknownNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode notFound(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(404);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("status").asInt()).isEqualTo(404);
        return e;
    }

    @Test
    void theApiAnswers404ForAnUnknownCategoryRegionOrProduct() throws Exception {
        JsonNode map = notFound("/api/v1/mapping/map?category=unknown");
        assertThat(map.get("param").asText()).isEqualTo("category");
        assertThat(map.get("error").asText()).isEqualTo("There is no category unknown in this dataset.");
        assertThat(notFound("/api/v1/mapping/map?metric=lq&category=99.99").get("param").asText()).isEqualTo("category");
        assertThat(notFound("/api/v1/mapping?category=unknown").get("param").asText()).isEqualTo("category");
        assertThat(notFound("/api/v1/mapping?region=RU-XXX").get("param").asText()).isEqualTo("region");
        JsonNode product = notFound("/api/v1/sovereignty/dependency/partners?dataset=small-trade&product=999999");
        assertThat(product.get("param").asText()).isEqualTo("product");
        assertThat(product.get("error").asText()).isEqualTo("Product 999999 is not in dataset small-trade.");
        // a region's table: an unknown region or activity dataset
        assertThat(notFound("/api/v1/sovereignty/multipliers?dataset=demo-io&region=RU-XXX").get("param").asText()).isEqualTo("region");
        assertThat(notFound("/api/v1/sovereignty/regional-table?dataset=demo-io&region=RU-SAM&activity=nope").get("param").asText())
                .isEqualTo("activity");
        // malformed values are still 400
        assertThat(server.get("/api/v1/sovereignty/shock?dataset=demo-io&region=%3Cb%3E&rates=29=0.1").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/mapping/map?category=%3Cb%3E").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/mapping?region=%3Cscript%3E").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesAreDrawnWith404AndTheSentenceNextToTheControl() throws Exception {
        HttpResponse<String> cat = server.get("/mapping?category=unknown&lang=en");
        assertThat(cat.statusCode()).isEqualTo(404);
        assertThat(cat.body()).contains("id=\"error-category\"").contains("There is no category unknown in this dataset.")
                .contains("id=\"map-title\"");
        HttpResponse<String> ru = server.get("/mapping?category=unknown&lang=ru");
        assertThat(ru.statusCode()).isEqualTo(404);
        assertThat(ru.body()).contains("id=\"error-category\"").doesNotContain("There is no category");
        HttpResponse<String> ds = server.get("/mapping?dataset=nope&lang=en");
        assertThat(ds.statusCode()).isEqualTo(404);
        assertThat(ds.body()).contains("id=\"map-title\"");
        HttpResponse<String> region = server.get("/sovereignty/extraction?dataset=demo-io&region=RU-XXX&lang=en");
        assertThat(region.statusCode()).isEqualTo(404);
        assertThat(region.body()).contains("id=\"error-region\"").contains("region RU-XXX is not in demo").contains("id=\"extraction-chart\"");
        // a value that is not valid stays 400
        assertThat(server.get("/mapping?year=abc&lang=en").statusCode()).isEqualTo(400);
    }
}
