package org.klaster.data.demo;

import org.klaster.activity.ActivityRecord;
import org.klaster.data.reference.DemoCategories;
import org.klaster.data.reference.Region;
import org.klaster.data.reference.Regions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoEconomyTest {

    /**
     * SHA-256 of every activity record (codes as UTF-8, numbers as IEEE bits, so no dependence on
     * Double.toString). Changes only with the model: then bump DemoEconomy.VERSION and update this value.
     */
    static final String ACTIVITY_SHA256 = "da1728af2f6b5ea59c3a8304888a1afac7e652904fc04b8fa3a00ff8b23616a3";

    private static final DemoEconomy DEMO = DemoEconomy.standard();

    /** Category membership written out by hand, independent of the category map (checked against it below). */
    private static final Set<String> AUTOMOTIVE = Set.of("29", "30.4", "30.9");
    private static final Set<String> OIL_GAS = Set.of("06", "09", "19");
    private static final Set<String> COAL = Set.of("05");
    private static final Set<String> SHIPBUILDING = Set.of("30.1");
    private static final Set<String> AEROSPACE = Set.of("30.3");
    private static final Set<String> METALS = Set.of("24");
    private static final Set<String> AGRO_FOOD = Set.of("01", "03", "10", "75");
    private static final Set<String> ICT = Set.of("61", "62", "63");
    private static final Set<String> WOOD_PULP = Set.of("02", "16", "17", "18", "31");

    static String checksum(List<ActivityRecord> records) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * 8);
        for (ActivityRecord a : records) {
            sha.update(a.region().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(a.industry().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            buf.clear();
            buf.putInt(a.year()).putDouble(a.employment()).putDouble(a.establishments())
                    .putDouble(a.wages()).putDouble(a.output());
            sha.update(buf.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void activityIsDeterministic() throws Exception {
        List<ActivityRecord> again = new DemoEconomy().activity();
        assertThat(again).isEqualTo(DEMO.activity());
        assertThat(DEMO.activity()).isSameAs(DEMO.activity());
        assertThat(checksum(DEMO.activity())).isEqualTo(ACTIVITY_SHA256);
    }

    @Test
    void provenanceSaysSyntheticWithVersionAndSeed() {
        assertThat(DemoEconomy.PROVENANCE).contains("SYNTHETIC", DemoEconomy.VERSION, Long.toString(DemoEconomy.SEED))
                .contains("not real statistics");
        assertThat(DemoEconomy.PROVENANCE_RU).contains("СИНТЕТИЧЕСКИЕ", DemoEconomy.VERSION);
        assertThat(DemoEconomy.VERSION).isEqualTo("demo-2");
    }

    @Test
    void industriesAreTheDivisionsWith28And30SplitIntoGroups() {
        List<String> industries = DEMO.industries();
        assertThat(industries).hasSize(96).doesNotHaveDuplicates().doesNotContain("28", "30")
                .contains("28.1", "28.2", "28.3", "28.4", "28.9", "30.1", "30.2", "30.3", "30.4", "30.9", "01", "99");
        // the hand-written sets above agree with the category map
        Map<String, String> cat = DEMO.industryCategories();
        assertThat(codesOf(cat, "automotive")).isEqualTo(AUTOMOTIVE);
        assertThat(codesOf(cat, "oil_gas")).isEqualTo(OIL_GAS);
        assertThat(codesOf(cat, "coal")).isEqualTo(COAL);
        assertThat(codesOf(cat, "shipbuilding")).isEqualTo(SHIPBUILDING);
        assertThat(codesOf(cat, "aerospace")).isEqualTo(AEROSPACE);
        assertThat(codesOf(cat, "metals")).isEqualTo(METALS);
        assertThat(codesOf(cat, "agro_food")).isEqualTo(AGRO_FOOD);
        assertThat(codesOf(cat, "ict")).isEqualTo(ICT);
        assertThat(cat.values()).allSatisfy(c -> assertThat(DemoCategories.byId(c)).isPresent());
    }

    @Test
    void recordsCoverAllRegionsAndYearsWithConsistentValues() {
        Set<String> regions = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (ActivityRecord a : DEMO.activity()) {
            regions.add(a.region());
            years.add(a.year());
            assertThat(keys.add(a.region() + "|" + a.industry() + "|" + a.year())).as("duplicate key").isTrue();
            assertThat(a.employment()).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(a.employment()));
            assertThat(a.establishments()).isBetween(1.0, a.employment()).isEqualTo(Math.rint(a.establishments()));
            assertThat(a.wages()).isPositive();
            assertThat(a.output()).isGreaterThanOrEqualTo(0);
        }
        assertThat(regions).hasSize(83);
        assertThat(years).containsExactlyInAnyOrder(2018, 2019, 2020, 2021, 2022, 2023, 2024);
        assertThat(DEMO.activity(2024)).allSatisfy(a -> assertThat(a.year()).isEqualTo(2024));
        assertThat(DEMO.activity(2017)).isEmpty();
        assertThat(DEMO.employment("RU-SAM", "29", 2024)).isPositive();
        assertThat(DEMO.employment("RU-SAM", "zz", 2024)).isZero();
    }

    @Test
    void nationalTotalsArePlausible() {
        for (int year = 2018; year <= 2024; year++) {
            double total = 0;
            for (ActivityRecord a : DEMO.activity(year)) {
                total += a.employment();
            }
            assertThat(total).as("employment %d", year).isBetween(65e6, 75e6);
            assertThat((double) DEMO.employmentTotal(year)).isEqualTo(total);
        }
        assertThat(DEMO.establishmentsTotal(2024)).isBetween(1_150_000L, 1_250_000L);
        // mean annual wage, thousand RUB: roughly 0.5 M in 2018, about doubling by 2024
        assertThat(meanWage(2018)).isCloseTo(520, within(5.0));
        assertThat(meanWage(2024)).isBetween(950.0, 1150.0);
    }

    @Test
    void knownSpecialisationsShowInLocationQuotients() {
        Map<String, Map<String, Double>> byRegion = employmentBy(2024);
        assertThat(lq(byRegion, "RU-SAM", AUTOMOTIVE)).as("automotive LQ Samara").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-TA", AUTOMOTIVE)).as("automotive LQ Tatarstan").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-KLU", AUTOMOTIVE)).as("automotive LQ Kaluga").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-KHM", OIL_GAS)).as("oil & gas LQ Khanty-Mansi").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-YAN", OIL_GAS)).as("oil & gas LQ Yamal-Nenets").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-KEM", COAL)).as("coal LQ Kemerovo").isGreaterThan(10);
        assertThat(lq(byRegion, "RU-ARK", SHIPBUILDING)).as("shipbuilding LQ Arkhangelsk").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-SPE", SHIPBUILDING)).as("shipbuilding LQ St Petersburg").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-ULY", AEROSPACE)).as("aerospace LQ Ulyanovsk").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-SAM", AEROSPACE)).as("aerospace LQ Samara").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-CHE", METALS)).as("metals LQ Chelyabinsk").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-LIP", METALS)).as("metals LQ Lipetsk").isGreaterThan(3);
        assertThat(lq(byRegion, "RU-BEL", AGRO_FOOD)).as("agro-food LQ Belgorod").isGreaterThan(1.3);
        assertThat(lq(byRegion, "RU-KDA", AGRO_FOOD)).as("agro-food LQ Krasnodar").isGreaterThan(1.3);
        assertThat(lq(byRegion, "RU-MOW", ICT)).as("ICT LQ Moscow").isGreaterThan(1.5);
        assertThat(lq(byRegion, "RU-KR", WOOD_PULP)).as("wood & paper LQ Karelia").isGreaterThan(2);
        assertThat(lq(byRegion, "RU-MOW", AGRO_FOOD)).as("agro-food LQ Moscow").isLessThan(0.5);
    }

    @Test
    void trendsFollowTheStory() {
        assertThat(national(2024, Set.of("62", "63"))).isGreaterThan(national(2018, Set.of("62", "63")) * 1.25);
        assertThat(national(2022, AUTOMOTIVE)).isLessThan(national(2021, AUTOMOTIVE) * 0.9);
        assertThat(national(2024, Set.of("30.4"))).isGreaterThan(national(2021, Set.of("30.4")) * 1.3);
        assertThat(national(2020, Set.of("55", "56"))).isLessThan(national(2019, Set.of("55", "56")) * 0.9);
        assertThat(national(2024, Set.of("01"))).isLessThan(national(2018, Set.of("01")));
    }

    @Test
    void wagesAreHigherInMoscowAndTheOilNorth() {
        double national = meanWage(2024);
        assertThat(regionMeanWage("RU-MOW", 2024)).isGreaterThan(national * 1.3);
        assertThat(regionMeanWage("RU-YAN", 2024)).isGreaterThan(national * 1.5);
        assertThat(regionMeanWage("RU-KHM", 2024)).isGreaterThan(national * 1.3);
        assertThat(regionMeanWage("RU-DA", 2024)).isLessThan(national * 0.8);
    }

    // ------------------------------------------------------------------ helpers (hand-rolled aggregation)

    private static Set<String> codesOf(Map<String, String> categories, String category) {
        Set<String> out = new HashSet<>();
        categories.forEach((code, c) -> {
            if (c.equals(category)) {
                out.add(code);
            }
        });
        return out;
    }

    private static Map<String, Map<String, Double>> employmentBy(int year) {
        Map<String, Map<String, Double>> m = new HashMap<>();
        for (ActivityRecord a : DEMO.activity(year)) {
            m.computeIfAbsent(a.region(), k -> new HashMap<>()).merge(a.industry(), a.employment(), Double::sum);
        }
        return m;
    }

    private static double lq(Map<String, Map<String, Double>> byRegion, String region, Set<String> industries) {
        double erc = 0;
        double er = 0;
        double ec = 0;
        double e = 0;
        for (Map.Entry<String, Map<String, Double>> r : byRegion.entrySet()) {
            for (Map.Entry<String, Double> cell : r.getValue().entrySet()) {
                boolean inC = industries.contains(cell.getKey());
                e += cell.getValue();
                if (inC) {
                    ec += cell.getValue();
                }
                if (r.getKey().equals(region)) {
                    er += cell.getValue();
                    if (inC) {
                        erc += cell.getValue();
                    }
                }
            }
        }
        return (erc / er) / (ec / e);
    }

    private static double national(int year, Set<String> industries) {
        double s = 0;
        for (ActivityRecord a : DEMO.activity(year)) {
            if (industries.contains(a.industry())) {
                s += a.employment();
            }
        }
        return s;
    }

    private static double meanWage(int year) {
        double bill = 0;
        double emp = 0;
        for (ActivityRecord a : DEMO.activity(year)) {
            bill += a.wages();
            emp += a.employment();
        }
        return bill / emp;
    }

    private static double regionMeanWage(String region, int year) {
        double bill = 0;
        double emp = 0;
        for (ActivityRecord a : DEMO.activity(year)) {
            if (a.region().equals(region)) {
                bill += a.wages();
                emp += a.employment();
            }
        }
        return bill / emp;
    }

    @Test
    void everyRegionHasWorkInMostIndustries() {
        for (Region r : Regions.all()) {
            long industries = DEMO.activity(2024).stream().filter(a -> a.region().equals(r.iso())).count();
            assertThat(industries).as("industries present in %s", r.iso()).isGreaterThan(50);
        }
    }
}
