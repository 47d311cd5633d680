package org.klaster.inputoutput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.complexity.Opportunities;

/**
 * Who near a region could supply an input it buys outside (docs/methods-io.md, "Local candidate suppliers"):
 * establishments and registry organisations in the supplying industry, first of the region itself (ring 0), then
 * of its nearest regions (ring 1), each with its size, its distance to the buyers and its cluster memberships.
 * An organisation belongs to an industry when its code is that code or below it (26.11 is in 26).
 */
public final class LocalSuppliers {

    /** Mean radius of the Earth in km (IUGG), the sphere of {@link #distanceKm}. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private LocalSuppliers() {
    }

    /**
     * A possible supplier.
     *
     * @param id         firm id or INN
     * @param name       its name, or null
     * @param registry   whether it is an organisation of the registry (else an establishment of a firms dataset)
     * @param region     ISO region code
     * @param industry   its OKVED2/NACE code
     * @param employment its employment, NaN when unknown
     * @param lat        latitude, NaN when not given (the region's centre stands in)
     * @param lon        longitude, NaN when not given
     * @param clusters   the clusters it is a member of (empty: none)
     */
    public record Supplier(String id, String name, boolean registry, String region, String industry, double employment,
                           double lat, double lon, List<String> clusters) {
        public Supplier {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(industry, "industry");
            clusters = List.copyOf(clusters);
        }
    }

    /** A buyer's location and weight (its employment, or 1) for the mean distance to the buyers. */
    public record Buyer(double lat, double lon, double weight) {
    }

    /**
     * A candidate supplier of {@code industry}.
     *
     * @param ring       0 = in the region, 1 = in one of its nearest regions
     * @param distanceKm the buyers' weighted mean great-circle distance to it, km; NaN without any location
     * @param located    whether the distance starts from its own coordinates (else from its region's centre)
     */
    public record Candidate(String industry, Supplier supplier, int ring, double distanceKm, boolean located) {
    }

    /**
     * Great-circle distance on the sphere of radius {@link #EARTH_RADIUS_KM}, by the arctangent form of the central
     * angle (Vincenty's formula on a sphere), which — unlike the haversine — stays accurate up to antipodes:
     * Δσ = atan2(√((cos φ₂ sin Δλ)² + (cos φ₁ sin φ₂ − sin φ₁ cos φ₂ cos Δλ)²), sin φ₁ sin φ₂ + cos φ₁ cos φ₂ cos Δλ),
     * d = R·Δσ.
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.cos(p2) * Math.sin(dl);
        double b = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        double c = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
        return EARTH_RADIUS_KM * Math.atan2(Math.hypot(a, b), c);
    }

    /**
     * The {@code k} regions whose centres are nearest to the centre of {@code home} (ties: code), as the
     * neighbours of a region when no adjacency is known: centres stand in for shared borders.
     *
     * @param centres region → {lat, lon}
     */
    public static List<String> nearestRegions(String home, Map<String, double[]> centres, int k) {
        double[] h = centres.get(home);
        if (h == null || k <= 0) {
            return List.of();
        }
        return centres.entrySet().stream().filter(e -> !e.getKey().equals(home))
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> distanceKm(h[0], h[1], e.getValue()[0],
                        e.getValue()[1])).thenComparing(Map.Entry::getKey))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    /**
     * The candidates for supplying {@code industry} to buyers in {@code home}: suppliers in the industry located in
     * {@code home} (ring 0) or in {@code neighbours} (ring 1); by ring, then employment descending (unknown last),
     * then id; at most {@code top}.
     *
     * @param centres region → {lat, lon}, for suppliers without coordinates and buyers when none is given
     * @param buyers  where the buyers are; empty: the centre of {@code home}
     * @throws InvalidParameterException when {@code top} is negative
     */
    public static List<Candidate> of(Collection<Supplier> suppliers, String industry, String home, Collection<String> neighbours,
                                     Map<String, double[]> centres, List<Buyer> buyers, int top) {
        if (top < 0) {
            throw new InvalidParameterException(Text.core("candidates.top.negative", top));
        }
        Set<String> near = Set.copyOf(neighbours);
        List<Buyer> from = buyers;
        if (from.isEmpty() && centres.containsKey(home)) {
            double[] c = centres.get(home);
            from = List.of(new Buyer(c[0], c[1], 1));
        }
        List<Candidate> out = new ArrayList<>();
        for (Supplier s : suppliers) {
            int ring = s.region().equals(home) ? 0 : near.contains(s.region()) ? 1 : -1;
            if (ring < 0 || !Opportunities.within(s.industry(), industry)) {
                continue;
            }
            boolean located = Double.isFinite(s.lat()) && Double.isFinite(s.lon());
            double[] at = located ? new double[] {s.lat(), s.lon()} : centres.get(s.region());
            out.add(new Candidate(industry, s, ring, at == null ? Double.NaN : meanDistance(at, from), located));
        }
        out.sort(Comparator.comparingInt(Candidate::ring)
                .thenComparingDouble(c -> Double.isNaN(c.supplier().employment()) ? Double.POSITIVE_INFINITY : -c.supplier().employment())
                .thenComparing(c -> c.supplier().id()));
        return out.size() > top ? List.copyOf(out.subList(0, top)) : List.copyOf(out);
    }

    /** Σ w_b·d(at, b) / Σ w_b over buyers with a location and a positive weight; NaN when there is none. */
    static double meanDistance(double[] at, List<Buyer> buyers) {
        double sum = 0;
        double weight = 0;
        for (Buyer b : buyers) {
            if (!(b.weight() > 0) || !Double.isFinite(b.lat()) || !Double.isFinite(b.lon())) {
                continue;
            }
            sum += b.weight() * distanceKm(at[0], at[1], b.lat(), b.lon());
            weight += b.weight();
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }
}
