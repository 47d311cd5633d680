package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.reference.DemoCategories;

/** The command line end to end: real files in, exit codes and printed tables out. */
class CliTest {

    @TempDir
    static Path dir;
    static Path db;

    static Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @BeforeAll
    static void demo() {
        db = dir.resolve("k.duckdb");
        ok("demo", "--db", db.toString());
    }

    /*
     * Hand-computed oracle. Employment (2023), categories by 2-digit division:
     *            10     29     62   | E_r
     *   R1      100    300      0   | 400
     *   R2      100      0    100   | 200
     *   R3      200    100    100   | 400
     *   E_c     400    400    200   | E = 1000
     * LQ(R1,29) = (300/400)/(400/1000) = 1.875; LQ(R2,62) = (100/200)/(200/1000) = 2.5;
     * LQ(R3,10) = (200/400)/(400/1000) = 1.25; share(R2,10) = 0.5.
     * R_c = 3 for division 10: top 10 % = rank ≤ ceil(0.3) = 1 → only R3 (200) has the size star.
     * Division 62: R2 and R3 tie at 100 → both rank 1 → both size stars; focus: shares 0.5 (R2) vs
     * 0.25 (R3) → R2 rank 1 → focus star; R2's LQ 2.5 ≥ 2 → specialisation star → 3 stars.
     */
    static final String ACTIVITY = """
            region,industry,year,employment
            R1,10.1,2023,100
            R1,29.10,2023,300
            R2,10.2,2023,100
            R2,62.01,2023,100
            R3,10,2023,200
            R3,29,2023,100
            R3,62,2023,100
            R1,10.1,2022,50
            """;

    @Test
    void mapsAnAnalystsFileAgainstAHandComputation() throws IOException {
        Path f = write("act.csv", ACTIVITY);
        CliRun r = ok("map", "--activity", f.toString(), "--year", "2023", "--format", "csv");
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo(
                "region,category,year,employment,share,lq,size_star,specialisation_star,focus_star,stars,strong");
        assertThat(r.csv()).hasSize(7); // R2 has no 29, R1 no 62: zero cells are not output
        assertThat(Double.parseDouble(r.row("R1", "29").get("lq"))).isCloseTo(1.875, within(1e-12));
        assertThat(Double.parseDouble(r.row("R3", "10").get("lq"))).isCloseTo(1.25, within(1e-12));
        assertThat(Double.parseDouble(r.row("R2", "10").get("share"))).isCloseTo(0.5, within(1e-12));
        Map<String, String> r2 = r.row("R2", "62");
        assertThat(Double.parseDouble(r2.get("lq"))).isCloseTo(2.5, within(1e-12));
        assertThat(r2.get("size_star") + r2.get("specialisation_star") + r2.get("focus_star") + r2.get("stars"))
                .isEqualTo("1113");
        assertThat(r.row("R3", "62").get("size_star")).isEqualTo("1");
        assertThat(r.row("R3", "10").get("size_star")).isEqualTo("1");
        assertThat(r.row("R1", "10").get("size_star")).isEqualTo("0");
    }

    @Test
    void shiftShareColumnsAddUp() throws IOException {
        Path f = write("act2.csv", ACTIVITY);
        CliRun r = ok("map", "--activity", f.toString(), "--year", "2023", "--base-year", "2022", "--format", "csv");
        Map<String, String> row = r.row("R1", "10");
        // E_R1,10 grew 50 → 100; the whole economy 50 → 1000
        assertThat(Double.parseDouble(row.get("employment_base"))).isEqualTo(50);
        assertThat(Double.parseDouble(row.get("change"))).isEqualTo(50);
        double sum = Double.parseDouble(row.get("national_effect")) + Double.parseDouble(row.get("industry_mix"))
                + Double.parseDouble(row.get("regional_effect"));
        assertThat(sum).isCloseTo(50, within(1e-9));
        assertThat(Double.parseDouble(row.get("national_effect"))).isCloseTo(50 * (1000.0 / 50 - 1), within(1e-9));
    }

    @Test
    void categoriesFileGroupsIndustries() throws IOException {
        Path f = write("act3.csv", ACTIVITY);
        Path c = write("cats.csv", "industry,category,category_name\n10,food,Food\n29,auto,Automotive\n62,ict,ICT\n");
        CliRun r = ok("map", "--activity", f.toString(), "--categories", c.toString(), "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows.size()).isEqualTo(7);
        JsonNode first = rows.get(0);
        assertThat(first.get("region").asText()).isEqualTo("R1");
        assertThat(first.get("category").asText()).isEqualTo("auto");
        assertThat(first.get("strong").isBoolean()).isTrue();
        assertThat(first.get("year").asInt()).isEqualTo(2023); // latest year by default
    }

    @Test
    void badInputNamesFileLineAndColumnAndWritesNothing() throws IOException {
        Path f = write("bad.csv", "region,industry,year,employment\nR1,10,2023,100\nR2,10,2023,12x\n");
        Path out = dir.resolve("never.csv");
        CliRun r = klaster("map", "--activity", f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad.csv").contains("line 3").contains("employment").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownYearIsAUsageError() throws IOException {
        Path f = write("act4.csv", ACTIVITY);
        CliRun r = klaster("map", "--activity", f.toString(), "--year", "2030");
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("2030").contains("2022");
    }

    @Test
    void importStoresWithProvenanceAndFailedImportStoresNothing() throws IOException {
        Path store = dir.resolve("imports.duckdb");
        Path bad = write("bad-import.csv", "region,industry,year,employment\nR1,10,2023,100\nR1,10,2023,5\n");
        CliRun failed = klaster("import", "activity", bad.toString(), "--db", store.toString());
        assertThat(failed.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(failed.err()).contains("line 3").contains("line 2"); // a duplicate names both lines
        assertThat(ok("datasets", "--db", store.toString(), "--format", "csv").csv()).isEmpty();

        Path good = write("good.csv", ACTIVITY);
        // R1, R2, R3 are not ISO 3166-2:RU codes: refused at their line unless kept as other territories
        CliRun refused = klaster("import", "activity", good.toString(), "--db", store.toString());
        assertThat(refused.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(refused.err()).contains("good.csv, line 2, column \"region\": \"R1\" is not a region code of the region table");
        assertThat(ok("datasets", "--db", store.toString(), "--format", "csv").csv()).isEmpty();
        String id = ok("import", "activity", good.toString(), "--db", store.toString(), "--other-territories").out().strip();
        assertThat(id).matches("activity-[0-9a-f]{8}");
        assertThat(ok("import", "activity", good.toString(), "--db", store.toString(), "--other-territories").out().strip())
                .isEqualTo(id);
        List<Map<String, String>> ds = ok("datasets", "--db", store.toString(), "--format", "csv").csv();
        assertThat(ds).hasSize(1);
        assertThat(ds.get(0)).containsEntry("id", id).containsEntry("kind", "activity").containsEntry("source", "good.csv")
                .containsEntry("rows", "8").containsEntry("synthetic", "false");
        assertThat(ds.get(0).get("sha256")).hasSize(64).startsWith(id.substring("activity-".length()));
        CliRun mapped = ok("map", "--dataset", id, "--db", store.toString(), "--format", "csv");
        assertThat(Double.parseDouble(mapped.row("R2", "62").get("lq"))).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void demoDatasetsAreStoredAndLabelledSynthetic() {
        List<Map<String, String>> ds = ok("datasets", "--db", db.toString(), "--format", "csv").csv();
        assertThat(ds).extracting(m -> m.get("id")).containsExactlyInAnyOrder("demo", "demo-firms", "demo-io", "demo-trade",
                "demo-exports");
        assertThat(ds).allSatisfy(m -> assertThat(m).containsEntry("synthetic", "true"));
        Map<String, String> generators = ds.stream().collect(java.util.stream.Collectors.toMap(m -> m.get("id"), m -> m.get("generator")));
        assertThat(generators).containsEntry("demo", DemoEconomy.VERSION).containsEntry("demo-firms", DemoEconomy.VERSION)
                .containsEntry("demo-io", org.klaster.data.demo.DemoIo.VERSION)
                .containsEntry("demo-trade", org.klaster.data.demo.DemoTrade.VERSION)
                .containsEntry("demo-exports", org.klaster.data.demo.DemoExports.VERSION);
        CliRun cx = ok("complexity", "--dataset", "demo-exports", "--year", "2024", "--db", db.toString(), "--format", "csv");
        assertThat(cx.err()).contains("SYNTHETIC").doesNotContain("warning");
        assertThat(cx.csv()).hasSize(100 * 303);
        // the stored dataset gives what the generator's records give straight to the engine
        org.klaster.complexity.ComplexityTable.Year direct = org.klaster.complexity.ComplexityTable.compute(
                org.klaster.data.demo.DemoExports.standard(), 1.0).get(2);
        int rus = direct.locations().indexOf("RUS");
        assertThat(Double.parseDouble(cx.row("2024", "RUS", "2709").get("eci"))).isEqualTo(direct.result().eci()[rus]);
        CliRun io = ok("io", "multipliers", "--dataset", "demo-io", "--db", db.toString(), "--format", "csv");
        assertThat(io.err()).contains("SYNTHETIC");
        assertThat(io.csv()).hasSize(88);
        CliRun r = ok("map", "--dataset", "demo", "--year", "2024", "--db", db.toString(), "--format", "csv");
        assertThat(r.err()).contains("SYNTHETIC");
        // the demo's categories are used, not bare divisions
        assertThat(r.csv()).extracting(m -> m.get("category")).contains("automotive", "oil_gas");
        assertThat(Double.parseDouble(r.row("RU-SAM", "automotive").get("lq"))).isGreaterThan(2);
    }

    /** Firm-level rows aggregated inside DuckDB give exactly the regional table they were generated from. */
    @Test
    void firmFileMapsLikeTheDemoItAggregatesTo() throws IOException {
        long total = DemoEconomy.standard().establishmentsTotal(DemoEconomy.LAST_YEAR);
        Path firms = dir.resolve("firms.csv");
        ok("demo", "firms", "--rows", Long.toString(total), "--out", firms.toString());
        StringBuilder cats = new StringBuilder("industry,category\n");
        DemoCategories.codeToCategory().forEach((k, v) -> cats.append(k).append(',').append(v).append('\n'));
        Path catFile = write("demo-cats.csv", cats.toString());
        CliRun fromFirms = ok("map", "--firms", firms.toString(), "--categories", catFile.toString(), "--format", "csv");
        CliRun fromDemo = ok("map", "--dataset", "demo", "--year", "2024", "--db", db.toString(), "--format", "csv");
        assertThat(fromFirms.out()).isEqualTo(fromDemo.out());
        CliRun fromStoredFirms = ok("map", "--dataset", "demo-firms", "--db", db.toString(), "--format", "csv");
        assertThat(fromStoredFirms.out()).isEqualTo(fromDemo.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] c : List.of(new String[] {"--help"}, new String[] {"map", "--help"}, new String[] {"import", "--help"},
                new String[] {"datasets", "--help"}, new String[] {"demo", "--help"}, new String[] {"demo", "firms", "--help"})) {
            CliRun r = ok(c);
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(klaster("map").code()).isEqualTo(Klaster.BAD_INPUT); // no source
        assertThat(klaster("map", "--activity", "a.csv", "--dataset", "demo").code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(klaster("nonsense").code()).isEqualTo(Klaster.BAD_INPUT);
        CliRun missing = klaster("map", "--activity", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(missing.err()).contains("nope.csv");
        CliRun unknown = klaster("map", "--dataset", "nope", "--db", db.toString());
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("no dataset “nope”").contains("demo");
    }

    @Test
    void importsBoundariesAndRejectsBrokenGeoJson() throws IOException {
        Path store = dir.resolve("bounds.duckdb");
        Path good = write("b.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"RU-SAM","shapeName":"Samara"},
                 "geometry":{"type":"Polygon","coordinates":[[[49,53],[51,53],[51,54.5],[49,54.5],[49,53]]]}}]}
                """);
        assertThat(ok("import", "boundaries", good.toString(), "--db", store.toString()).out().strip()).isEqualTo("boundaries");
        Path bad = write("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");
        CliRun r = klaster("import", "boundaries", bad.toString(), "--db", store.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad.geojson");
    }
}
