package org.klaster.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.cooperation.Matchmaking.Candidate;
import org.klaster.cooperation.Matchmaking.Match;
import org.klaster.cooperation.Matchmaking.Mode;
import org.klaster.cooperation.Matchmaking.Query;
import org.klaster.cooperation.Matchmaking.Tier;
import org.klaster.cooperation.Matchmaking.Weights;
import org.klaster.inputoutput.IoTable;
import org.klaster.linalg.DenseMatrix;

/**
 * Factor contributions worked by hand. Two sectors, 25 and 28: Z = [[10, 30], [20, 5]] (row supplies column),
 * x = (100, 200), so A = [[0.1, 0.15], [0.2, 0.025]]; each column divided by its largest coefficient:
 * column 25 (buyer 25): 25 → 0.1/0.2 = 0.5, 28 → 1; column 28 (buyer 28): 25 → 0.15/0.15 = 1, 28 → 0.025/0.15 = 1/6.
 *
 * <pre>
 * The asker (NEED): buyer industry 28, codes 28.41, at (0°, 0°), region R1, cluster C1; dependent products: 25.62.
 * Weights 0.5 text, 0.2 code, 0.1 IO, 0.1 distance, 0.1 dependency; distance scale 500 km.
 * A  28.41, offer 28.41, BM25 4 (the best), at (0°, 1°) = 6371.0088·π/180 = 111.195 km, member of C1:
 *    text 0.5·4/4 = 0.5; code 0.2·1 = 0.2; IO 0.1·(28 → 28) = 0.1/6 → 0.016667; distance 0.1·exp(−111.195/500)
 *    = 0.1·0.800603 → 0.08006; dependency 0 → score 0.796727, tier cluster.
 * A#2 the same organisation's other offer, BM25 2: text 0.25, the rest as A → below A#1, A's row keeps A#1.
 * B  25.62, offer 25.62, BM25 1, at the asker's place, region R1:
 *    text 0.5·1/4 = 0.125; code 0 (other division); IO 0.1·(25 → 28) = 0.1; distance 0.1·exp(0) = 0.1;
 *    dependency 0.1 (25.62 is dependent) → score 0.425, tier region.
 * C  activity 28 only, no offer text (BM25 0), no place: text 0; code 0.2·(28.41 vs 28: 2·1/4) = 0.1;
 *    IO 0.016667; distance 0; dependency 0 → score 0.116667, tier nation.
 * D  activity 01, BM25 0: neither text nor code → left out.   SELF: the asker's own offer, BM25 10 → left out.
 * </pre>
 */
class MatchmakingTest {

    static final IoTable TABLE = IoTable.of(List.of("25", "28"), DenseMatrix.ofRows(new double[][] {{10, 30}, {20, 5}}),
            List.of("fd:households"), DenseMatrix.ofRows(new double[][] {{60}, {175}}));

    static final Query ASKER = new Query(Mode.NEED, "SELF", "28", List.of("2841"), "R1", 0, 0, Set.of("C1"));

    static Candidate cand(String key, String inn, String activity, List<String> codes, String region, double lat, double lon,
                          Set<String> clusters) {
        return new Candidate(key, inn, activity, codes, region, lat, lon, clusters);
    }

    static final List<Candidate> CANDIDATES = List.of(
            cand("C", "C", "28", List.of(), "R3", Double.NaN, Double.NaN, Set.of()),
            cand("A#1", "A", "2841", List.of("2841"), "R2", 0, 1, Set.of("C1")),
            cand("A#2", "A", "2841", List.of(), "R2", 0, 1, Set.of("C1")),
            cand("B", "B", "2562", List.of("2562"), "R1", 0, 0, Set.of()),
            cand("D", "D", "01", List.of(), "R1", 0, 0, Set.of()),
            cand("SELF#1", "SELF", "28", List.of("2841"), "R1", 0, 0, Set.of("C1")));
    static final double[] BM25 = {0, 4, 2, 1, 0, 10};

    static Matchmaking.Context context() {
        return new Matchmaking.Context(new IoLink(TABLE), List.of("2562"), 500);
    }

    @Test
    void theIoLinkIsTheBuyersColumnDividedByItsLargestCoefficient() {
        IoLink io = new IoLink(TABLE);
        assertThat(io.link(0, 0)).isCloseTo(0.5, within(1e-15));
        assertThat(io.link(1, 0)).isCloseTo(1.0, within(1e-15));
        assertThat(io.link(0, 1)).isCloseTo(1.0, within(1e-15));
        assertThat(io.link(1, 1)).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(io.sectorOf("28.41")).isEqualTo(1);
        assertThat(io.sectorOf("27.11")).isEqualTo(-1);
        assertThat(io.link(-1, 1)).isZero();
    }

    @Test
    void contributionsAreWorkedByHandAndAddUpToTheScore() {
        List<Match> rows = Matchmaking.rank(ASKER, CANDIDATES, BM25, context(), Weights.DEFAULTS, 10);
        assertThat(rows).extracting(m -> m.candidate().key()).containsExactly("A#1", "B", "C");
        assertThat(rows).extracting(Match::tier).containsExactly(Tier.CLUSTER, Tier.REGION, Tier.NATION);
        assertThat(rows).extracting(Match::rank).containsExactly(1, 2, 3);

        double km = 6371.0088 * Math.PI / 180;
        Match a = rows.get(0);
        assertThat(a.distanceKm()).isCloseTo(km, within(1e-9));
        assertThat(a.contributions().text()).isEqualTo(0.5);
        assertThat(a.contributions().code()).isEqualTo(0.2);
        assertThat(a.contributions().ioLink()).isEqualTo(0.016667);
        assertThat(a.contributions().distance()).isEqualTo(Math.round(1e6 * 0.1 * Math.exp(-km / 500)) / 1e6);
        assertThat(a.contributions().distance()).isEqualTo(0.08006);
        assertThat(a.contributions().dependency()).isZero();
        assertThat(a.score()).isEqualTo(0.796727);
        assertThat(a.factors().ioLink()).isCloseTo(1.0 / 6, within(1e-15));

        Match b = rows.get(1);
        assertThat(List.of(b.contributions().text(), b.contributions().code(), b.contributions().ioLink(),
                b.contributions().distance(), b.contributions().dependency())).containsExactly(0.125, 0.0, 0.1, 0.1, 0.1);
        assertThat(b.score()).isEqualTo(0.425);

        Match c = rows.get(2);
        assertThat(List.of(c.contributions().text(), c.contributions().code(), c.contributions().ioLink(),
                c.contributions().distance(), c.contributions().dependency())).containsExactly(0.0, 0.1, 0.016667, 0.0, 0.0);
        assertThat(c.score()).isEqualTo(0.116667);
        assertThat(c.distanceKm()).isNaN();

        // the printed contributions add up to the printed score, in decimal
        for (Match m : rows) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (double v : new double[] {m.contributions().text(), m.contributions().code(), m.contributions().ioLink(),
                    m.contributions().distance(), m.contributions().dependency()}) {
                sum = sum.add(new java.math.BigDecimal(Double.toString(v)));
            }
            assertThat(sum.compareTo(new java.math.BigDecimal(Double.toString(m.score())))).as(m.candidate().key()).isZero();
        }
    }

    @Test
    void withoutTiersTheScoreAloneRanksAndTopCutsEachTier() {
        Query anywhere = new Query(Mode.NEED, "SELF", "28", List.of("2841"), null, 0, 0, Set.of());
        List<Match> rows = Matchmaking.rank(anywhere, CANDIDATES, BM25, context(), Weights.DEFAULTS, 10);
        assertThat(rows).extracting(m -> m.candidate().key()).containsExactly("A#1", "B", "C");
        assertThat(rows).extracting(Match::tier).containsOnly(Tier.NATION);
        assertThat(Matchmaking.rank(anywhere, CANDIDATES, BM25, context(), Weights.DEFAULTS, 2)).hasSize(2);
        // with tiers, one row per tier survives top = 1
        assertThat(Matchmaking.rank(ASKER, CANDIDATES, BM25, context(), Weights.DEFAULTS, 1)).hasSize(3);
    }

    /**
     * A competence (supplier: codes 25.62 and activity 25) against needs: the need's codes are what is wanted, the
     * needing organisation's activity the buyer. Need N1 of a 28 buyer asks for 25.62 (BM25 3): text 0.5, code 0.2,
     * IO 0.1·(25 → 28 = 1) = 0.1, no place 0, dependency 0.1 (25.62 dependent) → 0.9. Need N2 of a 25 buyer, no code,
     * BM25 1.5: text 0.25, code 0, IO 0.1·(25 → 25 = 0.5) = 0.05 → 0.3.
     */
    @Test
    void aCompetenceIsMatchedAgainstNeeds() {
        Query q = new Query(Mode.COMPETENCE, null, "25", List.of("2562"), null, Double.NaN, Double.NaN, Set.of());
        List<Candidate> needs = List.of(cand("N1", "X", "2841", List.of("2562"), "R1", 0, 0, Set.of()),
                cand("N2", "Y", "2530", List.of(), "R1", 0, 0, Set.of()));
        List<Match> rows = Matchmaking.rank(q, needs, new double[] {3, 1.5}, context(), Weights.DEFAULTS, 10);
        assertThat(rows).extracting(m -> m.candidate().key()).containsExactly("N1", "N2");
        assertThat(rows.get(0).score()).isEqualTo(0.9);
        assertThat(rows.get(1).score()).isEqualTo(0.3);
        assertThat(rows.get(1).contributions().ioLink()).isEqualTo(0.05);
    }

    @Test
    void weightsAndParametersAreChecked() {
        assertThatThrownBy(() -> new Weights(-0.1, 0, 0, 0, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> new Weights(0, 0, 0, 0, 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Weights(Double.NaN, 0, 0, 0, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Matchmaking.rank(ASKER, CANDIDATES, BM25, context(), Weights.DEFAULTS, 0))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Matchmaking.Context(null, List.of(), 0)).isInstanceOf(InvalidParameterException.class);
        assertThat(Weights.DEFAULTS.with("io_link", 0.3).ioLink()).isEqualTo(0.3);
    }
}
