package org.klaster.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.dependency.TradeFlow.Flow.EXPORT;
import static org.klaster.dependency.TradeFlow.Flow.IMPORT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyScreenTest {

    private static final double EPS = 1e-12;
    private static final Thresholds T = Thresholds.DEFAULTS;

    static TradeFlow imp(int year, String reporter, String partner, String product, double v) {
        return new TradeFlow(year, reporter, partner, product, IMPORT, v);
    }

    static TradeFlow exp(int year, String reporter, String partner, String product, double v) {
        return new TradeFlow(year, reporter, partner, product, EXPORT, v);
    }

    /*
     * Product 8542, 2022, reporter RU.
     *   RU imports: CN 60, KR 30, DE 10                      → imports 100
     *   RU exports: 40 (to CN)                               → exports 40
     *   Exports reported by others: CN 300 (to US), KR 100 (to US)
     *   import_hhi  = 0.6² + 0.3² + 0.1² = 0.46
     *   ratio       = 100 / 40 = 2.5
     *   world HHI   = (300² + 100² + 40²) / 440² = (90000 + 10000 + 1600) / 193600 = 101600 / 193600
     *   top partner = CN, share 60 / 100 = 0.6
     *   dependent: 0.46 > 0.4, 2.5 > 1, reliance unknown, 0.5248 > 0.4 → true
     */
    static List<TradeFlow> base() {
        return List.of(
                imp(2022, "RU", "CN", "8542", 60),
                imp(2022, "RU", "KR", "8542", 30),
                imp(2022, "RU", "DE", "8542", 10),
                exp(2022, "RU", "CN", "8542", 40),
                exp(2022, "CN", "US", "8542", 300),
                exp(2022, "KR", "US", "8542", 100),
                imp(2022, "CN", "RU", "8542", 40));
    }

    @Test
    void handComputedRow() {
        List<DependencyRow> rows = DependencyScreen.screen(base(), "RU", null, Set.of(), T, null, null);
        assertThat(rows).hasSize(1);
        DependencyRow r = rows.get(0);
        assertThat(r.product()).isEqualTo("8542");
        assertThat(r.year()).isEqualTo(2022);
        assertThat(r.imports()).isCloseTo(100, within(EPS));
        assertThat(r.exports()).isCloseTo(40, within(EPS));
        assertThat(r.importHhi()).isCloseTo(0.46, within(EPS));
        assertThat(r.importExportRatio()).isCloseTo(2.5, within(EPS));
        assertThat(r.worldExportHhi()).isCloseTo(101600.0 / 193600.0, within(EPS));
        assertThat(r.importReliance()).isNaN();
        assertThat(r.dependent()).isTrue();
        assertThat(r.persistent()).isFalse(); // only 1 of 2020, 2021, 2022 (the others are missing)
        assertThat(r.topPartner()).isEqualTo("CN");
        assertThat(r.topPartnerShare()).isCloseTo(0.6, within(EPS));
    }

    /*
     * Same data, --outside G with G = {CN}: CN no longer counts as an import partner.
     *   imports     = KR 30 + DE 10 = 40
     *   import_hhi  = 0.75² + 0.25² = 0.5625 + 0.0625 = 0.625
     *   ratio       = 40 / 40 = 1   (exports to CN still count: exports are not filtered)
     *   top partner = KR, share 30 / 40 = 0.75
     *   world HHI unchanged (101600 / 193600)
     *   dependent: ratio 1 is not > 1 → false
     */
    @Test
    void excludedPartnersChangeImportsHhiRatioAndTopPartner() {
        List<DependencyRow> rows = DependencyScreen.screen(base(), "RU", null, Set.of("CN"), T, null, null);
        DependencyRow r = rows.get(0);
        assertThat(r.imports()).isCloseTo(40, within(EPS));
        assertThat(r.exports()).isCloseTo(40, within(EPS));
        assertThat(r.importHhi()).isCloseTo(0.625, within(EPS));
        assertThat(r.importExportRatio()).isCloseTo(1.0, within(EPS));
        assertThat(r.topPartner()).isEqualTo("KR");
        assertThat(r.topPartnerShare()).isCloseTo(0.75, within(EPS));
        assertThat(r.worldExportHhi()).isCloseTo(101600.0 / 193600.0, within(EPS));
        assertThat(r.dependent()).isFalse();
    }

    /*
     * Reliance with production: imports 100 (CN 60, KR 30, DE 10), exports 40 (base data).
     *   With G = {CN}: imports 40 → reliance = 40 / (P + 40 − 40) = 40 / P, so it uses the filtered imports.
     */
    @Test
    void excludedPartnersAlsoChangeReliance() {
        List<Production> prod = List.of(new Production(2022, "RU", "8542", 80));
        // 40 / (80 + 40 − 40) = 0.5
        DependencyRow r = DependencyScreen.screen(base(), "RU", prod, Set.of("CN"), T, null, null).get(0);
        assertThat(r.importReliance()).isCloseTo(0.5, within(EPS));
        // without the group: 100 / (80 + 100 − 40) = 100 / 140 = 5/7
        DependencyRow all = DependencyScreen.screen(base(), "RU", prod, Set.of(), T, null, null).get(0);
        assertThat(all.importReliance()).isCloseTo(5.0 / 7.0, within(EPS));
        assertThat(all.dependent()).isTrue();
    }

    @Test
    void rowExistsWhenAllImportsComeFromInsideTheGroup() {
        // RU imports product 01 only from CN; with G = {CN}: imports 0, exports 0
        // → hhi NaN (no shares), ratio NaN (0/0), no top partner, not dependent
        List<TradeFlow> trade = List.of(imp(2022, "RU", "CN", "01", 70));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, Set.of("CN"), T, null, null).get(0);
        assertThat(r.imports()).isZero();
        assertThat(r.exports()).isZero();
        assertThat(r.importHhi()).isNaN();
        assertThat(r.importExportRatio()).isNaN();
        assertThat(r.topPartner()).isNull();
        assertThat(r.topPartnerShare()).isNaN();
        assertThat(r.dependent()).isFalse();
    }

    @Test
    void topPartnerTieGoesToAlphabeticallyFirst() {
        // KR 50, CN 50, DE 20: tie at 50 → "CN" < "KR"; share 50 / 120 = 5/12
        List<TradeFlow> trade = List.of(
                imp(2022, "RU", "KR", "p", 50),
                imp(2022, "RU", "DE", "p", 20),
                imp(2022, "RU", "CN", "p", 50));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null).get(0);
        assertThat(r.topPartner()).isEqualTo("CN");
        assertThat(r.topPartnerShare()).isCloseTo(5.0 / 12.0, within(EPS));
        // the order of the input does not matter
        List<TradeFlow> reversed = new ArrayList<>(trade);
        java.util.Collections.reverse(reversed);
        assertThat(DependencyScreen.screen(reversed, "RU", null, Set.of(), T, null, null).get(0).topPartner())
                .isEqualTo("CN");
    }

    @Test
    void repeatedRecordsOfAPartnerAreAdded() {
        // CN 30 + CN 30 = 60, KR 40 → top CN, share 0.6; HHI 0.36 + 0.16 = 0.52
        List<TradeFlow> trade = List.of(
                imp(2022, "RU", "CN", "p", 30), imp(2022, "RU", "KR", "p", 40), imp(2022, "RU", "CN", "p", 30));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null).get(0);
        assertThat(r.topPartner()).isEqualTo("CN");
        assertThat(r.topPartnerShare()).isCloseTo(0.6, within(EPS));
        assertThat(r.importHhi()).isCloseTo(0.52, within(EPS));
    }

    @Test
    void zeroExportsGiveInfiniteRatio() {
        // imports CN 10, no exports at all: ratio = +inf; HHI 1; no exporter in the file → world HHI NaN
        // dependent: 1 > 0.4, inf > 1, reliance and world HHI unknown (skipped) → true
        List<TradeFlow> trade = List.of(imp(2021, "RU", "CN", "p", 10));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, null, T, null, null).get(0);
        assertThat(r.importExportRatio()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.importHhi()).isEqualTo(1.0);
        assertThat(r.worldExportHhi()).isNaN();
        assertThat(r.dependent()).isTrue();
    }

    @Test
    void bothZeroGiveNaNRatio() {
        List<TradeFlow> trade = List.of(imp(2021, "RU", "CN", "p", 0), exp(2021, "RU", "CN", "p", 0));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null).get(0);
        assertThat(r.importExportRatio()).isNaN();
        assertThat(r.dependent()).isFalse();
    }

    @Test
    void worldExportHhiEmptyWhenOnlyReporterExports() {
        // RU exports 40 of p in 2022; CN only reports imports of p; KR exports p but in 2021
        // and exports another product q in 2022 → no other exporter of p in 2022 → NaN
        List<TradeFlow> trade = List.of(
                imp(2022, "RU", "CN", "p", 100),
                exp(2022, "RU", "CN", "p", 40),
                imp(2022, "CN", "RU", "p", 40),
                exp(2021, "KR", "US", "p", 500),
                exp(2022, "KR", "US", "q", 500),
                exp(2022, "CN", "US", "p", 0));   // a zero export is no exporter
        List<DependencyRow> rows = DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null);
        assertThat(rows).hasSize(1);
        DependencyRow r = rows.get(0);
        assertThat(r.worldExportHhi()).isNaN();
        // import HHI 1 > 0.4, ratio 2.5 > 1, world HHI unknown → dependent
        assertThat(r.dependent()).isTrue();
    }

    @Test
    void worldExportHhiIncludesReporterAndIgnoresTheGroup() {
        // exporters of p in 2022: RU 50 (to CN, inside G), CN 50 → 0.5² + 0.5² = 0.5
        List<TradeFlow> trade = List.of(
                imp(2022, "RU", "DE", "p", 100),
                exp(2022, "RU", "CN", "p", 50),
                exp(2022, "CN", "US", "p", 20),
                exp(2022, "CN", "DE", "p", 30));
        DependencyRow r = DependencyScreen.screen(trade, "RU", null, Set.of("CN"), T, null, null).get(0);
        assertThat(r.worldExportHhi()).isCloseTo(0.5, within(EPS));
        assertThat(r.exports()).isCloseTo(50, within(EPS));
    }

    /*
     * Reliance with production (base data: imports 100, exports 40).
     *   P = 140: 100 / (140 + 100 − 40) = 100 / 200 = 0.5  → not > 0.5 → not dependent
     *   P = 100: 100 / 160 = 0.625                          → dependent
     *   production of another reporter or year is ignored; a product-year without production → NaN
     */
    @Test
    void relianceWithProduction() {
        List<Production> prod = List.of(
                new Production(2022, "RU", "8542", 140),
                new Production(2022, "CN", "8542", 1),
                new Production(2021, "RU", "8542", 1));
        DependencyRow r = DependencyScreen.screen(base(), "RU", prod, Set.of(), T, null, null).get(0);
        assertThat(r.importReliance()).isCloseTo(0.5, within(EPS));
        assertThat(r.dependent()).isFalse();

        List<Production> prod2 = List.of(new Production(2022, "RU", "8542", 100));
        DependencyRow r2 = DependencyScreen.screen(base(), "RU", prod2, Set.of(), T, null, null).get(0);
        assertThat(r2.importReliance()).isCloseTo(0.625, within(EPS));
        assertThat(r2.dependent()).isTrue();

        List<Production> other = List.of(new Production(2022, "RU", "other", 100));
        DependencyRow r3 = DependencyScreen.screen(base(), "RU", other, Set.of(), T, null, null).get(0);
        assertThat(r3.importReliance()).isNaN();
        assertThat(r3.dependent()).isTrue();
    }

    @Test
    void nonPositiveApparentConsumptionMakesRelianceUnknown() {
        // imports 30, exports 40, production 0 → 0 + 30 − 40 = −10 ≤ 0 → NaN (skipped)
        List<TradeFlow> trade = List.of(imp(2022, "RU", "CN", "p", 30), exp(2022, "RU", "US", "p", 40));
        DependencyRow r = DependencyScreen.screen(trade, "RU", List.of(new Production(2022, "RU", "p", 0)),
                Set.of(), T, null, null).get(0);
        assertThat(r.importReliance()).isNaN();
    }

    /*
     * Persistence of product p:
     *   year : 2018 2019 2020 2021     2022 2023 2024
     *   dep  :  D    D    N   missing   D    N    D
     *   count of dependent in (t−2, t−1, t):
     *   2018: (–,–,D) 1 → false      2019: (–,D,D) 2 → true
     *   2020: (D,D,N) 2 → true  (persistent although not dependent)
     *   2022: (N,missing,D) 1 → false (the missing year counts as not dependent)
     *   2023: (missing,D,N) 1 → false 2024: (D,N,D) 2 → true
     * Dependent year: imports CN 100, no exports (HHI 1, ratio inf).
     * Non-dependent year: imports CN 10, exports 100 (ratio 0.1).
     */
    static List<TradeFlow> persistenceData() {
        List<TradeFlow> t = new ArrayList<>();
        for (int y : new int[] {2018, 2019, 2022, 2024}) {
            t.add(imp(y, "RU", "CN", "p", 100));
        }
        for (int y : new int[] {2020, 2023}) {
            t.add(imp(y, "RU", "CN", "p", 10));
            t.add(exp(y, "RU", "US", "p", 100));
        }
        return t;
    }

    @Test
    void persistenceOverThreeYears() {
        List<DependencyRow> rows = DependencyScreen.screen(persistenceData(), "RU", null, Set.of(), T, null, null);
        assertThat(rows).extracting(DependencyRow::year).containsExactly(2018, 2019, 2020, 2022, 2023, 2024);
        assertThat(rows).extracting(DependencyRow::dependent).containsExactly(true, true, false, true, false, true);
        assertThat(rows).extracting(DependencyRow::persistent).containsExactly(false, true, true, false, false, true);
    }

    @Test
    void yearFilterKeepsEarlierYearsForPersistence() {
        // only 2020..2022 returned; 2020 is still persistent thanks to 2018 and 2019
        List<DependencyRow> rows = DependencyScreen.screen(persistenceData(), "RU", null, Set.of(), T, 2020, 2022);
        assertThat(rows).extracting(DependencyRow::year).containsExactly(2020, 2022);
        assertThat(rows).extracting(DependencyRow::persistent).containsExactly(true, false);
    }

    @Test
    void rowsSortedByProductThenYearAndOnlyForReporter() {
        List<TradeFlow> trade = List.of(
                imp(2023, "RU", "CN", "2", 1),
                imp(2022, "RU", "CN", "2", 1),
                exp(2022, "RU", "CN", "10", 1),
                imp(2022, "RU", "CN", "02", 1),
                imp(2022, "CN", "RU", "99", 1));   // another reporter only: no row
        List<DependencyRow> rows = DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null);
        assertThat(rows).extracting(r -> r.product() + "/" + r.year())
                .containsExactly("02/2022", "10/2022", "2/2022", "2/2023");
    }

    @Test
    void thresholdsAreStrict() {
        // defaults: each quantity exactly at its threshold fails; a hair above passes
        assertThat(DependencyScreen.isDependent(0.4, 2, Double.NaN, Double.NaN, T)).isFalse();
        assertThat(DependencyScreen.isDependent(Math.nextUp(0.4), 2, Double.NaN, Double.NaN, T)).isTrue();
        assertThat(DependencyScreen.isDependent(0.5, 1, Double.NaN, Double.NaN, T)).isFalse();
        assertThat(DependencyScreen.isDependent(0.5, Math.nextUp(1.0), Double.NaN, Double.NaN, T)).isTrue();
        assertThat(DependencyScreen.isDependent(0.5, 2, 0.5, Double.NaN, T)).isFalse();
        assertThat(DependencyScreen.isDependent(0.5, 2, Math.nextUp(0.5), Double.NaN, T)).isTrue();
        assertThat(DependencyScreen.isDependent(0.5, 2, Double.NaN, 0.4, T)).isFalse();
        assertThat(DependencyScreen.isDependent(0.5, 2, Double.NaN, Math.nextUp(0.4), T)).isTrue();
        // import HHI and ratio are required: NaN → not dependent
        assertThat(DependencyScreen.isDependent(Double.NaN, 2, Double.NaN, Double.NaN, T)).isFalse();
        assertThat(DependencyScreen.isDependent(0.5, Double.NaN, Double.NaN, Double.NaN, T)).isFalse();
        assertThat(DependencyScreen.isDependent(0.5, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, T)).isTrue();
    }

    @Test
    void thresholdsAtTheBoundaryThroughTheScreen() {
        // imports CN 50, KR 50 → HHI 0.25 + 0.25 = 0.5 exactly; exports 0 → ratio inf
        // with import-HHI threshold 0.5: 0.5 is not > 0.5 → not dependent; with the default 0.4 → dependent
        List<TradeFlow> trade = List.of(
                imp(2022, "RU", "CN", "p", 50), imp(2022, "RU", "KR", "p", 50), exp(2022, "CN", "US", "p", 50),
                exp(2022, "RU", "KZ", "p", 0));
        Thresholds hhiAt = new Thresholds(0.5, 1, 0.5, 0.4);
        Thresholds worldAt = new Thresholds(0.4, 1, 0.5, 0.5);
        assertThat(DependencyScreen.screen(trade, "RU", null, Set.of(), hhiAt, null, null).get(0).dependent()).isFalse();
        assertThat(DependencyScreen.screen(trade, "RU", null, Set.of(), T, null, null).get(0).dependent()).isTrue();
        // world: RU's export record is 0, CN 50 → 50² / 50² = 1.0 (CN is another exporter, so it is known)
        assertThat(DependencyScreen.screen(trade, "RU", null, Set.of(), worldAt, null, null).get(0).worldExportHhi())
                .isEqualTo(1.0);

        List<TradeFlow> ratioAtOne = List.of(imp(2022, "RU", "CN", "p", 70), exp(2022, "RU", "US", "p", 70));
        DependencyRow r = DependencyScreen.screen(ratioAtOne, "RU", null, Set.of(), T, null, null).get(0);
        assertThat(r.importExportRatio()).isEqualTo(1.0);
        assertThat(r.dependent()).isFalse();

        List<TradeFlow> worldHalf = List.of(
                imp(2022, "RU", "CN", "p", 100), exp(2022, "RU", "US", "p", 50), exp(2022, "CN", "US", "p", 50));
        DependencyRow w = DependencyScreen.screen(worldHalf, "RU", null, Set.of(), worldAt, null, null).get(0);
        assertThat(w.worldExportHhi()).isEqualTo(0.5);
        assertThat(w.dependent()).isFalse();
        assertThat(DependencyScreen.screen(worldHalf, "RU", null, Set.of(), T, null, null).get(0).dependent()).isTrue();
    }

    @Test
    void badValuesNameTheRecord() {
        List<TradeFlow> negative = List.of(imp(2022, "RU", "CN", "p", 1), imp(2022, "RU", "KR", "8542", -5));
        assertThatThrownBy(() -> DependencyScreen.screen(negative, "RU", null, Set.of(), T, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trade record 2")
                .hasMessageContaining("KR")
                .hasMessageContaining("8542")
                .hasMessageContaining("negative");
        List<TradeFlow> nan = List.of(exp(2022, "CN", "US", "p", Double.NaN));
        assertThatThrownBy(() -> DependencyScreen.screen(nan, "RU", null, Set.of(), T, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trade record 1")
                .hasMessageContaining("not a finite number");
        List<TradeFlow> inf = List.of(imp(2022, "RU", "CN", "p", Double.POSITIVE_INFINITY));
        assertThatThrownBy(() -> DependencyScreen.screen(inf, "RU", null, Set.of(), T, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trade record 1");
        List<TradeFlow> noFlow = List.of(new TradeFlow(2022, "RU", "CN", "p", null, 1));
        assertThatThrownBy(() -> DependencyScreen.screen(noFlow, "RU", null, Set.of(), T, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flow");
        List<Production> badProd = List.of(new Production(2022, "RU", "p", -1));
        assertThatThrownBy(() -> DependencyScreen.screen(List.of(imp(2022, "RU", "CN", "p", 1)), "RU", badProd,
                Set.of(), T, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("production record 1")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new Thresholds(Double.NaN, 1, 0.5, 0.4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
