package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/finance/instruments} and {@code /api/v1/finance/eligibility} (issue 14, items 1–2): the figures worked by
 * hand in {@code FinanceEligibilityCliTest}, through query parameters; refusals name their parameter.
 */
class FinanceEligibilityApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static JsonNode row(JsonNode o, String instrument, String rule, String ruleField) {
        for (JsonNode r : o.get("rows")) {
            if (r.get("instrument").asText().equals(instrument) && r.get(ruleField).asText().equals(rule)) return r;
        }
        throw new AssertionError("no row " + instrument + " " + rule);
    }

    @Test
    void theCatalogueWithComputedRates() throws Exception {
        JsonNode o = server.json("/api/v1/finance/instruments?as_of=2023-03-01");
        assertThat(row(o, "kip", "rate_applicable", "parameter").get("value").asDouble()).isCloseTo(0.0525, within(1e-12));
        assertThat(row(o, "kip", "rate_kr_multiplier", "parameter").get("source").asText()).contains("https://mtseing.ru/archives/5992");
        assertThat(row(o, "kip", "loan_min", "parameter").get("instrument_name").asText()).isEqualTo("Cluster investment platform (KIP)");
        JsonNode ru = server.json("/api/v1/finance/instruments?as_of=2024-06-01&lang=ru");
        JsonNode m = row(ru, "industrial_mortgage", "rate_applicable", "parameter");
        assertThat(m.get("value").asDouble()).isCloseTo(0.11, within(1e-12));
        assertThat(m.get("value_text").asText()).contains("ключевая ставка 16 %");
        assertThat(m.get("instrument_name").asText()).isEqualTo("Промышленная ипотека");
    }

    @Test
    void anApplicationByQueryParameters() throws Exception {
        JsonNode o = server.json("/api/v1/finance/eligibility?date=2024-06-01&okved=25.62&loan=1150&budget=2000&own_funds=850"
                + "&term=5&purpose=construction&priority_products=true&russian_equipment_share=60%25");
        JsonNode max = row(o, "frp_development", "loan_max", "rule");
        assertThat(max.get("passed").asBoolean()).isFalse();
        assertThat(max.get("reason").asText())
                .isEqualTo("loan 1150 mln exceeds the 1000 mln maximum of Проекты развития (ФРП): reduce it by 150 mln");
        assertThat(row(o, "kip", "rate", "rule").get("value").asDouble()).isCloseTo(0.078, within(1e-12));
        assertThat(row(o, "kip", "eligible", "rule").get("passed").asBoolean()).isTrue();
        assertThat(o.get("eligible").asText()).contains("kip");
        assertThat(o.get("key_rate_value").asDouble()).isCloseTo(0.16, within(1e-12));
        // a field left out is not judged
        JsonNode bare = server.json("/api/v1/finance/eligibility?date=2024-06-01");
        assertThat(row(bare, "kip", "loan_min", "rule").get("verdict").asText()).isEqualTo("confirm");
        assertThat(row(bare, "kip", "loan_min", "rule").get("passed").isNull()).isTrue();
    }

    @Test
    void refusalsNameTheirParameter() throws Exception {
        HttpResponse<String> inn = server.get("/api/v1/finance/eligibility?date=2024-06-01&inn=7707083894");
        assertThat(inn.statusCode()).isEqualTo(400);
        assertThat(inn.body()).contains("\"param\":\"inn\"");
        HttpResponse<String> date = server.get("/api/v1/finance/eligibility?loan=5");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"param\":\"date\"");
        HttpResponse<String> share = server.get("/api/v1/finance/eligibility?date=2024-06-01&russian_equipment_share=150%25");
        assertThat(share.statusCode()).isEqualTo(400);
        assertThat(share.body()).contains("\"param\":\"russian_equipment_share\"");
        assertThat(server.get("/api/v1/finance/instruments?as_of=2010-01-01").statusCode()).isEqualTo(422);
    }
}
