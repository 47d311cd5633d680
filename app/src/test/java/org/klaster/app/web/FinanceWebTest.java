package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.app.Klaster;

/**
 * The loan calculator in the web and the API (issue 14, item 3): the hand-worked equal-principal loan of
 * {@code FinanceLoanCliTest}, the API equal to the command line, the page in both languages, refusals beside their field.
 */
class FinanceWebTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theApiIsTheHandWorkedScheduleAndTheCommandLines() throws Exception {
        JsonNode o = server.json("/api/v1/finance/loan?amount=1200&rate=0&years=3&method=equal-principal&payments_per_year=1&market_rate=10%25");
        JsonNode rows = o.get("rows");
        assertThat(rows).extracting(r -> r.get("period").asText()).containsExactly("1", "2", "3", "TOTAL");
        assertThat(rows.get(0).get("payment").asDouble()).isEqualTo(400);
        assertThat(rows.get(0).get("subsidy_pv").isNull()).isTrue();
        double pv = 120 / 1.1 + 80 / 1.21 + 40 / 1.331;
        assertThat(o.get("total").get("subsidy_pv").asDouble()).isCloseTo(pv, within(1e-9));
        assertThat(o.get("subsidy_pv").asDouble()).isCloseTo(pv, within(1e-9));
        // the CSV download is what the command line writes
        HttpResponse<String> csv = server.get("/finance/loan/export.csv?amount=1200&rate=0&years=3&method=equal-principal"
                + "&payments_per_year=1&market_rate=10%25");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(TestServer.withoutSyntheticLine(csv.body())).isEqualTo(cli("finance", "loan", "--amount", "1200", "--rate", "0",
                "--years", "3", "--method", "equal-principal", "--payments-per-year", "1", "--market-rate", "10%", "--format", "csv"));
        // a step rate through the API: 1 % for three years then 5 %, yearly
        JsonNode step = server.json("/api/v1/finance/loan?amount=1000&rate=1%25&then=5%25@3&years=5&payments_per_year=1");
        double f = Math.pow(1.01, 5);
        assertThat(step.get("rows").get(0).get("payment").asDouble()).isCloseTo(1000 * 0.01 * f / (f - 1), within(1e-9));
        assertThat(step.get("total").get("subsidy_pv").isNull()).isTrue();
    }

    @Test
    void refusalsNameTheirField() throws Exception {
        HttpResponse<String> grace = server.get("/api/v1/finance/loan?amount=1000&rate=1%25&years=3&grace_years=3");
        assertThat(grace.statusCode()).isEqualTo(400);
        assertThat(grace.body()).contains("\"param\":\"grace_years\"").contains("shorter than the term");
        HttpResponse<String> missing = server.get("/api/v1/finance/loan?rate=1%25&years=3&lang=ru");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"param\":\"amount\"");
        // the page keeps what was typed beside the message, and draws the example's figures
        HttpResponse<String> page = server.get("/finance/loan?amount=abc&rate=1%25&years=5&lang=en");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("value=\"abc\"").contains("id=\"tbl-loan\"");
    }

    @Test
    void thePageInBothLanguages() throws Exception {
        HttpResponse<String> en = server.get("/finance?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        // the first visit shows the example: 500 at 1 % then 5 % against 19 %
        assertThat(en.body()).contains("Loan calculator").contains("value=\"5%@3\"").contains("Subsidy value at 19")
                .contains("id=\"loan-chart\"");
        HttpResponse<String> ru = server.get("/finance/loan?amount=1200&rate=0&years=3&method=equal-principal&payments_per_year=1"
                + "&market_rate=10%25&lang=ru");
        assertThat(ru.statusCode()).isEqualTo(200);
        assertThat(ru.body()).contains("Калькулятор займа").contains("График погашения").contains("Грант-элемент");
    }
}
