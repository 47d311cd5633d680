package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.activity.ActivityRecord;
import org.klaster.dependency.DependencyRow;
import org.klaster.mapping.CategoryMap;

/**
 * Import-substitution opportunities of a 3-region × 4-industry example computed by hand.
 *
 * <pre>
 *   employment   20   26   27   32 | E_r        RCA (E = 300; E_i = 20, 80, 100, 100)
 *       R1        0   20   20   60 | 100        0     0.75  0.6   1.8
 *       R2        0   60   40    0 | 100        0     2.25  1.2   0
 *       R3       20    0   40   40 | 100        3     0     1.2   1.2
 * </pre>
 * M: R1 = {32}, R2 = {26, 27}, R3 = {20, 27, 32}; diversity 1, 2, 3; ubiquity 1, 1, 2, 2.
 *
 * <p><b>PCI.</b> M̃_p = D_p⁻¹·Mᵀ·D_c⁻¹·M has rows 20: (1/3, 0, 1/3, 1/3); 26: (0, 1/2, 1/2, 0);
 * 27: (1/6, 1/4, 5/12, 1/6); 32: (1/6, 0, 1/6, 2/3); eigenvalues 1, 2/3, 1/4, 0. For 2/3: row 26 gives
 * v26 = 3·v27, row 32 gives v20 = −v27, row 20 gives v20 = v27 + v32 → v = (−1, 3, 1, −2) (row 27
 * checks: −1/6 + 3/4 − 1/4 − 1/3 = 0). Raw PCI = v/√15; raw ECI = D_c⁻¹·M·raw PCI =
 * (−2, 2, −2/3)/√15, which rises with diversity (cov ∝ (−1)(−16/9) + (1)(−4/9) &gt; 0), so no flip.
 * Long table (4 rows per region): mean = −(2/9)/√15, sd² = 4·Σ(e − mean)²/11.
 *
 * <p><b>Proximity</b> (co-occurrence / max ubiquity): φ(20,27) = φ(20,32) = φ(27,32) = φ(26,27) = 1/2,
 * φ(20,26) = φ(26,32) = 0; column sums s = 1, 1/2, 3/2, 1.
 * <b>Density of R1</b> (holds 32 only): 20: φ(32,20)/1 = 1/2; 26: 0/(1/2) = 0; 27: (1/2)/(3/2) = 1/3.
 * <b>COG of R1</b> (sum over absent 20, 26, 27 of φ/s·raw PCI, divided by sd): 20: (1/2)/(3/2)·1 = 1/3;
 * 26: 1/3 as well; 27: (1/2)/1·(−1) + (1/2)/(1/2)·3 = 5/2 (all × 1/√15 / sd); 32: 0 (M = 1).
 *
 * <p><b>Dependent products of 2024 → industry</b> (longest prefix; then activity hierarchy):
 * 2846 → "28" → 20; 8541, 8542 → "854" (overrides "85") → 26; 9027 → "90" → 26.51 → 26;
 * 8504 → "85" → 27; 9018 → "9018" (overrides "90") → 32.50 → 32; 0803 unlinked (no prefix);
 * 3004 → "30" → 21, not an activity industry: unlinked; 8703 is dependent only in 2023: ignored.
 *
 * <p><b>Ranking R1</b> (opportunities 20, 26, 27; weights 0.5, 0.25, 0.25), mid-rank percentiles:
 * density 1/2, 0, 1/3 → 1, 0, 1/2; PCI −1, 3, 1 → 0, 1, 1/2; COG 1/3, 1/3, 5/2 → 1/4, 1/4, 1.
 * Scores: 20: 0.5 + 0 + 0.0625 = 0.5625; 26: 0 + 0.25 + 0.0625 = 0.3125; 27: 0.25 + 0.125 + 0.25 =
 * 0.625 → 27, 20, 26 (density alone would put 20 first). Specialised: 32 alone, all percentiles 1/2,
 * score 0.5, rank 1. Related present (M = 1 in R1 = {32}, φ &gt; 0): 20 → 32 (1/2), 27 → 32 (1/2),
 * 26 → none.
 */
class OpportunitiesTest {

    static final List<ActivityRecord> ACTIVITY = List.of(
            ActivityRecord.of("R1", "26", 2024, 20), ActivityRecord.of("R1", "27", 2024, 20),
            ActivityRecord.of("R1", "32", 2024, 60),
            ActivityRecord.of("R2", "26", 2024, 60), ActivityRecord.of("R2", "27", 2024, 40),
            ActivityRecord.of("R3", "20", 2024, 20), ActivityRecord.of("R3", "27", 2024, 40),
            ActivityRecord.of("R3", "32", 2024, 40),
            ActivityRecord.of("R1", "32", 2023, 999));   // another year: ignored

    static final CategoryMap CONCORDANCE = CategoryMap.of(Map.of("28", "20", "85", "27", "854", "26",
            "90", "26.51", "9018", "32.50", "30", "21", "87", "29"), Map.of());

    static final List<DependencyRow> DEPENDENCY = List.of(
            dep("2846", 2024, 90, true), dep("8541", 2024, 30, true), dep("8542", 2024, 50, true),
            dep("9027", 2024, 10, true), dep("8504", 2024, 40, true), dep("9018", 2024, 70, true),
            dep("0803", 2024, 5, true), dep("3004", 2024, 6, true),
            dep("8703", 2024, 500, false), dep("8703", 2023, 400, true), dep("2846", 2023, 80, true));

    static final double S15 = Math.sqrt(15);
    static final double[] ECI_RAW = {-2 / S15, 2 / S15, -2.0 / 3 / S15};
    static final double MEAN = (-2.0 / 9) / S15;
    static final double SD = sd();

    static double sd() {
        double ss = 0;
        for (double e : ECI_RAW) {
            ss += 4 * (e - MEAN) * (e - MEAN);
        }
        return Math.sqrt(ss / 11);
    }

    static double pci(double v) {
        return (v / S15 - MEAN) / SD;
    }

    static DependencyRow dep(String product, int year, double imports, boolean dependent) {
        return new DependencyRow(product, year, imports, 0, 0.9, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN,
                dependent, false, "CHN", 0.9);
    }

    static Opportunities.Result handExample(List<ActivityRecord> activity, List<DependencyRow> dependency) {
        RegionalRelatedness rel = RegionalRelatedness.of(activity, 2024, 1.0);
        return Opportunities.rank(rel, Opportunities.industryComplexity(rel), dependency, null, CONCORDANCE, "R1",
                Opportunities.Weights.DEFAULTS, 3);
    }

    @Test
    void everyNumberOfTheHandExample() {
        Opportunities.Result r = handExample(ACTIVITY, DEPENDENCY);
        assertThat(r.region()).isEqualTo("R1");
        assertThat(r.year()).isEqualTo(2024);
        assertThat(r.dependencyYear()).isEqualTo(2024);
        assertThat(r.rows()).extracting(Opportunities.Row::industry).containsExactly("27", "20", "26", "32");
        assertThat(r.rows()).extracting(Opportunities.Row::rank).containsExactly(1, 2, 3, 1);
        assertThat(r.rows()).extracting(Opportunities.Row::status).containsExactly(Opportunities.Status.OPPORTUNITY,
                Opportunities.Status.OPPORTUNITY, Opportunities.Status.OPPORTUNITY, Opportunities.Status.SPECIALISED);

        double e = 1e-12;
        Opportunities.Row i27 = r.row("27");
        assertThat(i27.dependentProducts()).containsExactly("8504");
        assertThat(i27.dependentImports()).isEqualTo(40);
        assertThat(i27.employment()).isEqualTo(20);
        assertThat(i27.rca()).isCloseTo(0.6, within(e));
        assertThat(i27.mcp()).isZero();
        assertThat(i27.density()).isCloseTo(1.0 / 3, within(e));
        assertThat(i27.pci()).isCloseTo(pci(1), within(1e-9));
        assertThat(i27.cog()).isCloseTo(2.5 / S15 / SD, within(1e-9));
        assertThat(i27.densityPercentile()).isEqualTo(0.5);
        assertThat(i27.pciPercentile()).isEqualTo(0.5);
        assertThat(i27.cogPercentile()).isEqualTo(1.0);
        assertThat(i27.score()).isCloseTo(0.625, within(e));
        assertThat(i27.relatedPresent()).containsExactly(new Opportunities.Related("32", 0.5, 1.8));

        Opportunities.Row i20 = r.row("20");
        assertThat(i20.dependentProducts()).containsExactly("2846");
        assertThat(i20.dependentImports()).isEqualTo(90);
        assertThat(i20.employment()).isZero();
        assertThat(i20.rca()).isZero();
        assertThat(i20.density()).isCloseTo(0.5, within(e));
        assertThat(i20.pci()).isCloseTo(pci(-1), within(1e-9));
        assertThat(i20.cog()).isCloseTo(1.0 / 3 / S15 / SD, within(1e-9));
        assertThat(i20.densityPercentile()).isEqualTo(1.0);
        assertThat(i20.pciPercentile()).isEqualTo(0.0);
        assertThat(i20.cogPercentile()).isEqualTo(0.25);
        assertThat(i20.score()).isCloseTo(0.5625, within(e));
        assertThat(i20.relatedPresent()).hasSize(1);
        assertThat(i20.relatedPresent().get(0).industry()).isEqualTo("32");
        assertThat(i20.relatedPresent().get(0).proximity()).isEqualTo(0.5);
        assertThat(i20.relatedPresent().get(0).rca()).isCloseTo(1.8, within(e));

        Opportunities.Row i26 = r.row("26");
        assertThat(i26.dependentProducts()).containsExactly("8541", "8542", "9027");
        assertThat(i26.dependentImports()).isEqualTo(90);
        assertThat(i26.employment()).isEqualTo(20);
        assertThat(i26.rca()).isCloseTo(0.75, within(e));
        assertThat(i26.density()).isCloseTo(0.0, within(e));
        assertThat(i26.pci()).isCloseTo(pci(3), within(1e-9));
        assertThat(i26.cog()).isCloseTo(1.0 / 3 / S15 / SD, within(1e-9));
        assertThat(i26.densityPercentile()).isEqualTo(0.0);
        assertThat(i26.pciPercentile()).isEqualTo(1.0);
        assertThat(i26.cogPercentile()).isEqualTo(0.25);
        assertThat(i26.score()).isCloseTo(0.3125, within(e));
        assertThat(i26.relatedPresent()).isEmpty();

        Opportunities.Row i32 = r.row("32");
        assertThat(i32.dependentProducts()).containsExactly("9018");
        assertThat(i32.dependentImports()).isEqualTo(70);
        assertThat(i32.employment()).isEqualTo(60);
        assertThat(i32.rca()).isCloseTo(1.8, within(e));
        assertThat(i32.mcp()).isOne();
        assertThat(i32.density()).isCloseTo(0.0, within(e));
        assertThat(i32.pci()).isCloseTo(pci(-2), within(1e-9));
        assertThat(i32.cog()).isEqualTo(0.0);
        assertThat(i32.densityPercentile()).isEqualTo(0.5);
        assertThat(i32.score()).isEqualTo(0.5);
        assertThat(i32.relatedPresent()).isEmpty();

        assertThat(r.productIndustry()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("2846", "20",
                "8504", "27", "8541", "26", "8542", "26", "9018", "32", "9027", "26")));
        assertThat(r.unlinked()).containsOnlyKeys("0803", "3004");
        assertThat(r.unlinked().get("3004").toString()).contains("21");
    }

    @Test
    void theStandardisationOfTheHandExampleIsTheEngines() {
        // the hand PCI rests on the engine's conventions (sign, long-table sd): check them directly
        ComplexityResult cx = Opportunities.industryComplexity(RegionalRelatedness.of(ACTIVITY, 2024, 1.0));
        assertThat(cx.secondEigenvalue()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cx.eciRaw()).containsExactly(ECI_RAW, within(1e-12));
        assertThat(cx.eciSd()).isCloseTo(SD, within(1e-12));
    }

    @Test
    void otherWeightsChangeTheOrderAsComputed() {
        RegionalRelatedness rel = RegionalRelatedness.of(ACTIVITY, 2024, 1.0);
        // density only: 20 (1), 27 (1/2), 26 (0)
        Opportunities.Result d = Opportunities.rank(rel, Opportunities.industryComplexity(rel), DEPENDENCY, null,
                CONCORDANCE, "R1", new Opportunities.Weights(1, 0, 0), 3);
        assertThat(d.rows()).extracting(Opportunities.Row::industry).containsExactly("20", "27", "26", "32");
        assertThat(d.row("27").score()).isEqualTo(0.5);
        // PCI only: 26 (1), 27 (1/2), 20 (0)
        Opportunities.Result p = Opportunities.rank(rel, Opportunities.industryComplexity(rel), DEPENDENCY, null,
                CONCORDANCE, "R1", new Opportunities.Weights(0, 2, 0), 3);
        assertThat(p.rows()).extracting(Opportunities.Row::industry).containsExactly("26", "27", "20", "32");
    }

    @Test
    void withoutComplexityOnlyDensityRanks() {
        RegionalRelatedness rel = RegionalRelatedness.of(ACTIVITY, 2024, 1.0);
        Opportunities.Result r = Opportunities.rank(rel, null, DEPENDENCY, null, CONCORDANCE, "R1",
                Opportunities.Weights.DEFAULTS, 3);
        assertThat(r.rows()).extracting(Opportunities.Row::industry).containsExactly("20", "27", "26", "32");
        assertThat(r.row("20").pci()).isNaN();
        assertThat(r.row("20").pciPercentile()).isNaN();
        // the weights of the undefined factors drop out: score = density percentile
        assertThat(r.row("20").score()).isEqualTo(1.0);
        assertThat(r.row("27").score()).isEqualTo(0.5);
        assertThat(r.row("26").score()).isEqualTo(0.0);
    }

    @Test
    void anEarlierYearUsesThatYearsDependentProducts() {
        RegionalRelatedness rel = RegionalRelatedness.of(ACTIVITY, 2024, 1.0);
        Opportunities.Result r = Opportunities.rank(rel, Opportunities.industryComplexity(rel), DEPENDENCY, 2023,
                CONCORDANCE, "R1", Opportunities.Weights.DEFAULTS, 3);
        // 2023: 2846 → 20 and 8703 → "87" → 29 (not an activity industry)
        assertThat(r.rows()).extracting(Opportunities.Row::industry).containsExactly("20");
        assertThat(r.row("20").dependentImports()).isEqualTo(80);
        assertThat(r.row("20").score()).isEqualTo(0.5);   // alone in its group: every percentile 1/2
        assertThat(r.unlinked()).containsOnlyKeys("8703");
        assertThatThrownBy(() -> Opportunities.rank(rel, null, DEPENDENCY, 2019, CONCORDANCE, "R1",
                Opportunities.Weights.DEFAULTS, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2019").hasMessageContaining("[2023, 2024]");
    }

    @Test
    void noDependentProductsGiveNoRows() {
        RegionalRelatedness rel = RegionalRelatedness.of(ACTIVITY, 2024, 1.0);
        Opportunities.Result r = Opportunities.rank(rel, null, List.of(dep("2846", 2024, 1, false)), null,
                CONCORDANCE, "R1", Opportunities.Weights.DEFAULTS, 3);
        assertThat(r.rows()).isEmpty();
        assertThat(r.dependencyYear()).isEqualTo(2024);
        Opportunities.Result none = Opportunities.rank(rel, null, List.of(), null, CONCORDANCE, "R1",
                Opportunities.Weights.DEFAULTS, 3);
        assertThat(none.rows()).isEmpty();
        assertThat(none.dependencyYear()).isNull();
    }

    @Test
    void badArgumentsAreNamed() {
        RegionalRelatedness rel = RegionalRelatedness.of(ACTIVITY, 2024, 1.0);
        assertThatThrownBy(() -> Opportunities.rank(rel, null, DEPENDENCY, null, CONCORDANCE, "R9",
                Opportunities.Weights.DEFAULTS, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R9").hasMessageContaining("R1, R2, R3");
        assertThatThrownBy(() -> new Opportunities.Weights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Opportunities.Weights(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Opportunities.Weights(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileRanksAndScoreByHand() {
        // values 5, 1, 5, NaN, 3: n = 4 defined; 1 → 0; 3 → 1/3; the two 5s → (2 + 1/2)/3 = 5/6
        double[] pr = Opportunities.percentileRanks(new double[] {5, 1, 5, Double.NaN, 3});
        assertThat(pr[0]).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(pr[1]).isEqualTo(0.0);
        assertThat(pr[2]).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(pr[3]).isNaN();
        assertThat(pr[4]).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Opportunities.percentileRanks(new double[] {7})).containsExactly(0.5);
        assertThat(Opportunities.percentileRanks(new double[] {2, 2, 2})).containsExactly(0.5, 0.5, 0.5);
        Opportunities.Weights w = new Opportunities.Weights(2, 1, 1);
        assertThat(Opportunities.score(w, 1, 0, 0.5)).isCloseTo((2 + 0 + 0.5) / 4, within(1e-15));
        assertThat(Opportunities.score(w, 1, Double.NaN, 0.5)).isCloseTo((2 + 0.5) / 3, within(1e-15));
        assertThat(Opportunities.score(w, Double.NaN, Double.NaN, Double.NaN)).isNaN();
        assertThat(Opportunities.score(new Opportunities.Weights(0, 1, 0), 1, Double.NaN, 1)).isNaN();
    }

    @Test
    void concordanceLookupAndHierarchy() {
        assertThat(Opportunities.industryOf(CONCORDANCE, "854231")).isEqualTo("26");
        assertThat(Opportunities.industryOf(CONCORDANCE, "8517")).isEqualTo("27");
        assertThat(Opportunities.industryOf(CONCORDANCE, "0803")).isNull();
        assertThat(Opportunities.resolve("26.51", List.of("26", "26.5", "27"))).isEqualTo("26.5");
        assertThat(Opportunities.resolve("26", List.of("26.1", "26.2"))).isNull();
        assertThat(Opportunities.resolve("261", List.of("26"))).isNull();   // a string prefix is not a parent
        assertThat(Opportunities.within("28.41", "28.4")).isTrue();
        assertThat(Opportunities.within("28.41", "28.41")).isTrue();
        assertThat(Opportunities.within("28.41", "28.1")).isFalse();
    }

    @Test
    void scoresStayInTheUnitIntervalAndTheRankingIgnoresInputOrder() {
        Random rnd = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            List<ActivityRecord> activity = new ArrayList<>();
            List<String> industries = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                industries.add(String.valueOf(10 + i));
            }
            for (int c = 0; c < 7; c++) {
                for (String ind : industries) {
                    if (rnd.nextDouble() < 0.75) {
                        activity.add(ActivityRecord.of("R" + c, ind, 2024, 1 + rnd.nextInt(500)));
                    }
                }
            }
            Map<String, String> conc = new LinkedHashMap<>();
            List<DependencyRow> dependency = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                String product = String.format("%04d", 1000 + k);
                conc.put(product, industries.get(rnd.nextInt(industries.size())));
                dependency.add(dep(product, 2024, rnd.nextInt(100), rnd.nextBoolean()));
            }
            CategoryMap concordance = CategoryMap.of(conc, Map.of());
            RegionalRelatedness rel = RegionalRelatedness.of(activity, 2024, 1.0);
            ComplexityResult cx;
            try {
                cx = Opportunities.industryComplexity(rel);
            } catch (AnalysisException e) {
                cx = null;
            }
            Opportunities.Weights w = new Opportunities.Weights(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble() + 0.01);
            for (String region : rel.regions()) {
                Opportunities.Result r = Opportunities.rank(rel, cx, dependency, null, concordance, region, w, 3);
                for (Opportunities.Row row : r.rows()) {
                    if (!Double.isNaN(row.score())) {
                        assertThat(row.score()).isBetween(0.0, 1.0);
                        checked++;
                    }
                    for (double p : new double[] {row.densityPercentile(), row.pciPercentile(), row.cogPercentile()}) {
                        assertThat(Double.isNaN(p) || (p >= 0 && p <= 1)).isTrue();
                    }
                    assertThat(row.relatedPresent()).hasSizeLessThanOrEqualTo(3);
                }
                // shuffled activity and dependency rows give the identical result
                List<ActivityRecord> a2 = new ArrayList<>(activity);
                List<DependencyRow> d2 = new ArrayList<>(dependency);
                Collections.shuffle(a2, rnd);
                Collections.shuffle(d2, rnd);
                RegionalRelatedness rel2 = RegionalRelatedness.of(a2, 2024, 1.0);
                assertThat(Opportunities.rank(rel2, cx, d2, null, concordance, region, w, 3)).isEqualTo(r);
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
