package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.activity.ActivityRecord;

/** Employment by table sector from activity rows: prefixes, national sums, links and blocks, by hand. */
class SectorEmploymentTest {

    static ActivityRecord row(String region, String industry, int year, double employment) {
        return ActivityRecord.of(region, industry, year, employment);
    }

    static final List<ActivityRecord> ROWS = List.of(
            row("RU-SAM", "28.1", 2024, 30), row("RU-SAM", "28.25", 2024, 10), row("RU-SAM", "10", 2024, 60),
            row("RU-SAM", "99", 2024, 5),
            row("RU-TA", "28", 2024, 100), row("RU-TA", "10.1", 2024, 40), row("RU-TA", "29", 2024, 200),
            row("RU-TA", "28", 2023, 999)); // another year: never read

    @Test
    void rowsCountForTheLongestSectorCodeThatPrefixesTheirIndustry() {
        List<String> sectors = List.of("10", "28", "29");
        SectorEmployment e = SectorEmployment.of(sectors, new double[] {1, 1, 1}, null, ROWS, 2024);
        assertThat(e.regions()).containsExactly("RU-SAM", "RU-TA");
        // nation = Σ over regions: 10: 60 + 40; 28: 30 + 10 + 100; 29: 200; total with 99: 445
        assertThat(e.national()).containsExactly(100, 140, 200);
        assertThat(e.nationalTotal()).isEqualTo(445);
        RegionalEmployment sam = e.region("RU-SAM");
        assertThat(sam.regional()).containsExactly(60, 40, 0);
        assertThat(sam.regionalTotal()).isEqualTo(105);
        assertThat(sam.nationalTotal()).isEqualTo(445);
        // 99 matches no sector: in the totals only
        assertThat(e.unmatchedIndustries()).containsExactly(entry("99", 5.0));
        assertThat(e.sectorsWithoutEmployment(new double[] {1, 1, 1})).isEmpty();
        assertThatThrownBy(() -> e.region("RU-MOW")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("region RU-MOW has no employment in the year");
    }

    @Test
    void aSectorNoRowReachesIsReported() {
        // a table of another classification: «15.1» and «15.2» match none of the activity's codes
        SectorEmployment e = SectorEmployment.of(List.of("15.1", "15.2", "28"), new double[] {5, 5, 5}, null, ROWS, 2024);
        assertThat(e.sectorsWithoutEmployment(new double[] {5, 0, 5})).containsExactly("15.1");
        assertThat(e.unmatchedIndustries()).containsOnlyKeys("10", "10.1", "29", "99");
    }

    @Test
    void sectorsSharingAnIndustryShareItsEmploymentByNationalOutput() {
        // food 15.1 and 15.2 both from division 10 (a block); 34 from 29; machinery from 28
        Map<String, List<String>> links = Map.of("15.1", List.of("10"), "15.2", List.of("10"), "34", List.of("29"),
                "29.1", List.of("28"));
        List<String> sectors = List.of("15.1", "15.2", "29.1", "34");
        double[] x = {300, 100, 50, 80};
        SectorEmployment e = SectorEmployment.of(sectors, x, links, ROWS, 2024);
        // block {15.1, 15.2}: nation 100 shared 3 : 1 → 75, 25; RU-SAM 60 → 45, 15 (both a share of 0.6)
        assertThat(e.national()).containsExactly(new double[] {75, 25, 140, 200}, within(1e-12));
        RegionalEmployment sam = e.region("RU-SAM");
        assertThat(sam.regional()).containsExactly(new double[] {45, 15, 40, 0}, within(1e-12));
        assertThat(Regionalisation.regionalShares(sam.regional(), sam.national()))
                .containsExactly(new double[] {0.6, 0.6, 40.0 / 140, 0}, within(1e-12));
        assertThat(e.sharedBlocks()).containsExactly(List.of("15.1", "15.2"));
        // the link to 10 also takes 10.1
        assertThat(e.region("RU-TA").regional()).containsExactly(new double[] {30, 10, 100, 200}, within(1e-12));
    }

    @Test
    void linksJoinBlocksTransitivelyAndNameUnknownSectors() {
        // A from 26, B from 26 and 27, C from 27: one block {A, B, C}, employment of 26 and 27 together
        List<ActivityRecord> rows = List.of(row("R1", "26", 2024, 10), row("R1", "27", 2024, 30), row("R2", "27", 2024, 60));
        Map<String, List<String>> links = Map.of("A", List.of("26"), "B", List.of("26", "27"), "C", List.of("27"));
        SectorEmployment e = SectorEmployment.of(List.of("A", "B", "C"), new double[] {1, 2, 1}, links, rows, 2024);
        assertThat(e.national()).containsExactly(new double[] {25, 50, 25}, within(1e-12));
        assertThat(e.region("R1").regional()).containsExactly(new double[] {10, 20, 10}, within(1e-12));
        assertThatThrownBy(() -> SectorEmployment.of(List.of("A"), new double[] {1}, Map.of("Z", List.of("26")), rows, 2024))
                .isInstanceOf(InvalidParameterException.class).hasMessage("sector Z is not a sector of the table");
    }
}
