package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;

/**
 * {@code klaster dependency} end to end on a hand-built trade file; every number below is computed
 * by hand in the comments (methods.md §3, docs/methods-dependency.md). Default thresholds: import
 * HHI &gt; 0.4, imports/exports &gt; 1, reliance &gt; 0.5 when known, world export HHI &gt; 0.4 when known.
 */
class DependencyCliTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /*
     * Reporter RUS. Group EU = {DEU, FRA}.
     *
     * 0101 (2022): imports TUR 30, CHN 30 (a tie, TUR first in the file); export to KAZ 0.
     *   imports 60, exports 0 → ratio = inf; import HHI = 0.5² + 0.5² = 0.5;
     *   world exporters of 0101 in 2022: CHN 90, TUR 10, RUS 0 → HHI = 0.9² + 0.1² = 0.82;
     *   dependent (0.5 > 0.4, inf > 1, 0.82 > 0.4); persistent: only 2022 → false;
     *   top partner: tie 30/30 → alphabetically first, CHN, share 0.5.
     * 1001 (2022): only an export to CHN of 50 → imports 0, HHI empty, ratio 0/50 = 0, world HHI empty
     *   (RUS is the only exporter), top partner empty; not dependent.
     * 2709: 2021: import DEU 10, export 50 → HHI 1, ratio 0.2; world empty (only RUS exports); not dependent.
     *       2022: imports DEU 70, CHN 30 = 100, exports 40 → HHI 0.49 + 0.09 = 0.58, ratio 2.5;
     *       world: RUS 40, DEU 60 → 0.16 + 0.36 = 0.52; dependent without production; top DEU 0.7.
     * 8542: 2019: CHN 80, DEU 20, exports 10 → HHI 0.64 + 0.04 = 0.68, ratio 10, world empty → dependent;
     *             persistent: 2017, 2018 absent → 1 of 3 → false; top CHN 0.8.
     *       2020: CHN 90, DEU 10, exports 20 → HHI 0.81 + 0.01 = 0.82, ratio 5;
     *             world: RUS 20, CHN 500 → (20/520)² + (500/520)² = (1 + 625)/676 = 626/676 → dependent;
     *             persistent: 2019 and 2020 → true.
     *       2021: CHN 60, DEU 40, exports 100 → HHI 0.36 + 0.16 = 0.52, ratio 100/100 = 1, not > 1 →
     *             not dependent; persistent: 2019, 2020 dependent → 2 of 3 → true (persistent, not dependent).
     *       2022: CHN 40, DEU 30, KAZ 30, exports 10 → HHI 0.16 + 0.09 + 0.09 = 0.34 ≤ 0.4 → not dependent;
     *             persistent: only 2020 of 2020–2022 → false; top CHN 0.4.
     * Records of other reporters (CHN's import of 0101) do not count for RUS.
     */
    static final String TRADE = """
            year,reporter,partner,product,flow,value
            2022,RUS,TUR,0101,import,30
            2022,RUS,CHN,0101,import,30
            2022,RUS,KAZ,0101,export,0
            2022,CHN,RUS,0101,export,90
            2022,TUR,RUS,0101,export,10
            2022,CHN,RUS,0101,import,5
            2022,RUS,CHN,1001,export,50
            2021,RUS,DEU,2709,import,10
            2021,RUS,CHN,2709,export,50
            2022,RUS,DEU,2709,import,70
            2022,RUS,CHN,2709,import,30
            2022,RUS,CHN,2709,export,40
            2022,DEU,FRA,2709,export,60
            2019,RUS,CHN,8542,import,80
            2019,RUS,DEU,8542,import,20
            2019,RUS,KAZ,8542,export,10
            2020,RUS,CHN,8542,import,90
            2020,RUS,DEU,8542,import,10
            2020,RUS,KAZ,8542,export,20
            2020,CHN,DEU,8542,export,500
            2021,RUS,CHN,8542,import,60
            2021,RUS,DEU,8542,import,40
            2021,RUS,KAZ,8542,export,100
            2022,RUS,CHN,8542,import,40
            2022,RUS,DEU,8542,import,30
            2022,RUS,KAZ,8542,import,30
            2022,RUS,KAZ,8542,export,10
            """;

    /*
     * 2709: 2022 production 240 → apparent consumption 240 + 100 − 40 = 300 → reliance 100/300 = 1/3
     *       ≤ 0.5 → not dependent any more. 2021 production 30 → 30 + 10 − 50 = −10 ≤ 0 → reliance empty.
     * CHN's production is another reporter's and is ignored.
     */
    static final String PRODUCTION = """
            year,reporter,product,value
            2022,RUS,2709,240
            2021,RUS,2709,30
            2022,CHN,2709,1000
            """;

    static final String GROUPS = """
            group,member
            EU,DEU
            EU,FRA
            friendly,CHN
            friendly,KAZ
            """;

    static final String HEADER = "product,year,imports,exports,import_hhi,world_export_hhi,import_export_ratio,"
            + "import_reliance,dependent,persistent,top_partner,top_partner_share";

    CliRun screen(String... extra) throws IOException {
        Path trade = write("trade.csv", TRADE);
        String[] args = new String[extra.length + 7];
        String[] base = {"dependency", "--trade", trade.toString(), "--reporter", "RUS", "--format", "csv"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return ok(args);
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void handBuiltScreen() throws IOException {
        CliRun r = screen();
        assertThat(r.header()).isEqualTo(HEADER);
        assertThat(r.csv()).extracting(m -> m.get("product") + "/" + m.get("year")).containsExactly(
                "0101/2022", "1001/2022", "2709/2021", "2709/2022", "8542/2019", "8542/2020", "8542/2021", "8542/2022");

        Map<String, String> tie = r.row("0101", "2022");
        assertThat(num(tie, "imports")).isEqualTo(60);
        assertThat(num(tie, "exports")).isEqualTo(0);
        assertThat(tie.get("import_export_ratio")).isEqualTo("inf");
        assertThat(num(tie, "import_hhi")).isCloseTo(0.5, within(1e-12));
        assertThat(num(tie, "world_export_hhi")).isCloseTo(0.82, within(1e-12));
        assertThat(tie.get("import_reliance")).isEmpty();
        assertThat(tie.get("dependent")).isEqualTo("true");
        assertThat(tie.get("persistent")).isEqualTo("false");
        assertThat(tie.get("top_partner")).isEqualTo("CHN");
        assertThat(num(tie, "top_partner_share")).isCloseTo(0.5, within(1e-12));

        Map<String, String> exportOnly = r.row("1001", "2022");
        assertThat(num(exportOnly, "imports")).isEqualTo(0);
        assertThat(num(exportOnly, "exports")).isEqualTo(50);
        assertThat(exportOnly.get("import_hhi")).isEmpty();
        assertThat(exportOnly.get("world_export_hhi")).isEmpty();
        assertThat(num(exportOnly, "import_export_ratio")).isEqualTo(0);
        assertThat(exportOnly.get("top_partner")).isEmpty();
        assertThat(exportOnly.get("top_partner_share")).isEmpty();
        assertThat(exportOnly.get("dependent")).isEqualTo("false");

        Map<String, String> oil21 = r.row("2709", "2021");
        assertThat(num(oil21, "import_hhi")).isCloseTo(1, within(1e-12));
        assertThat(num(oil21, "import_export_ratio")).isCloseTo(0.2, within(1e-12));
        assertThat(oil21.get("world_export_hhi")).isEmpty();
        assertThat(oil21.get("dependent")).isEqualTo("false");
        Map<String, String> oil22 = r.row("2709", "2022");
        assertThat(num(oil22, "import_hhi")).isCloseTo(0.58, within(1e-12));
        assertThat(num(oil22, "world_export_hhi")).isCloseTo(0.52, within(1e-12));
        assertThat(num(oil22, "import_export_ratio")).isCloseTo(2.5, within(1e-12));
        assertThat(oil22.get("dependent")).isEqualTo("true");
        assertThat(oil22.get("persistent")).isEqualTo("false");
        assertThat(oil22.get("top_partner")).isEqualTo("DEU");
        assertThat(num(oil22, "top_partner_share")).isCloseTo(0.7, within(1e-12));

        // persistence across years
        double[] hhi = {0.68, 0.82, 0.52, 0.34};
        double[] ratio = {10, 5, 1, 10};
        double[] share = {0.8, 0.9, 0.6, 0.4};
        String[] dependent = {"true", "true", "false", "false"};
        String[] persistent = {"false", "true", "true", "false"};
        for (int i = 0; i < 4; i++) {
            Map<String, String> row = r.row("8542", Integer.toString(2019 + i));
            assertThat(num(row, "imports")).isEqualTo(100);
            assertThat(num(row, "import_hhi")).as("HHI %d", 2019 + i).isCloseTo(hhi[i], within(1e-12));
            assertThat(num(row, "import_export_ratio")).isCloseTo(ratio[i], within(1e-12));
            assertThat(row.get("dependent")).as("dependent %d", 2019 + i).isEqualTo(dependent[i]);
            assertThat(row.get("persistent")).as("persistent %d", 2019 + i).isEqualTo(persistent[i]);
            assertThat(row.get("top_partner")).isEqualTo("CHN");
            assertThat(num(row, "top_partner_share")).isCloseTo(share[i], within(1e-12));
        }
        assertThat(num(r.row("8542", "2020"), "world_export_hhi")).isCloseTo(626.0 / 676, within(1e-12));
        assertThat(r.row("8542", "2019").get("world_export_hhi")).isEmpty();
        // dependent: 0101/2022, 2709/2022, 8542/2019, 8542/2020; persistent: 8542/2020, 8542/2021
        assertThat(r.err()).contains("note: 8 product-years of RUS: 4 dependent, 2 persistent");
    }

    @Test
    void productionGivesImportReliance() throws IOException {
        CliRun r = screen("--production", write("production.csv", PRODUCTION).toString());
        Map<String, String> oil22 = r.row("2709", "2022");
        assertThat(num(oil22, "import_reliance")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(oil22.get("dependent")).isEqualTo("false"); // 1/3 ≤ 0.5
        assertThat(r.row("2709", "2021").get("import_reliance")).isEmpty(); // consumption −10 ≤ 0
        assertThat(r.row("8542", "2020").get("import_reliance")).isEmpty(); // no production given
        assertThat(r.row("8542", "2020").get("dependent")).isEqualTo("true");
        // --reliance-threshold 0.3: 1/3 > 0.3 → dependent again
        CliRun lower = screen("--production", dir.resolve("production.csv").toString(), "--reliance-threshold", "0.3");
        assertThat(lower.row("2709", "2022").get("dependent")).isEqualTo("true");
    }

    /*
     * --outside EU drops DEU and FRA as import partners (exports and world exports stay):
     * 2709/2022: imports CHN 30 → HHI 1, ratio 30/40 = 0.75 → not dependent; top CHN, share 1; world 0.52.
     * 2709/2021: imports 0 (DEU only) → HHI empty, ratio 0/50 = 0, no top partner; the row stays.
     * 8542: 2019 CHN 80 / 10 = 8, 2020 CHN 90 / 20 = 4.5 → dependent (HHI 1);
     *       2021 CHN 60 / 100 = 0.6 → not dependent, persistent (2019, 2020);
     *       2022 CHN 40 + KAZ 30 = 70 → HHI (4/7)² + (3/7)² = 25/49, ratio 7 → dependent;
     *       persistent (2020 and 2022); top CHN 4/7.
     * With --production: 2709/2022 reliance 30 / (240 + 30 − 40) = 30/230.
     */
    @Test
    void outsideGroupExcludesItsMembersFromImports() throws IOException {
        CliRun r = screen("--groups", write("groups.csv", GROUPS).toString(), "--outside", "EU",
                "--production", write("production.csv", PRODUCTION).toString());
        Map<String, String> oil22 = r.row("2709", "2022");
        assertThat(num(oil22, "imports")).isEqualTo(30);
        assertThat(num(oil22, "exports")).isEqualTo(40);
        assertThat(num(oil22, "import_hhi")).isCloseTo(1, within(1e-12));
        assertThat(num(oil22, "import_export_ratio")).isCloseTo(0.75, within(1e-12));
        assertThat(num(oil22, "import_reliance")).isCloseTo(30.0 / 230, within(1e-12));
        assertThat(num(oil22, "world_export_hhi")).isCloseTo(0.52, within(1e-12));
        assertThat(oil22.get("dependent")).isEqualTo("false");
        assertThat(oil22.get("top_partner")).isEqualTo("CHN");
        assertThat(num(oil22, "top_partner_share")).isCloseTo(1, within(1e-12));
        Map<String, String> oil21 = r.row("2709", "2021");
        assertThat(num(oil21, "imports")).isEqualTo(0);
        assertThat(oil21.get("import_hhi")).isEmpty();
        assertThat(oil21.get("top_partner")).isEmpty();
        String[] dependent = {"true", "true", "false", "true"};
        String[] persistent = {"false", "true", "true", "true"};
        double[] imports = {80, 90, 60, 70};
        for (int i = 0; i < 4; i++) {
            Map<String, String> row = r.row("8542", Integer.toString(2019 + i));
            assertThat(num(row, "imports")).isEqualTo(imports[i]);
            assertThat(row.get("dependent")).as("dependent %d", 2019 + i).isEqualTo(dependent[i]);
            assertThat(row.get("persistent")).as("persistent %d", 2019 + i).isEqualTo(persistent[i]);
        }
        Map<String, String> chip22 = r.row("8542", "2022");
        assertThat(num(chip22, "import_hhi")).isCloseTo(25.0 / 49, within(1e-12));
        assertThat(num(chip22, "import_export_ratio")).isCloseTo(7, within(1e-12));
        assertThat(num(chip22, "top_partner_share")).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(r.err()).contains("Imports from partners of group EU (2: ").contains("only imports from outside the group count");
    }

    @Test
    void yearsRestrictRowsButPersistenceSeesEarlierYears() throws IOException {
        CliRun r = screen("--years", "2021-2022");
        assertThat(r.csv()).extracting(m -> m.get("product") + "/" + m.get("year")).containsExactly(
                "0101/2022", "1001/2022", "2709/2021", "2709/2022", "8542/2021", "8542/2022");
        assertThat(r.row("8542", "2021").get("persistent")).isEqualTo("true"); // from 2019 and 2020
        CliRun single = screen("--years", "2020");
        assertThat(single.csv()).extracting(m -> m.get("product") + "/" + m.get("year")).containsExactly("8542/2020");
        assertThat(single.row("8542", "2020").get("persistent")).isEqualTo("true");
    }

    @Test
    void thresholdFlagsChangeTheFlags() throws IOException {
        // --hhi-threshold 0.3: 8542/2022 (HHI 0.34, ratio 10) becomes dependent → persistent with 2020
        CliRun r = screen("--hhi-threshold", "0.3");
        assertThat(r.row("8542", "2022").get("dependent")).isEqualTo("true");
        assertThat(r.row("8542", "2022").get("persistent")).isEqualTo("true");
        // --ratio-threshold 5: 8542/2020 (ratio exactly 5) is no longer dependent (strict), 2019 (10) still is
        CliRun s = screen("--ratio-threshold", "5");
        assertThat(s.row("8542", "2020").get("dependent")).isEqualTo("false");
        assertThat(s.row("8542", "2019").get("dependent")).isEqualTo("true");
        // --world-hhi-threshold 0.9: 0101/2022 (world 0.82) fails; 8542/2020 (626/676 = 0.926) passes
        CliRun w = screen("--world-hhi-threshold", "0.9");
        assertThat(w.row("0101", "2022").get("dependent")).isEqualTo("false");
        assertThat(w.row("8542", "2020").get("dependent")).isEqualTo("true");
    }

    @Test
    void jsonPrintsInfinityAndUndefinedAsNull() throws IOException {
        Path trade = write("trade.csv", TRADE);
        CliRun r = ok("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(8);
        JsonNode tie = rows.get(0);
        assertThat(tie.get("product").asText()).isEqualTo("0101");
        assertThat(tie.get("year").asInt()).isEqualTo(2022);
        assertThat(tie.get("import_export_ratio").isNull()).isTrue();
        assertThat(tie.get("import_reliance").isNull()).isTrue();
        assertThat(tie.get("dependent").isBoolean()).isTrue();
        assertThat(tie.get("dependent").asBoolean()).isTrue();
        assertThat(tie.get("import_hhi").asDouble()).isCloseTo(0.5, within(1e-12));
        JsonNode exportOnly = rows.get(1);
        assertThat(exportOnly.get("import_hhi").isNull()).isTrue();
        assertThat(exportOnly.get("top_partner").isNull()).isTrue();
        assertThat(exportOnly.get("import_export_ratio").asDouble()).isEqualTo(0);
        CliRun table = ok("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--format", "table");
        assertThat(table.out().lines().skip(2).findFirst().orElseThrow()).contains("inf").contains("CHN");
    }

    @Test
    void outWritesTheSameCsv() throws IOException {
        Path out = dir.resolve("dep.csv");
        CliRun r = ok("dependency", "--trade", write("trade.csv", TRADE).toString(), "--reporter", "RUS", "--out",
                out.toString());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(screen().out());
    }

    @Test
    void storedDatasetGivesTheSameScreen() throws IOException {
        Path trade = write("trade.csv", TRADE);
        Path production = write("production.csv", PRODUCTION);
        Path groups = write("groups.csv", GROUPS);
        Path db = dir.resolve("k.duckdb");
        try (Store store = Store.open(db)) {
            store.saveTrade(Dataset.of("t1", DatasetKind.TRADE, "trade.csv", null, 27, null, false, null, null),
                    TradeReader.read(trade, production, groups), false);
        }
        CliRun fromDb = ok("dependency", "--dataset", "t1", "--db", db.toString(), "--reporter", "RUS",
                "--outside", "EU", "--format", "csv");
        CliRun fromFiles = screen("--production", production.toString(), "--groups", groups.toString(), "--outside", "EU");
        assertThat(fromDb.out()).isEqualTo(fromFiles.out());
        // a --groups file replaces the stored groups: "friendly" = {CHN, KAZ} leaves 8542/2022 with DEU 30 only
        CliRun replaced = ok("dependency", "--dataset", "t1", "--db", db.toString(), "--reporter", "RUS",
                "--groups", groups.toString(), "--outside", "friendly", "--format", "csv");
        assertThat(num(replaced.row("8542", "2022"), "imports")).isEqualTo(30);
        CliRun unknownGroup = klaster("dependency", "--dataset", "t1", "--db", db.toString(), "--reporter", "RUS",
                "--outside", "NATO");
        assertThat(unknownGroup.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(unknownGroup.err()).contains("--outside: group \"NATO\" is not defined (groups: EU, friendly)");
        CliRun missing = klaster("dependency", "--dataset", "nope", "--db", db.toString(), "--reporter", "RUS");
        assertThat(missing.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(missing.err()).contains("no dataset “nope”");
    }

    /*
     * The synthetic demo trade (DemoTrade, 2021–2024) written as the three CSV files and stored as a
     * dataset must read without warnings and screen identically both ways; its designed products say
     * what the screen must find (docs/demo.md): 2846 dependent every year with exports 0 (ratio inf),
     * persistent from the second year; 9018 dependent only outside the friendly group; 8517 the reverse.
     */
    @Test
    void demoTradeFromFilesAndFromTheStoreAgree() throws IOException {
        Path demo = dir.resolve("demo");
        org.klaster.data.demo.DemoTrade.writeCsv(demo);
        String[] files = {"--trade", demo.resolve("trade.csv").toString(), "--production",
                demo.resolve("production.csv").toString(), "--groups", demo.resolve("groups.csv").toString()};
        Path db = dir.resolve("demo.duckdb");
        try (Store store = Store.open(db)) {
            store.saveTrade(Dataset.of("demo-trade", DatasetKind.TRADE, "DemoTrade", null, 0, "demo-trade-1", true, null, null),
                    org.klaster.data.demo.DemoTrade.standard(), false);
        }
        for (String outside : new String[] {null, "friendly"}) {
            List<String> args = new java.util.ArrayList<>(List.of("dependency", "--reporter", "RUS", "--format", "csv"));
            if (outside != null) args.addAll(List.of("--outside", outside));
            List<String> fromFiles = new java.util.ArrayList<>(args);
            fromFiles.addAll(List.of(files));
            List<String> fromDb = new java.util.ArrayList<>(args);
            fromDb.addAll(List.of("--dataset", "demo-trade", "--db", db.toString()));
            CliRun f = ok(fromFiles.toArray(String[]::new));
            CliRun d = ok(fromDb.toArray(String[]::new));
            // the reader has nothing to warn about; only the unused --groups of the first run is mentioned
            assertThat(f.err().lines().filter(l -> l.startsWith("warning")).toList()).isEqualTo(outside != null
                    ? List.of() : List.of("warning: --groups is used only with --outside G; it changes nothing here"));
            assertThat(d.err()).contains("SYNTHETIC");
            assertThat(f.out()).isEqualTo(d.out());
            for (int y = 2021; y <= 2024; y++) {
                String year = Integer.toString(y);
                assertThat(f.row("9018", year).get("dependent")).isEqualTo(outside == null ? "false" : "true");
                assertThat(f.row("8517", year).get("dependent")).isEqualTo(outside == null ? "true" : "false");
                Map<String, String> rare = f.row("2846", year);
                assertThat(rare.get("dependent")).isEqualTo("true");
                assertThat(rare.get("import_export_ratio")).isEqualTo("inf");
                assertThat(rare.get("persistent")).isEqualTo(y == 2021 ? "false" : "true");
            }
        }
    }

    @Test
    void groupAndReporterErrors() throws IOException {
        Path trade = write("trade.csv", TRADE);
        Path groups = write("groups.csv", GROUPS);
        Path out = dir.resolve("never.csv");
        CliRun noGroups = klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--outside", "EU",
                "--out", out.toString());
        assertThat(noGroups.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(noGroups.err()).contains("--outside: EU needs --groups FILE");
        CliRun unknownGroup = klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--groups",
                groups.toString(), "--outside", "NATO", "--out", out.toString());
        assertThat(unknownGroup.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(unknownGroup.err()).contains("klaster dependency: --outside: group \"NATO\" is not defined"
                + " (groups: EU, friendly)").doesNotContain("Exception");
        CliRun unknownReporter = klaster("dependency", "--trade", trade.toString(), "--reporter", "USA", "--out",
                out.toString());
        assertThat(unknownReporter.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(unknownReporter.err()).contains("reporter \"USA\" has no trade records in trade.csv (reporters: CHN,"
                + " DEU, RUS, TUR)").doesNotContain("internal error");
        CliRun noYears = klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--years", "2030-2031");
        assertThat(noYears.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(noYears.err()).contains("reporter \"RUS\" has no trade in 2030–2031 (its records in trade.csv cover"
                + " 2019–2022)");
        assertThat(klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--years", "2022-2020")
                .code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--years", "last")
                .err()).contains("--years: expected Y or Y1-Y2 such as 2019-2022, got “last”");
        assertThat(klaster("dependency", "--trade", trade.toString(), "--reporter", "RUS", "--hhi-threshold", "1.5")
                .err()).contains("--hhi-threshold: must be a share between 0 and 1, got 1.5");
        assertThat(klaster("dependency", "--reporter", "RUS").code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(klaster("dependency", "--trade", trade.toString()).code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void groupWithoutImportPartnersIsWarnedAbout() throws IOException {
        Path groups = write("groups.csv", "group,member\nEU,DE\nEU,FR\n"); // ISO-2 codes, trade uses ISO-3
        CliRun r = screen("--groups", groups.toString(), "--outside", "EU");
        assertThat(r.err()).contains("warning: no member of group \"EU\" is an import partner of RUS, so it"
                + " excludes nothing");
        assertThat(r.out()).isEqualTo(screen().out());
        CliRun unused = screen("--groups", groups.toString());
        assertThat(unused.err()).contains("warning: --groups is used only with --outside G; it changes nothing here");
    }

    @Test
    void malformedInputExitsTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("dep.csv");
        Path bad = write("bad_trade.csv", TRADE.replace("2020,RUS,DEU,8542,import,10", "2020,RUS,DEU,8542,imports,10"));
        CliRun r = klaster("dependency", "--trade", bad.toString(), "--reporter", "RUS", "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("bad_trade.csv, line 19, column \"flow\": \"imports\" is not a flow; expected"
                + " import or export").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();

        Path badProduction = write("bad_production.csv", PRODUCTION.replace("240", "-240"));
        CliRun p = klaster("dependency", "--trade", write("trade.csv", TRADE).toString(), "--reporter", "RUS",
                "--production", badProduction.toString(), "--out", out.toString());
        assertThat(p.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(p.err()).contains("bad_production.csv, line 2, column \"value\": \"-240\" is negative");
        assertThat(out).doesNotExist();

        Path dup = write("dup_groups.csv", GROUPS + "EU,DEU\n");
        CliRun g = klaster("dependency", "--trade", dir.resolve("trade.csv").toString(), "--reporter", "RUS",
                "--groups", dup.toString(), "--outside", "EU", "--out", out.toString());
        assertThat(g.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(g.err()).contains("dup_groups.csv, line 6: member \"DEU\" of group \"EU\" appears twice (first on line 2)");
        assertThat(out).doesNotExist();
    }

    @Test
    void helpShowsThePublishedDefaults() {
        CliRun r = ok("dependency", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--hhi-threshold=T", "Import HHI must exceed T (default: 0.4)",
                "(default: 1.0)", "when known (default: 0.5)", "World export HHI must exceed T when known (default: 0.4)");
        assertThat(ok("--help").out()).contains("dependency");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("--outside=G"));
    }

    /** {@code klaster import trade} stores exactly what the files say; a malformed groups file stores nothing. */
    @Test
    void importTradeThenScreenTheDataset() throws IOException {
        Path trade = write("trade.csv", TRADE);
        Path production = write("production.csv", PRODUCTION);
        Path groups = write("groups.csv", GROUPS);
        String db = dir.resolve("imp.duckdb").toString();
        Path badGroups = write("bad-groups.csv", "group,member\nEU,DEU\nEU,DEU\n");
        CliRun bad = klaster("import", "trade", trade.toString(), "--production", production.toString(), "--groups",
                badGroups.toString(), "--db", db);
        assertThat(bad.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(bad.err()).contains("bad-groups.csv").contains("line 3");
        assertThat(ok("datasets", "--db", db, "--format", "csv").csv()).isEmpty();
        assertThat(klaster("import", "io", trade.toString(), "--groups", groups.toString(), "--db", db).code())
                .isEqualTo(Klaster.BAD_INPUT);

        String id = ok("import", "trade", trade.toString(), "--production", production.toString(), "--groups",
                groups.toString(), "--db", db).out().strip();
        assertThat(id).matches("trade-[0-9a-f]{8}");
        CliRun fromDb = ok("dependency", "--dataset", id, "--db", db, "--reporter", "RUS", "--outside", "EU",
                "--format", "csv");
        CliRun fromFiles = screen("--production", production.toString(), "--groups", groups.toString(), "--outside", "EU");
        assertThat(fromDb.out()).isEqualTo(fromFiles.out());
    }
}
