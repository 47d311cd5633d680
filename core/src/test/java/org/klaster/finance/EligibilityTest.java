package org.klaster.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.finance.Eligibility.Application;
import org.klaster.finance.Eligibility.Check;
import org.klaster.finance.Eligibility.Result;
import org.klaster.finance.Eligibility.Verdict;
import org.klaster.registry.Confidence;

/**
 * Each rule on both sides of its threshold and on the days its rows change, on a small catalogue written here with
 * the policy notes' figures (the shipped file is read in the data module's test); expected answers by hand.
 */
class EligibilityTest {

    static final double EXACT = 1e-12;

    static InstrumentRule n(String inst, String p, double v, String from, String to, Confidence c) {
        return InstrumentRule.number(inst, p, v, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), "src", c);
    }

    static InstrumentRule n(String inst, String p, double v, String from, String to) {
        return n(inst, p, v, from, to, Confidence.V);
    }

    static InstrumentRule t(String inst, String p, String v, String from, String to, Confidence c) {
        return new InstrumentRule(inst, p, Double.NaN, v, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), "src", c);
    }

    static Catalogue catalogue() {
        List<InstrumentRule> r = new ArrayList<>();
        r.add(t("frp_development", "name_ru", "Проекты развития", "2015-01-01", null, Confidence.V));
        r.add(t("frp_development", "name_en", "Development projects", "2015-01-01", null, Confidence.V));
        r.add(n("frp_development", "loan_min", 50, "2015-01-01", "2020-12-31"));
        r.add(n("frp_development", "loan_max", 700, "2015-01-01", "2020-12-31"));
        r.add(n("frp_development", "loan_min", 100, "2021-01-01", null));
        r.add(n("frp_development", "loan_max", 1000, "2021-01-01", null));
        r.add(n("frp_development", "budget_min", 125, "2021-01-01", null));
        r.add(n("frp_development", "loan_share_max", 0.8, "2021-01-01", null, Confidence.S));
        r.add(n("frp_development", "term_max", 5, "2021-01-01", null));
        r.add(n("frp_development", "rate", 0.03, "2021-01-01", "2023-12-31", Confidence.C));
        r.add(n("frp_development", "rate", 0.05, "2024-01-01", null, Confidence.C));
        r.add(n("frp_development", "rate_reduction", 0.02, "2021-01-01", null));
        r.add(n("frp_development", "rate_reduction_equipment_share", 0.5, "2021-01-01", null));
        r.add(t("frp_development", "condition_sales", "sales ≥ 50 % of the loan a year", "2021-01-01", null, Confidence.V));
        r.add(t("frp_conversion", "name_ru", "Конверсия", "2017-01-01", null, Confidence.V));
        r.add(n("frp_conversion", "own_funds_min_share_of_loan", 0.15, "2017-01-01", null));
        r.add(n("frp_conversion", "rate", 0.01, "2017-01-01", null));
        r.add(n("frp_conversion", "rate_first_years", 3, "2017-01-01", null));
        r.add(n("frp_conversion", "rate_after", 0.05, "2017-01-01", null));
        r.add(t("kip", "name_ru", "КИП", "2023-01-01", null, Confidence.V));
        r.add(n("kip", "rate", 0.03, "2023-01-01", null));
        r.add(n("kip", "rate_kr_multiplier", 0.3, "2023-01-01", null));
        r.add(n("kip", "loan_min", 1000, "2023-01-01", null));
        r.add(n("kip", "priority_products", 1, "2023-01-01", null));
        r.add(t("industrial_mortgage", "name_ru", "Промышленная ипотека", "2022-09-05", null, Confidence.V));
        r.add(n("industrial_mortgage", "rate", 0.05, "2022-09-05", null));
        r.add(n("industrial_mortgage", "rate_tech", 0.03, "2022-09-05", null));
        r.add(n("industrial_mortgage", "rate_kr_multiplier", 1, "2024-04-22", null, Confidence.S));
        r.add(n("industrial_mortgage", "rate_kr_threshold", 0.10, "2024-04-22", null));
        r.add(n("industrial_mortgage", "loan_min", 5, "2022-09-05", null, Confidence.M));
        r.add(n("industrial_mortgage", "revenue_max", 2000, "2024-04-22", null));
        r.add(n("industrial_mortgage", "revenue_max_tech", 4000, "2024-04-22", null));
        r.add(t("industrial_mortgage", "okved_sections", "C", "2022-09-05", null, Confidence.S));
        r.add(t("industrial_mortgage", "okved_excluded", "10;11", "2024-04-22", null, Confidence.S));
        r.add(t("industrial_mortgage", "purposes", "purchase", "2022-09-05", "2022-12-31", Confidence.V));
        r.add(t("industrial_mortgage", "purposes", "purchase;construction", "2023-01-01", null, Confidence.V));
        r.add(t("starting_batch", "name_ru", "Стартовые партии", "2023-01-01", null, Confidence.V));
        r.add(n("starting_batch", "cluster_member", 1, "2023-01-01", null));
        r.add(n("starting_batch", "subsidy_share_max", 0.5, "2023-01-01", null));
        r.add(n("starting_batch", "subsidy_max", 150, "2023-01-01", null));
        return new Catalogue(r, "t");
    }

    /** A manufacturer (OKVED 25.62, section C), revenue 1,500 mln, 800 mln loan on a 1,200 mln budget, 5 years. */
    static Application app(String date) {
        return new Application("7707083893", "25.62", "C", 1500, true, false, "RU-SVE", false, 1200, 400, 800, 5, "purchase",
                List.of("25.62.10"), null, 0.0, LocalDate.parse(date));
    }

    static Application with(Application a, String field, Object v) {
        return new Application(a.inn(), field.equals("okved") ? (String) v : a.okved(),
                field.equals("okved") ? ((String) v).startsWith("1") || ((String) v).startsWith("2") ? "C" : "B"
                        : field.equals("section") ? (String) v : a.okvedSection(),
                field.equals("revenue") ? (Double) v : a.revenue(), a.sme(),
                field.equals("tech") ? (Boolean) v : a.technologyCompany(), a.region(),
                field.equals("cluster") ? (Boolean) v : a.clusterMember(),
                field.equals("budget") ? (Double) v : a.budget(), field.equals("own") ? (Double) v : a.ownFunds(),
                field.equals("loan") ? (Double) v : a.loan(), field.equals("term") ? (Double) v : a.term(),
                field.equals("purpose") ? (String) v : a.purpose(), a.products(),
                field.equals("priority") ? (Boolean) v : a.priorityProducts(),
                field.equals("equipment") ? (Double) v : a.russianEquipmentShare(), a.date());
    }

    static Result of(Application a, String instrument) {
        for (Result r : Eligibility.check(a, catalogue(), KeyRateTest.series())) {
            if (r.instrument().id().equals(instrument)) return r;
        }
        return null;
    }

    static Check rule(Result r, String rule) {
        return r.checks().stream().filter(c -> c.rule().equals(rule)).findFirst().orElse(null);
    }

    static Verdict verdict(Application a, String instrument, String rule) {
        Check c = rule(of(a, instrument), rule);
        return c == null ? null : c.verdict();
    }

    @Test
    void loanMaximumOnBothSidesAndTheFixInWords() {
        Application a = app("2024-06-01");
        assertThat(verdict(with(a, "loan", 1000.0), "frp_development", "loan_max")).isEqualTo(Verdict.PASS);
        Result r = of(with(with(a, "loan", 1150.0), "budget", 2000.0), "frp_development");
        Check c = rule(r, "loan_max");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.value()).isEqualTo(1150);
        assertThat(c.threshold()).isEqualTo(1000);
        assertThat(c.fix().in(Locale.ENGLISH))
                .isEqualTo("loan 1150 mln exceeds the 1000 mln maximum of Проекты развития: reduce it by 150 mln");
        assertThat(c.fix().in(Locale.forLanguageTag("ru"))).contains("1150").contains("уменьшите его на 150 млн");
        assertThat(r.eligible()).isFalse();
        assertThat(r.failed()).isEqualTo(1);
        assertThat(rule(r, "eligible").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void loanLimitsChangeOnTheirDate() {
        // 800 mln: above the 700 maximum until 2020-12-31, within 1,000 from 2021-01-01
        Application a = app("2020-12-31");
        Check before = rule(of(a, "frp_development"), "loan_max");
        assertThat(before.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(before.threshold()).isEqualTo(700);
        Check on = rule(of(new Application(a.inn(), a.okved(), a.okvedSection(), a.revenue(), a.sme(), a.technologyCompany(),
                a.region(), a.clusterMember(), a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(),
                a.priorityProducts(), a.russianEquipmentShare(), LocalDate.parse("2021-01-01")), "frp_development"), "loan_max");
        assertThat(on.verdict()).isEqualTo(Verdict.PASS);
        assertThat(on.threshold()).isEqualTo(1000);
        // the budget minimum did not exist before 2021
        assertThat(rule(of(a, "frp_development"), "budget_min")).isNull();
    }

    @Test
    void loanMinimumBudgetShareOwnFundsAndTerm() {
        Application a = app("2024-06-01");
        assertThat(verdict(with(a, "loan", 100.0), "frp_development", "loan_min")).isEqualTo(Verdict.PASS);
        assertThat(verdict(with(a, "loan", 99.9), "frp_development", "loan_min")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(with(a, "budget", 125.0), "frp_development", "budget_min")).isEqualTo(Verdict.PASS);
        assertThat(verdict(with(a, "budget", 124.9), "frp_development", "budget_min")).isEqualTo(Verdict.FAIL);
        // 1,000 of 1,250 is exactly 80 %: passes; of 1,249 it is above, and at most 0.8 × 1,249 = 999.2 fits
        Application full = with(with(a, "loan", 1000.0), "budget", 1250.0);
        assertThat(verdict(full, "frp_development", "loan_share_max")).isEqualTo(Verdict.PASS);
        Check over = rule(of(with(full, "budget", 1249.0), "frp_development"), "loan_share_max");
        assertThat(over.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(over.value()).isCloseTo(1000.0 / 1249, within(EXACT));
        assertThat(over.fix().in(Locale.ENGLISH)).contains("at most 999.2 mln");
        // Конверсия: own funds ≥ 15 % of the loan: 120 of 800 passes, 119 fails (needs 120)
        assertThat(verdict(with(a, "own", 120.0), "frp_conversion", "own_funds_min_share_of_loan")).isEqualTo(Verdict.PASS);
        Check own = rule(of(with(a, "own", 119.0), "frp_conversion"), "own_funds_min_share_of_loan");
        assertThat(own.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(own.fix().in(Locale.ENGLISH)).contains("120 mln needed");
        assertThat(verdict(with(a, "term", 5.0), "frp_development", "term_max")).isEqualTo(Verdict.PASS);
        assertThat(verdict(with(a, "term", 5.5), "frp_development", "term_max")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void revenueCapsAndTheTechnologyCompanyCap() {
        Application a = with(app("2024-06-01"), "loan", 400.0);
        assertThat(verdict(with(a, "revenue", 2000.0), "industrial_mortgage", "revenue_max")).isEqualTo(Verdict.PASS);
        assertThat(verdict(with(a, "revenue", 2000.5), "industrial_mortgage", "revenue_max")).isEqualTo(Verdict.FAIL);
        Application tech = with(with(a, "revenue", 3999.0), "tech", true);
        assertThat(verdict(tech, "industrial_mortgage", "revenue_max_tech")).isEqualTo(Verdict.PASS);
        assertThat(verdict(with(tech, "revenue", 4001.0), "industrial_mortgage", "revenue_max_tech")).isEqualTo(Verdict.FAIL);
        assertThat(rule(of(tech, "industrial_mortgage"), "revenue_max")).isNull();
        // the cap starts on 2024-04-22: the day before there is none
        Application early = new Application(a.inn(), a.okved(), a.okvedSection(), 5000, a.sme(), false, a.region(), false,
                a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(), null, 0, LocalDate.parse("2024-04-21"));
        assertThat(rule(of(early, "industrial_mortgage"), "revenue_max")).isNull();
        assertThat(verdict(with(early, "okved", "10.51"), "industrial_mortgage", "okved_excluded")).isNull();
    }

    @Test
    void okvedSectionAndExclusionsFromTheirDate() {
        Application a = with(app("2024-04-22"), "loan", 400.0);
        Check food = rule(of(with(a, "okved", "10.51"), "industrial_mortgage"), "okved_excluded");
        assertThat(food.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(food.fix().in(Locale.ENGLISH)).startsWith("OKVED 10.51 is excluded from Промышленная ипотека");
        assertThat(verdict(with(a, "okved", "11.07"), "industrial_mortgage", "okved_excluded")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(with(a, "okved", "25.62"), "industrial_mortgage", "okved_excluded")).isEqualTo(Verdict.PASS);
        // a prefix is a whole level: 12 (tobacco) is not under 1
        assertThat(Eligibility.okvedUnder("12.00", "1")).isFalse();
        assertThat(Eligibility.okvedUnder("10", "10")).isTrue();
        // section: mining (B) fails section C; an unknown section cannot be judged
        Check mining = rule(of(with(a, "okved", "07.10"), "industrial_mortgage"), "okved_sections");
        assertThat(mining.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(mining.fix().in(Locale.ENGLISH)).contains("section B").contains("outside section C");
        assertThat(verdict(with(a, "section", null), "industrial_mortgage", "okved_sections")).isEqualTo(Verdict.CONFIRM);
    }

    @Test
    void purposesChangeOnTheFirstOf2023() {
        Application build = with(with(app("2022-12-31"), "loan", 400.0), "purpose", "construction");
        assertThat(verdict(build, "industrial_mortgage", "purposes")).isEqualTo(Verdict.FAIL);
        Application next = new Application(build.inn(), build.okved(), build.okvedSection(), build.revenue(), build.sme(),
                false, build.region(), false, build.budget(), build.ownFunds(), build.loan(), build.term(), "Construction",
                build.products(), null, 0, LocalDate.parse("2023-01-01"));
        assertThat(verdict(next, "industrial_mortgage", "purposes")).isEqualTo(Verdict.PASS);
    }

    @Test
    void clusterMembershipAndSubsidyAmount() {
        Application a = app("2024-06-01");
        Result out = of(a, "starting_batch");
        assertThat(rule(out, "cluster_member").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(out.eligible()).isFalse();
        Result in = of(with(a, "cluster", true), "starting_batch");
        assertThat(in.eligible()).isTrue();
        // 50 % of 1,200 = 600, capped at 150; of 200 = 100, not capped
        assertThat(rule(in, "subsidy").value()).isEqualTo(150);
        assertThat(rule(of(with(with(a, "cluster", true), "budget", 200.0), "starting_batch"), "subsidy").value()).isEqualTo(100);
        assertThat(rule(in, "subsidy").verdict()).isEqualTo(Verdict.INFO);
        assertThat(in.rate()).isNaN();
    }

    @Test
    void kipRateFromTheKeyRateOnTheApplicationDate() {
        // 7.5 % from 2022-09-19 to 2023-07-23: 5.25 %; 16 % from 2023-12-18: 7.8 %
        Application a = with(with(app("2023-07-23"), "loan", 1000.0), "priority", true);
        Result r = of(a, "kip");
        assertThat(r.rate()).isCloseTo(0.0525, within(EXACT));
        assertThat(r.keyRate().rate()).isEqualTo(0.075);
        Check rate = rule(r, "rate");
        assertThat(rate.threshold()).isEqualTo(0.075);
        assertThat(rate.fix().in(Locale.ENGLISH)).isEqualTo("3 % + 0.3 × key rate 7.5 % (effective 2022-09-19) = 5.25 %");
        // the key rate of the series is marked M: the rate is no surer than it
        assertThat(rate.confidence()).isEqualTo(Confidence.M);
        assertThat(of(new Application(a.inn(), a.okved(), a.okvedSection(), a.revenue(), a.sme(), false, a.region(), false,
                a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(), true, 0, LocalDate.parse("2023-07-24")),
                "kip").rate()).isCloseTo(0.03 + 0.3 * 0.085, within(EXACT));
        assertThat(of(new Application(a.inn(), a.okved(), a.okvedSection(), a.revenue(), a.sme(), false, a.region(), false,
                a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(), true, 0, LocalDate.parse("2024-01-15")),
                "kip").rate()).isCloseTo(0.078, within(EXACT));
        // the priority list cannot be judged without the applicant's word: to confirm, not a failure
        Result unknown = of(with(a, "priority", null), "kip");
        assertThat(rule(unknown, "priority_products").verdict()).isEqualTo(Verdict.CONFIRM);
        assertThat(unknown.eligible()).isTrue();
        assertThat(unknown.toConfirm()).isEqualTo(1);
        assertThat(rule(of(with(a, "priority", false), "kip"), "priority_products").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void industrialMortgageRateAroundTheFormulasStart() {
        Application a = with(app("2024-06-01"), "loan", 400.0);
        // key rate 16 %: 5 % + (16 − 10) = 11 %; MTK 3 % + 6 = 9 %
        assertThat(of(a, "industrial_mortgage").rate()).isCloseTo(0.11, within(EXACT));
        assertThat(of(with(a, "tech", true), "industrial_mortgage").rate()).isCloseTo(0.09, within(EXACT));
        // the day before the formula's start (key rate also 16 %): the plain 5 %
        Application before = new Application(a.inn(), a.okved(), a.okvedSection(), a.revenue(), a.sme(), false, a.region(),
                false, a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(), null, 0,
                LocalDate.parse("2024-04-21"));
        Result r = of(before, "industrial_mortgage");
        assertThat(r.rate()).isEqualTo(0.05);
        assertThat(r.keyRate()).isNull();
        // the unconfirmed minimum loan is used and flagged
        assertThat(rule(r, "loan_min").confidence()).isEqualTo(Confidence.M);
        assertThat(r.unconfirmed()).isEqualTo(1);
        assertThat(verdict(with(a, "loan", 4.0), "industrial_mortgage", "loan_min")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void reducedRateWithRussianEquipmentAndRateSteps() {
        Application a = app("2024-06-01");
        assertThat(of(with(a, "equipment", 0.5), "frp_development").rate()).isCloseTo(0.03, within(EXACT));
        assertThat(of(with(a, "equipment", 0.49), "frp_development").rate()).isEqualTo(0.05);
        // the base rate changed on 2024-01-01: 3 % − 2 pp = 1 % the day before
        Application dec = new Application(a.inn(), a.okved(), a.okvedSection(), a.revenue(), a.sme(), false, a.region(), false,
                a.budget(), a.ownFunds(), a.loan(), a.term(), a.purpose(), a.products(), null, 0.6, LocalDate.parse("2023-12-31"));
        assertThat(of(dec, "frp_development").rate()).isCloseTo(0.01, within(EXACT));
        Eligibility.Rate steps = Eligibility.rate(of(a, "frp_conversion").instrument(), a, KeyRateTest.series());
        assertThat(steps.rate()).isEqualTo(0.01);
        assertThat(steps.after()).isEqualTo(0.05);
        assertThat(steps.firstYears()).isEqualTo(3);
        assertThat(steps.how().in(Locale.ENGLISH)).isEqualTo("1 % a year for 3 years, then 5 %");
    }

    @Test
    void missingValuesAreToConfirmNotFailures() {
        Application a = app("2024-06-01");
        Application none = new Application(null, null, null, Double.NaN, false, false, null, false, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, null, List.of(), null, Double.NaN, a.date());
        Result r = of(none, "frp_development");
        assertThat(r.failed()).isZero();
        assertThat(r.eligible()).isTrue();
        assertThat(rule(r, "loan_max").verdict()).isEqualTo(Verdict.CONFIRM);
        assertThat(rule(r, "loan_max").fix().in(Locale.ENGLISH)).contains("loan");
        assertThat(rule(r, "condition_sales").verdict()).isEqualTo(Verdict.CONFIRM);
    }

    @Test
    void instrumentsOfferedOnADay() {
        Catalogue c = catalogue();
        assertThat(c.asOf(LocalDate.parse("2022-09-04"))).extracting(Catalogue.Instrument::id)
                .containsExactly("frp_development", "frp_conversion");
        assertThat(c.asOf(LocalDate.parse("2022-09-05"))).extracting(Catalogue.Instrument::id)
                .containsExactly("frp_development", "frp_conversion", "industrial_mortgage");
        assertThat(c.asOf(LocalDate.parse("2023-01-01"))).hasSize(5);
        assertThat(c.asOf(LocalDate.parse("2016-01-01")).get(0).name(Locale.ENGLISH)).isEqualTo("Development projects");
        // a tied rate needs the key rate: a series that starts later is refused naming the day
        KeyRate late = new KeyRate(List.of(KeyRateTest.change("2025-01-01", 0.2)), "");
        assertThatThrownBy(() -> Eligibility.check(app("2024-06-01"), c, late))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("2024-06-01");
    }

    @Test
    void catalogueRefusesUnknownParametersOverlapsAndValuesOutOfRange() {
        assertThatThrownBy(() -> new Catalogue(List.of(n("x", "loan_maximum", 1, "2020-01-01", null)), ""))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("x.loan_maximum");
        assertThatThrownBy(() -> new Catalogue(List.of(n("x", "loan_max", 1, "2020-01-01", null),
                n("x", "loan_max", 2, "2021-01-01", null)), ""))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("x.loan_max");
        assertThatThrownBy(() -> new Catalogue(List.of(n("x", "loan_share_max", 80, "2020-01-01", null)), ""))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Catalogue(List.of(n("X-1", "loan_max", 1, "2020-01-01", null)), ""))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(Catalogue.kind("condition_anything")).isEqualTo(Catalogue.Kind.TEXT);
        assertThat(Catalogue.kind("condition_")).isNull();
        // back to back is no overlap
        assertThat(new Catalogue(List.of(n("x", "loan_max", 1, "2020-01-01", "2020-12-31"),
                n("x", "loan_max", 2, "2021-01-01", null)), "").rules()).hasSize(2);
    }
}
