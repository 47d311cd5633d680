package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.HandRegion;
import org.klaster.app.Klaster;
import org.klaster.inputoutput.LocalSuppliers;

/**
 * {@code klaster io leakage|localise|suppliers} end to end on the two-sector nation worked by hand
 * ({@link HandRegion}: its table, employment and establishments, with the regional flows derived there).
 */
class LocalisationCliTest {

    @TempDir
    Path dir;
    Path table;
    Path activity;

    @BeforeEach
    void files() throws IOException {
        table = write("io.csv", HandRegion.TABLE);
        activity = write("activity.csv", HandRegion.ACTIVITY);
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    List<String> regional(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--table", table.toString(), "--activity", activity.toString(),
                "--region", "RU-SAM", "--method", "slq", "--format", "csv", "--db", dir.resolve("k.duckdb").toString()));
        a.addAll(List.of(more));
        return a;
    }

    CliRun run(String command, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("io", command));
        a.addAll(regional(more));
        return ok(a.toArray(String[]::new));
    }

    @Test
    void leakageOfEverySectorAndOfOne() {
        CliRun all = run("leakage");
        assertThat(all.header()).isEqualTo("sector,bought_in_region,from_other_regions,from_abroad,outside,outside_share");
        // product 29: inside 11.25 + 1.875, other regions 3.75 + 0.625, abroad 0 + 5; product 20: 5 + 5, 0, 2.5 + 2.5
        assertThat(all.csv()).extracting(r -> r.get("sector")).containsExactly("29", "20", "TOTAL");
        assertRow(all, "29", 13.125, 4.375, 5, 9.375, 9.375 / 22.5);
        assertRow(all, "20", 10, 0, 5, 5, 5.0 / 15);
        assertRow(all, "TOTAL", 23.125, 4.375, 10, 14.375, 14.375 / 37.5);
        // sector 29 as the only buyer: its column only
        CliRun one = run("leakage", "--buyers", "29");
        assertRow(one, "29", 1.875, 0.625, 5, 5.625, 5.625 / 7.5);
        assertRow(one, "20", 5, 0, 2.5, 2.5, 2.5 / 7.5);
        assertThat(one.err()).contains("note: purchases of the industries 29 of RU-SAM");
    }

    private static void assertRow(CliRun r, String sector, double inside, double other, double abroad, double outside, double share) {
        assertThat(r.num(sector, "bought_in_region")).as(sector).isCloseTo(inside, within(1e-9));
        assertThat(r.num(sector, "from_other_regions")).as(sector).isCloseTo(other, within(1e-9));
        assertThat(r.num(sector, "from_abroad")).as(sector).isCloseTo(abroad, within(1e-9));
        assertThat(r.num(sector, "outside")).as(sector).isCloseTo(outside, within(1e-9));
        assertThat(r.num(sector, "outside_share")).as(sector).isCloseTo(share, within(1e-9));
    }

    @Test
    void halfOfSector29sImportsLocalisedByHand() {
        CliRun r = run("localise", "--buyers", "29", "--share", "50%");
        // d = (2.5, 5)/50 → R′ column 29 = (0.1 + 0.025, 0.0375 + 0.05); (R′ − R)x = (1.25, 2.5)
        // I − R′ = [[0.9, −0.125], [−0.225, 0.9125]], det 0.793125
        double det = 0.793125;
        double dx20 = (0.9125 * 1.25 + 0.125 * 2.5) / det;
        double dx29 = (0.225 * 1.25 + 0.9 * 2.5) / det;
        assertThat(r.num("20", "output_change")).isCloseTo(dx20, within(1e-9));
        assertThat(r.num("29", "output_change")).isCloseTo(dx29, within(1e-9));
        assertThat(r.num("20", "output_change_pct")).isCloseTo(100 * dx20 / 50, within(1e-9));
        // value added per unit: 0.5·55/50 = 0.55 and 0.25·140/50 = 0.7; jobs per unit 100/50 = 2 in both
        assertThat(r.num("20", "value_added_change")).isCloseTo(0.55 * dx20, within(1e-9));
        assertThat(r.num("29", "value_added_change")).isCloseTo(0.7 * dx29, within(1e-9));
        assertThat(r.num("TOTAL", "jobs_change")).isCloseTo(2 * (dx20 + dx29), within(1e-9));
        // replaced at the buyer's new output: ½·(2.5 + 5)·(50 + Δx_29)/50
        double grown = (50 + dx29) / 50;
        assertThat(r.num("20", "imports_replaced")).isCloseTo(0.5 * 2.5 * grown, within(1e-9));
        assertThat(r.num("TOTAL", "imports_replaced")).isCloseTo(0.5 * 7.5 * grown, within(1e-9));
        assertThat(r.num("TOTAL", "output")).isCloseTo(100, within(1e-9));
        assertThat(r.num("TOTAL", "not_localisable")).isZero();
        // 0.5 and 50% are the same share; from other regions only sector 29's own product leaks (0.625)
        assertThat(run("localise", "--buyers", "29", "--share", "0.5").out()).isEqualTo(r.out());
        CliRun other = run("localise", "--buyers", "29", "--share", "1", "--from", "other-regions");
        // R′_29,29 = 0.0375 + 0.0125 = 0.05 = a; (R′ − R)x = (0, 0.625); Δx = (I − R′)⁻¹(0, 0.625)
        double det2 = 0.9 * 0.95 - 0.1 * 0.225;
        assertThat(other.num("29", "output_change")).isCloseTo(0.9 * 0.625 / det2, within(1e-9));
        assertThat(other.num("20", "output_change")).isCloseTo(0.1 * 0.625 / det2, within(1e-9));
    }

    @Test
    void badScenariosAreRefused() {
        List<String> a = new java.util.ArrayList<>(List.of("io", "localise"));
        a.addAll(regional("--buyers", "29", "--share", "150%"));
        CliRun share = klaster(a.toArray(String[]::new));
        assertThat(share.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(share.err()).contains("--share");
        a = new java.util.ArrayList<>(List.of("io", "localise"));
        a.addAll(regional("--buyers", "31", "--share", "0.3"));
        CliRun sector = klaster(a.toArray(String[]::new));
        assertThat(sector.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(sector.err()).contains("sector 31 is not in the table (its sectors: 20, 29)");
        a = new java.util.ArrayList<>(List.of("io", "localise"));
        a.addAll(regional("--share", "0.3", "--from", "everywhere"));
        assertThat(klaster(a.toArray(String[]::new)).code()).isEqualTo(Klaster.BAD_INPUT);
    }

    @Test
    void anImportsRowCannotLocaliseImportsFromAbroad() throws IOException {
        table = write("row.csv", """
                code,20,29,fd:households,total_output
                20,10,20,70,100
                29,30,10,160,200
                imports,5,30,,
                value_added,55,140,,
                """);
        List<String> a = new java.util.ArrayList<>(List.of("io", "localise"));
        a.addAll(regional("--share", "0.3"));
        CliRun r = klaster(a.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(r.err()).contains("imports from abroad only as a row").contains("--from other-regions");
        // leakage: abroad only in the TOTAL row (s_j·m_j = 2.5 + 7.5)
        CliRun l = run("leakage");
        assertThat(l.csv()).filteredOn(x -> x.get("sector").equals("29")).singleElement()
                .satisfies(x -> assertThat(x.get("from_abroad")).isEmpty());
        assertThat(l.num("TOTAL", "from_abroad")).isCloseTo(10, within(1e-9));
    }

    @Test
    void suppliersTheRegionFirstThenTheNearestWithDistancesToTheBuyers() throws IOException {
        // the establishments come from a firms file imported through the CLI, which keeps them row by row
        Path firms = write("f.csv", HandRegion.FIRMS);
        CliRun imported = ok("import", "firms", firms.toString(), "--id", "f", "--db", dir.resolve("k.duckdb").toString());
        assertThat(imported.out().strip()).isEqualTo("f");
        CliRun r = run("suppliers", "--buyers", "29", "--firms-dataset", "f", "--inputs", "2", "--top", "5", "--neighbours", "1");
        List<Map<String, String>> rows = r.csv();
        // inputs by outside purchases: 29 (5.625), then 20 (2.5); 29's candidates are the buyers themselves
        assertThat(rows).extracting(x -> x.get("input") + ":" + x.get("id") + ":" + x.get("ring"))
                .containsExactly("29:b1:0", "29:b2:0", "20:s2:0", "20:s1:0", "20:s3:1");
        // the buyers: b1 (300 at 53.5, 49.4) and b2 (100 at 53.2, 50.1); s2 has no coordinates: Samara's centre
        Map<String, String> s3 = rows.get(4);
        double expected = (300 * LocalSuppliers.distanceKm(54.3, 48.4, 53.5, 49.4) + 100 * LocalSuppliers.distanceKm(54.3, 48.4, 53.2, 50.1)) / 400;
        assertThat(Double.parseDouble(s3.get("distance_km"))).isCloseTo(expected, within(1e-9));
        assertThat(s3.get("located")).isEqualTo("true");
        assertThat(rows.get(2).get("located")).isEqualTo("false");
        assertThat(rows.get(2).get("outside")).startsWith("2.5");
        assertThat(r.err()).contains("ring 1): RU-ULY;").contains("registry organisations are not included");
    }
}
