package org.klaster.app.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.Contract;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * The figures of one cluster on a day D and for a year Y, counted as the compliance engine counts them
 * (docs/methods-registry.md): participants are the members on D, an inside contract is one of the cluster
 * of year Y between two participants. Sums are taken in decimal on the numbers as written, so a total is
 * the one a person adds up by hand.
 *
 * <pre>
 * participants  members on D (joined ≤ D, not left before D)
 * employees     Σ employees of the participants (those that state it); NaN when none does
 * output        Σ output in Y of the participants (facts); NaN when none has facts of Y
 * inside        Σ value of the inside contracts of Y
 * inside_share  inside / output (the cluster's output sold to its own participants); NaN without output
 * </pre>
 */
public final class ClusterFigures {

    private final Cluster cluster;
    private final LocalDate day;
    private final int year;
    private final Map<String, Membership> participants;
    private final Map<String, Organisation> orgs;
    private final Map<String, AnnualFacts> facts = new HashMap<>();
    private final Map<String, BigDecimal> sold = new HashMap<>();
    private final Map<String, BigDecimal> bought = new HashMap<>();
    private final Map<String, Integer> insideCount = new HashMap<>();
    private BigDecimal inside = BigDecimal.ZERO;
    private int insideContracts;

    private ClusterFigures(Registry r, Cluster cluster, LocalDate day, int year, Map<String, Organisation> orgs) {
        this.cluster = cluster;
        this.day = day;
        this.year = year;
        this.orgs = orgs;
        Map<String, Membership> p = new TreeMap<>();
        for (Membership m : r.memberships()) {
            if (m.cluster().equals(cluster.id()) && m.activeOn(day) && orgs.containsKey(m.inn())) {
                p.merge(m.inn(), m, (a, b) -> a.joined().isAfter(b.joined()) ? a : b);
            }
        }
        this.participants = p;
        for (AnnualFacts f : r.facts()) if (f.year() == year && p.containsKey(f.inn())) facts.put(f.inn(), f);
        for (Contract c : r.contracts()) {
            if (!c.cluster().equals(cluster.id()) || c.year() != year) continue;
            if (!p.containsKey(c.supplier()) || !p.containsKey(c.buyer())) continue;
            BigDecimal v = BigDecimal.valueOf(c.value());
            sold.merge(c.supplier(), v, BigDecimal::add);
            bought.merge(c.buyer(), v, BigDecimal::add);
            insideCount.merge(c.supplier(), 1, Integer::sum);
            insideCount.merge(c.buyer(), 1, Integer::sum);
            inside = inside.add(v);
            insideContracts++;
        }
    }

    /** The figures of {@code cluster} on {@code day} for {@code year}. */
    public static ClusterFigures of(Registry r, Cluster cluster, LocalDate day, int year) {
        return new ClusterFigures(r, cluster, day, year, r.byInn());
    }

    /** The same with the registry's organisations by INN already at hand (a table of many clusters). */
    static ClusterFigures of(Registry r, Cluster cluster, LocalDate day, int year, Map<String, Organisation> orgs) {
        return new ClusterFigures(r, cluster, day, year, orgs);
    }

    public Cluster cluster() {
        return cluster;
    }

    public LocalDate day() {
        return day;
    }

    public int year() {
        return year;
    }

    /** The participants on the day, by INN (their membership that is active then). */
    public Map<String, Membership> participants() {
        return java.util.Collections.unmodifiableMap(participants);
    }

    public boolean isParticipant(String inn) {
        return participants.containsKey(inn);
    }

    public int count() {
        return participants.size();
    }

    /** Σ employees of the participants that state it; NaN when none does. */
    public double employees() {
        BigDecimal s = BigDecimal.ZERO;
        boolean any = false;
        for (String inn : participants.keySet()) {
            double e = orgs.get(inn).employees();
            if (!Double.isNaN(e)) {
                s = s.add(BigDecimal.valueOf(e));
                any = true;
            }
        }
        return any ? s.doubleValue() : Double.NaN;
    }

    /** Σ output in the year of the participants with facts; NaN when none has output stated. */
    public double output() {
        return sum(true);
    }

    /** Σ purchases in the year; NaN when none is stated. */
    public double purchases() {
        return sum(false);
    }

    private double sum(boolean output) {
        BigDecimal s = BigDecimal.ZERO;
        boolean any = false;
        for (AnnualFacts f : facts.values()) {
            double v = output ? f.output() : f.purchases();
            if (!Double.isNaN(v)) {
                s = s.add(BigDecimal.valueOf(v));
                any = true;
            }
        }
        return any ? s.doubleValue() : Double.NaN;
    }

    /** Σ value of the inside contracts of the year. */
    public double inside() {
        return inside.doubleValue();
    }

    /** The number of inside contracts of the year. */
    public int insideContracts() {
        return insideContracts;
    }

    /** inside / output; NaN when the participants state no positive output. */
    public double insideShare() {
        double out = output();
        return Double.isNaN(out) || out <= 0 ? Double.NaN : inside.doubleValue() / out;
    }

    /** A participant's facts of the year, or null. */
    public AnnualFacts facts(String inn) {
        return facts.get(inn);
    }

    /** What a participant sold inside the cluster in the year (0 when nothing). */
    public double soldInside(String inn) {
        return sold.getOrDefault(inn, BigDecimal.ZERO).doubleValue();
    }

    /** What a participant bought inside the cluster in the year (0 when nothing). */
    public double boughtInside(String inn) {
        return bought.getOrDefault(inn, BigDecimal.ZERO).doubleValue();
    }

    /** The inside contracts a participant is party to in the year. */
    public int insideContracts(String inn) {
        return insideCount.getOrDefault(inn, 0);
    }

    /** Participants per region (their own region, as organisations.csv states it), in region order. */
    public Map<String, Integer> byRegion() {
        Map<String, Integer> m = new TreeMap<>();
        for (String inn : participants.keySet()) {
            String region = orgs.get(inn).region();
            if (region != null && !region.isBlank()) m.merge(region, 1, Integer::sum);
        }
        return m;
    }

    /** The years a cluster has contracts or its members have facts, ascending. */
    public static List<Integer> years(Registry r, String clusterId) {
        java.util.TreeSet<Integer> ys = new java.util.TreeSet<>();
        java.util.Set<String> members = new java.util.HashSet<>();
        for (Membership m : r.memberships()) if (m.cluster().equals(clusterId)) members.add(m.inn());
        for (Contract c : r.contracts()) if (c.cluster().equals(clusterId)) ys.add(c.year());
        for (AnnualFacts f : r.facts()) if (members.contains(f.inn())) ys.add(f.year());
        return List.copyOf(ys);
    }

    /** The organisations of the registry by INN, in file order. */
    static Map<String, Organisation> orgs(Registry r) {
        return new LinkedHashMap<>(r.byInn());
    }
}
