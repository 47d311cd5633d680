package org.klaster.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.klaster.complexity.CandidateProducers.Candidate;
import org.klaster.complexity.CandidateProducers.Establishment;

/** Candidate producers of opportunity 26 in R1 with related present industries 27 (φ 0.6) and 32 (φ 0.5). */
class CandidateProducersTest {

    static final List<Opportunities.Related> RELATED = List.of(new Opportunities.Related("27", 0.6, 1.4),
            new Opportunities.Related("32", 0.5, 1.8));

    static final List<Establishment> FIRMS = List.of(
            new Establishment("a", "R1", "26.11", 40, 55.1, 37.2),    // in 26 (class below the division)
            new Establishment("b", "R1", "27", 300, 55.2, 37.3),      // related 27
            new Establishment("c", "R1", "32.50", 40, Double.NaN, Double.NaN),   // related 32, tie with a: id order
            new Establishment("d", "R1", "20", 900, 55.0, 37.0),      // unrelated industry
            new Establishment("e", "R2", "26", 999, 60.0, 30.0),      // another region
            new Establishment("f", "R1", "261", 500, 55.0, 37.0),     // "261" is not below "26"
            new Establishment("g", "R1", "26", 10, 55.3, 37.4),
            new Establishment("h", "R1", "27.12", 0, 55.4, 37.5));

    @Test
    void establishmentsInTheIndustryAndItsRelatedOnesByEmployment() {
        List<Candidate> c = CandidateProducers.of(FIRMS, "R1", "26", RELATED, 10);
        assertThat(c).extracting(x -> x.establishment().id()).containsExactly("b", "a", "c", "g", "h");
        assertThat(c.get(0).via()).isEqualTo("27");
        assertThat(c.get(0).proximity()).isEqualTo(0.6);
        assertThat(c.get(0).sameIndustry()).isFalse();
        assertThat(c.get(1).via()).isEqualTo("26");
        assertThat(c.get(1).proximity()).isNaN();
        assertThat(c.get(1).sameIndustry()).isTrue();
        assertThat(c.get(2).via()).isEqualTo("32");
        assertThat(c.get(2).establishment().lat()).isNaN();
        assertThat(c).allMatch(x -> x.opportunity().equals("26"));
    }

    @Test
    void topLimitsAndInputOrderDoesNotMatter() {
        assertThat(CandidateProducers.of(FIRMS, "R1", "26", RELATED, 2)).extracting(x -> x.establishment().id())
                .containsExactly("b", "a");
        assertThat(CandidateProducers.of(FIRMS, "R1", "26", RELATED, 0)).isEmpty();
        assertThat(CandidateProducers.of(FIRMS, "R1", "26", List.of(), 10)).extracting(x -> x.establishment().id())
                .containsExactly("a", "g");
        List<Establishment> shuffled = new ArrayList<>(FIRMS);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(CandidateProducers.of(shuffled, "R1", "26", RELATED, 10))
                .isEqualTo(CandidateProducers.of(FIRMS, "R1", "26", RELATED, 10));
    }

    @Test
    void badInputIsNamed() {
        List<Establishment> bad = List.of(new Establishment("x9", "R1", "26", -1, 0, 0));
        assertThatThrownBy(() -> CandidateProducers.of(bad, "R1", "26", RELATED, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x9");
        assertThatThrownBy(() -> CandidateProducers.of(FIRMS, "R1", "26", RELATED, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
