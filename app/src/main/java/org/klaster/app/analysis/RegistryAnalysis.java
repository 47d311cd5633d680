package org.klaster.app.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.AnalysisException;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Compliance;
import org.klaster.registry.ComplianceResult;
import org.klaster.registry.Contract;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;
import org.klaster.registry.RuleSet;

/**
 * The national registry table: one row per cluster with its participants, employment, output, the share
 * of that output sold inside the cluster ({@link ClusterFigures}) and its Decree 779 verdict on a day D
 * for the facts of a year Y ({@link Compliance}); filtered by region, type, specialisation and verdict.
 * Also the cluster's figures over its years ({@link #years}) and its contracts ({@link #contracts}), so
 * that the profile page, the API and the downloads take the same rows.
 */
public final class RegistryAnalysis {

    public static final String ID = "registry";
    public static final String YEARS_ID = "registry.years";
    public static final String CONTRACTS_ID = "registry.contracts";

    /** The verdict filter: clusters that meet every requirement, or that fail one (or cannot be judged). */
    public enum Verdict {
        PASS, FAIL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static List<String> codes() {
            return java.util.Arrays.stream(values()).map(Verdict::code).toList();
        }
    }

    /**
     * What the table shows.
     *
     * @param region          only clusters in this region (ISO 3166-2:RU), or null
     * @param type            only clusters of this type, or null
     * @param specialisation  only clusters with an OKVED2 code that is this code or under it ({@code 28} takes
     *                        {@code 28.9}), or null
     * @param verdict         only clusters that pass (or fail), or null
     */
    public record Params(LocalDate asOf, int year, boolean includeUnconfirmed, String region, ClusterType type,
                         String specialisation, Verdict verdict) {

        /** Checks the values as given (query parameters, flags); {@code asOf} null = {@code today}. */
        public static Params of(String asOf, Integer year, LocalDate today, Registry r, boolean includeUnconfirmed,
                                String region, String type, String specialisation, String verdict) {
            LocalDate d = asOf == null || asOf.isBlank() ? today : ComplianceAnalysis.date("as_of", asOf);
            int y = year != null ? year : defaultYear(r, d);
            String reg = Param.code("region", region);
            ClusterType t = null;
            String tp = Param.code("type", type);
            if (tp != null) {
                t = ClusterType.parse(tp);
                if (t == null) {
                    throw UserException.badParameter("type", Messages.text("param.oneOf", Param.shorten(tp),
                            String.join(", ", ClusterType.codes())));
                }
            }
            String spec = Param.code("specialisation", specialisation);
            Verdict v = null;
            String vc = Param.code("compliance", verdict);
            if (vc != null) {
                v = switch (vc) {
                    case "pass" -> Verdict.PASS;
                    case "fail" -> Verdict.FAIL;
                    default -> throw UserException.badParameter("compliance", Messages.text("param.oneOf", Param.shorten(vc),
                            String.join(", ", Verdict.codes())));
                };
            }
            return new Params(d, y, includeUnconfirmed, reg, t, spec, v);
        }
    }

    /**
     * The year judged when none is asked for: the latest year with facts or contracts that is not after
     * the day's year; the day's year − 1 when the registry has none.
     */
    public static int defaultYear(Registry r, LocalDate day) {
        int best = Integer.MIN_VALUE;
        for (AnnualFacts f : r.facts()) if (f.year() <= day.getYear() && f.year() > best) best = f.year();
        for (Contract c : r.contracts()) if (c.year() <= day.getYear() && c.year() > best) best = c.year();
        return best == Integer.MIN_VALUE ? day.getYear() - 1 : best;
    }

    /**
     * A cluster's row.
     *
     * @param compliant null when it cannot be judged (no participants on the day)
     * @param failed    requirement rows failed, null when it cannot be judged
     */
    public record Row(Cluster cluster, int participants, double employees, double output, double insideShare,
                      Boolean compliant, Integer failed) {
    }

    public static Schema<Row> schema(Names names) {
        return Schema.<Row>builder(ID, "RegistryRow")
                .text("cluster", r -> r.cluster().id())
                .text("name", r -> r.cluster().name())
                .text("cluster_type", r -> r.cluster().type().code())
                .name("cluster_type_name", r -> Messages.of(names.lang()).get("registry.type." + r.cluster().type().code()))
                .text("cluster_regions", r -> String.join(";", r.cluster().regions()))
                .name("cluster_regions_name", r -> String.join("; ", r.cluster().regions().stream().map(names::region).toList()))
                .text("specialisation", r -> String.join(";", r.cluster().specialisation()))
                .integer("participants", Unit.COUNT, Row::participants)
                .optionalNumber("employees", Unit.PERSONS, Row::employees)
                .optionalNumber("cluster_output", Unit.MONEY, 1, Row::output)
                .optionalNumber("inside_share", Unit.SHARE, Row::insideShare)
                .optionalFlag("compliant", Row::compliant)
                .optionalInteger("failed", Unit.COUNT, Row::failed)
                .build();
    }

    /** One row per cluster that passes the filters, in the registry's order. */
    public static Table<Row> run(Registry r, RuleSet rules, Provenance.Input registry, Provenance.Input rulesInput, Params p,
                                 Names names, boolean withNames) {
        Map<String, Organisation> orgs = ClusterFigures.orgs(r);
        List<Row> rows = new ArrayList<>();
        for (Cluster c : r.clusters()) {
            if (p.region() != null && !c.regions().contains(p.region())) continue;
            if (p.type() != null && c.type() != p.type()) continue;
            if (p.specialisation() != null && c.specialisation().stream().noneMatch(s -> under(s, p.specialisation()))) continue;
            Row row = row(r, c, rules, p.asOf(), p.year(), p.includeUnconfirmed(), orgs);
            if (p.verdict() == Verdict.PASS && !Boolean.TRUE.equals(row.compliant())) continue;
            if (p.verdict() == Verdict.FAIL && Boolean.TRUE.equals(row.compliant())) continue;
            rows.add(row);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("as_of", p.asOf().toString());
        params.put("year", p.year());
        params.put("include_unconfirmed", p.includeUnconfirmed());
        params.put("region", p.region());
        params.put("type", p.type() == null ? null : p.type().code());
        params.put("specialisation", p.specialisation());
        params.put("compliance", p.verdict() == null ? null : p.verdict().code());
        params.put("rules_version", rules.version());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clusters", rows.size());
        summary.put("compliant_clusters", rows.stream().filter(x -> Boolean.TRUE.equals(x.compliant())).count());
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, List.of(registry, rulesInput), params,
                "thousand RUB"), List.of(), List.of(), summary);
    }

    /** Whether an OKVED2 code is {@code prefix} or under it (28.9 is under 28, 280 is not). */
    static boolean under(String code, String prefix) {
        return code.equals(prefix) || code.startsWith(prefix + ".");
    }

    static Row row(Registry r, Cluster c, RuleSet rules, LocalDate day, int year, boolean includeUnconfirmed,
                   Map<String, Organisation> orgs) {
        ClusterFigures f = ClusterFigures.of(r, c, day, year, orgs);
        Boolean compliant = null;
        Integer failed = null;
        if (f.count() > 0) {
            try {
                ComplianceResult res = Compliance.check(r, c.id(), rules, day, year, includeUnconfirmed);
                compliant = res.compliant();
                failed = (int) res.failed();
            } catch (AnalysisException e) {
                // no participants on the day: not judged
            }
        }
        return new Row(c, f.count(), f.employees(), f.output(), f.insideShare(), compliant, failed);
    }

    // ------------------------------------------------------------------ a cluster over its years

    /**
     * A cluster in one year: the participants on 31 December (on the day asked for, when that is earlier in the
     * same year), its figures for that year and its verdict then.
     */
    public record YearRow(int year, LocalDate day, int participants, double employees, double output, double inside,
                          double insideShare, Boolean compliant, Integer failed) {
    }

    public static Schema<YearRow> yearSchema() {
        return Schema.<YearRow>builder(YEARS_ID, "ClusterYearRow")
                .integer("year", Unit.YEAR, YearRow::year)
                .text("as_of", r -> r.day().toString())
                .integer("participants", Unit.COUNT, YearRow::participants)
                .optionalNumber("employees", Unit.PERSONS, YearRow::employees)
                .optionalNumber("cluster_output", Unit.MONEY, 1, YearRow::output)
                .number("inside_value", Unit.MONEY, YearRow::inside)
                .optionalNumber("inside_share", Unit.SHARE, YearRow::insideShare)
                .optionalFlag("compliant", YearRow::compliant)
                .optionalInteger("failed", Unit.COUNT, YearRow::failed)
                .build();
    }

    /** The cluster's years (those with contracts or facts), each judged on 31 December, not after {@code asOf}. */
    public static Table<YearRow> years(Registry r, RuleSet rules, Provenance.Input registry, Provenance.Input rulesInput,
                                       String clusterId, LocalDate asOf, boolean includeUnconfirmed, boolean withNames) {
        Cluster c = cluster(r, clusterId);
        Map<String, Organisation> orgs = ClusterFigures.orgs(r);
        List<YearRow> rows = new ArrayList<>();
        for (int y : ClusterFigures.years(r, c.id())) {
            if (y > asOf.getYear()) continue;
            LocalDate day = LocalDate.of(y, 12, 31);
            if (day.isAfter(asOf)) day = asOf;
            Row row = row(r, c, rules, day, y, includeUnconfirmed, orgs);
            ClusterFigures f = ClusterFigures.of(r, c, day, y, orgs);
            rows.add(new YearRow(y, day, row.participants(), row.employees(), row.output(), f.inside(), row.insideShare(),
                    row.compliant(), row.failed()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cluster", c.id());
        params.put("as_of", asOf.toString());
        params.put("include_unconfirmed", includeUnconfirmed);
        params.put("rules_version", rules.version());
        return new Table<>(yearSchema(), rows, withNames, new Provenance(YEARS_ID, List.of(registry, rulesInput), params,
                "thousand RUB"), List.of(), List.of());
    }

    /** The cluster, or NOT_FOUND naming it. */
    public static Cluster cluster(Registry r, String id) {
        Cluster c = r.cluster(id);
        if (c == null) throw UserException.notFound("cluster", Messages.text("registry.noCluster", id));
        return c;
    }

    // ------------------------------------------------------------------ contracts

    /** A stored contract and its id (the store's), with the figures of the cluster on the day. */
    public record ContractRow(String id, Contract contract, boolean inside) {
    }

    public static Schema<ContractRow> contractSchema(Map<String, Organisation> orgs) {
        return Schema.<ContractRow>builder(CONTRACTS_ID, "ContractRow")
                .text("contract", ContractRow::id)
                .text("supplier", r -> r.contract().supplier())
                .name("supplier_name", r -> name(orgs, r.contract().supplier()))
                .text("buyer", r -> r.contract().buyer())
                .name("buyer_name", r -> name(orgs, r.contract().buyer()))
                .text("contract_type", r -> r.contract().type().code())
                .integer("year", Unit.YEAR, r -> r.contract().year())
                .number("value", Unit.MONEY, r -> r.contract().value())
                .flag("inside", ContractRow::inside)
                .build();
    }

    private static String name(Map<String, Organisation> orgs, String inn) {
        Organisation o = orgs.get(inn);
        return o == null ? null : o.name();
    }

    /**
     * The contracts of a cluster (id → contract, in the store's order), newest year first; {@code inside} says
     * whether both parties are participants on {@code asOf}.
     */
    public static Table<ContractRow> contracts(Registry r, Map<String, Contract> contracts, Provenance.Input registry,
                                               String clusterId, LocalDate asOf, boolean withNames) {
        Cluster c = cluster(r, clusterId);
        Map<String, Organisation> orgs = ClusterFigures.orgs(r);
        ClusterFigures f = ClusterFigures.of(r, c, asOf, asOf.getYear(), orgs);
        List<ContractRow> rows = new ArrayList<>();
        contracts.forEach((id, k) -> {
            if (k.cluster().equals(c.id())) {
                rows.add(new ContractRow(id, k, f.isParticipant(k.supplier()) && f.isParticipant(k.buyer())));
            }
        });
        rows.sort(java.util.Comparator.comparingInt((ContractRow x) -> -x.contract().year()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cluster", c.id());
        params.put("as_of", asOf.toString());
        return new Table<>(contractSchema(orgs), rows, withNames, new Provenance(CONTRACTS_ID, List.of(registry), params,
                "thousand RUB"), List.of(), List.of());
    }
}
