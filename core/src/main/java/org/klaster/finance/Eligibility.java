package org.klaster.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.klaster.Text;
import org.klaster.registry.Confidence;

/**
 * Which support instruments a project can get on a day, and why (docs/methods-finance.md, "Eligibility"): the
 * application against every instrument of the catalogue in force on the application's date, one {@link Check} per
 * rule with the numbers behind it and, for a failure, the change that would make it pass; the applicable rate,
 * computed from the key rate where the rate is tied to it. Pure: the catalogue and the key-rate series are given.
 *
 * <p>Money in million RUB, shares and rates as fractions, terms in years. A value the application does not give
 * (NaN, null) cannot be judged: its rule is {@link Verdict#CONFIRM}, never a pass or a failure.
 */
public final class Eligibility {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private Eligibility() {
    }

    /**
     * A project and its applicant.
     *
     * @param okvedSection the OKVED2 section letter of {@code okved} (looked up by the caller), or null when unknown
     * @param revenue      the applicant's annual revenue, mln RUB (NaN when not given)
     * @param technologyCompany a technology company or a small technology company (MTK): the instruments' "tech" terms
     * @param budget       the project's cost, mln RUB
     * @param ownFunds     the applicant's own funds in the project, mln RUB
     * @param loan         the loan requested, mln RUB
     * @param term         the loan's term, years
     * @param purpose      what the money is for: purchase, construction, modernisation, reconstruction, …
     * @param priorityProducts whether the products are on the priority list of the interdepartmental commission
     *                     (MVK), null when not known
     * @param russianEquipmentShare share of the loan that buys Russian equipment or software (NaN when not given)
     */
    public record Application(String inn, String okved, String okvedSection, double revenue, boolean sme,
                              boolean technologyCompany, String region, boolean clusterMember, double budget, double ownFunds,
                              double loan, double term, String purpose, List<String> products, Boolean priorityProducts,
                              double russianEquipmentShare, LocalDate date) {

        public Application {
            Objects.requireNonNull(date, "date");
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /** A rule's verdict: passed, failed, to confirm (not judged from the application), or information (a rate, an amount). */
    public enum Verdict { PASS, FAIL, CONFIRM, INFO }

    /**
     * One rule of one instrument judged on the application.
     *
     * @param rule      the parameter judged ({@code loan_max} …), or {@code rate}, {@code subsidy}, {@code eligible}
     * @param value     the application's number (NaN when the rule is about codes or the value is not given)
     * @param threshold the rule's number (the key rate on the {@code rate} row)
     * @param valueText the application's code or text (OKVED, purpose, products), else null
     * @param thresholdText the rule's codes or text, else null
     * @param basis     the catalogue row behind it (null on the {@code eligible} row)
     * @param confidence the weakest mark of what it rests on (with the key rate's on a rate tied to it)
     * @param fix       what would make a failure pass; the reason or computation otherwise; null when there is nothing to say
     */
    public record Check(String instrument, String rule, double value, double threshold, String valueText,
                        String thresholdText, Catalogue.Kind kind, Verdict verdict, InstrumentRule basis,
                        Confidence confidence, Text fix) {
    }

    /**
     * An instrument's answer.
     *
     * @param rate        the applicable rate in the first year (NaN for a subsidy or an instrument without a rate)
     * @param keyRate     the key-rate change used, or null when the rate is not tied to it
     * @param failed      the rules failed
     * @param toConfirm   the rules and conditions the application cannot settle
     * @param unconfirmed the rules used that are marked M
     */
    public record Result(Catalogue.Instrument instrument, boolean eligible, double rate, KeyRate.Change keyRate,
                         List<Check> checks, int failed, int toConfirm, int unconfirmed) {

        public Result {
            checks = List.copyOf(checks);
        }
    }

    /**
     * Every instrument offered on the application's date.
     *
     * @param keyRate the series (used only by instruments whose rate is tied to it)
     * @throws org.klaster.InvalidParameterException when an instrument's rate needs the key rate on a day before the series
     */
    public static List<Result> check(Application a, Catalogue catalogue, KeyRate keyRate) {
        List<Result> out = new ArrayList<>();
        for (Catalogue.Instrument in : catalogue.asOf(a.date())) out.add(check(a, in, keyRate));
        return out;
    }

    /** One instrument (its parameters in force on the application's date). */
    public static Result check(Application a, Catalogue.Instrument in, KeyRate keyRate) {
        List<Check> c = new ArrayList<>();
        // the official (Russian) name in both languages: it is what the programme is called
        String name = in.name(RU);
        Checks k = new Checks(in, c);

        k.atLeast("loan_min", a.loan(), name);
        k.atMost("loan_max", a.loan(), name);
        k.atLeast("budget_min", a.budget(), name);
        InstrumentRule share = in.rule("loan_share_max");
        if (share != null) {
            double v = a.loan() / a.budget();
            if (Double.isNaN(a.loan()) || !(a.budget() > 0)) {
                k.missing(share, v, "loan, budget");
            } else {
                boolean ok = v <= share.value() + EPS;
                double most = share.value() * a.budget();
                k.add(share, v, share.value(), null, null, ok, ok ? null : Text.core("finance.elig.loan_share_max",
                        num(a.loan()), pct(v), num(a.budget()), pct(share.value()), name, num(most)));
            }
        }
        InstrumentRule own = in.rule("own_funds_min_share_of_loan");
        if (own != null) {
            double v = a.ownFunds() / a.loan();
            if (Double.isNaN(a.ownFunds()) || !(a.loan() > 0)) {
                k.missing(own, v, "own_funds, loan");
            } else {
                boolean ok = v >= own.value() - EPS;
                k.add(own, v, own.value(), null, null, ok, ok ? null : Text.core("finance.elig.own_funds",
                        num(a.ownFunds()), pct(v), pct(own.value()), name, num(own.value() * a.loan())));
            }
        }
        k.atMost("term_max", a.term(), name);
        // technology companies (and MTK) have their own revenue cap where the instrument sets one
        String revenueRule = a.technologyCompany() && in.rule("revenue_max_tech") != null ? "revenue_max_tech" : "revenue_max";
        k.atMost(revenueRule, a.revenue(), name);

        InstrumentRule sections = in.rule("okved_sections");
        if (sections != null) {
            List<String> allowed = in.codes("okved_sections");
            if (blank(a.okved())) {
                k.missing(sections, Double.NaN, "okved");
            } else if (a.okvedSection() == null) {
                k.add(sections, Double.NaN, Double.NaN, a.okved(), sections.text(), null,
                        Text.core("finance.elig.okved_section_unknown", a.okved(), sections.text(), name));
            } else {
                boolean ok = allowed.stream().anyMatch(s -> s.equalsIgnoreCase(a.okvedSection()));
                k.add(sections, Double.NaN, Double.NaN, a.okved() + " (" + a.okvedSection() + ")", sections.text(), ok,
                        ok ? null : Text.core("finance.elig.okved_sections", a.okved(), a.okvedSection(), sections.text(), name));
            }
        }
        InstrumentRule excluded = in.rule("okved_excluded");
        if (excluded != null) {
            if (blank(a.okved())) {
                k.missing(excluded, Double.NaN, "okved");
            } else {
                String hit = null;
                for (String p : in.codes("okved_excluded")) if (okvedUnder(a.okved(), p)) hit = p;
                k.add(excluded, Double.NaN, Double.NaN, a.okved(), excluded.text(), hit == null,
                        hit == null ? null : Text.core("finance.elig.okved_excluded", a.okved(), name, hit));
            }
        }
        InstrumentRule purposes = in.rule("purposes");
        if (purposes != null) {
            if (blank(a.purpose())) {
                k.missing(purposes, Double.NaN, "purpose");
            } else {
                boolean ok = in.codes("purposes").stream().anyMatch(p -> p.equalsIgnoreCase(a.purpose().strip()));
                k.add(purposes, Double.NaN, Double.NaN, a.purpose(), purposes.text(), ok,
                        ok ? null : Text.core("finance.elig.purposes", a.purpose(), name, purposes.text()));
            }
        }
        InstrumentRule member = in.rule("cluster_member");
        if (member != null && member.value() == 1) {
            k.add(member, a.clusterMember() ? 1 : 0, 1, null, null, a.clusterMember(),
                    a.clusterMember() ? null : Text.core("finance.elig.cluster_member", name));
        }
        InstrumentRule priority = in.rule("priority_products");
        if (priority != null && priority.value() == 1) {
            String products = a.products().isEmpty() ? "—" : String.join(";", a.products());
            Boolean p = a.priorityProducts();
            k.add(priority, p == null ? Double.NaN : p ? 1 : 0, 1, products, null, p,
                    p == null ? Text.core("finance.elig.priority.unknown", products, name)
                            : p ? null : Text.core("finance.elig.priority.no", products, name));
        }
        for (InstrumentRule r : in.parameters().values()) {
            if (r.parameter().startsWith(Catalogue.CONDITION)) {
                k.add(r, Double.NaN, Double.NaN, null, r.text(), null, Text.core("finance.elig.condition", r.text()));
            }
        }
        InstrumentRule subsidyShare = in.rule("subsidy_share_max");
        if (subsidyShare != null) {
            InstrumentRule cap = in.rule("subsidy_max");
            if (!(a.budget() >= 0)) {
                k.missing(subsidyShare, Double.NaN, "budget");
            } else {
                double amount = subsidyShare.value() * a.budget();
                boolean capped = cap != null && amount > cap.value();
                Text why = capped
                        ? Text.core("finance.elig.subsidy.capped", pct(subsidyShare.value()), num(a.budget()), num(amount), num(cap.value()))
                        : Text.core("finance.elig.subsidy", pct(subsidyShare.value()), num(a.budget()), num(amount));
                c.add(new Check(in.id(), "subsidy", capped ? cap.value() : amount, cap == null ? Double.NaN : cap.value(), null,
                        null, Catalogue.Kind.MONEY, Verdict.INFO, subsidyShare,
                        cap == null ? subsidyShare.confidence() : Confidence.weaker(subsidyShare.confidence(), cap.confidence()), why));
            }
        }
        InstrumentRule period = in.rule("subsidised_years_after_investment");
        if (period != null) {
            c.add(new Check(in.id(), period.parameter(), Double.NaN, period.value(), null, null, Catalogue.Kind.YEARS,
                    Verdict.INFO, period, period.confidence(), Text.core("finance.elig.subsidised", num(period.value()))));
        }

        Rate rate = rate(in, a, keyRate);
        if (rate != null) {
            c.add(new Check(in.id(), "rate", rate.rate(), rate.keyRate() == null ? Double.NaN : rate.keyRate().rate(), null, null,
                    Catalogue.Kind.RATE, Verdict.INFO, in.rule("rate") != null ? in.rule("rate") : in.rule("rate_tech"),
                    rate.confidence(), rate.how()));
        }

        int failed = 0;
        int confirm = 0;
        int unconfirmed = 0;
        for (Check x : c) {
            if (x.verdict() == Verdict.FAIL) failed++;
            if (x.verdict() == Verdict.CONFIRM) confirm++;
            if (x.basis() != null && x.basis().confidence().unconfirmed()) unconfirmed++;
        }
        boolean eligible = failed == 0;
        c.add(new Check(in.id(), "eligible", failed, Double.NaN, null, null, Catalogue.Kind.FLAG,
                eligible ? Verdict.PASS : Verdict.FAIL, null, weakest(c),
                eligible ? Text.core("finance.elig.verdict.pass", name, confirm, unconfirmed)
                        : Text.core("finance.elig.verdict.fail", name, failed, unconfirmed)));
        return new Result(in, eligible, rate == null ? Double.NaN : rate.rate(), rate == null ? null : rate.keyRate(), c, failed,
                confirm, unconfirmed);
    }

    /**
     * The applicable rate of an instrument: its {@code rate} ({@code rate_tech} for a technology company where set),
     * plus {@code rate_kr_multiplier} × max(0, key rate − {@code rate_kr_threshold}) where the rate is tied to the key
     * rate, less {@code rate_reduction} when at least {@code rate_reduction_equipment_share} of the loan buys Russian
     * equipment; {@code rate_after} from year {@code rate_first_years} on. Null when the instrument has no rate.
     *
     * @param how        the computation in words
     * @param confidence the weakest mark of the parameters and the key rate used
     */
    public record Rate(double rate, double after, int firstYears, KeyRate.Change keyRate, Confidence confidence, Text how) {
    }

    public static Rate rate(Catalogue.Instrument in, Application a, KeyRate keyRate) {
        InstrumentRule base = a.technologyCompany() && in.rule("rate_tech") != null ? in.rule("rate_tech") : in.rule("rate");
        if (base == null) return null;
        Confidence conf = base.confidence();
        double r = base.value();
        Text how = Text.core("finance.elig.rate.fixed", pct(r));
        InstrumentRule mult = in.rule("rate_kr_multiplier");
        KeyRate.Change kr = null;
        if (mult != null) {
            kr = keyRate.on(a.date());
            InstrumentRule thr = in.rule("rate_kr_threshold");
            double threshold = thr == null ? 0 : thr.value();
            conf = Confidence.weaker(Confidence.weaker(conf, mult.confidence()), kr.confidence());
            if (thr != null) conf = Confidence.weaker(conf, thr.confidence());
            r = keyRateFormula(base.value(), mult.value(), threshold, kr.rate());
            if (threshold == 0) {
                how = Text.core("finance.elig.rate.kr", pct(base.value()), num(mult.value()), pct(kr.rate()),
                        kr.effective().toString(), pct(r));
            } else if (kr.rate() > threshold) {
                how = Text.core("finance.elig.rate.kr.above", pct(base.value()), num(mult.value()), pct(kr.rate()),
                        kr.effective().toString(), pct(threshold), pct(r));
            } else {
                how = Text.core("finance.elig.rate.kr.below", pct(base.value()), pct(kr.rate()), kr.effective().toString(),
                        pct(threshold));
            }
        }
        InstrumentRule cut = in.rule("rate_reduction");
        InstrumentRule cutShare = in.rule("rate_reduction_equipment_share");
        if (cut != null && cutShare != null) {
            if (a.russianEquipmentShare() >= cutShare.value() - EPS) {
                r = Math.max(0, r - cut.value());
                conf = Confidence.weaker(conf, Confidence.weaker(cut.confidence(), cutShare.confidence()));
                how = Text.core("finance.elig.rate.reduced", how, pct(cut.value()), pct(a.russianEquipmentShare()),
                        pct(cutShare.value()), pct(r));
            } else {
                how = Text.core("finance.elig.rate.reducible", how, pct(cut.value()), pct(cutShare.value()));
            }
        }
        InstrumentRule years = in.rule("rate_first_years");
        InstrumentRule after = in.rule("rate_after");
        double later = r;
        int first = 0;
        if (years != null && after != null) {
            later = after.value();
            first = (int) years.value();
            conf = Confidence.weaker(conf, Confidence.weaker(years.confidence(), after.confidence()));
            how = Text.core("finance.elig.rate.steps", how, first, pct(later));
        }
        // sums of fractions (0.05 − 0.02) must not print as 0.030000000000000002
        return new Rate(clean(r), clean(later), first, kr, conf, how);
    }

    /** base + multiplier × max(0, keyRate − threshold): KIP is 0.03 + 0.3 × KR, industrial mortgage 0.05 + (KR − 0.10)⁺. */
    public static double keyRateFormula(double base, double multiplier, double threshold, double keyRate) {
        return clean(base + multiplier * Math.max(0, keyRate - threshold));
    }

    private static double clean(double v) {
        return Math.round(v * 1e12) / 1e12;
    }

    /** Whether an OKVED2 code lies under a listed code: {@code 10.51} under {@code 10}, not {@code 100} under {@code 10}. */
    static boolean okvedUnder(String code, String prefix) {
        String c = code.strip();
        String p = prefix.strip();
        return c.equals(p) || c.startsWith(p + ".");
    }

    /** Comparisons to within a rounding of the inputs: 0.8 × 1250 must pass a 1000 maximum. */
    private static final double EPS = 1e-9;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Confidence weakest(List<Check> c) {
        Confidence w = Confidence.V;
        for (Check x : c) if (x.confidence() != null) w = Confidence.weaker(w, x.confidence());
        return w;
    }

    /** Money and counts: whole numbers as digits, others to six significant digits (Text's rule for numbers). */
    static Object num(double v) {
        // rounding noise (0.8 × 1249 = 999.2000000000001) must not reach the sentence
        return Math.round(v * 1e6) / 1e6;
    }

    /** A fraction as a percentage with up to two decimals. */
    static Text.Fixed pct(double v) {
        double p = Math.round(v * 10000) / 100.0;
        return Text.fixed(p, p == Math.rint(p) ? 0 : Math.abs(p * 10 - Math.rint(p * 10)) < 1e-9 ? 1 : 2);
    }

    /** Builds the numeric checks of one instrument. */
    private static final class Checks {
        private final Catalogue.Instrument in;
        private final List<Check> out;

        Checks(Catalogue.Instrument in, List<Check> out) {
            this.in = in;
            this.out = out;
        }

        void atLeast(String parameter, double v, String name) {
            InstrumentRule r = in.rule(parameter);
            if (r == null) return;
            if (Double.isNaN(v)) {
                missing(r, v, field(parameter));
                return;
            }
            boolean ok = v >= r.value() - EPS;
            add(r, v, r.value(), null, null, ok, ok ? null : limit(parameter, num(v), num(r.value()), name, num(r.value() - v)));
        }

        void atMost(String parameter, double v, String name) {
            InstrumentRule r = in.rule(parameter);
            if (r == null) return;
            if (Double.isNaN(v)) {
                missing(r, v, field(parameter));
                return;
            }
            boolean ok = v <= r.value() + EPS;
            add(r, v, r.value(), null, null, ok, ok ? null : limit(parameter, num(v), num(r.value()), name, num(v - r.value())));
        }

        void missing(InstrumentRule r, double v, String fields) {
            Catalogue.Kind kind = Catalogue.kind(r.parameter());
            boolean text = kind == Catalogue.Kind.TEXT || kind == Catalogue.Kind.CODES;
            add(r, Double.NaN, text ? Double.NaN : r.value(), null, text ? r.text() : null, null,
                    Text.core("finance.elig.missing", fields));
        }

        void add(InstrumentRule r, double v, double threshold, String valueText, String thresholdText, Boolean passed, Text fix) {
            Verdict verdict = passed == null ? Verdict.CONFIRM : passed ? Verdict.PASS : Verdict.FAIL;
            out.add(new Check(in.id(), r.parameter(), v, threshold, valueText, thresholdText, Catalogue.kind(r.parameter()),
                    verdict, r, r.confidence(), fix));
        }

        /** The sentence of a failed limit: value, limit, instrument, the gap. */
        private static Text limit(String parameter, Object... args) {
            return switch (parameter) {
                case "loan_min" -> Text.core("finance.elig.loan_min", args);
                case "loan_max" -> Text.core("finance.elig.loan_max", args);
                case "budget_min" -> Text.core("finance.elig.budget_min", args);
                case "term_max" -> Text.core("finance.elig.term_max", args);
                case "revenue_max_tech" -> Text.core("finance.elig.revenue_max_tech", args);
                default -> Text.core("finance.elig.revenue_max", args);
            };
        }

        private static String field(String parameter) {
            return switch (parameter) {
                case "loan_min", "loan_max" -> "loan";
                case "budget_min" -> "budget";
                case "term_max" -> "term";
                default -> "revenue";
            };
        }
    }
}
