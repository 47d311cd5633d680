package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.analysis.SkillsAnalysis;

/**
 * {@code GET /api/v1/cooperation/skills-gaps}: the hand-worked case of {@code SkillsGapTest} and {@code SkillsCliTest}
 * (the same four files) served by a workbench given them, and the SYNTHETIC demo's inputs by default.
 */
class SkillsApiTest {

    @TempDir
    static Path dir;
    private static TestServer server;
    private static TestServer demo;

    @BeforeAll
    static void start() throws Exception {
        Path staffing = write("staffing.csv", "industry,occupation,share\n29,7223,0.3\n29,7212,0.2\n29,2144,0.2\n29,3115,0.1\n"
                + "25,7223,0.6\n25,9329,0.3\n");
        Path jobs = write("jobs.csv", "industry,year,jobs\n29.1,2025,100\n29.1,2026,200\n25,2025,50\n01,2025,10\n");
        Path graduates = write("graduates.csv", "region,year,specialty,graduates\nRU-SAM,2025,15.02.08,40\nRU-SAM,2025,15.03.05,30\n"
                + "RU-SAM,2026,15.02.08,40\nRU-SAM,2026,15.03.05,20\nRU-SAM,2025,38.03.01,100\nRU-TA,2025,15.02.08,5000\n");
        Path concordance = write("specialty_occupations.csv", "specialty,occupation,share\n15.02.08,72,0.7\n15.02.08,31,0.3\n"
                + "15.03.05,21,0.8\n15.03.05,31,0.2\n");
        server = new TestServer();
        server.wb.useSkills(SkillsAnalysis.inputs(SkillsAnalysis.jobs(jobs), staffing, graduates, concordance));
        demo = new TestServer();
    }

    private static Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (demo != null) demo.close();
    }

    @Test
    void theHandCase() throws Exception {
        JsonNode o = server.json("/api/v1/cooperation/skills-gaps?region=RU-SAM&available=0.5");
        assertThat(o.get("synthetic").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        for (JsonNode r : o.get("rows")) keys.add(r.get("occupation").asText() + "/" + r.get("year").asInt());
        assertThat(keys).containsExactly("72/2025", "72/2026", "21/2025", "21/2026", "93/2025", "93/2026", "31/2025", "31/2026",
                "TOTAL/2025", "TOTAL/2026");
        double[][] expected = {{80, 14, 66}, {100, 14, 86}, {20, 12, 8}, {40, 8, 32}, {15, 0, 15}, {0, 0, 0}, {10, 9, 1}, {20, 8, 12},
                {125, 35, 90}, {160, 30, 130}};
        for (int k = 0; k < expected.length; k++) {
            JsonNode r = o.get("rows").get(k);
            assertThat(r.get("demand").asDouble()).as(keys.get(k)).isCloseTo(expected[k][0], within(1e-9));
            assertThat(r.get("supply").asDouble()).as(keys.get(k)).isCloseTo(expected[k][1], within(1e-9));
            assertThat(r.get("gap").asDouble()).as(keys.get(k)).isCloseTo(expected[k][2], within(1e-9));
        }
        assertThat(o.get("rows").get(0).get("occupation_name").asText()).isEqualTo("Metal, machinery and related trades workers");
        assertThat(o.get("shortfall").asDouble()).isCloseTo(152 + 40 + 15 + 13, within(1e-9));
        assertThat(o.get("warnings").toString()).contains("industries 01 (10)");
        JsonNode top = server.json("/api/v1/cooperation/skills-gaps?region=RU-SAM&available=0.5&top=1&lang=ru");
        assertThat(top.get("rows")).hasSize(4);
        assertThat(top.get("rows").get(0).get("occupation_name").asText())
                .isEqualTo("Рабочие металлообработки, машиностроения и родственных занятий");
    }

    @Test
    void refusals() throws Exception {
        assertThat(server.get("/api/v1/cooperation/skills-gaps").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/cooperation/skills-gaps?region=RU-SAM&available=0").statusCode()).isEqualTo(400);
        var r = server.get("/api/v1/cooperation/skills-gaps?region=RU-MOW");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("the graduates have no rows for region RU-MOW (regions there: RU-SAM, RU-TA)");
    }

    @Test
    void theSyntheticDemoByDefault() throws Exception {
        JsonNode o = demo.json("/api/v1/cooperation/skills-gaps?region=RU-SAM&available=0.2");
        assertThat(o.get("synthetic").asBoolean()).isTrue();
        assertThat(o.get("rows").size()).isGreaterThan(3);
        assertThat(o.get("notes").toString()).contains("SYNTHETIC demo staffing file");
    }
}
