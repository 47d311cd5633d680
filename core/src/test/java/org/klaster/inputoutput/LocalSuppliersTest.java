package org.klaster.inputoutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.inputoutput.LocalSuppliers.Buyer;
import org.klaster.inputoutput.LocalSuppliers.Candidate;
import org.klaster.inputoutput.LocalSuppliers.Supplier;

class LocalSuppliersTest {

    static final double R = LocalSuppliers.EARTH_RADIUS_KM;

    @Test
    void distancesOnTheSphere() {
        // along a meridian one degree is 2πR/360; a quarter of the equator is πR/2; antipodes πR
        assertThat(LocalSuppliers.distanceKm(50, 30, 51, 30)).isCloseTo(2 * Math.PI * R / 360, within(1e-9));
        assertThat(LocalSuppliers.distanceKm(0, 0, 0, 90)).isCloseTo(Math.PI * R / 2, within(1e-9));
        assertThat(LocalSuppliers.distanceKm(10, 20, -10, -160)).isCloseTo(Math.PI * R, within(1e-6));
        // on a parallel φ the arc between λ₁ and λ₂ is shorter than the parallel R·cos φ·Δλ, longer than its chord
        double parallel = R * Math.cos(Math.toRadians(60)) * Math.toRadians(40);
        double chord = 2 * R * Math.cos(Math.toRadians(60)) * Math.sin(Math.toRadians(20));
        assertThat(LocalSuppliers.distanceKm(60, 10, 60, 50)).isLessThan(parallel).isGreaterThan(chord);
        assertThat(LocalSuppliers.distanceKm(55.75, 37.62, 59.94, 30.34))
                .isCloseTo(LocalSuppliers.distanceKm(59.94, 30.34, 55.75, 37.62), within(1e-9));
    }

    static final Map<String, double[]> CENTRES = Map.of(
            "A", new double[] {50, 40},
            "B", new double[] {51, 40},     // 111 km north of A
            "C", new double[] {50, 43},     // ~214 km east
            "D", new double[] {55, 40},     // 556 km north
            "E", new double[] {50, 37});    // ~214 km west: ties with C, broken by code

    @Test
    void theNearestRegionsByCentre() {
        assertThat(LocalSuppliers.nearestRegions("A", CENTRES, 3)).containsExactly("B", "C", "E");
        assertThat(LocalSuppliers.nearestRegions("A", CENTRES, 10)).containsExactly("B", "C", "E", "D");
        assertThat(LocalSuppliers.nearestRegions("A", CENTRES, 0)).isEmpty();
        assertThat(LocalSuppliers.nearestRegions("Z", CENTRES, 3)).isEmpty();
    }

    static Supplier s(String id, boolean registry, String region, String industry, double employment, double lat, double lon,
                      List<String> clusters) {
        return new Supplier(id, "name " + id, registry, region, industry, employment, lat, lon, clusters);
    }

    @Test
    void theRegionFirstThenItsNeighboursBySize() {
        List<Supplier> all = List.of(
                s("small-home", false, "A", "25.62", 40, 50, 40, List.of()),
                s("big-home", true, "A", "25", 900, Double.NaN, Double.NaN, List.of("K1")),
                s("unknown-size", false, "A", "25.1", Double.NaN, 50, 41, List.of()),
                s("other-industry", false, "A", "26", 5000, 50, 40, List.of()),
                s("prefix-not-code", false, "A", "250", 5000, 50, 40, List.of()),
                s("neighbour", false, "B", "25.99", 3000, 51, 40, List.of()),
                s("far", false, "D", "25", 9000, 55, 40, List.of()));
        // buyers: two establishments, one at A's centre (weight 3), one 1° north (weight 1)
        List<Buyer> buyers = List.of(new Buyer(50, 40, 3), new Buyer(51, 40, 1), new Buyer(Double.NaN, 1, 5));
        List<Candidate> c = LocalSuppliers.of(all, "25", "A", List.of("B", "C"), CENTRES, buyers, 10);
        assertThat(c).extracting(x -> x.supplier().id()).containsExactly("big-home", "small-home", "unknown-size", "neighbour");
        assertThat(c).extracting(Candidate::ring).containsExactly(0, 0, 0, 1);
        double degree = 2 * Math.PI * R / 360;
        // big-home has no coordinates: from A's centre, (3·0 + 1·degree)/4
        assertThat(c.get(0).located()).isFalse();
        assertThat(c.get(0).distanceKm()).isCloseTo(degree / 4, within(1e-9));
        assertThat(c.get(0).supplier().clusters()).containsExactly("K1");
        // the neighbour sits on the second buyer: (3·degree + 0)/4
        assertThat(c.get(3).distanceKm()).isCloseTo(3 * degree / 4, within(1e-9));
        assertThat(c.get(3).located()).isTrue();
        // without buyers the region's centre is the buyer
        assertThat(LocalSuppliers.of(all, "25", "A", List.of("B"), CENTRES, List.of(), 10).get(3).distanceKm())
                .isCloseTo(degree, within(1e-9));
        assertThat(LocalSuppliers.of(all, "25", "A", List.of("B"), CENTRES, buyers, 2)).hasSize(2);
        assertThatThrownBy(() -> LocalSuppliers.of(all, "25", "A", List.of(), CENTRES, buyers, -1))
                .isInstanceOf(InvalidParameterException.class);
    }
}
