package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.complexity.CandidateProducers;

/** Firm names (V006) and a region's establishments of a year, with the latest-year rule. */
class StoreFirmsTest {

    private static Store withFirms() {
        Store s = Store.inMemory();
        s.saveFirms(Dataset.of("f", DatasetKind.FIRMS, "x.csv", null, 6, null, false, null, null), w -> {
            w.firm("10", "ООО \"Волжский станкозавод\"", "RU-SAM", "28.4", 2024, 120, 53.2, 50.1);
            w.firm("2", "АО \"Самарский завод\"", "RU-SAM", "29", 2024, 800, 53.3, 50.2);
            w.firm("3", "RU-SAM", "29", 2023, 700, Double.NaN, Double.NaN);          // no name, no place
            w.firm("4", null, "RU-TA", "29", 2022, 50, 55.8, 49.1);
            w.firm("5", "ООО \"Казанский\"", "RU-TA", "29", 2021, 40, 55.8, 49.1);
            w.firm("x7", "", "RU-SAM", "62", 2024, 5, 53.2, 50.1);
        }, null, null, false);
        return s;
    }

    @Test
    void theRegionsEstablishmentsOfTheYearWithNames() {
        try (Store s = withFirms()) {
            Establishments e = s.establishments("f", "RU-SAM", 2024);
            assertThat(e.year()).isEqualTo(2024);
            assertThat(e.requestedYear()).isEqualTo(2024);
            assertThat(e.otherYear()).isFalse();
            // firm-id order, numerically where the ids are numbers
            assertThat(e.rows()).containsExactly(
                    new Establishment("2", "АО \"Самарский завод\"", "RU-SAM", "29", 800, 53.3, 50.2),
                    new Establishment("10", "ООО \"Волжский станкозавод\"", "RU-SAM", "28.4", 120, 53.2, 50.1),
                    new Establishment("x7", "", "RU-SAM", "62", 5, 53.2, 50.1));
            assertThat(e.rows().get(1).label()).isEqualTo("ООО \"Волжский станкозавод\"");
            assertThat(e.rows().get(2).label()).isEqualTo("x7");
            assertThat(e.forEngine().get(0)).isEqualTo(
                    new CandidateProducers.Establishment("2", "RU-SAM", "29", 800, 53.3, 50.2));

            Establishments y2023 = s.establishments("f", "RU-SAM", 2023);
            assertThat(y2023.rows()).singleElement().satisfies(r -> {
                assertThat(r.name()).isNull();
                assertThat(r.label()).isEqualTo("3");
                assertThat(r.lat()).isNaN();
                assertThat(r.lon()).isNaN();
            });
        }
    }

    @Test
    void aYearTheRegionLacksFallsBackToItsLatestYear() {
        try (Store s = withFirms()) {
            Establishments e = s.establishments("f", "RU-TA", 2024);
            assertThat(e.year()).isEqualTo(2022);
            assertThat(e.otherYear()).isTrue();
            assertThat(e.rows()).extracting(Establishment::id).containsExactly("4");
            assertThat(s.establishmentsYear("f", "RU-TA", 2021)).hasValue(2021);
            assertThat(s.establishmentsYear("f", "RU-TA", 2030)).hasValue(2022);

            Establishments none = s.establishments("f", "RU-MOW", 2024);
            assertThat(none.isEmpty()).isTrue();
            assertThat(none.year()).isZero();
            assertThat(none.otherYear()).isFalse();
            assertThat(s.establishmentsYear("f", "RU-MOW", 2024)).isEmpty();
            assertThatThrownBy(() -> s.establishments("nope", "RU-SAM", 2024)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no dataset \"nope\"");
        }
    }

    @Test
    void namesDoNotChangeTheAggregation() {
        try (Store s = withFirms()) {
            assertThat(s.activity("f")).hasSize(6);
            assertThat(s.firmActivity("f")).isEqualTo(s.activity("f"));
            long named = s.query("SELECT count(name) FROM firms WHERE dataset_id = 'f'", List.of(),
                    rs -> { rs.next(); return rs.getLong(1); });
            assertThat(named).isEqualTo(4); // "" is a name as given; null is none
        }
    }
}
