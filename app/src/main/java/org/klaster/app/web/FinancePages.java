package org.klaster.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.LoanAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.Table;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.Pages.Tab;
import org.klaster.finance.Loans;

/**
 * The Finance section (templates under {@code finance/}): the loan calculator — a loan's schedule and the value of
 * its subsidised rate ({@link LoanAnalysis}, the table of {@code klaster finance loan}) — with its downloads and the
 * API's {@code /api/v1/finance/loan}. The loan is read from the request once ({@link #loan}) for page, files and API.
 */
public final class FinancePages {

    /** The example the empty form shows: an FRP "Конверсия" loan, 1 % for three years then 5 %, against 19 %. */
    static final Map<String, String> EXAMPLE = Map.of("amount", "500", "rate", "1%", "then", "5%@3", "years", "5",
            "grace_years", "0", "method", "annuity", "payments_per_year", "12", "market_rate", "19%");

    private final Workbench wb;

    FinancePages(Workbench wb) {
        this.wb = wb;
    }

    public record Field(String name, String value) {
    }

    public record LoanPage(Shell shell, List<Tab> tabs, Map<String, String> form, List<Option> methods, List<Option> perYear,
                           List<Kpi> kpis, String chart, TableModel table, List<String> notes) {
    }

    static List<Tab> tabs(Shell s, String current) {
        List<Tab> t = new ArrayList<>();
        for (String k : List.of("loan")) t.add(new Tab(s.t("fin.tab." + k), s.url("/finance/" + k), k.equals(current)));
        return t;
    }

    /** A parameter, or the example's value when the request has none (the first visit shows the example). */
    private static String value(Req q, String name, boolean first) {
        String v = q.param(name);
        return v != null ? v : first ? EXAMPLE.get(name) : null;
    }

    /** The loan a request asks for ({@code amount, rate, then, years, grace_years, method, payments_per_year, market_rate}). */
    record Asked(Loans.Terms terms, Double marketRate) {
    }

    static Asked loan(Req q, boolean first) {
        List<String> then = new ArrayList<>();
        String t = value(q, "then", first);
        if (t != null) for (String s : t.split("[,;]")) if (!s.isBlank()) then.add(s.strip());
        Loans.Terms terms = LoanAnalysis.terms(value(q, "amount", first), value(q, "rate", first), then, value(q, "years", first),
                value(q, "grace_years", first), value(q, "method", first), value(q, "payments_per_year", first));
        String m = value(q, "market_rate", first);
        return new Asked(terms, m == null || m.isBlank() ? null : Param.shareOrPercent("market_rate", m));
    }

    /** Whether the form was never sent: no loan parameter at all. */
    private static boolean first(Req q) {
        return EXAMPLE.keySet().stream().noneMatch(k -> q.ctx.queryParam(k) != null);
    }

    void loanPage(Req q, Map<String, String> errors) {
        Messages m = q.msg;
        Shell s = Pages.shell(q, Section.FINANCE, m.get("fin.tab.loan"), null, List.of(), "/finance/loan", errors)
                .controls(EXAMPLE.keySet().toArray(String[]::new)).controls("sort", "dir");
        boolean first = first(q);
        // the form shows what was typed, a refused value included (the figures use the example's instead)
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String k : EXAMPLE.keySet()) {
            String typed = q.ctx.queryParam(k);
            form.put(k, typed != null ? typed : first ? EXAMPLE.get(k) : "");
        }
        Asked a = loan(q, first || !errors.isEmpty());
        Table<LoanAnalysis.Row> t = LoanAnalysis.run(a.terms(), a.marketRate(), false);
        List<LoanAnalysis.Row> rows = t.list();
        LoanAnalysis.Row total = rows.get(rows.size() - 1);
        Loans.Terms terms = a.terms();
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(new Kpi(m.get("fin.kpi.firstPayment"), m.num(rows.get(terms.gracePeriods()).payment(), 2), m.get("col.payment.help")));
        kpis.add(new Kpi(m.get("fin.kpi.interest"), m.num(total.interest(), 2), m.get("col.interest.help")));
        kpis.add(new Kpi(m.get("fin.kpi.paid"), m.num(total.payment(), 2), m.get("col.payment.help")));
        if (a.marketRate() != null) {
            kpis.add(new Kpi(m.format("fin.kpi.subsidy", m.percent(a.marketRate())), m.num(total.subsidyPv(), 2), m.get("col.subsidy_pv.help")));
            kpis.add(new Kpi(m.get("fin.kpi.grantElement"), m.percent(total.subsidyPv() / terms.amount()), m.get("fin.kpi.grantElement.help")));
        }
        // interest and principal by year of the loan
        int years = terms.years();
        double[] interest = new double[years];
        double[] principal = new double[years];
        for (LoanAnalysis.Row r : rows.subList(0, rows.size() - 1)) {
            int y = (Integer.parseInt(r.period()) - 1) / terms.paymentsPerYear();
            interest[y] += r.interest();
            principal[y] += r.principal();
        }
        List<String> labels = new ArrayList<>();
        for (int y = 1; y <= years; y++) labels.add(m.format("fin.chart.year", y));
        String chart = Charts.stackedBars(m.get("col.payment"), "", m.lang().name(), labels,
                List.of(m.get("col.principal"), m.get("col.interest")), List.of(principal, interest));
        TableModel table = PageTable.of(t, m, t.schema().columns().stream().map(c -> c.name()).toArray(String[]::new))
                .text((r, c) -> c.equals("period") && LoanAnalysis.TOTAL.equals(r.period()) ? m.get("sov.total") : null)
                .footer(r -> LoanAnalysis.TOTAL.equals(r.period()))
                .build("loan", m.get("fin.loan.table"));
        Object[] kv = kv(form);
        // the schedule's own order unless a column is chosen
        if (q.param("sort") != null) table.sort(q, "payment", true);
        table.links(s, Pages.without(q, "sort", "dir"), s.url("/finance/loan/export.csv", kv), s.url("/finance/loan/export.xlsx", kv));
        List<Option> methods = List.of(new Option("annuity", m.get("fin.method.annuity"), !"equal-principal".equals(form.get("method"))),
                new Option("equal-principal", m.get("fin.method.equal"), "equal-principal".equals(form.get("method"))));
        List<Option> perYear = new ArrayList<>();
        for (int p : new int[] {1, 2, 4, 12}) {
            perYear.add(new Option(String.valueOf(p), m.get("fin.perYear." + p), String.valueOf(terms.paymentsPerYear()).equals(String.valueOf(p))));
        }
        Pages.render(q.ctx, "finance/loan.jte", new LoanPage(s, tabs(s, "loan"), form, methods, perYear, kpis, chart, table,
                SovereigntyPages.texts(m, t.notes())));
    }

    private static Object[] kv(Map<String, String> form) {
        List<Object> kv = new ArrayList<>();
        form.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kv.add(k);
                kv.add(v);
            }
        });
        return kv.toArray();
    }

    /** {@code /finance/loan/export.csv|xlsx}: the schedule as the command line writes it. */
    void export(Req q) throws java.io.IOException {
        Asked a = loan(q, first(q));
        Downloads.send(q.ctx, LoanAnalysis.run(a.terms(), a.marketRate(), false), "klaster-finance-loan", q.msg);
    }
}
