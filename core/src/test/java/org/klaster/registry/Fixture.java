package org.klaster.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A hand-built registry for the engine tests: one cluster {@code C}, organisations named by short ids. */
final class Fixture {
    final List<Organisation> orgs = new ArrayList<>();
    final List<Membership> members = new ArrayList<>();
    final List<Contract> contracts = new ArrayList<>();
    final List<AnnualFacts> facts = new ArrayList<>();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** An enterprise, member since 2016-01-01. */
    Fixture member(String inn) {
        return member(inn, OrganisationType.ENTERPRISE, false, false, "2016-01-01", null);
    }

    Fixture member(String inn, OrganisationType type, boolean finalProducer, boolean special, String joined, String left) {
        if (orgs.stream().noneMatch(o -> o.inn().equals(inn))) orgs.add(Organisation.of(inn, type, finalProducer, special));
        members.add(new Membership("C", inn, d(joined), left == null ? null : d(left)));
        return this;
    }

    /** An organisation that is not a member of C. */
    Fixture outsider(String inn) {
        orgs.add(Organisation.of(inn, OrganisationType.ENTERPRISE, false, false));
        return this;
    }

    Fixture contract(String supplier, String buyer, int year, double value) {
        contracts.add(new Contract("C", supplier, buyer, ContractType.SUPPLY, year, value));
        return this;
    }

    Fixture facts(String inn, int year, double output, double purchases) {
        facts.add(new AnnualFacts(inn, year, output, purchases));
        return this;
    }

    Registry registry() {
        Cluster c = new Cluster("C", "Test cluster", ClusterType.INDUSTRIAL, List.of("RU-TA"), List.of("29.10"), "");
        Cluster other = new Cluster("OTHER", "Another cluster", ClusterType.OTHER, List.of(), List.of(), "");
        return new Registry(orgs, List.of(c, other), members, contracts, facts, List.of());
    }

    static Rule rule(String rule, String parameter, double value, String from, String to, Confidence conf) {
        return new Rule(rule, parameter, value, d(from), to == null ? null : d(to), "test", conf);
    }

    static RuleSet rules(Rule... rules) {
        return new RuleSet(List.of(rules), "test");
    }

    /** The project's dated rules (rules-779.csv) as the tests restate them. */
    static RuleSet decree779() {
        return rules(
                rule("contract_link", "min_contracts", 1, "2015-07-31", null, Confidence.V),
                rule("inside_output_share", "min_share", 0.5, "2015-07-31", "2018-08-12", Confidence.V),
                rule("inside_output_share", "min_share", 0.2, "2018-08-13", null, Confidence.V),
                rule("functional_dependence", "min_share", 0.2, "2022-01-01", null, Confidence.V),
                rule("functional_dependence", "min_share_special", 0.1, "2022-01-01", null, Confidence.V),
                rule("functional_dependence", "special_share", 0.3, "2022-01-01", null, Confidence.V),
                rule("newcomers", "max", 3, "2022-01-01", null, Confidence.V),
                rule("newcomers", "grace_years", 3, "2022-01-01", null, Confidence.V),
                rule("min_participants", "min", 10, "2015-07-31", null, Confidence.M));
    }

    ComplianceResult check(RuleSet rules, String asOf, int year) {
        return Compliance.check(registry(), "C", rules, d(asOf), year, true);
    }

    static ComplianceRow row(ComplianceResult r, String requirement, String subject) {
        return r.rows().stream().filter(x -> x.requirement().equals(requirement) && x.subject().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + requirement + " " + subject + " in " + r.rows()));
    }

    static List<ComplianceRow> rows(ComplianceResult r, String requirement) {
        return r.rows().stream().filter(x -> x.requirement().equals(requirement)).toList();
    }
}
