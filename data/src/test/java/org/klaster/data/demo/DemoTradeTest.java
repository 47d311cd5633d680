package org.klaster.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.TradeData;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.DependencyScreen;
import org.klaster.dependency.Production;
import org.klaster.dependency.Thresholds;
import org.klaster.dependency.TradeFlow;

class DemoTradeTest {

    /**
     * SHA-256 of trade.csv + production.csv + groups.csv as written. Changes only with the model: then
     * bump DemoTrade.VERSION and update this value.
     */
    static final String TRADE_SHA256 = "f27e80569db0c36c3ded79518f6fa81818b03bcd464599b585cbebbd62c55620";

    private static final TradeData D = DemoTrade.standard();
    private static final int Y0 = DemoTrade.FIRST_YEAR;
    private static final int Y3 = DemoTrade.LAST_YEAR;

    private static List<DependencyRow> screen(Set<String> excluded) {
        return DependencyScreen.screen(D.flows(), "RUS", D.production(), excluded, Thresholds.DEFAULTS, null, null);
    }

    private static Set<String> friendly() {
        return Set.copyOf(D.groups().get("friendly"));
    }

    private static Map<Integer, DependencyRow> rowsOf(List<DependencyRow> rows, String product) {
        Map<Integer, DependencyRow> m = new HashMap<>();
        for (DependencyRow r : rows) {
            if (r.product().equals(product)) {
                m.put(r.year(), r);
            }
        }
        assertThat(m.keySet()).as(product).containsExactlyInAnyOrder(Y0, Y0 + 1, Y0 + 2, Y3);
        return m;
    }

    /** Years (in order) in which the product is dependent / persistent. */
    private static List<Integer> dependentYears(Map<Integer, DependencyRow> rows) {
        return rows.values().stream().filter(DependencyRow::dependent).map(DependencyRow::year).sorted().toList();
    }

    private static List<Integer> persistentYears(Map<Integer, DependencyRow> rows) {
        return rows.values().stream().filter(DependencyRow::persistent).map(DependencyRow::year).sorted().toList();
    }

    @Test
    void isDeterministicAndPinned(@TempDir Path dir) throws Exception {
        TradeData again = DemoTrade.build();
        assertThat(again.flows()).isEqualTo(D.flows());
        assertThat(again.production()).isEqualTo(D.production());
        assertThat(again.groups()).isEqualTo(D.groups());
        assertThat(DemoTrade.standard()).isSameAs(D);
        assertThat(D.sha256()).isEqualTo(TRADE_SHA256);
        // the digest is that of the written files, in the order trade, production, groups
        long rows = DemoTrade.writeCsv(dir);
        assertThat(rows).isEqualTo(D.flows().size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String f : List.of("trade.csv", "production.csv", "groups.csv")) {
            sha.update(Files.readAllBytes(dir.resolve(f)));
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(D.sha256());
        assertThat(DemoTrade.PROVENANCE).contains("SYNTHETIC", DemoTrade.VERSION);
        assertThat(DemoTrade.PROVENANCE_RU).contains("СИНТЕТИЧЕСКИЕ", DemoTrade.VERSION);
    }

    @Test
    void csvFilesHaveTheFormatsLayout(@TempDir Path dir) throws Exception {
        DemoTrade.writeCsv(dir);
        List<String> trade = Files.readAllLines(dir.resolve("trade.csv"), StandardCharsets.UTF_8);
        assertThat(trade.get(0)).isEqualTo("year,reporter,partner,product,flow,value");
        assertThat(trade).hasSize(D.flows().size() + 1);
        TradeFlow first = D.flows().get(0);
        assertThat(trade.get(1)).isEqualTo(first.year() + "," + first.reporter() + "," + first.partner() + ","
                + first.product() + "," + first.flow().name().toLowerCase() + "," + (long) first.value());
        for (String line : trade.subList(1, trade.size())) {
            assertThat(line).matches("\\d{4},[A-Z]{3},[A-Z]{3},\\d{4},(import|export),[1-9]\\d*");
        }
        List<String> production = Files.readAllLines(dir.resolve("production.csv"), StandardCharsets.UTF_8);
        assertThat(production.get(0)).isEqualTo("year,reporter,product,value");
        assertThat(production).hasSize(D.production().size() + 1);
        List<String> groups = Files.readAllLines(dir.resolve("groups.csv"), StandardCharsets.UTF_8);
        assertThat(groups.get(0)).isEqualTo("group,member");
        assertThat(groups).contains("EU27,DEU", "friendly,CHN", "EAEU,BLR", "unfriendly,USA");
    }

    @Test
    void coversThirtyPartnersFourYearsAndSeveralHundredProducts() {
        Set<String> partners = new TreeSet<>();
        Set<Integer> years = new TreeSet<>();
        Set<String> products = new TreeSet<>();
        Set<String> worldProducts = new TreeSet<>();
        for (TradeFlow f : D.flows()) {
            years.add(f.year());
            products.add(f.product());
            if (f.reporter().equals("RUS")) {
                partners.add(f.partner());
            } else {
                assertThat(f.partner()).isEqualTo("WLD");
                assertThat(f.flow()).isEqualTo(TradeFlow.Flow.EXPORT);
                worldProducts.add(f.product());
            }
        }
        assertThat(partners).hasSizeBetween(28, 35).contains("CHN", "DEU", "BLR", "KAZ", "TUR", "IND", "USA", "JPN",
                "KOR", "ITA", "FRA");
        assertThat(years).containsExactly(2021, 2022, 2023, 2024);
        assertThat(Y3).isEqualTo(DemoEconomy.LAST_YEAR);
        assertThat(products).hasSizeBetween(250, 400).isEqualTo(new TreeSet<>(DemoTrade.products()));
        for (String p : products) {
            assertThat(p).matches("\\d{4}");
            int chapter = Integer.parseInt(p.substring(0, 2));
            assertThat(chapter).as(p).isBetween(1, 97).isNotEqualTo(77);
        }
        assertThat(worldProducts.size()).isBetween(products.size() / 2, products.size() * 9 / 10);
        Set<String> produced = new HashSet<>();
        D.production().forEach(p -> produced.add(p.product()));
        assertThat(produced.size()).isBetween(products.size() / 3, products.size() * 2 / 3);
    }

    @Test
    void valuesArePositiveWholeNumbersAndKeysUnique() {
        Set<String> keys = new HashSet<>();
        for (TradeFlow f : D.flows()) {
            assertThat(f.value()).isPositive().isEqualTo(Math.rint(f.value()));
            assertThat(keys.add(f.year() + "|" + f.reporter() + "|" + f.partner() + "|" + f.product() + "|" + f.flow()))
                    .as("duplicate %s", f).isTrue();
        }
        Set<String> productionKeys = new HashSet<>();
        for (Production p : D.production()) {
            assertThat(p.value()).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(p.value()));
            assertThat(p.reporter()).isEqualTo("RUS");
            assertThat(productionKeys.add(p.year() + "|" + p.product())).isTrue();
        }
    }

    @Test
    void groupsArePlausibleAndDisjointWhereTheyShouldBe() {
        assertThat(D.groups()).containsOnlyKeys("EU27", "EAEU", "friendly", "unfriendly");
        assertThat(D.groups().get("EAEU")).containsExactlyInAnyOrder("BLR", "KAZ", "ARM", "KGZ");
        assertThat(D.groups().get("friendly")).containsAll(D.groups().get("EAEU")).contains("CHN", "IND", "TUR");
        assertThat(D.groups().get("unfriendly")).containsAll(D.groups().get("EU27")).contains("USA", "JPN", "KOR");
        Set<String> both = new HashSet<>(D.groups().get("friendly"));
        both.retainAll(D.groups().get("unfriendly"));
        assertThat(both).isEmpty();
        Set<String> partners = Set.copyOf(DemoTrade.partners());
        D.groups().values().forEach(members -> assertThat(partners).containsAll(members));
    }

    /** The screen gives a healthy mix: about a tenth of products dependent, persistence from the second year. */
    @Test
    void screenYieldsAHealthyMix() {
        for (Set<String> excluded : List.of(Set.<String>of(), friendly())) {
            List<DependencyRow> rows = screen(excluded);
            for (int y = Y0; y <= Y3; y++) {
                int year = y;
                List<DependencyRow> ofYear = rows.stream().filter(r -> r.year() == year).toList();
                long dependent = ofYear.stream().filter(DependencyRow::dependent).count();
                long persistent = ofYear.stream().filter(DependencyRow::persistent).count();
                long inf = ofYear.stream().filter(r -> r.importExportRatio() == Double.POSITIVE_INFINITY).count();
                assertThat(ofYear).hasSize(DemoTrade.products().size());
                assertThat(dependent).as("dependent %d", y).isBetween(15L, 50L);
                if (y == Y0) {
                    assertThat(persistent).as("no history before the first year").isZero();
                } else {
                    assertThat(persistent).as("persistent %d", y).isBetween(15L, 50L);
                }
                assertThat(inf).as("zero exports %d", y).isBetween(40L, 120L);
            }
        }
    }

    @Test
    void rareEarthsAreDependentAndPersistentWithZeroExports() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "2846");
        assertThat(dependentYears(r)).containsExactly(2021, 2022, 2023, 2024);
        assertThat(persistentYears(r)).containsExactly(2022, 2023, 2024);
        DependencyRow last = r.get(Y3);
        assertThat(last.importExportRatio()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(last.exports()).isZero();
        assertThat(last.topPartner()).isEqualTo("CHN");
        // oracle: HHI of the designed shares 0.85, 0.08, 0.04, 0.03 by hand (values rounded to 1 thousand USD)
        assertThat(last.importHhi()).isCloseTo(0.85 * 0.85 + 0.08 * 0.08 + 0.04 * 0.04 + 0.03 * 0.03, within(1e-5));
        assertThat(last.topPartnerShare()).isCloseTo(0.85, within(1e-5));
        // world shares 0.70, 0.08, 0.07, 0.05 ×3 by hand; RUS has no exports
        assertThat(last.worldExportHhi()).isCloseTo(0.49 + 0.0064 + 0.0049 + 3 * 0.0025, within(1e-6));
    }

    @Test
    void chipsAreDependentEveryYearWithReliancePointEight() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "8542");
        assertThat(dependentYears(r)).containsExactly(2021, 2022, 2023, 2024);
        assertThat(persistentYears(r)).containsExactly(2022, 2023, 2024);
        // reliance = I / (0.2 I + 0.25 I + I − 0.2 I) = 0.8; ratio = 1 / 0.2
        r.values().forEach(row -> {
            assertThat(row.importReliance()).isCloseTo(0.8, within(1e-6));
            assertThat(row.importExportRatio()).isCloseTo(5.0, within(1e-5));
        });
        assertThat(r.get(Y0).importHhi()).isCloseTo(0.62 * 0.62 + 0.01 + 2 * 0.0064 + 2 * 0.0036, within(1e-5));
    }

    @Test
    void carsConcentrateOnChinaButWorldSupplyIsDiverse() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "8703");
        assertThat(dependentYears(r)).isEmpty();
        assertThat(r.get(Y3).importHhi()).isGreaterThan(0.4);
        assertThat(r.get(Y3).topPartner()).isEqualTo("CHN");
        assertThat(r.get(Y0).topPartner()).isEqualTo("DEU");
        assertThat(r.get(Y3).worldExportHhi()).isLessThan(0.2);
        assertThat(r.get(Y3).importReliance()).isGreaterThan(0.5);
    }

    @Test
    void bananasHaveZeroExportsAndOneSupplierButAreNotDependent() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "0803");
        assertThat(dependentYears(r)).isEmpty();
        r.values().forEach(row -> {
            assertThat(row.importExportRatio()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(row.importHhi()).isGreaterThan(0.8);
            assertThat(row.worldExportHhi()).isLessThan(0.4);
        });
    }

    @Test
    void citrusIsDependentInOneYearOnly() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "0805");
        assertThat(dependentYears(r)).containsExactly(2022);
        assertThat(persistentYears(r)).isEmpty();
    }

    @Test
    void machiningCentresArePersistentInTheLastYearWithoutBeingDependent() {
        Map<Integer, DependencyRow> r = rowsOf(screen(Set.of()), "8457");
        assertThat(dependentYears(r)).containsExactly(2022, 2023);
        assertThat(persistentYears(r)).containsExactly(2023, 2024);
        assertThat(r.get(Y3).dependent()).isFalse();
    }

    @Test
    void medicalInstrumentsAreDependentOnlyOutsideTheFriendlyGroup() {
        assertThat(dependentYears(rowsOf(screen(Set.of()), "9018"))).isEmpty();
        Map<Integer, DependencyRow> outside = rowsOf(screen(friendly()), "9018");
        assertThat(dependentYears(outside)).containsExactly(2021, 2022, 2023, 2024);
        assertThat(persistentYears(outside)).containsExactly(2022, 2023, 2024);
        // outside friendly: DEU .30, USA .03, JPN .02 of all imports → shares of .35
        double hhi = (0.30 * 0.30 + 0.03 * 0.03 + 0.02 * 0.02) / (0.35 * 0.35);
        assertThat(outside.get(Y3).importHhi()).isCloseTo(hhi, within(1e-5));
        assertThat(outside.get(Y3).topPartner()).isEqualTo("DEU");
    }

    @Test
    void phonesAreDependentOnlyWithTheFriendlyGroupIncluded() {
        Map<Integer, DependencyRow> all = rowsOf(screen(Set.of()), "8517");
        assertThat(dependentYears(all)).containsExactly(2021, 2022, 2023, 2024);
        assertThat(persistentYears(all)).containsExactly(2022, 2023, 2024);
        Map<Integer, DependencyRow> outside = rowsOf(screen(friendly()), "8517");
        assertThat(dependentYears(outside)).isEmpty();
        assertThat(outside.get(Y3).importExportRatio()).isLessThan(1.0);
    }

    @Test
    void eachOtherCriterionDecidesOneProduct() {
        List<DependencyRow> rows = screen(Set.of());
        // crude oil: one supplier, but exports dwarf imports
        rowsOf(rows, "2709").values().forEach(r -> {
            assertThat(r.dependent()).isFalse();
            assertThat(r.importHhi()).isEqualTo(1.0);
            assertThat(r.importExportRatio()).isLessThan(0.01);
        });
        // tyres: concentrated imports, production covers three quarters of consumption
        rowsOf(rows, "4011").values().forEach(r -> {
            assertThat(r.dependent()).isFalse();
            assertThat(r.importHhi()).isGreaterThan(0.4);
            assertThat(r.importReliance()).isCloseTo(0.25, within(1e-6));
        });
        // medicaments: many suppliers
        rowsOf(rows, "3004").values().forEach(r -> {
            assertThat(r.dependent()).isFalse();
            assertThat(r.importHhi()).isLessThan(0.15);
        });
        // wheat: exporter
        rowsOf(rows, "1001").values().forEach(r -> assertThat(r.dependent()).isFalse());
        // platinum: exports only, no import figures
        rowsOf(rows, "7110").values().forEach(r -> {
            assertThat(r.imports()).isZero();
            assertThat(r.importHhi()).isNaN();
            assertThat(r.topPartner()).isNull();
            assertThat(r.dependent()).isFalse();
        });
    }
}
