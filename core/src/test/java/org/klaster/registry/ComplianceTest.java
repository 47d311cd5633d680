package org.klaster.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.registry.Fixture.d;
import static org.klaster.registry.Fixture.row;
import static org.klaster.registry.Fixture.rows;
import static org.klaster.registry.Fixture.rule;
import static org.klaster.registry.Fixture.rules;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;

/**
 * The compliance engine (methods.md §5, docs/methods-registry.md) on hand-computed clusters: each
 * requirement on both sides of its threshold, on each rule-change date, rule validity and membership
 * boundaries, and the newcomer exemption. Every expected number is worked out in the comments.
 * Shares are compared exactly (decimal), so the tolerances below only cover the printed double value.
 */
class ComplianceTest {

    private static final double EPS = 1e-12;

    // ------------------------------------------------------------------------------------ contract_link

    /*
     * A–B one contract in 2023, B–C one in 2023, C–D one in 2022 (another year), D–X one with an outsider X,
     * D–A one in another cluster. Inside contracts of 2023: A 1, B 2, C 1, D 0.
     * min_contracts 1: A, B, C pass; D fails needing 1. min_contracts 2: only B passes; A and C need 1, D needs 2.
     */
    private static Fixture links() {
        Fixture f = new Fixture().member("A").member("B").member("C").member("D").outsider("X")
                .contract("A", "B", 2023, 10).contract("B", "C", 2023, 10).contract("C", "D", 2022, 10)
                .contract("D", "X", 2023, 10);
        f.contracts.add(new Contract("OTHER", "D", "A", ContractType.WORKS, 2023, 10));
        return f;
    }

    @Test
    void contractLinkCountsInsideContractsOfTheYearOnBothSidesOfTheThreshold() {
        ComplianceResult one = links().check(rules(rule("contract_link", "min_contracts", 1, "2015-07-31", null, Confidence.V)),
                "2024-01-01", 2023);
        assertThat(rows(one, "contract_link")).extracting(ComplianceRow::subject).containsExactly("A", "B", "C", "D");
        assertThat(row(one, "contract_link", "A").value()).isEqualTo(1);
        assertThat(row(one, "contract_link", "B").value()).isEqualTo(2);
        assertThat(row(one, "contract_link", "A").passed()).isTrue();
        ComplianceRow dRow = row(one, "contract_link", "D");
        assertThat(dRow.value()).isZero();
        assertThat(dRow.passed()).isFalse();
        assertThat(dRow.fix()).isEqualTo(1);
        assertThat(dRow.note().toString()).isEqualTo(
                "participant D is party to 0 inside contracts, 1 needed: it needs 1 more contract with another participant");
        assertThat(one.compliant()).isFalse();

        ComplianceResult two = links().check(rules(rule("contract_link", "min_contracts", 2, "2015-07-31", null, Confidence.V)),
                "2024-01-01", 2023);
        assertThat(rows(two, "contract_link")).extracting(ComplianceRow::passed).containsExactly(false, true, false, false);
        assertThat(row(two, "contract_link", "D").fix()).isEqualTo(2);
        assertThat(row(two, "contract_link", "D").note().toString()).endsWith("it needs 2 more contracts with another participant");
        assertThat(row(two, "contract_link", "A").threshold()).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------ inside_output_share

    /*
     * A: output 100, sells 30 inside (to B) → 0.3. B: output 100, sells 20 to C → 0.2 exactly. C: output 100, sells
     * 19.999 to A → 0.19999. D: no facts → no row. Rule 2015: 50 %; from 2018-08-13: 20 %.
     *   2018-08-12 (50 %): A fails, fix 50 − 30 = 20; B fails, fix 30; C fails, fix 30.001.
     *   2018-08-13 (20 %): A passes, B passes (exactly 20 %), C fails, fix 20 − 19.999 = 0.001.
     */
    private static Fixture shares() {
        return new Fixture().member("A").member("B").member("C").member("D")
                .contract("A", "B", 2018, 30).contract("B", "C", 2018, 20).contract("C", "A", 2018, 19.999)
                .contract("D", "A", 2018, 1)
                .facts("A", 2018, 100, 50).facts("B", 2018, 100, 50).facts("C", 2018, 100, 50);
    }

    @Test
    void insideOutputShareBeforeAndAfterThe2018Change() {
        RuleSet r = Fixture.decree779();
        ComplianceResult before = shares().check(r, "2018-08-12", 2018);
        assertThat(rows(before, "inside_output_share")).extracting(ComplianceRow::subject).containsExactly("A", "B", "C");
        assertThat(row(before, "inside_output_share", "A").threshold()).isEqualTo(0.5);
        assertThat(row(before, "inside_output_share", "A").ruleValidFrom()).isEqualTo(d("2015-07-31"));
        assertThat(row(before, "inside_output_share", "A").passed()).isFalse();
        assertThat(row(before, "inside_output_share", "A").fix()).isCloseTo(20, within(EPS));
        assertThat(row(before, "inside_output_share", "C").fix()).isCloseTo(30.001, within(EPS));

        ComplianceResult after = shares().check(r, "2018-08-13", 2018);
        assertThat(row(after, "inside_output_share", "A").threshold()).isEqualTo(0.2);
        assertThat(row(after, "inside_output_share", "A").ruleValidFrom()).isEqualTo(d("2018-08-13"));
        assertThat(row(after, "inside_output_share", "A").value()).isCloseTo(0.3, within(EPS));
        assertThat(row(after, "inside_output_share", "A").passed()).isTrue();
        ComplianceRow b = row(after, "inside_output_share", "B");
        assertThat(b.value()).isCloseTo(0.2, within(EPS));
        assertThat(b.passed()).as("exactly at the threshold passes").isTrue();
        ComplianceRow c = row(after, "inside_output_share", "C");
        assertThat(c.passed()).isFalse();
        assertThat(c.fix()).isCloseTo(0.001, within(EPS));
        assertThat(c.note().toString()).isEqualTo(
                "participant C sells 19.9 % of its output inside the cluster, 20 % needed: 0.1 thousand RUB more of sales to other participants");
        assertThat(after.notes()).anyMatch(t -> t.toString().contains("without output in 2018") && t.toString().contains("D"));
    }

    // ------------------------------------------------------------------------------ rule validity

    @Test
    void aRuleAppliesFromValidFromToValidToInclusiveAndAnEmptyValidToIsOpen() {
        RuleSet r = rules(rule("contract_link", "min_contracts", 1, "2020-03-01", "2020-03-31", Confidence.V),
                rule("contract_link", "min_contracts", 2, "2020-04-01", null, Confidence.S));
        Fixture f = new Fixture().member("A").member("B").contract("A", "B", 2019, 1);
        assertThat(f.check(r, "2020-02-29", 2019).rows()).as("before valid_from: no rule, no rows").isEmpty();
        assertThat(f.check(r, "2020-03-01", 2019).rows()).allMatch(x -> x.threshold() == 1 && x.passed());
        assertThat(f.check(r, "2020-03-31", 2019).rows()).allMatch(x -> x.threshold() == 1);
        ComplianceResult april = f.check(r, "2020-04-01", 2019);
        assertThat(april.rows()).allMatch(x -> x.threshold() == 2 && !x.passed() && x.confidence() == Confidence.S);
        assertThat(f.check(r, "2099-12-31", 2019).rows()).allMatch(x -> x.threshold() == 2);
    }

    @Test
    void aRequirementWithoutARuleInForcePrintsNoRows() {
        ComplianceResult r = shares().check(Fixture.decree779(), "2021-12-31", 2018);
        assertThat(rows(r, "functional_dependence")).isEmpty();
        assertThat(rows(r, "contract_link")).isNotEmpty();
        ComplianceResult none = shares().check(rules(), "2021-12-31", 2018);
        assertThat(none.rows()).isEmpty();
        assertThat(none.compliant()).as("an empty report is not a pass").isFalse();
    }

    @Test
    void overlappingRowsOfOneParameterAndUnknownNamesAreRefused() {
        assertThatThrownBy(() -> rules(rule("contract_link", "min_contracts", 1, "2015-01-01", "2020-01-01", Confidence.V),
                rule("contract_link", "min_contracts", 2, "2020-01-01", null, Confidence.V)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("contract_link.min_contracts");
        assertThatThrownBy(() -> rules(rule("contract_link", "max_contracts", 1, "2015-01-01", null, Confidence.V)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("unknown rule contract_link.max_contracts");
    }

    // ------------------------------------------------------------------------------ membership on D

    @Test
    void participantsAreMembersOnTheDay() {
        RuleSet r = rules(rule("contract_link", "min_contracts", 1, "2015-07-31", null, Confidence.V));
        Fixture f = new Fixture().member("A")
                .member("JOINS_ON_D", OrganisationType.ENTERPRISE, false, false, "2024-06-30", null)
                .member("JOINS_AFTER", OrganisationType.ENTERPRISE, false, false, "2024-07-01", null)
                .member("LEAVES_ON_D", OrganisationType.ENTERPRISE, false, false, "2016-01-01", "2024-06-30")
                .member("LEFT_BEFORE", OrganisationType.ENTERPRISE, false, false, "2016-01-01", "2024-06-29");
        ComplianceResult res = f.check(r, "2024-06-30", 2023);
        assertThat(rows(res, "contract_link")).extracting(ComplianceRow::subject)
                .containsExactly("A", "JOINS_ON_D", "LEAVES_ON_D");
        assertThat(res.participants()).isEqualTo(3);
    }

    @Test
    void aContractWithAFormerMemberIsNotInside() {
        RuleSet r = rules(rule("contract_link", "min_contracts", 1, "2015-07-31", null, Confidence.V));
        Fixture f = new Fixture().member("A").member("B", OrganisationType.ENTERPRISE, false, false, "2016-01-01", "2023-12-31")
                .contract("A", "B", 2023, 5);
        assertThat(row(f.check(r, "2023-12-31", 2023), "contract_link", "A").passed()).isTrue();
        assertThat(row(f.check(r, "2024-01-01", 2023), "contract_link", "A").passed()).isFalse();
    }

    // ------------------------------------------------------------------------------ functional dependence

    /*
     * Ten participants: F1, F2 final producers; P1..P8 others. F1 purchases 1000, buys 150 inside (from P1);
     * F2 purchases 1000, buys 50 inside (from P2) and 500 from outsider X (not inside).
     * Σ inside / Σ purchases = 200 / 2000 = 0.10.
     * Special territory: `special` of the ten participants are flagged.
     *   special = 3 → 3/10 = 0.3 ≥ 0.3 → threshold 10 % → 0.10 passes (exactly).
     *   special = 2 → 0.2 < 0.3 → threshold 20 % → fails; fix 0.2 × 2000 − 200 = 200.
     */
    private static Fixture dependence(int special) {
        Fixture f = new Fixture().outsider("X");
        f.member("F1", OrganisationType.ENTERPRISE, true, special > 0, "2016-01-01", null);
        f.member("F2", OrganisationType.ENTERPRISE, true, special > 1, "2016-01-01", null);
        for (int i = 1; i <= 8; i++) {
            f.member("P" + i, OrganisationType.ENTERPRISE, false, special > i + 1, "2016-01-01", null);
        }
        return f.contract("P1", "F1", 2023, 150).contract("P2", "F2", 2023, 50).contract("X", "F2", 2023, 500)
                .facts("F1", 2023, 5000, 1000).facts("F2", 2023, 4000, 1000);
    }

    @Test
    void functionalDependenceWithTheSpecialTerritoryCondition() {
        RuleSet r = Fixture.decree779();
        ComplianceRow low = row(dependence(3).check(r, "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(low.value()).isCloseTo(0.1, within(EPS));
        assertThat(low.threshold()).isEqualTo(0.1);
        assertThat(low.passed()).isTrue();

        ComplianceRow high = row(dependence(2).check(r, "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(high.threshold()).isEqualTo(0.2);
        assertThat(high.passed()).isFalse();
        assertThat(high.fix()).isCloseTo(200, within(EPS));
        assertThat(high.note().toString()).isEqualTo("final producers buy 10 % inside the cluster, 20 % needed: 200 thousand RUB"
                + " more of inside purchases (bought from participants instead of outside suppliers)");
        assertThat(high.ruleValidFrom()).isEqualTo(d("2022-01-01"));
    }

    @Test
    void functionalDependenceStartsOnItsValidFromDate() {
        RuleSet r = Fixture.decree779();
        assertThat(rows(dependence(2).check(r, "2021-12-31", 2023), "functional_dependence")).isEmpty();
        assertThat(rows(dependence(2).check(r, "2022-01-01", 2023), "functional_dependence")).hasSize(1);
    }

    @Test
    void withoutTheSpecialParametersOnlyTheBaseThresholdApplies() {
        RuleSet r = rules(rule("functional_dependence", "min_share", 0.2, "2022-01-01", null, Confidence.V));
        ComplianceRow row = row(dependence(3).check(r, "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(row.threshold()).isEqualTo(0.2);
        assertThat(row.passed()).isFalse();
    }

    /** The row carries the latest valid_from and the weakest confidence of the parameter rows it used. */
    @Test
    void theRowNamesTheLatestAndWeakestRuleItUsed() {
        RuleSet r = rules(rule("functional_dependence", "min_share", 0.2, "2019-01-01", null, Confidence.V),
                rule("functional_dependence", "min_share_special", 0.1, "2022-01-01", null, Confidence.S),
                rule("functional_dependence", "special_share", 0.3, "2021-01-01", null, Confidence.C));
        ComplianceRow row = row(dependence(3).check(r, "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(row.ruleValidFrom()).isEqualTo(d("2022-01-01"));
        assertThat(row.confidence()).isEqualTo(Confidence.C);
    }

    @Test
    void withoutFinalProducersTheDependenceFailsForALackOfData() {
        Fixture f = new Fixture().member("A").member("B").contract("A", "B", 2023, 1);
        ComplianceRow row = row(f.check(Fixture.decree779(), "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(row.value()).isNaN();
        assertThat(row.passed()).isFalse();
        assertThat(row.fix()).isNaN();
        assertThat(row.note().toString()).startsWith("no participant is flagged as a final producer");
    }

    /** The example sentence: 14.2 % bought inside, 20 % needed, 58.3 mln RUB more. */
    @Test
    void theDependenceFixSentence() {
        // P = 1 005 000, I = 142 710 → 0.14200 → "14.2 %"; fix = 201 000 − 142 710 = 58 290 thousand → 58.3 mln
        Fixture f = new Fixture();
        f.member("F1", OrganisationType.ENTERPRISE, true, false, "2016-01-01", null).member("S1")
                .contract("S1", "F1", 2023, 142_710).facts("F1", 2023, 2_000_000, 1_005_000);
        ComplianceRow row = row(f.check(Fixture.decree779(), "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(row.fix()).isCloseTo(58_290, within(EPS));
        assertThat(row.note().toString()).startsWith("final producers buy 14.2 % inside the cluster, 20 % needed: 58.3 mln RUB more");
        assertThat(row.note().in(Locale.forLanguageTag("ru")))
                .startsWith("производители конечной продукции закупают внутри кластера 14,2 %, требуется 20 %: нужно ещё 58,3 млн руб.");
    }

    // ------------------------------------------------------------------------------ newcomers

    /*
     * D = 2024-06-30, grace 3 years → newcomers joined on or after 2021-06-30. N1..N4 have no inside contract in 2023:
     * N1 joined 2024-01-10, N2 2023-05-01, N3 2022-02-01, N4 2021-06-30 (the last eligible day), OLD 2021-06-29
     * (one day too early). The three most recent (N1, N2, N3) are exempt; N4 is the fourth and is judged as usual;
     * OLD is judged as usual. A and B have a contract and pass.
     */
    private static Fixture newcomers() {
        return new Fixture().member("A").member("B")
                .member("N1", OrganisationType.ENTERPRISE, false, false, "2024-01-10", null)
                .member("N2", OrganisationType.ENTERPRISE, false, false, "2023-05-01", null)
                .member("N3", OrganisationType.ENTERPRISE, false, false, "2022-02-01", null)
                .member("N4", OrganisationType.ENTERPRISE, false, false, "2021-06-30", null)
                .member("OLD", OrganisationType.ENTERPRISE, false, false, "2021-06-29", null)
                .contract("A", "B", 2023, 10);
    }

    @Test
    void atMostThreeNewcomersAreExemptTheMostRecentFirstAndTheFourthIsJudgedAsUsual() {
        ComplianceResult r = newcomers().check(Fixture.decree779(), "2024-06-30", 2023);
        for (String n : List.of("N1", "N2", "N3")) {
            ComplianceRow x = row(r, "contract_link", n);
            assertThat(x.exempt()).as(n).isTrue();
            assertThat(x.passed()).as(n).isTrue();
            assertThat(x.note().toString()).contains("exempt until");
        }
        assertThat(row(r, "contract_link", "N3").note().toString())
                .isEqualTo("participant N3 joined on 2022-02-01: a newcomer, exempt until 2025-02-01");
        ComplianceRow fourth = row(r, "contract_link", "N4");
        assertThat(fourth.exempt()).isFalse();
        assertThat(fourth.passed()).isFalse();
        assertThat(row(r, "contract_link", "OLD").exempt()).isFalse();
        assertThat(r.notes()).anyMatch(t -> t.toString().startsWith("4 newcomers qualify") && t.toString().endsWith("N4"));
    }

    @Test
    void theGracePeriodEndsOnTheDayGraceYearsBeforeD() {
        // only N4 (joined 2021-06-30) and OLD (2021-06-29) are candidates once N1..N3 have output and a contract
        Fixture f = newcomers().contract("N1", "A", 2023, 1).contract("N2", "A", 2023, 1).contract("N3", "A", 2023, 1)
                .facts("N1", 2023, 5, 0).facts("N2", 2023, 5, 0).facts("N3", 2023, 5, 0);
        ComplianceResult r = f.check(Fixture.decree779(), "2024-06-30", 2023);
        assertThat(row(r, "contract_link", "N4").exempt()).isTrue();
        assertThat(row(r, "contract_link", "OLD").exempt()).isFalse();
        assertThat(row(r, "contract_link", "OLD").passed()).isFalse();
        // a day later N4 is out of its grace period too
        ComplianceResult next = f.check(Fixture.decree779(), "2024-07-01", 2023);
        assertThat(row(next, "contract_link", "N4").exempt()).isFalse();
    }

    @Test
    void newcomersWithOutputButNoInsideContractAreExemptFromTheShareRuleToo() {
        // N1 has output but sells nothing inside: exempt from both per-participant rules. A sells 1 of 100: fails.
        Fixture f = newcomers().facts("N1", 2023, 100, 10).facts("A", 2023, 100, 10);
        ComplianceResult r = f.check(Fixture.decree779(), "2024-06-30", 2023);
        ComplianceRow n1 = row(r, "inside_output_share", "N1");
        assertThat(n1.exempt()).isTrue();
        assertThat(n1.passed()).isTrue();
        assertThat(n1.value()).isZero();
        assertThat(row(r, "inside_output_share", "A").exempt()).isFalse();
    }

    @Test
    void aNewcomerWithOutputAndAnInsideContractIsJudgedAsUsual() {
        // N1 sells 1 of its output 100 inside: it has both, so it is no newcomer in the rule's sense; 1 % < 20 % fails
        Fixture f = newcomers().contract("N1", "A", 2023, 1).facts("N1", 2023, 100, 10);
        ComplianceResult r = f.check(Fixture.decree779(), "2024-06-30", 2023);
        assertThat(row(r, "inside_output_share", "N1").exempt()).isFalse();
        assertThat(row(r, "inside_output_share", "N1").passed()).isFalse();
        assertThat(row(r, "contract_link", "N4").exempt()).as("N4 now takes the third place").isTrue();
    }

    @Test
    void equalJoiningDatesAreOrderedByInn() {
        Fixture f = new Fixture().member("A").member("B").contract("A", "B", 2023, 1);
        for (String n : List.of("N4", "N2", "N3", "N1")) f.member(n, OrganisationType.ENTERPRISE, false, false, "2024-01-01", null);
        ComplianceResult r = f.check(Fixture.decree779(), "2024-06-30", 2023);
        assertThat(rows(r, "contract_link")).filteredOn(ComplianceRow::exempt).extracting(ComplianceRow::subject)
                .containsExactly("N1", "N2", "N3");
    }

    @Test
    void beforeTheNewcomerRuleNobodyIsExempt() {
        ComplianceResult r = newcomers().check(Fixture.decree779(), "2021-12-31", 2023);
        assertThat(r.rows()).noneMatch(ComplianceRow::exempt);
    }

    // ------------------------------------------------------------------------------ min_participants

    @Test
    void minParticipantsCountsEnterprisesAndIsAnUnconfirmedRuleThatCanBeSwitchedOff() {
        Fixture f = new Fixture().member("R1", OrganisationType.RESEARCH, false, false, "2016-01-01", null);
        for (int i = 1; i <= 9; i++) f.member("E" + i);
        RuleSet r = Fixture.decree779();
        ComplianceRow nine = row(f.check(r, "2024-06-30", 2023), "min_participants", "cluster");
        assertThat(nine.value()).isEqualTo(9);
        assertThat(nine.passed()).isFalse();
        assertThat(nine.fix()).isEqualTo(1);
        assertThat(nine.confidence()).isEqualTo(Confidence.M);
        assertThat(nine.note().toString()).isEqualTo("the cluster has 9 participants of type enterprise, 10 needed: it needs 1 more");
        f.member("E10");
        assertThat(row(f.check(r, "2024-06-30", 2023), "min_participants", "cluster").passed()).isTrue();

        ComplianceResult off = Compliance.check(f.registry(), "C", r, d("2024-06-30"), 2023, false);
        assertThat(rows(off, "min_participants")).isEmpty();
        assertThat(off.notes()).anyMatch(t -> t.toString().equals("unconfirmed rules left out: min_participants.min"));
        assertThat(off.rulesUsed()).noneMatch(x -> x.confidence() == Confidence.M);
    }

    // ------------------------------------------------------------------------------ smallest fixes

    /*
     * Re-running the engine with the fix applied must pass, and with a little less (one thousand RUB, and one
     * thousandth of it) must fail. Values are awkward on purpose so the fix is not a round number.
     * inside_output_share: A output 1234.5, sells 100.25 to B → fix = 0.2 × 1234.5 − 100.25 = 146.65.
     */
    @Test
    void theOutputShareFixIsTheSmallestThatPasses() {
        RuleSet r = Fixture.decree779();
        Fixture base = new Fixture().member("A").member("B").contract("A", "B", 2023, 100.25).facts("A", 2023, 1234.5, 0);
        ComplianceRow failed = row(base.check(r, "2024-06-30", 2023), "inside_output_share", "A");
        assertThat(failed.passed()).isFalse();
        assertThat(failed.fix()).isCloseTo(146.65, within(1e-9));
        assertThat(passesWithExtraSale(failed.fix(), r)).isTrue();
        assertThat(passesWithExtraSale(failed.fix() - 1, r)).isFalse();
        assertThat(passesWithExtraSale(failed.fix() - 0.001, r)).isFalse();
    }

    private static boolean passesWithExtraSale(double extra, RuleSet r) {
        Fixture f = new Fixture().member("A").member("B").contract("A", "B", 2023, 100.25).facts("A", 2023, 1234.5, 0)
                .contract("A", "B", 2023, extra);
        return row(f.check(r, "2024-06-30", 2023), "inside_output_share", "A").passed();
    }

    /*
     * functional_dependence: F1 purchases 987.65 and buys 33.3 inside, F2 purchases 1111.11 and buys 0 inside;
     * P = 2098.76, I = 33.3 → 1.59 % < 20 %; fix = 0.2 × 2098.76 − 33.3 = 386.452. The fix is bought from a
     * participant instead of an outside supplier, so purchases stay as recorded.
     */
    @Test
    void theDependenceFixIsTheSmallestThatPasses() {
        RuleSet r = Fixture.decree779();
        ComplianceRow failed = row(dependenceWithExtra(0).check(r, "2024-06-30", 2023), "functional_dependence", "cluster");
        assertThat(failed.passed()).isFalse();
        assertThat(failed.fix()).isCloseTo(386.452, within(1e-9));
        assertThat(row(dependenceWithExtra(failed.fix()).check(r, "2024-06-30", 2023), "functional_dependence", "cluster")
                .passed()).isTrue();
        assertThat(row(dependenceWithExtra(failed.fix() - 1).check(r, "2024-06-30", 2023), "functional_dependence", "cluster")
                .passed()).isFalse();
        assertThat(row(dependenceWithExtra(failed.fix() - 0.001).check(r, "2024-06-30", 2023), "functional_dependence",
                "cluster").passed()).isFalse();
    }

    private static Fixture dependenceWithExtra(double extra) {
        Fixture f = new Fixture();
        f.member("F1", OrganisationType.ENTERPRISE, true, false, "2016-01-01", null)
                .member("F2", OrganisationType.ENTERPRISE, true, false, "2016-01-01", null).member("S")
                .contract("S", "F1", 2023, 33.3).facts("F1", 2023, 5000, 987.65).facts("F2", 2023, 5000, 1111.11);
        if (extra > 0) f.contract("S", "F2", 2023, extra);
        return f;
    }

    /** contract_link: the missing count, added as contracts with another participant, passes; one fewer fails. */
    @Test
    void theContractFixIsTheMissingCount() {
        RuleSet r = rules(rule("contract_link", "min_contracts", 3, "2015-07-31", null, Confidence.V));
        Fixture f = new Fixture().member("A").member("B").contract("A", "B", 2023, 1);
        ComplianceRow a = row(f.check(r, "2024-06-30", 2023), "contract_link", "A");
        assertThat(a.fix()).isEqualTo(2);
        Fixture almost = new Fixture().member("A").member("B").contract("A", "B", 2023, 1).contract("B", "A", 2023, 1);
        assertThat(row(almost.check(r, "2024-06-30", 2023), "contract_link", "A").passed()).isFalse();
        almost.contract("A", "B", 2023, 1);
        assertThat(row(almost.check(r, "2024-06-30", 2023), "contract_link", "A").passed()).isTrue();
    }

    // ------------------------------------------------------------------------------ refusals

    @Test
    void anUnknownClusterOrAClusterWithoutParticipantsIsRefused() {
        Fixture f = new Fixture().member("A");
        assertThatThrownBy(() -> Compliance.check(f.registry(), "NOPE", Fixture.decree779(), d("2024-01-01"), 2023, true))
                .isInstanceOf(InvalidParameterException.class).hasMessage("cluster 'NOPE' is not in the registry (clusters: C, OTHER)");
        assertThatThrownBy(() -> Compliance.check(f.registry(), "C", Fixture.decree779(), d("2015-12-31"), 2023, true))
                .isInstanceOf(AnalysisException.class).hasMessage("cluster 'C' has no participants on 2015-12-31");
    }

    @Test
    void rowsComeInRequirementOrderAndNameTheRulesUsed() {
        ComplianceResult r = dependence(2).check(Fixture.decree779(), "2024-06-30", 2023);
        assertThat(r.rows()).extracting(ComplianceRow::requirement).containsSubsequence("contract_link", "inside_output_share",
                "functional_dependence", "min_participants");
        assertThat(r.rulesUsed()).extracting(Rule::name).containsExactly("contract_link.min_contracts",
                "inside_output_share.min_share", "functional_dependence.min_share", "functional_dependence.min_share_special",
                "functional_dependence.special_share", "newcomers.max", "newcomers.grace_years", "min_participants.min");
    }
}
