package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.finance.Loans;

/**
 * {@code klaster finance loan} (formats.md §5, docs/methods-finance.md "Loans"): a loan's repayment schedule, one
 * row per period — {@code period,opening_balance,interest,principal,payment,closing_balance} — and a TOTAL row; with
 * a market rate also {@code subsidy_pv}, the present value of the interest saved, on the TOTAL row.
 */
public final class LoanAnalysis {

    public static final String ID = "finance.loan";
    public static final String TOTAL = "TOTAL";

    private LoanAnalysis() {
    }

    /** A row: a period (its number) or the TOTAL (balances NaN; subsidy_pv only there). */
    public record Row(String period, double opening, double interest, double principal, double payment, double closing,
                      double subsidyPv) {
    }

    public static Schema<Row> schema(boolean withSubsidy) {
        Schema.Builder<Row> b = Schema.<Row>builder(ID, "LoanRow")
                .text("period", Row::period)
                .optionalNumber("opening_balance", Unit.MONEY, 2, Row::opening)
                .number("interest", Unit.MONEY, Row::interest)
                .number("principal", Unit.MONEY, Row::principal)
                .number("payment", Unit.MONEY, Row::payment)
                .optionalNumber("closing_balance", Unit.MONEY, 2, Row::closing);
        if (withSubsidy) b.optionalNumber("subsidy_pv", Unit.MONEY, 2, Row::subsidyPv);
        return b.build();
    }

    /**
     * The rate steps as typed: the first rate from year 0, then {@code RATE@YEAR} (e.g. {@code 5%@3}: 5 % from the
     * start of year 3, the fourth). Rates are fractions (0.05) or percentages (5%), as everywhere on the command line.
     */
    public static List<Loans.RateStep> steps(String rate, List<String> then) {
        List<Loans.RateStep> out = new ArrayList<>();
        out.add(new Loans.RateStep(0, Param.shareOrPercent("rate", rate)));
        if (then != null) {
            for (String s : then) {
                int at = s.lastIndexOf('@');
                if (s.isBlank()) continue;
                if (at < 0) throw UserException.badParameter("then", Messages.text("finance.loan.then", Param.shorten(s)));
                Integer year = Param.integer("then", s.substring(at + 1).strip(), 1, 100);
                out.add(new Loans.RateStep(year, Param.shareOrPercent("then", s.substring(0, at))));
            }
        }
        return out;
    }

    /**
     * The terms as typed — on the command line, in the web form or the API — with the parameter names the three share
     * ({@code amount, rate, then, years, grace_years, method, payments_per_year}); blank grace, method and payments
     * take their defaults (0, annuity, 12).
     */
    public static Loans.Terms terms(String amount, String rate, List<String> then, String years, String grace, String method,
                                    String perYear) {
        double a = Param.positive("amount", Param.number("amount", required("amount", amount)));
        List<Loans.RateStep> steps = steps(rate, then);
        Integer n = Param.integer("years", required("years", years), 1, 100);
        Integer g = Param.integer("grace_years", grace, 0, 99);
        Integer p = Param.integer("payments_per_year", perYear, 1, 365);
        try {
            return new Loans.Terms(a, steps, n, g == null ? 0 : g, method(method), p == null ? 12 : p);
        } catch (org.klaster.InvalidParameterException e) {
            // the engine's sentence, beside the field it is about
            String param = FIELD_OF.getOrDefault(e.text().key(), "then");
            throw UserException.badParameter(param, e.text());
        }
    }

    /** The field each of the engine's refusals is about (a rate step's problems are {@code then}'s). */
    private static final Map<String, String> FIELD_OF = Map.of("finance.loan.amount", "amount", "finance.loan.years", "years",
            "finance.loan.grace", "grace_years", "finance.loan.per.year", "payments_per_year", "finance.loan.rate", "rate",
            "finance.loan.no.rate", "rate");

    private static String required(String param, String v) {
        if (v == null || v.isBlank()) throw UserException.badParameter(param, Messages.text("param.required"));
        return v;
    }

    public static Loans.Method method(String v) {
        String m = Param.oneOf("method", v, List.of("annuity", "equal-principal"), "annuity");
        return m.equals("annuity") ? Loans.Method.ANNUITY : Loans.Method.EQUAL_PRINCIPAL;
    }

    /** The schedule of {@code t}; with {@code marketRate} (non-null) the subsidy's present value on the TOTAL row. */
    public static Table<Row> run(Loans.Terms t, Double marketRate) {
        return run(t, marketRate, false);
    }

    /** As {@link #run(Loans.Terms, Double)}; {@code subsidyColumn} keeps the subsidy_pv column (empty) without a market rate (the API's one row shape). */
    public static Table<Row> run(Loans.Terms t, Double marketRate, boolean subsidyColumn) {
        List<Loans.Period> s = Loans.schedule(t);
        List<Row> rows = new ArrayList<>(s.size() + 1);
        for (Loans.Period p : s) {
            rows.add(new Row(String.valueOf(p.period()), p.opening(), p.interest(), p.principal(), p.payment(), p.closing(), Double.NaN));
        }
        Loans.Totals tot = Loans.totals(s);
        double pv = marketRate == null ? Double.NaN : Loans.subsidyPresentValue(t, marketRate);
        rows.add(new Row(TOTAL, Double.NaN, tot.interest(), tot.principal(), tot.payment(), Double.NaN, pv));

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("amount", t.amount());
        List<String> rates = new ArrayList<>();
        for (Loans.RateStep r : t.rates()) rates.add(Text.plain(r.rate()) + "@" + r.fromYear());
        params.put("rates", String.join(",", rates));
        params.put("years", t.years());
        params.put("grace_years", t.graceYears());
        params.put("method", t.method() == Loans.Method.ANNUITY ? "annuity" : "equal-principal");
        params.put("payments_per_year", t.paymentsPerYear());
        if (marketRate != null) params.put("market_rate", marketRate);
        List<Text> notes = new ArrayList<>();
        notes.add(Messages.text(t.method() == Loans.Method.ANNUITY ? "finance.loan.note.annuity" : "finance.loan.note.equal",
                t.years(), t.graceYears(), t.paymentsPerYear()));
        if (t.rates().size() > 1) notes.add(Messages.text("finance.loan.note.steps", String.join(", ", rates)));
        if (marketRate != null) {
            notes.add(Messages.text("finance.loan.note.subsidy", Text.fixed(100 * marketRate, 2), Text.fixed(pv, 2)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("interest", tot.interest());
        summary.put("payment", tot.payment());
        if (marketRate != null) summary.put("subsidy_pv", pv);
        return new Table<>(schema(marketRate != null || subsidyColumn), rows, false, new Provenance(ID, List.of(), params, null), List.of(), notes,
                summary);
    }
}
