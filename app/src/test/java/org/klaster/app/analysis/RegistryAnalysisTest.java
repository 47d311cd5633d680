package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.data.formats.RulesReader;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Contract;
import org.klaster.registry.ContractType;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;
import org.klaster.registry.RuleSet;

/**
 * The registry table, a cluster over its years, its participants and contracts on a registry small enough
 * to add up by hand (the project's rules, docs/methods-registry.md):
 *
 * <pre>
 * K1 "Kama", industrial, RU-TA, specialisation 29;29.3
 *   A 7707083893 enterprise, final producer, 1000 employees, since 2016
 *   B 7736050003 enterprise, 200 employees, since 2016
 *   C 7706107510 research, 50 employees, since 2018
 *   D 500100732259 enterprise, no employee figure, since 2023-02-01
 *   E enterprise, 2016-01-01 … 2022-06-30 (a leaver)
 *   contracts 2023: B → A 1500, C → A 300, A → B 2000, E → A 999 (E is no participant: not inside)
 *   facts 2023: A 10000 / 5000, B 4000 / 1000, C 1000 / 200, E 500 / 100; 2022: A 8000 / 4000
 * K2 "Samara science", innovative territorial, RU-SAM, specialisation 72: C since 2020, nothing else
 *
 * K1 as of 2024-06-30, facts of 2023:
 *   participants A, B, C, D = 4; employees 1000 + 200 + 50 = 1250; output 10000 + 4000 + 1000 = 15000
 *   inside 1500 + 300 + 2000 = 3800; share 3800 / 15000 = 0.25333…
 *   contract_link: A 3, B 2, C 1 pass, D exempt (joined after 2021-06-30, no output)
 *   inside_output_share: A 2000 / 10000 = 0.2 (= threshold, passes), B 0.375, C 0.3
 *   functional_dependence: A buys 1800 of 5000 = 0.36 ≥ 0.2
 *   min_participants (M, ≥ 10): enterprises A, B, D = 3 → fails when unconfirmed rules apply
 *   → compliant without the unconfirmed rule; 1 failed row with it
 * K2: C alone: contract_link 0, inside share 0 / 1000, no final producer, 0 enterprises → 4 failed rows (with M)
 * </pre>
 */
class RegistryAnalysisTest {

    static final String A = "7707083893";
    static final String B = "7736050003";
    static final String C = "7706107510";
    static final String D = "500100732259";
    static final String E = "770000123" + Identifiers.innCheckDigit("770000123");
    static final LocalDate DAY = LocalDate.of(2024, 6, 30);
    static final Names NAMES = new Names(Lang.en, Reference.regions(), c -> null, c -> null);
    static final Provenance.Input REG = new Provenance.Input("registry", null, "test", null, false, null);
    static final RuleSet RULES = RulesReader.project().rules();
    static final Provenance.Input RULES_IN = Provenance.Input.file("rules", "rules-779.csv", RULES.version());

    static Organisation org(String inn, String name, OrganisationType t, double employees, boolean fin) {
        return new Organisation(inn, "", name, t, "29.1", "RU-TA", 55.8, 49.1, employees, Double.NaN, fin, false);
    }

    static Registry registry() {
        return new Registry(
                List.of(org(A, "Alpha", OrganisationType.ENTERPRISE, 1000, true),
                        org(B, "Beta", OrganisationType.ENTERPRISE, 200, false),
                        org(C, "Gamma Institute", OrganisationType.RESEARCH, 50, false),
                        org(D, "Delta IP", OrganisationType.ENTERPRISE, Double.NaN, false),
                        org(E, "Epsilon", OrganisationType.ENTERPRISE, 70, false)),
                List.of(new Cluster("K1", "Kama", ClusterType.INDUSTRIAL, List.of("RU-TA"), List.of("29", "29.3"), ""),
                        new Cluster("K2", "Samara science", ClusterType.INNOVATIVE_TERRITORIAL, List.of("RU-SAM"), List.of("72"), "")),
                List.of(new Membership("K1", A, LocalDate.of(2016, 1, 1), null),
                        new Membership("K1", B, LocalDate.of(2016, 1, 1), null),
                        new Membership("K1", C, LocalDate.of(2018, 1, 1), null),
                        new Membership("K1", D, LocalDate.of(2023, 2, 1), null),
                        new Membership("K1", E, LocalDate.of(2016, 1, 1), LocalDate.of(2022, 6, 30)),
                        new Membership("K2", C, LocalDate.of(2020, 1, 1), null)),
                List.of(new Contract("K1", B, A, ContractType.SUPPLY, 2023, 1500),
                        new Contract("K1", C, A, ContractType.WORKS, 2023, 300),
                        new Contract("K1", A, B, ContractType.SUPPLY, 2023, 2000),
                        new Contract("K1", E, A, ContractType.SUPPLY, 2023, 999)),
                List.of(new AnnualFacts(A, 2023, 10000, 5000), new AnnualFacts(B, 2023, 4000, 1000),
                        new AnnualFacts(C, 2023, 1000, 200), new AnnualFacts(E, 2023, 500, 100),
                        new AnnualFacts(A, 2022, 8000, 4000)),
                List.of());
    }

    static RegistryAnalysis.Params params(boolean unconfirmed, String region, String type, String spec, String verdict) {
        return RegistryAnalysis.Params.of("2024-06-30", 2023, DAY, registry(), unconfirmed, region, type, spec, verdict);
    }

    static List<RegistryAnalysis.Row> rows(RegistryAnalysis.Params p) {
        return RegistryAnalysis.run(registry(), RULES, REG, RULES_IN, p, NAMES, true).list();
    }

    @Test
    void theNationalTableAddsUpByHand() {
        List<RegistryAnalysis.Row> rows = rows(params(true, null, null, null, null));
        assertThat(rows).extracting(r -> r.cluster().id()).containsExactly("K1", "K2");
        RegistryAnalysis.Row k1 = rows.get(0);
        assertThat(k1.participants()).isEqualTo(4);
        assertThat(k1.employees()).isEqualTo(1250);
        assertThat(k1.output()).isEqualTo(15000);
        assertThat(k1.insideShare()).isCloseTo(3800.0 / 15000, within(1e-12));
        assertThat(k1.compliant()).isFalse();
        assertThat(k1.failed()).isEqualTo(1);
        RegistryAnalysis.Row k2 = rows.get(1);
        assertThat(k2.participants()).isEqualTo(1);
        assertThat(k2.output()).isEqualTo(1000);
        assertThat(k2.insideShare()).isZero();
        assertThat(k2.compliant()).isFalse();
        assertThat(k2.failed()).isEqualTo(4);
        // without the unconfirmed min_participants rule K1 passes: A's 0.2 is exactly the threshold
        RegistryAnalysis.Row k1v = rows(params(false, null, null, null, null)).get(0);
        assertThat(k1v.compliant()).isTrue();
        assertThat(k1v.failed()).isZero();
    }

    @Test
    void filtersByRegionTypeSpecialisationAndVerdict() {
        assertThat(rows(params(true, "RU-SAM", null, null, null))).extracting(r -> r.cluster().id()).containsExactly("K2");
        assertThat(rows(params(true, null, "industrial", null, null))).extracting(r -> r.cluster().id()).containsExactly("K1");
        assertThat(rows(params(true, null, null, "29", null))).extracting(r -> r.cluster().id()).containsExactly("K1");
        assertThat(rows(params(true, null, null, "29.3", null))).extracting(r -> r.cluster().id()).containsExactly("K1");
        assertThat(rows(params(true, null, null, "2", null))).isEmpty(); // 29 is not under 2
        assertThat(rows(params(false, null, null, null, "pass"))).extracting(r -> r.cluster().id()).containsExactly("K1");
        assertThat(rows(params(false, null, null, null, "fail"))).extracting(r -> r.cluster().id()).containsExactly("K2");
        assertThat(rows(params(true, null, null, null, "pass"))).isEmpty();
    }

    @Test
    void badFilterValuesNameTheirParameter() {
        assertThatThrownBy(() -> params(true, null, "cosmic", null, null))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.param()).isEqualTo("type"));
        assertThatThrownBy(() -> params(true, null, null, null, "maybe"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.param()).isEqualTo("compliance"));
        assertThatThrownBy(() -> RegistryAnalysis.Params.of("2024-02-30", null, DAY, registry(), true, null, null, null, null))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.param()).isEqualTo("as_of"));
    }

    @Test
    void theDefaultYearIsTheLatestWithFactsOrContractsNotAfterTheDay() {
        assertThat(RegistryAnalysis.defaultYear(registry(), DAY)).isEqualTo(2023);
        assertThat(RegistryAnalysis.defaultYear(registry(), LocalDate.of(2022, 12, 31))).isEqualTo(2022);
        assertThat(RegistryAnalysis.defaultYear(registry(), LocalDate.of(2021, 5, 1))).isEqualTo(2020);
    }

    @Test
    void aClusterOverItsYears() {
        List<RegistryAnalysis.YearRow> ys = RegistryAnalysis.years(registry(), RULES, REG, RULES_IN, "K1", DAY, false, true).list();
        assertThat(ys).extracting(RegistryAnalysis.YearRow::year).containsExactly(2022, 2023);
        // 2022, on 2022-12-31: A, B, C (E left in June, D not yet in); output A's 8000; no contracts → all fail contract_link
        RegistryAnalysis.YearRow y22 = ys.get(0);
        assertThat(y22.day()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(y22.participants()).isEqualTo(3);
        assertThat(y22.employees()).isEqualTo(1250);
        assertThat(y22.output()).isEqualTo(8000);
        assertThat(y22.inside()).isZero();
        assertThat(y22.compliant()).isFalse();
        // 2023, on 2023-12-31: the four participants; D is exempt (joined 2023-02-01)
        RegistryAnalysis.YearRow y23 = ys.get(1);
        assertThat(y23.participants()).isEqualTo(4);
        assertThat(y23.inside()).isEqualTo(3800);
        assertThat(y23.insideShare()).isCloseTo(3800.0 / 15000, within(1e-12));
        assertThat(y23.compliant()).isTrue();
        // a day within 2022 stops there and judges on that day
        List<RegistryAnalysis.YearRow> early = RegistryAnalysis.years(registry(), RULES, REG, RULES_IN, "K1",
                LocalDate.of(2022, 3, 1), false, true).list();
        assertThat(early).extracting(RegistryAnalysis.YearRow::day).containsExactly(LocalDate.of(2022, 3, 1));
        assertThat(early.get(0).participants()).isEqualTo(4); // E still a member on 1 March 2022
    }

    @Test
    void participantsWithTheirFiguresOfTheYear() {
        Table<ParticipantsAnalysis.Row> t = ParticipantsAnalysis.run(registry(), REG, "K1", DAY, 2023, NAMES, true);
        assertThat(t.list()).extracting(r -> r.org().name()).containsExactly("Alpha", "Beta", "Delta IP", "Gamma Institute", "Epsilon");
        Map<String, ParticipantsAnalysis.Row> by = new LinkedHashMap<>();
        t.list().forEach(r -> by.put(r.org().inn(), r));
        assertThat(by.get(A).soldInside()).isEqualTo(2000);
        assertThat(by.get(A).boughtInside()).isEqualTo(1800);
        assertThat(by.get(A).insideContracts()).isEqualTo(3);
        assertThat(by.get(B).soldInside()).isEqualTo(1500);
        assertThat(by.get(B).boughtInside()).isEqualTo(2000);
        assertThat(by.get(C).insideContracts()).isEqualTo(1);
        assertThat(by.get(D).insideContracts()).isZero();
        assertThat(by.get(D).facts()).isNull();
        // the leaver keeps its own facts but nothing counts inside
        assertThat(by.get(E).participant()).isFalse();
        assertThat(by.get(E).facts().output()).isEqualTo(500);
        assertThat(by.get(E).soldInside()).isZero();
        assertThat(t.summary()).containsEntry("participants", 4).containsEntry("cluster_output", 15000.0)
                .containsEntry("inside_value", 3800.0);
    }

    @Test
    void contractsSayWhichCountInside() {
        Map<String, Contract> stored = new LinkedHashMap<>();
        List<Contract> all = registry().contracts();
        for (int i = 0; i < all.size(); i++) stored.put("c" + (i + 1), all.get(i));
        stored.put("x", new Contract("K2", C, A, ContractType.WORKS, 2021, 10));
        Table<RegistryAnalysis.ContractRow> t = RegistryAnalysis.contracts(registry(), stored, REG, "K1", DAY, true);
        assertThat(t.list()).extracting(RegistryAnalysis.ContractRow::id).containsExactly("c1", "c2", "c3", "c4");
        assertThat(t.list()).extracting(RegistryAnalysis.ContractRow::inside).containsExactly(true, true, true, false);
        assertThat(JsonRows.rows(t).get(0).get("supplier_name").asText()).isEqualTo("Beta");
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertThatThrownBy(() -> ParticipantsAnalysis.run(registry(), REG, "NOPE", DAY, 2023, NAMES, true))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.kind()).isEqualTo(UserException.Kind.NOT_FOUND));
    }

    @Test
    void theStoreBackedComplianceReportNamesItsRulesVersion() {
        RuleSet v7 = new RuleSet(RULES.rules(), "7");
        ComplianceAnalysis.Params p = ComplianceAnalysis.Params.of("K1", "2024-06-30", "2023", null, true);
        Table<ComplianceAnalysis.Row> t = ComplianceAnalysis.run(registry(), v7, "7", REG, p, NAMES, true);
        assertThat(t.provenance().parameters()).containsEntry("rules_version", "7");
        assertThat(Messages.of(Lang.en).text(t.notes().get(0))).startsWith("rules version 7, rows used: contract_link.min_contracts=1");
        assertThat(t.summary()).containsEntry("compliant", false).containsEntry("failed", 1L);
        // the project's file when no version was saved: named with its SHA-256, as the CLI does
        Table<ComplianceAnalysis.Row> f = ComplianceAnalysis.run(registry(), RULES, null, REG, p, NAMES, true);
        assertThat(f.provenance().parameters()).containsEntry("rules", "rules-779.csv").containsEntry("rules_sha256", RULES.version());
    }

    @Test
    void everyColumnIsLabelledInBothLanguages() {
        for (Lang lang : Lang.values()) {
            Messages m = Messages.of(lang);
            for (Schema<?> s : List.of(RegistryAnalysis.schema(NAMES), RegistryAnalysis.yearSchema(),
                    RegistryAnalysis.contractSchema(Map.of()), ParticipantsAnalysis.schema(NAMES))) {
                for (Column<?> c : s.columns()) assertThat(m.has(c.labelKey())).as(lang + " " + s.id() + "." + c.name()).isTrue();
                assertThat(m.has("method." + s.id())).as(lang + " method." + s.id()).isTrue();
            }
        }
    }
}
