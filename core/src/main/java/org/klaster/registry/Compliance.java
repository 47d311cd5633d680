package org.klaster.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * The Decree 779 compliance check of one cluster (methods.md §5, docs/methods-registry.md): the rules in
 * force on a day D × the cluster's facts of a year Y → one row per requirement × subject, each failed row
 * with its reason and the smallest fix.
 *
 * <pre>
 * participants   = members on D (joined ≤ D, not left before D)
 * inside         = contracts of the cluster of year Y whose supplier and buyer are both participants
 * contract_link        (each participant)  #inside contracts it is party to ≥ min_contracts
 * inside_output_share  (each participant with output &gt; 0 in Y)  Σ inside supplies / output ≥ min_share
 * functional_dependence (cluster)  over final producers: Σ inside purchases / Σ purchases ≥ min_share,
 *                       or ≥ min_share_special when #special-territory participants / #participants ≥ special_share
 * newcomers            participants that joined on or after D − grace_years and have no output or no
 *                      inside contract in Y are exempt from the per-participant rules, at most max of them,
 *                      the most recently joined first (equal dates: smaller INN first)
 * min_participants     (cluster)  #participants of type enterprise ≥ min
 * </pre>
 * A requirement without every required parameter in force on D prints no rows. Thresholds are compared in
 * exact decimal arithmetic on the numbers as written ({@code inside ≥ threshold × total}), so a share that
 * equals the threshold passes whatever binary rounding would do; the fix is the exact difference
 * {@code threshold × total − inside}, so adding it passes and anything less fails.
 */
public final class Compliance {

    private Compliance() {
    }

    /**
     * Checks one cluster.
     *
     * @param includeUnconfirmed whether rules marked {@link Confidence#M} apply
     * @throws InvalidParameterException the cluster is not in the registry
     * @throws AnalysisException         the cluster has no participants on {@code asOf}
     */
    public static ComplianceResult check(Registry registry, String clusterId, RuleSet rules, LocalDate asOf, int year,
                                         boolean includeUnconfirmed) {
        Cluster cluster = registry.cluster(clusterId);
        if (cluster == null) {
            throw new InvalidParameterException(Text.core("registry.cluster.unknown", clusterId,
                    registry.clusters().stream().map(Cluster::id).toList()));
        }
        Map<String, Organisation> orgs = registry.byInn();
        // participants on D, by INN; an organisation that left and rejoined has one active membership on D
        Map<String, Membership> participants = new TreeMap<>();
        for (Membership m : registry.memberships()) {
            if (m.cluster().equals(clusterId) && m.activeOn(asOf) && orgs.containsKey(m.inn())) {
                participants.merge(m.inn(), m, (a, b) -> a.joined().isAfter(b.joined()) ? a : b);
            }
        }
        if (participants.isEmpty()) {
            throw new AnalysisException(Text.core("registry.no.participants", clusterId, asOf.toString()));
        }
        Map<String, Integer> insideCount = new HashMap<>();
        Map<String, BigDecimal> supplied = new HashMap<>();
        Map<String, BigDecimal> bought = new HashMap<>();
        for (Contract c : registry.contracts()) {
            if (!c.cluster().equals(clusterId) || c.year() != year) continue;
            if (!participants.containsKey(c.supplier()) || !participants.containsKey(c.buyer())) continue;
            insideCount.merge(c.supplier(), 1, Integer::sum);
            insideCount.merge(c.buyer(), 1, Integer::sum);
            supplied.merge(c.supplier(), dec(c.value()), BigDecimal::add);
            bought.merge(c.buyer(), dec(c.value()), BigDecimal::add);
        }
        Map<String, AnnualFacts> facts = new HashMap<>();
        for (AnnualFacts f : registry.facts()) {
            if (f.year() == year && participants.containsKey(f.inn())) facts.put(f.inn(), f);
        }

        Map<String, Rule> inForce = rules.inForce(asOf, includeUnconfirmed);
        List<Text> notes = new ArrayList<>();
        List<Rule> used = new ArrayList<>();
        Map<Requirement, Boolean> applies = new LinkedHashMap<>();
        for (Requirement q : Requirement.values()) {
            List<String> missing = new ArrayList<>();
            boolean any = false;
            for (String p : q.required()) {
                if (inForce.containsKey(q.code() + "." + p)) any = true;
                else missing.add(p);
            }
            boolean on = missing.isEmpty();
            applies.put(q, on);
            if (!on && any) notes.add(Text.core("registry.rule.incomplete", q.code(), missing, asOf.toString()));
            if (on) {
                for (String p : q.parameters()) {
                    Rule r = inForce.get(q.code() + "." + p);
                    if (r != null) used.add(r);
                }
            }
        }
        if (!includeUnconfirmed) {
            List<String> off = rules.unconfirmedOn(asOf).stream().map(Rule::name).toList();
            if (!off.isEmpty()) notes.add(Text.core("registry.rule.unconfirmed.off", off));
        }

        // newcomers: exempt from the per-participant rules, at most max of them, the most recent first
        Map<String, LocalDate> exemptUntil = new HashMap<>();
        if (applies.get(Requirement.NEWCOMERS)) {
            int max = whole(inForce.get("newcomers.max"));
            int grace = whole(inForce.get("newcomers.grace_years"));
            LocalDate since = asOf.minusYears(grace);
            List<Membership> eligible = new ArrayList<>();
            for (Membership m : participants.values()) {
                AnnualFacts f = facts.get(m.inn());
                boolean noOutput = f == null || !(f.output() > 0);
                boolean noInside = insideCount.getOrDefault(m.inn(), 0) == 0;
                if (!m.joined().isBefore(since) && (noOutput || noInside)) eligible.add(m);
            }
            eligible.sort(Comparator.comparing(Membership::joined).reversed().thenComparing(Membership::inn));
            for (int i = 0; i < eligible.size(); i++) {
                Membership m = eligible.get(i);
                if (i < max) exemptUntil.put(m.inn(), m.joined().plusYears(grace));
            }
            if (eligible.size() > max) {
                notes.add(Text.core("registry.newcomers.over", eligible.size(), max,
                        eligible.subList(max, eligible.size()).stream().map(Membership::inn).toList()));
            }
        }

        List<ComplianceRow> rows = new ArrayList<>();
        if (applies.get(Requirement.CONTRACT_LINK)) {
            Rule r = inForce.get("contract_link.min_contracts");
            int min = whole(r);
            for (String inn : participants.keySet()) {
                int n = insideCount.getOrDefault(inn, 0);
                LocalDate until = exemptUntil.get(inn);
                if (until != null) {
                    rows.add(new ComplianceRow(Requirement.CONTRACT_LINK.code(), inn, n, min, true, true, r.validFrom(),
                            r.confidence(), exemptNote(inn, participants.get(inn), until), Double.NaN));
                } else if (n >= min) {
                    rows.add(new ComplianceRow(Requirement.CONTRACT_LINK.code(), inn, n, min, true, false, r.validFrom(),
                            r.confidence(), null, Double.NaN));
                } else {
                    rows.add(new ComplianceRow(Requirement.CONTRACT_LINK.code(), inn, n, min, false, false, r.validFrom(),
                            r.confidence(), min - n == 1 ? Text.core("registry.fix.contract", inn, n, min)
                                    : Text.core("registry.fix.contracts", inn, n, min, min - n), min - n));
                }
            }
        }
        if (applies.get(Requirement.INSIDE_OUTPUT_SHARE)) {
            Rule r = inForce.get("inside_output_share.min_share");
            BigDecimal t = dec(r.value());
            List<String> noOutput = new ArrayList<>();
            for (String inn : participants.keySet()) {
                AnnualFacts f = facts.get(inn);
                if (f == null || !(f.output() > 0)) {
                    noOutput.add(inn);
                    continue;
                }
                BigDecimal out = dec(f.output());
                BigDecimal in = supplied.getOrDefault(inn, BigDecimal.ZERO);
                double share = in.doubleValue() / f.output();
                LocalDate until = exemptUntil.get(inn);
                BigDecimal need = t.multiply(out);
                if (until != null) {
                    rows.add(new ComplianceRow(Requirement.INSIDE_OUTPUT_SHARE.code(), inn, share, r.value(), true, true,
                            r.validFrom(), r.confidence(), exemptNote(inn, participants.get(inn), until), Double.NaN));
                } else if (in.compareTo(need) >= 0) {
                    rows.add(new ComplianceRow(Requirement.INSIDE_OUTPUT_SHARE.code(), inn, share, r.value(), true, false,
                            r.validFrom(), r.confidence(), null, Double.NaN));
                } else {
                    BigDecimal fix = need.subtract(in);
                    rows.add(new ComplianceRow(Requirement.INSIDE_OUTPUT_SHARE.code(), inn, share, r.value(), false, false,
                            r.validFrom(), r.confidence(), Text.core("registry.fix.output.share", inn, shownShare(share),
                                    percent(r.value()), money(fix)), fix.doubleValue()));
                }
            }
            if (!noOutput.isEmpty()) notes.add(Text.core("registry.no.output", year, noOutput));
        }
        if (applies.get(Requirement.FUNCTIONAL_DEPENDENCE)) {
            rows.add(functionalDependence(orgs, participants, facts, bought, inForce, asOf, year, notes));
        }
        if (applies.get(Requirement.MIN_PARTICIPANTS)) {
            Rule r = inForce.get("min_participants.min");
            int min = whole(r);
            int n = 0;
            for (String inn : participants.keySet()) if (orgs.get(inn).type() == OrganisationType.ENTERPRISE) n++;
            boolean ok = n >= min;
            rows.add(new ComplianceRow(Requirement.MIN_PARTICIPANTS.code(), ComplianceRow.CLUSTER, n, min, ok, false,
                    r.validFrom(), r.confidence(), ok ? null : Text.core("registry.fix.participants", n, min, min - n),
                    ok ? Double.NaN : min - n));
        }
        return new ComplianceResult(clusterId, asOf, year, participants.size(), rows, used, notes);
    }

    private static ComplianceRow functionalDependence(Map<String, Organisation> orgs, Map<String, Membership> participants,
                                                      Map<String, AnnualFacts> facts, Map<String, BigDecimal> bought,
                                                      Map<String, Rule> inForce, LocalDate asOf, int year,
                                                      List<Text> notes) {
        String code = Requirement.FUNCTIONAL_DEPENDENCE.code();
        Rule base = inForce.get(code + ".min_share");
        Rule special = inForce.get(code + ".min_share_special");
        Rule specialShare = inForce.get(code + ".special_share");
        int n = participants.size();
        int inSpecial = 0;
        for (String inn : participants.keySet()) if (orgs.get(inn).specialTerritory()) inSpecial++;
        // the lower threshold needs both of its parameters; the share of special-territory participants is
        // compared exactly: inSpecial ≥ special_share × n
        boolean lowered = special != null && specialShare != null
                && BigDecimal.valueOf(inSpecial).compareTo(dec(specialShare.value()).multiply(BigDecimal.valueOf(n))) >= 0;
        if ((special == null) != (specialShare == null)) {
            notes.add(Text.core("registry.rule.incomplete", code,
                    List.of(special == null ? "min_share_special" : "special_share"), asOf.toString()));
        }
        Rule threshold = lowered ? special : base;
        LocalDate from = base.validFrom();
        Confidence conf = base.confidence();
        if (special != null && specialShare != null) {
            for (Rule r : List.of(special, specialShare)) {
                if (r.validFrom().isAfter(from)) from = r.validFrom();
                conf = Confidence.weaker(conf, r.confidence());
            }
        }
        BigDecimal inside = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        List<String> finals = new ArrayList<>();
        List<String> withoutPurchases = new ArrayList<>();
        for (String inn : participants.keySet()) {
            if (!orgs.get(inn).finalProducer()) continue;
            finals.add(inn);
            AnnualFacts f = facts.get(inn);
            if (f == null || Double.isNaN(f.purchases())) {
                withoutPurchases.add(inn);
                continue;
            }
            total = total.add(dec(f.purchases()));
            inside = inside.add(bought.getOrDefault(inn, BigDecimal.ZERO));
        }
        if (!withoutPurchases.isEmpty()) notes.add(Text.core("registry.no.purchases", year, withoutPurchases));
        if (total.signum() <= 0) {
            Text why = finals.isEmpty() ? Text.core("registry.fix.no.final.producers")
                    : Text.core("registry.fix.no.purchases", year);
            return new ComplianceRow(code, ComplianceRow.CLUSTER, Double.NaN, threshold.value(), false, false, from, conf,
                    why, Double.NaN);
        }
        double share = inside.doubleValue() / total.doubleValue();
        BigDecimal need = dec(threshold.value()).multiply(total);
        if (inside.compareTo(need) >= 0) {
            return new ComplianceRow(code, ComplianceRow.CLUSTER, share, threshold.value(), true, false, from, conf, null,
                    Double.NaN);
        }
        BigDecimal fix = need.subtract(inside);
        return new ComplianceRow(code, ComplianceRow.CLUSTER, share, threshold.value(), false, false, from, conf,
                Text.core("registry.fix.dependence", shownShare(share), percent(threshold.value()), money(fix)),
                fix.doubleValue());
    }

    private static Text exemptNote(String inn, Membership m, LocalDate until) {
        return Text.core("registry.exempt", inn, m.joined().toString(), until.toString());
    }

    /** The decimal a person wrote: {@code 0.2} is 0.2, not the binary double next to it. */
    static BigDecimal dec(double v) {
        return BigDecimal.valueOf(v);
    }

    /** A count parameter (validated as a whole number ≥ 0 where the rules are read). */
    private static int whole(Rule r) {
        return (int) Math.round(r.value());
    }

    /** A failing share in per cent, one decimal, rounded down so that it never reads as the threshold. */
    static double shownShare(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).setScale(1, RoundingMode.FLOOR).doubleValue();
    }

    /** A threshold in per cent as written: 0.2 → 20, 0.125 → 12.5. */
    static double percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).doubleValue();
    }

    /**
     * An amount of thousand RUB for a sentence, rounded up (a fix shown too small would not fix): from
     * 1000 thousand RUB on in mln RUB with one decimal, else in thousand RUB with one decimal.
     */
    static Text money(BigDecimal thousands) {
        if (thousands.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return Text.core("registry.money.mln", thousands.movePointLeft(3).setScale(1, RoundingMode.CEILING).doubleValue());
        }
        return Text.core("registry.money.thousand", thousands.setScale(1, RoundingMode.CEILING).doubleValue());
    }
}
