package org.klaster.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.klaster.dependency.TradeFlow.Flow;

class PartnerSharesTest {

    private static final double EPS = 1e-12;

    /*
     * RUS imports of 8542 in 2023: CHN 60 + 20 (two records, added) = 80, DEU 10, KAZ 10, USA 0; exports to
     * CHN 999 and another product/year/reporter are ignored. Total 100 → CHN 0.8, DEU 0.1, KAZ 0.1 (tie:
     * DEU before KAZ by code), USA 0. HHI = 0.64 + 0.01 + 0.01 = 0.66, the screen's import_hhi.
     * Outside the group {CHN}: DEU 10, KAZ 10, USA 0 → 0.5, 0.5, 0.
     */
    static final List<TradeFlow> FLOWS = List.of(
            new TradeFlow(2023, "RUS", "CHN", "8542", Flow.IMPORT, 60),
            new TradeFlow(2023, "RUS", "KAZ", "8542", Flow.IMPORT, 10),
            new TradeFlow(2023, "RUS", "DEU", "8542", Flow.IMPORT, 10),
            new TradeFlow(2023, "RUS", "CHN", "8542", Flow.IMPORT, 20),
            new TradeFlow(2023, "RUS", "USA", "8542", Flow.IMPORT, 0),
            new TradeFlow(2023, "RUS", "CHN", "8542", Flow.EXPORT, 999),
            new TradeFlow(2022, "RUS", "CHN", "8542", Flow.IMPORT, 500),
            new TradeFlow(2023, "RUS", "CHN", "8541", Flow.IMPORT, 500),
            new TradeFlow(2023, "KAZ", "CHN", "8542", Flow.IMPORT, 500));

    @Test
    void sharesByPartnerLargestFirst() {
        List<PartnerShares.Share> s = PartnerShares.of(FLOWS, "RUS", "8542", 2023, null);
        assertThat(s).extracting(PartnerShares.Share::partner).containsExactly("CHN", "DEU", "KAZ", "USA");
        assertThat(s.get(0).imports()).isEqualTo(80.0);
        assertThat(s.get(0).share()).isCloseTo(0.8, within(EPS));
        assertThat(s.get(1).share()).isCloseTo(0.1, within(EPS));
        assertThat(s.get(2).share()).isCloseTo(0.1, within(EPS));
        assertThat(s.get(3).share()).isEqualTo(0.0);
        double hhi = s.stream().mapToDouble(x -> x.share() * x.share()).sum();
        assertThat(hhi).isCloseTo(0.66, within(EPS));
        DependencyRow row = DependencyScreen.screen(FLOWS, "RUS", null, Set.of(), Thresholds.DEFAULTS, 2023, 2023).stream()
                .filter(r -> r.product().equals("8542")).findFirst().orElseThrow();
        assertThat(row.importHhi()).isCloseTo(hhi, within(EPS));
        assertThat(row.topPartner()).isEqualTo(s.get(0).partner());
    }

    @Test
    void excludedGroupAndEmptyCases() {
        List<PartnerShares.Share> s = PartnerShares.of(FLOWS, "RUS", "8542", 2023, Set.of("CHN"));
        assertThat(s).extracting(PartnerShares.Share::partner).containsExactly("DEU", "KAZ", "USA");
        assertThat(s).extracting(PartnerShares.Share::share).containsExactly(0.5, 0.5, 0.0);
        assertThat(PartnerShares.of(FLOWS, "RUS", "0101", 2023, null)).isEmpty();
        List<PartnerShares.Share> zero = PartnerShares.of(FLOWS, "RUS", "8542", 2023, Set.of("CHN", "DEU", "KAZ"));
        assertThat(zero).hasSize(1);
        assertThat(zero.get(0).share()).isNaN();
        assertThatThrownBy(() -> PartnerShares.of(List.of(new TradeFlow(2023, "RUS", "CHN", "1", Flow.IMPORT, -1)),
                "RUS", "1", 2023, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
