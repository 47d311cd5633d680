package org.klaster.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.activity.ActivityRecord;

class ClusterMappingTest {

    private static final double EPS = 1e-12;

    private static ActivityRecord rec(String region, String industry, int year, double employment) {
        return ActivityRecord.of(region, industry, year, employment);
    }

    private static ActivityRecord rec(String region, String industry, int year, double employment,
                                      double establishments) {
        return new ActivityRecord(region, industry, year, employment, establishments, Double.NaN, Double.NaN);
    }

    /**
     * The 3 × 3 example of {@link MappingEnginesTest} as records, with sub-codes that the division
     * rule folds together: X = division 10, Y = 20, Z = 29.
     *   A: 10.1 30 + 10.2 20 = 50,  20.1 30,  29.10 20
     *   B: 10.1 10,  20 60,  29.1 30
     *   C: 10.9 40,  20.5 10,  29.10.1 100 + 29.2 50 = 150
     * establishments per record are listed for the strong-cluster flip (X: A 1, B 5, C 8).
     */
    private static List<ActivityRecord> threeByThree(int year, boolean establishments) {
        double[][] rows = {
            // employment, establishments
            {30, 0.5}, {20, 0.5}, {30, 3}, {20, 2},
            {10, 5}, {60, 9}, {30, 4},
            {40, 8}, {10, 1}, {100, 15}, {50, 5},
        };
        String[][] keys = {
            {"A", "10.1"}, {"A", "10.2"}, {"A", "20.1"}, {"A", "29.10"},
            {"B", "10.1"}, {"B", "20"}, {"B", "29.1"},
            {"C", "10.9"}, {"C", "20.5"}, {"C", "29.10.1"}, {"C", "29.2"},
        };
        List<ActivityRecord> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(establishments ? rec(keys[i][0], keys[i][1], year, rows[i][0], rows[i][1])
                    : rec(keys[i][0], keys[i][1], year, rows[i][0]));
        }
        return out;
    }

    @Test
    void threeByThreeByHand() {
        MappingResult result = ClusterMapping.map(threeByThree(2024, false), CategoryMap.divisions(), null, null);
        assertThat(result.year()).isEqualTo(2024);
        assertThat(result.baseYear()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.rows()).extracting(r -> r.region() + "/" + r.category()).containsExactly(
                "A/10", "A/20", "A/29", "B/10", "B/20", "B/29", "C/10", "C/20", "C/29");

        // employment, share, LQ from the hand table in MappingEnginesTest
        double[][] employment = {{50, 30, 20}, {10, 60, 30}, {40, 10, 150}};
        double[][] share = {{.50, .30, .20}, {.10, .60, .30}, {.20, .05, .75}};
        double[][] lq = {{2.0, 1.2, 0.4}, {0.4, 2.4, 0.6}, {0.8, 0.2, 1.5}};
        int[][] stars = {{3, 0, 0}, {0, 3, 0}, {0, 0, 2}};
        for (int i = 0; i < 9; i++) {
            MappingRow row = result.rows().get(i);
            int r = i / 3;
            int c = i % 3;
            assertThat(row.year()).isEqualTo(2024);
            assertThat(row.employment()).isEqualTo(employment[r][c]);
            assertThat(row.share()).as(row.toString()).isCloseTo(share[r][c], within(EPS));
            assertThat(row.lq()).as(row.toString()).isCloseTo(lq[r][c], within(EPS));
            assertThat(row.stars()).as(row.toString()).isEqualTo(stars[r][c]);
            assertThat(row.stars()).isEqualTo(row.sizeStar() + row.specialisationStar() + row.focusStar());
            assertThat(row.strong()).as(row.toString()).isEqualTo(r == c);
            assertThat(row.shift()).isNull();
        }
        MappingRow cz = result.row("C", "29").orElseThrow();
        assertThat(new int[] {cz.sizeStar(), cz.specialisationStar(), cz.focusStar()}).containsExactly(1, 0, 1);
        assertThat(result.rowsForRegion("B")).extracting(MappingRow::category).containsExactly("10", "20", "29");
        assertThat(result.rowsForCategory("20")).extracting(MappingRow::region).containsExactly("A", "B", "C");
        assertThat(result.row("D", "10")).isEmpty();
    }

    @Test
    void establishmentsFlipStrongVerdict() {
        // all records carry establishments: X: A 0.5 + 0.5 = 1, B 5, C 8 → A ranks 3 of 3 → bottom quartile
        MappingResult with = ClusterMapping.map(threeByThree(2024, true), CategoryMap.divisions(), null, null);
        assertThat(with.warnings()).isEmpty();
        assertThat(with.row("A", "10").orElseThrow().strong()).isFalse();
        assertThat(with.row("B", "20").orElseThrow().strong()).isTrue();  // 9 establishments, rank 1
        assertThat(with.row("C", "29").orElseThrow().strong()).isTrue();  // 15 + 5 = 20, rank 1
        // without establishments A-X is strong
        MappingResult without = ClusterMapping.map(threeByThree(2024, false), CategoryMap.divisions(), null, null);
        assertThat(without.row("A", "10").orElseThrow().strong()).isTrue();
    }

    @Test
    void partlyMissingEstablishmentsAreIgnoredWithAWarning() {
        List<ActivityRecord> activity = new ArrayList<>(threeByThree(2024, true));
        ActivityRecord first = activity.get(0);
        activity.set(0, rec(first.region(), first.industry(), 2024, first.employment())); // NaN establishments
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), 2024, null);
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "establishments are given for only 10 of 11 records in 2024; they are ignored, "
                        + "strong clusters use employment only");
        assertThat(result.row("A", "10").orElseThrow().strong()).isTrue(); // as without establishments
    }

    /*
     * Zero cells and a one-industry region. Categories 10 and 20; T has a 0 record in 20.
     *          10    20  | E_r
     *   P     100    50  | 150
     *   Q     100    30  | 130
     *   S      10    20  |  30
     *   T      40     0  |  40
     *   E_c   250   100  | E = 350
     * Category 20: R_c = 3 (T excluded). LQ = E_rc·350 / (E_r·100):
     *   P 17500/15000 = 7/6   Q 10500/13000 = 21/26   S 7000/3000 = 7/3
     *   LQ ranks S1 P2 Q3; employment ranks P1 Q2 S3; bottom quartile = rank > 3 − ⌈3/4⌉ = 2
     *   → S is not strong (with T counted, R_c = 4 and rank 3 would not be bottom).
     *   S stars: size 0 (rank 3), specialisation 1 (7/3 ≥ 2), focus 1 (share 20/30 is the largest) = 2
     * Category 10: R_c = 4, ⌈4/10⌉ = 1, ⌈4/4⌉ = 1, bottom = rank 4.
     *   T share 40/40 = 1; LQ = 40·350/(40·250) = 1.4 (rank 1); employment P 100 = Q 100 (rank 1, tie),
     *   T 40 rank 3, S 10 rank 4 → T strong; P and Q both get the size star.
     */
    private static List<ActivityRecord> zeroCells() {
        return List.of(
                rec("P", "10", 2024, 100), rec("P", "20", 2024, 50),
                rec("Q", "10", 2024, 100), rec("Q", "20", 2024, 30),
                rec("S", "10", 2024, 10), rec("S", "20", 2024, 20),
                rec("T", "10", 2024, 40), rec("T", "20", 2024, 0));
    }

    @Test
    void zeroCellsAreNotOutputAndNotRanked() {
        MappingResult result = ClusterMapping.map(zeroCells(), CategoryMap.divisions(), 2024, null);
        assertThat(result.rows()).hasSize(7);
        assertThat(result.row("T", "20")).isEmpty();
        assertThat(result.rowsForCategory("20")).extracting(MappingRow::region).containsExactly("P", "Q", "S");
        MappingRow s = result.row("S", "20").orElseThrow();
        assertThat(s.lq()).isCloseTo(7.0 / 3, within(EPS));
        assertThat(s.strong()).isFalse();
        assertThat(new int[] {s.sizeStar(), s.specialisationStar(), s.focusStar(), s.stars()})
                .containsExactly(0, 1, 1, 2);
        assertThat(result.row("P", "20").orElseThrow().lq()).isCloseTo(7.0 / 6, within(EPS));
        assertThat(result.row("Q", "20").orElseThrow().lq()).isCloseTo(21.0 / 26, within(EPS));
        assertThat(result.row("P", "20").orElseThrow().strong()).isFalse(); // LQ rank 2 > ⌈3/4⌉
    }

    @Test
    void regionWithOneIndustryHasShareOne() {
        MappingResult result = ClusterMapping.map(zeroCells(), CategoryMap.divisions(), 2024, null);
        MappingRow t = result.row("T", "10").orElseThrow();
        assertThat(t.share()).isEqualTo(1.0);
        assertThat(t.lq()).isCloseTo(1.4, within(EPS));
        assertThat(t.focusStar()).isEqualTo(1);
        assertThat(t.sizeStar()).isEqualTo(0);
        assertThat(t.strong()).isTrue();
        // tie at the top of category 10: both P and Q have 100 → both rank 1 → both size stars
        assertThat(result.row("P", "10").orElseThrow().sizeStar()).isEqualTo(1);
        assertThat(result.row("Q", "10").orElseThrow().sizeStar()).isEqualTo(1);
        assertThat(result.row("S", "10").orElseThrow().strong()).isFalse();
    }

    @Test
    void shiftShareThroughTheFacade() {
        // the hand case of ShiftShareTest: X = 10, Y = 20, Z = 30; A-Z is absent in both years
        List<ActivityRecord> activity = List.of(
                rec("A", "10", 2019, 100), rec("A", "20", 2019, 50), rec("B", "10", 2019, 50),
                rec("B", "20", 2019, 0),
                rec("A", "10.1", 2024, 60), rec("A", "10.2", 2024, 60), rec("A", "20", 2024, 40),
                rec("B", "10", 2024, 70), rec("B", "20", 2024, 20), rec("B", "30", 2024, 10),
                rec("A", "10", 2021, 999)); // another year: ignored
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), 2024, 2019);
        assertThat(result.baseYear()).isEqualTo(2019);
        assertThat(result.rows()).hasSize(5);
        assertShift(result.row("A", "10").orElseThrow().shift(), 100, 20, 30, -10.0 / 3, -20.0 / 3);
        assertShift(result.row("A", "20").orElseThrow().shift(), 50, -10, 15, -5, -20);
        assertShift(result.row("B", "10").orElseThrow().shift(), 50, 20, 15, -5.0 / 3, 20.0 / 3);
        assertShift(result.row("B", "20").orElseThrow().shift(), 0, 20, 0, 0, 20);
        assertShift(result.row("B", "30").orElseThrow().shift(), 0, 10, 0, 0, 10);
    }

    @Test
    void aCellThatVanishedIsNotOutputButCountsInTheTotals() {
        // t0: A-10 100, B-20 100 (E0 = 200); t1: A-10 150 only (E1 = 150) → g = −0.25, g_10 = 0.5
        List<ActivityRecord> activity = List.of(
                rec("A", "10", 2020, 100), rec("B", "20", 2020, 100), rec("A", "10", 2024, 150));
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), null, 2020);
        assertThat(result.rows()).hasSize(1);
        // national 100·(−0.25) = −25; mix 100·(0.5 + 0.25) = 75; regional 100·(0.5 − 0.5) = 0
        assertShift(result.rows().get(0).shift(), 100, 50, -25, 75, 0);
    }

    @Test
    void categoryMapIsApplied() {
        CategoryMap map = CategoryMap.of(Map.of("29.10", "CARS", "29", "AUTO"), Map.of());
        List<ActivityRecord> activity = List.of(
                rec("A", "29.10.1", 2024, 10), rec("A", "29.10", 2024, 5), rec("A", "29.2", 2024, 7),
                rec("A", "30.1", 2024, 3));
        MappingResult result = ClusterMapping.map(activity, map, null, null);
        assertThat(result.rows()).extracting(MappingRow::category, MappingRow::employment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("30", 3.0),
                        org.assertj.core.groups.Tuple.tuple("AUTO", 7.0),
                        org.assertj.core.groups.Tuple.tuple("CARS", 15.0));
    }

    @Test
    void rowsAreSortedByOrdinalRegionThenCategory() {
        List<ActivityRecord> activity = List.of(
                rec("b", "C", 2024, 1), rec("RU-2", "2", 2024, 1), rec("a", "10", 2024, 1),
                rec("B", "C", 2024, 1), rec("RU-10", "10", 2024, 1), rec("B", "10", 2024, 1),
                rec("B", "2", 2024, 1));
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), null, null);
        // ordinal: uppercase before lowercase, "RU-10" before "RU-2", "10" < "2" < "C"
        assertThat(result.rows()).extracting(r -> r.region() + "/" + r.category()).containsExactly(
                "B/10", "B/2", "B/C", "RU-10/10", "RU-2/2", "a/10", "b/C");
    }

    @Test
    void duplicateRecordsAreSummed() {
        List<ActivityRecord> activity = List.of(
                rec("A", "10.1", 2024, 30), rec("A", "10.1", 2024, 20), rec("B", "10.1", 2024, 50));
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), null, null);
        assertThat(result.row("A", "10").orElseThrow().employment()).isEqualTo(50.0);
        assertThat(result.row("A", "10").orElseThrow().lq()).isEqualTo(1.0);
    }

    @Test
    void yearsAreSortedAndDistinct() {
        List<ActivityRecord> activity = List.of(
                rec("A", "10", 2020, 1), rec("A", "10", 2018, 1), rec("B", "10", 2020, 1), rec("A", "10", 2024, 1));
        assertThat(ClusterMapping.years(activity)).containsExactly(2018, 2020, 2024);
        assertThat(ClusterMapping.years(List.of())).isEmpty();
    }

    @Test
    void latestYearByDefault() {
        List<ActivityRecord> activity = new ArrayList<>(threeByThree(2024, false));
        activity.add(rec("A", "10", 2018, 7));
        activity.add(rec("Z", "99", 2018, 7)); // only in 2018
        MappingResult result = ClusterMapping.map(activity, CategoryMap.divisions(), null, null);
        assertThat(result.year()).isEqualTo(2024);
        assertThat(result.rows()).hasSize(9);
        assertThat(result.rowsForRegion("Z")).isEmpty();
        MappingResult y2018 = ClusterMapping.map(activity, CategoryMap.divisions(), 2018, null);
        assertThat(y2018.rows()).extracting(r -> r.region() + "/" + r.category()).containsExactly("A/10", "Z/99");
    }

    @Test
    void yearNotInTheData() {
        List<ActivityRecord> activity = new ArrayList<>();
        for (int y = 2018; y <= 2024; y++) {
            activity.add(rec("A", "10", y, 1));
        }
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), 2030, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("year 2030 is not in the data (years present: 2018\u20132024)");
        List<ActivityRecord> gaps = List.of(rec("A", "10", 2015, 1), rec("A", "10", 2018, 1),
                rec("A", "10", 2019, 1), rec("A", "10", 2020, 1), rec("A", "10", 2022, 1));
        assertThatThrownBy(() -> ClusterMapping.map(gaps, CategoryMap.divisions(), 2017, null))
                .hasMessage("year 2017 is not in the data (years present: 2015, 2018\u20132020, 2022)");
    }

    @Test
    void baseYearMustBeEarlierAndPresent() {
        List<ActivityRecord> activity = List.of(rec("A", "10", 2018, 1), rec("A", "10", 2024, 1));
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), 2024, 2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base year 2024 must be before the mapped year 2024");
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), 2018, 2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base year 2024 must be before the mapped year 2018");
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), null, 2020))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base year 2020 is not in the data (years present: 2018, 2024)");
        assertThat(ClusterMapping.map(activity, CategoryMap.divisions(), null, 2018).baseYear()).isEqualTo(2018);
    }

    @Test
    void noEmploymentIsAnAnalysisError() {
        List<ActivityRecord> activity = List.of(rec("A", "10", 2024, 0), rec("B", "20", 2024, 0),
                rec("A", "10", 2023, 5));
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), null, null))
                .isInstanceOf(AnalysisException.class).hasMessage("no employment in 2024");
        assertThatThrownBy(() -> ClusterMapping.map(List.of(), CategoryMap.divisions(), null, null))
                .isInstanceOf(AnalysisException.class).hasMessage("no activity records to map");
    }

    /**
     * Issue 10, probe 7: finite records whose sum is not (a dataset stored before imports refused values
     * beyond ±10^18) — a sentence, where every page used to say "cannot rank NaN at index 0".
     */
    @Test
    void employmentThatAddsUpToInfinityIsASentenceNotARankingError() {
        List<ActivityRecord> activity = List.of(rec("A", "10", 2024, 1e308), rec("B", "10", 2024, 1e308),
                rec("A", "20", 2024, 5));
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), 2024, null))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("employment in 2024 adds up beyond the range of numbers the analysis can compute with: the"
                        + " dataset holds values far beyond ±10^18, which imports now refuse; import the data again");
    }

    @Test
    void invalidEmploymentInAUsedYearIsRejected() {
        List<ActivityRecord> activity = List.of(rec("A", "10", 2024, Double.NaN), rec("A", "10", 2020, -1));
        assertThatThrownBy(() -> ClusterMapping.map(activity, CategoryMap.divisions(), 2024, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region A, industry 10, year 2024");
        // the bad 2020 record is not used when mapping 2024 alone, but is with base year 2020
        List<ActivityRecord> ok2024 = List.of(rec("A", "10", 2024, 1), rec("A", "10", 2020, -1));
        assertThat(ClusterMapping.map(ok2024, CategoryMap.divisions(), 2024, null).rows()).hasSize(1);
        assertThatThrownBy(() -> ClusterMapping.map(ok2024, CategoryMap.divisions(), 2024, 2020))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1.0");
    }

    private static void assertShift(ShiftShareRow s, double base, double change, double national, double mix,
                                    double regional) {
        assertThat(s).isNotNull();
        assertThat(s.employmentBase()).isEqualTo(base);
        assertThat(s.change()).isEqualTo(change);
        assertThat(s.nationalEffect()).isCloseTo(national, within(1e-9));
        assertThat(s.industryMix()).isCloseTo(mix, within(1e-9));
        assertThat(s.regionalEffect()).isCloseTo(regional, within(1e-9));
        assertThat(s.nationalEffect() + s.industryMix() + s.regionalEffect()).isCloseTo(change, within(1e-9));
    }
}
