package org.klaster.app.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * A cluster's participants: every membership of the cluster (a participant on the day D or not), the
 * organisation's registry fields, and its figures of the year Y as the compliance check counts them
 * ({@link ClusterFigures}): output and purchases (facts), what it sold to and bought from participants,
 * and its inside contracts.
 */
public final class ParticipantsAnalysis {

    public static final String ID = "registry.participants";

    private ParticipantsAnalysis() {
    }

    /** One membership with its organisation and that organisation's figures of the year. */
    public record Row(Organisation org, Membership membership, boolean participant, AnnualFacts facts, double soldInside,
                      double boughtInside, int insideContracts) {
    }

    public static Schema<Row> schema(Names names) {
        Messages m = Messages.of(names.lang());
        return Schema.<Row>builder(ID, "ParticipantRow")
                .text("inn", r -> r.org().inn())
                .text("name", r -> r.org().name())
                .text("organisation_type", r -> r.org().type().code())
                .name("organisation_type_name", r -> m.get("registry.orgType." + r.org().type().code()))
                .optionalText("okved", r -> r.org().okved())
                .optionalText("region", r -> blankToNull(r.org().region()))
                .name("region_name", r -> blankToNull(r.org().region()) == null ? null : names.region(r.org().region()))
                .text("joined", r -> r.membership().joined().toString())
                .optionalText("left", r -> r.membership().left() == null ? null : r.membership().left().toString())
                .flag("participant", Row::participant)
                .flag("final_producer", r -> r.org().finalProducer())
                .flag("special_territory", r -> r.org().specialTerritory())
                .optionalNumber("employees", Unit.PERSONS, r -> r.org().employees())
                .optionalNumber("org_output", Unit.MONEY, 1, r -> r.facts() == null ? Double.NaN : r.facts().output())
                .optionalNumber("purchases", Unit.MONEY, 1, r -> r.facts() == null ? Double.NaN : r.facts().purchases())
                .number("sold_inside", Unit.MONEY, Row::soldInside)
                .number("bought_inside", Unit.MONEY, Row::boughtInside)
                .integer("inside_contracts", Unit.COUNT, Row::insideContracts)
                .optionalNumber("lat", Unit.DEGREES, r -> r.org().lat())
                .optionalNumber("lon", Unit.DEGREES, r -> r.org().lon())
                .build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The memberships of a cluster: participants on {@code asOf} first, then by name; figures of {@code year}
     * (those of a non-participant are its own facts; its inside sales count only while it is a participant).
     */
    public static Table<Row> run(Registry r, Provenance.Input registry, String clusterId, LocalDate asOf, int year,
                                 Names names, boolean withNames) {
        Cluster c = RegistryAnalysis.cluster(r, clusterId);
        Map<String, Organisation> orgs = ClusterFigures.orgs(r);
        ClusterFigures f = ClusterFigures.of(r, c, asOf, year, orgs);
        Map<String, AnnualFacts> facts = new LinkedHashMap<>();
        for (AnnualFacts a : r.facts()) if (a.year() == year) facts.put(a.inn(), a);
        List<Row> rows = new ArrayList<>();
        for (Membership mb : r.memberships()) {
            if (!mb.cluster().equals(c.id())) continue;
            Organisation o = orgs.get(mb.inn());
            if (o == null) continue;
            // an organisation that left and rejoined: only its active membership counts as participating
            boolean participant = f.isParticipant(o.inn()) && f.participants().get(o.inn()).equals(mb);
            rows.add(new Row(o, mb, participant, facts.get(o.inn()), participant ? f.soldInside(o.inn()) : 0,
                    participant ? f.boughtInside(o.inn()) : 0, participant ? f.insideContracts(o.inn()) : 0));
        }
        rows.sort(Comparator.comparing((Row x) -> !x.participant()).thenComparing(x -> x.org().name()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cluster", c.id());
        params.put("as_of", asOf.toString());
        params.put("year", year);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("participants", f.count());
        summary.put("employees", f.employees());
        summary.put("cluster_output", f.output());
        summary.put("inside_value", f.inside());
        summary.put("inside_share", f.insideShare());
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, List.of(registry), params, "thousand RUB"),
                List.of(), List.of(), summary);
    }
}
