package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.data.formats.CashFlowsReader.CashFlowFile;
import org.klaster.finance.CashFlows;
import org.klaster.finance.Loans;

/**
 * {@code klaster finance project} (formats.md §11, docs/methods-finance.md "Project economics"): a project's yearly
 * cash flows discounted, with NPV, IRR and the discounted payback in the summary, and — with a loan — its debt
 * service by year and the DSCR.
 */
public final class ProjectEconomicsAnalysis {

    public static final String ID = "finance.project";

    private ProjectEconomicsAnalysis() {
    }

    public record Row(int year, double cashFlow, double discounted, double cumulative, double debtService, double available,
                      double dscr) {
    }

    public static Schema<Row> schema() {
        return Schema.<Row>builder(ID, "ProjectYearRow")
                .integer("year", Unit.YEAR, Row::year)
                .number("cash_flow", Unit.MONEY, Row::cashFlow)
                .number("discounted_cash_flow", Unit.MONEY, Row::discounted)
                .number("cumulative_discounted", Unit.MONEY, Row::cumulative)
                .optionalNumber("debt_service", Unit.MONEY, 2, Row::debtService)
                .optionalNumber("available_for_debt_service", Unit.MONEY, 2, Row::available)
                .optionalNumber("dscr", Unit.RATIO, Row::dscr)
                .build();
    }

    /**
     * @param loan      the loan (null: none); its debt service of loan year k falls in calendar year {@code loanStart} + k − 1
     * @param loanStart the first calendar year of the loan (null: the first year of the flows)
     */
    public static Table<Row> run(CashFlowFile f, double discountRate, Loans.Terms loan, Integer loanStart) {
        double[] c = f.cashFlow();
        int n = c.length;
        double[] ds = new double[n];
        java.util.Arrays.fill(ds, Double.NaN);
        int start = loanStart == null ? f.firstYear() : loanStart;
        List<Text> warnings = new ArrayList<>();
        if (loan != null) {
            double[] byYear = CashFlows.debtServiceByYear(Loans.schedule(loan), loan.paymentsPerYear());
            int outside = 0;
            for (int k = 0; k < byYear.length; k++) {
                int t = start - f.firstYear() + k;
                if (t < 0 || t >= n) {
                    outside++;
                    continue;
                }
                ds[t] = byYear[k];
            }
            if (outside > 0) warnings.add(Messages.text("finance.project.outside", outside, f.firstYear(), f.firstYear() + n - 1));
        }
        double[] available = f.available() != null ? f.available() : c.clone();
        double[] dscr = new double[n];
        for (int t = 0; t < n; t++) dscr[t] = ds[t] > 0 && Double.isFinite(available[t]) ? available[t] / ds[t] : Double.NaN;
        List<Row> rows = new ArrayList<>(n);
        double cum = 0;
        double factor = 1;
        double minDscr = Double.NaN;
        for (int t = 0; t < n; t++) {
            double d = c[t] / factor;
            cum += d;
            rows.add(new Row(f.firstYear() + t, c[t], d, cum, ds[t], loan == null ? Double.NaN : available[t], dscr[t]));
            if (!Double.isNaN(dscr[t]) && !(dscr[t] >= minDscr)) minDscr = dscr[t];
            factor *= 1 + discountRate;
        }
        double npv = CashFlows.npv(discountRate, c);
        CashFlows.Irr irr = CashFlows.irr(c);
        double payback = CashFlows.discountedPayback(discountRate, c);

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("discount_rate", discountRate);
        if (loan != null) {
            params.put("loan_amount", loan.amount());
            params.put("loan_start", start);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("npv", npv);
        summary.put("irr", irr.kind() == CashFlows.IrrKind.ONE ? irr.rate() : Double.NaN);
        summary.put("discounted_payback_years", payback);
        if (loan != null) summary.put("min_dscr", minDscr);
        List<Text> notes = new ArrayList<>();
        notes.add(Messages.text("finance.project.npv", Text.fixed(100 * discountRate, 2), Text.fixed(npv, 2)));
        switch (irr.kind()) {
            case ONE -> notes.add(Messages.text("finance.project.irr", Text.fixed(100 * irr.rate(), 4)));
            case NONE -> notes.add(Messages.text("finance.project.irr.none", irr.signChanges()));
            case SEVERAL -> {
                List<Text.Fixed> rates = irr.rates().stream().map(r -> Text.fixed(100 * r, 4)).toList();
                notes.add(Messages.text("finance.project.irr.several", irr.signChanges(), rates));
            }
        }
        notes.add(Double.isNaN(payback) ? Messages.text("finance.project.payback.never")
                : Messages.text("finance.project.payback", Text.fixed(payback, 2)));
        if (loan != null && !Double.isNaN(minDscr)) notes.add(Messages.text("finance.project.dscr", Text.fixed(minDscr, 2)));
        Provenance.Input in = Provenance.Input.file("cashflows", f.sourceName(), f.sha256());
        warnings.addAll(0, Texts.of(f.warnings()));
        return new Table<>(schema(), rows, false, new Provenance(ID, List.of(in), params, null), warnings, notes, summary);
    }
}
