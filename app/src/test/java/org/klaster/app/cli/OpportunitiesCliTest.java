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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;
import org.klaster.dependency.TradeFlow;

/**
 * {@code klaster opportunities} end to end: a hand-computed case (activity and concordance files,
 * trade and establishments stored in a test database) and structural facts on the synthetic demo.
 */
class OpportunitiesCliTest {

    @TempDir
    static Path dir;
    static Path demoDb;
    static Path handDb;
    static Path activity;
    static Path concordance;
    static Path tradeFile;
    static Path groupsFile;

    /*
     * The 3 × 4 example of core OpportunitiesTest (its javadoc has the derivation): employment 2024
     *            20   26   27   32
     *     R1      0   20   20   60
     *     R2      0   60   40    0
     *     R3     20    0   40   40
     * R1 holds 32 only. Dependent products of 2024 (one supplier, no exports → HHI 1, ratio inf):
     * 2846 → 20; 8541, 8542, 9027 → 26; 8504 → 27 (from KOR; the others from CHN); 9018 → 32;
     * 0803 unlinked. 8703 has three equal suppliers (HHI 1/3): not dependent. 2023: nothing dependent.
     * Ranking of R1 (weights 0.5, 0.25, 0.25): opportunities 27 (0.625), 20 (0.5625), 26 (0.3125);
     * specialised 32 (0.5). Densities 1/3, 1/2, 0, 0.
     */
    static final String ACTIVITY = """
            region,industry,year,employment
            R1,26,2024,20
            R1,27,2024,20
            R1,32,2024,60
            R2,26,2024,60
            R2,27,2024,40
            R3,20,2024,20
            R3,27,2024,40
            R3,32,2024,40
            """;

    static final String CONCORDANCE = """
            product,industry
            28,20
            85,27
            854,26
            90,26.51
            9018,32.50
            87,29
            """;

    static Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @BeforeAll
    static void setUp() throws IOException {
        demoDb = dir.resolve("demo.duckdb");
        ok("demo", "--db", demoDb.toString());
        activity = write("activity.csv", ACTIVITY);
        concordance = write("concordance.csv", CONCORDANCE);
        handDb = dir.resolve("hand.duckdb");
        List<TradeFlow> flows = new ArrayList<>();
        Map<String, Double> dependent = Map.of("2846", 90.0, "8541", 30.0, "8542", 50.0, "9027", 10.0,
                "9018", 70.0, "0803", 5.0);
        dependent.forEach((p, v) -> flows.add(new TradeFlow(2024, "RUS", "CHN", p, TradeFlow.Flow.IMPORT, v)));
        flows.add(new TradeFlow(2024, "RUS", "KOR", "8504", TradeFlow.Flow.IMPORT, 40));
        for (String partner : List.of("DEU", "JPN", "KOR")) {
            flows.add(new TradeFlow(2024, "RUS", partner, "8703", TradeFlow.Flow.IMPORT, 100));
            flows.add(new TradeFlow(2023, "RUS", partner, "8542", TradeFlow.Flow.IMPORT, 10));
        }
        TradeData trade = new TradeData(flows, List.of(), Map.of("friendly", List.of("CHN")), null);
        StringBuilder csv = new StringBuilder("year,reporter,partner,product,flow,value\n");
        for (TradeFlow f : flows) {
            csv.append(f.year()).append(",RUS,").append(f.partner()).append(',').append(f.product()).append(",import,")
                    .append(f.value()).append('\n');
        }
        tradeFile = write("trade.csv", csv.toString());
        groupsFile = write("groups.csv", "group,member\nfriendly,CHN\n");
        try (Store s = Store.open(handDb)) {
            s.saveTrade(Dataset.of("hand-trade", DatasetKind.TRADE, "test", null, flows.size(), null, false, null, null), trade, false);
        }
        // the establishments as a user brings them: a firms file imported with the CLI (R1, R2 are no real regions)
        Path firms = write("hand-firms.csv", """
                firm_id,region,industry,year,employment,lat,lon
                f1,R1,27,2024,15,53.2,50.1
                f2,R1,32,2024,50,53.3,50.2
                f3,R1,26,2024,20,53.4,50.3
                f4,R2,27,2024,99,60.0,30.0
                f5,R1,32,2024,5,53.5,50.4
                """);
        ok("import", "firms", firms.toString(), "--id", "hand-firms", "--other-territories", "--db", handDb.toString());
    }

    static String[] hand(String... more) {
        List<String> given = Arrays.asList(more);
        List<String> args = new ArrayList<>(List.of("opportunities", "--db", handDb.toString(), "--firms-dataset",
                "hand-firms"));
        // defaults unless the test gives its own: every input a file (the database only for --producers)
        for (String[] d : new String[][] {{"--activity", activity.toString()}, {"--concordance", concordance.toString()},
                {"--format", "csv"}}) {
            if (!given.contains(d[0])) args.addAll(List.of(d));
        }
        if (!given.contains("--trade-dataset")) args.addAll(List.of("--trade", tradeFile.toString(), "--groups",
                groupsFile.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theHandCaseRanksAsComputedByHand() {
        CliRun r = ok(hand("--region", "R1"));
        assertThat(r.header()).isEqualTo("status,rank,industry,industry_name,score,density,pci,cog,rca,mcp,employment,"
                + "dependent_products,products,dependent_imports,density_percentile,pci_percentile,cog_percentile,"
                + "related_present");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(m -> m.get("industry")).containsExactly("27", "20", "26", "32");
        assertThat(rows).extracting(m -> m.get("status"))
                .containsExactly("opportunity", "opportunity", "opportunity", "specialised");
        assertThat(rows).extracting(m -> m.get("rank")).containsExactly("1", "2", "3", "1");
        double[] score = {0.625, 0.5625, 0.3125, 0.5};
        double[] density = {1.0 / 3, 0.5, 0, 0};
        double[] rca = {0.6, 0, 0.75, 1.8};
        String[] products = {"8504", "2846", "8541 8542 9027", "9018"};
        double[] imports = {40, 90, 90, 70};
        for (int i = 0; i < 4; i++) {
            Map<String, String> m = rows.get(i);
            assertThat(Double.parseDouble(m.get("score"))).isCloseTo(score[i], within(1e-12));
            assertThat(Double.parseDouble(m.get("density"))).isCloseTo(density[i], within(1e-12));
            assertThat(Double.parseDouble(m.get("rca"))).isCloseTo(rca[i], within(1e-12));
            assertThat(m.get("products")).isEqualTo(products[i]);
            assertThat(Double.parseDouble(m.get("dependent_imports"))).isEqualTo(imports[i]);
        }
        assertThat(rows.get(0).get("related_present")).isEqualTo("32 (φ 0.50)");
        assertThat(rows.get(2).get("related_present")).isEmpty();
        assertThat(rows.get(3).get("mcp")).isEqualTo("1");
        assertThat(rows.get(3).get("cog")).isEqualTo("0");
        assertThat(r.err()).contains("0803 (no code of the concordance is a prefix of it)")
                .contains("6 linked to industries, 1 unlinked").contains("0.5·density").doesNotContain("SYNTHETIC");
    }

    @Test
    void outputAsTheMeasureUsesTheOutputColumn() throws IOException {
        // employment 1 in every listed cell, output = the hand matrix: with --measure output the ranking
        // is the hand one. With employment (E_i = 1, 2, 3, 2; E = 8) R1's LQ in 26 is (1/3)/(2/8) = 4/3:
        // 26 turns specialised, and 27 ((1/3)/(3/8) = 8/9) stays an opportunity
        StringBuilder b = new StringBuilder("region,industry,year,employment,output\n");
        ACTIVITY.lines().skip(1).forEach(l -> {
            String[] f = l.split(",");
            b.append(f[0]).append(',').append(f[1]).append(',').append(f[2]).append(",1,").append(f[3]).append('\n');
        });
        Path file = write("activity-output.csv", b.toString());
        CliRun out = ok(hand("--region", "R1", "--activity", file.toString(), "--measure", "output"));
        assertThat(out.csv()).extracting(m -> m.get("industry")).containsExactly("27", "20", "26", "32");
        assertThat(Double.parseDouble(out.csv().get(0).get("score"))).isCloseTo(0.625, within(1e-12));
        assertThat(out.err()).contains("region × industry output");
        CliRun emp = ok(hand("--region", "R1", "--activity", file.toString()));
        assertThat(emp.csv()).extracting(m -> m.get("industry") + ":" + m.get("status")).containsExactlyInAnyOrder(
                "20:opportunity", "27:opportunity", "26:specialised", "32:specialised");
        assertThat(Double.parseDouble(emp.row("specialised", "1").get("rca")) > 1).isTrue();
        CliRun missing = klaster(hand("--region", "R1", "--measure", "output"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("has no output");
    }

    @Test
    void outIsWrittenOnlyOnSuccess() throws IOException {
        Path good = dir.resolve("out/opps.json");
        Files.createDirectories(good.getParent()); // --out goes into an existing folder (a missing one is a usage error)
        ok(hand("--region", "R1", "--format", "json", "--out", good.toString()));
        JsonNode rows = new ObjectMapper().readTree(Files.readString(good));
        assertThat(rows.get(0).get("industry").asText()).isEqualTo("27");
        assertThat(rows.get(0).get("score").asDouble()).isCloseTo(0.625, within(1e-12));
        Path bad = dir.resolve("out/never.csv");
        assertThat(klaster(hand("--region", "R9", "--out", bad.toString())).code()).isEqualTo(2);
        assertThat(bad).doesNotExist();
    }

    @Test
    void theStoredTradeGivesTheSameAsTheFiles() {
        CliRun files = ok(hand("--region", "R1", "--outside", "friendly"));
        CliRun stored = ok(hand("--region", "R1", "--outside", "friendly", "--trade-dataset", "hand-trade"));
        assertThat(stored.out()).isEqualTo(files.out());
        assertThat(ok(hand("--region", "R1", "--trade-dataset", "hand-trade")).out())
                .isEqualTo(ok(hand("--region", "R1")).out());
        // files only: no database is created
        Path none = dir.resolve("never.duckdb");
        ok("opportunities", "--db", none.toString(), "--activity", activity.toString(), "--trade", tradeFile.toString(),
                "--concordance", concordance.toString(), "--region", "R1");
        assertThat(none).doesNotExist();
    }

    @Test
    void weightsTopAndOutsideChangeWhatIsListed() {
        // density only: 20 (percentile 1), 27 (1/2), 26 (0)
        CliRun d = ok(hand("--region", "R1", "--weights", "1,0,0", "--top", "2"));
        assertThat(d.csv()).extracting(m -> m.get("industry")).containsExactly("20", "27", "32");
        // imports from outside "friendly" (= CHN): only 8504 (from KOR) stays dependent
        CliRun o = ok(hand("--region", "R1", "--outside", "friendly"));
        assertThat(o.csv()).extracting(m -> m.get("industry")).containsExactly("27");
        assertThat(Double.parseDouble(o.csv().get(0).get("score"))).isEqualTo(0.5);
    }

    @Test
    void producersAreTheRegionsEstablishmentsLargestFirst() {
        // opportunities 27 (rank 1, related present 32) and 20 (rank 2, related present 32)
        CliRun r = ok(hand("--region", "R1", "--producers", "--top", "2"));
        assertThat(r.header()).isEqualTo("rank,opportunity,firm_id,industry,via,proximity,employment,lat,lon");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(m -> m.get("opportunity") + ":" + m.get("firm_id"))
                .containsExactly("27:f2", "27:f1", "27:f5", "20:f2", "20:f5");
        assertThat(rows.get(0)).containsEntry("via", "32").containsEntry("proximity", "0.5")
                .containsEntry("employment", "50").containsEntry("lat", "53.3").containsEntry("lon", "50.2");
        assertThat(rows.get(1)).containsEntry("via", "27").containsEntry("proximity", "");
        CliRun one = ok(hand("--region", "R1", "--producers", "--top", "1", "--per-opportunity", "1"));
        assertThat(one.csv()).extracting(m -> m.get("firm_id")).containsExactly("f2");
    }

    @Test
    void nothingDependentIsAnEmptyTableWithANote() {
        CliRun r = ok(hand("--region", "R1", "--trade-year", "2023"));
        assertThat(r.csv()).isEmpty();
        assertThat(r.header()).startsWith("status,rank,industry");
        assertThat(r.err()).contains("no opportunities: no product is dependent in that year");
    }

    @Test
    void unknownRegionGroupOrYearIsExit2ListingWhatExists() throws IOException {
        CliRun r = klaster(hand("--region", "R9"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("region R9").contains("R1, R2, R3");
        CliRun g = klaster(hand("--region", "R1", "--outside", "EU"));
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("group \"EU\" is not defined").contains("friendly");
        CliRun y = klaster(hand("--region", "R1", "--trade-year", "2019"));
        assertThat(y.code()).isEqualTo(2);
        assertThat(y.err()).contains("2019").contains("2023–2024");
        CliRun w = klaster(hand("--region", "R1", "--weights", "1,1"));
        assertThat(w.code()).isEqualTo(2);
        CliRun c = klaster(hand("--region", "R1", "--concordance", write("badconc.csv", "product,industry\n85,27\n85,26\n")
                .toString()));
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).as(c.err()).contains("badconc.csv, line 3, column \"product\"");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void theDemoGivesElectronicsAndMachineToolOpportunitiesForSamara() {
        // 2023: chips (8542) and machining centres (8457) are both dependent in the designed demo trade
        CliRun r = ok("opportunities", "--db", demoDb.toString(), "--region", "RU-SAM", "--trade-year", "2023",
                "--top", "200", "--format", "csv");
        assertThat(r.err()).contains("demo is SYNTHETIC").contains("demo-trade is SYNTHETIC");
        List<Map<String, String>> rows = r.csv();
        Map<String, String> chips = rows.stream().filter(m -> m.get("industry").equals("26")).findFirst().orElseThrow();
        assertThat(chips.get("products").split(" ")).contains("8542");
        Map<String, String> tools = rows.stream().filter(m -> m.get("industry").equals("28.4")).findFirst().orElseThrow();
        assertThat(tools.get("products").split(" ")).contains("8457");
        assertThat(tools.get("industry_name")).isNotEmpty();
        structure(rows);
    }

    @Test
    void theDemoOutsideFriendlyBringsMedicalInstrumentsAndDropsPhones() {
        CliRun r = ok("opportunities", "--db", demoDb.toString(), "--region", "RU-SPE", "--outside", "friendly",
                "--top", "200", "--format", "csv");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).anySatisfy(m -> assertThat(m.get("products").split(" ")).contains("9018"));
        assertThat(rows).noneSatisfy(m -> assertThat(m.get("products").split(" ")).contains("8517"));
        structure(rows);
        CliRun all = ok("opportunities", "--db", demoDb.toString(), "--region", "RU-SPE", "--top", "200", "--format", "csv");
        assertThat(all.csv()).anySatisfy(m -> assertThat(m.get("products").split(" ")).contains("8517"));
    }

    /** Facts any ranking must have, whatever the numbers. */
    static void structure(List<Map<String, String>> rows) {
        assertThat(rows).isNotEmpty();
        boolean specialisedSeen = false;
        int expectedRank = 1;
        Set<String> industries = new java.util.HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (Map<String, String> m : rows) {
            assertThat(industries.add(m.get("industry"))).isTrue();
            boolean specialised = m.get("status").equals("specialised");
            if (specialised && !specialisedSeen) {
                specialisedSeen = true;
                expectedRank = 1;
                previous = Double.POSITIVE_INFINITY;
            }
            assertThat(specialised || !specialisedSeen).as("opportunities before specialised").isTrue();
            assertThat(Integer.parseInt(m.get("rank"))).isEqualTo(expectedRank++);
            double score = Double.parseDouble(m.get("score"));
            assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = score;
            double rca = Double.parseDouble(m.get("rca"));
            assertThat(specialised ? rca >= 1 : rca < 1).as("status agrees with LQ %s", rca).isTrue();
            assertThat(m.get("mcp")).isEqualTo(specialised ? "1" : "0");
            assertThat(Double.parseDouble(m.get("density"))).isBetween(0.0, 1.0);
            assertThat(Integer.parseInt(m.get("dependent_products"))).isEqualTo(m.get("products").split(" ").length);
            assertThat(Double.parseDouble(m.get("dependent_imports"))).isPositive();
        }
    }

    @Test
    void theDemoProducersBelongToTheOpportunityOrARelatedPresentIndustry() throws IOException {
        CliRun ranking = ok("opportunities", "--db", demoDb.toString(), "--region", "RU-SAM", "--top", "3",
                "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(ranking.out());
        assertThat(rows.size()).isGreaterThan(0);
        CliRun r = ok("opportunities", "--db", demoDb.toString(), "--region", "RU-SAM", "--top", "3", "--producers",
                "--per-opportunity", "5", "--format", "csv");
        assertThat(r.err()).contains("demo-firms is SYNTHETIC");
        List<Map<String, String>> firms = r.csv();
        assertThat(firms).isNotEmpty();
        Map<String, Double> lastEmployment = new java.util.HashMap<>();
        for (Map<String, String> f : firms) {
            String opportunity = f.get("opportunity");
            JsonNode row = null;
            for (JsonNode n : rows) {
                if (n.get("industry").asText().equals(opportunity)) row = n;
            }
            assertThat(row).as("opportunity %s is a listed row", opportunity).isNotNull();
            assertThat(row.get("status").asText()).isEqualTo("opportunity");
            String via = f.get("via");
            List<String> relatedVia = Arrays.stream(row.get("related_present").asText().split("; "))
                    .map(x -> x.substring(0, x.indexOf(" (φ"))).toList();
            assertThat(via.equals(opportunity) || relatedVia.contains(via)).as("via %s for %s", via, opportunity).isTrue();
            assertThat(f.get("industry").equals(via) || f.get("industry").startsWith(via + ".")).isTrue();
            double e = Double.parseDouble(f.get("employment"));
            assertThat(e).isLessThanOrEqualTo(lastEmployment.getOrDefault(opportunity, Double.POSITIVE_INFINITY));
            lastEmployment.put(opportunity, e);
            assertThat(Double.parseDouble(f.get("lat"))).isBetween(40.0, 70.0);
        }
        assertThat(firms.stream().filter(f -> f.get("opportunity").equals(firms.get(0).get("opportunity"))).count())
                .isLessThanOrEqualTo(5);
    }

    @Test
    void unknownDemoRegionListsTheRegions() {
        CliRun r = klaster("opportunities", "--db", demoDb.toString(), "--region", "RU-XXX");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("region RU-XXX").contains("RU-SAM");
        assertThat(r.out()).isEmpty();
    }
}
