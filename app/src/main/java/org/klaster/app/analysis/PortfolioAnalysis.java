package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.data.formats.PortfolioReader;
import org.klaster.data.formats.PortfolioReader.PortfolioFiles;
import org.klaster.finance.Portfolio;

/**
 * {@code klaster finance portfolio} (formats.md §5, docs/methods-finance.md "Portfolio selection"): which candidate
 * projects to back and with which instrument, one row per chosen project — {@code project,instrument,cost,benefit} —
 * then a {@code TOTAL} row (cost and benefit summed) and one {@code BUDGET:instrument} row per instrument (cost = the
 * budget used, benefit = the budget left). The status, gap, the greedy answer and the value of more budget per
 * instrument are notes and summary figures.
 */
public final class PortfolioAnalysis {

    public static final String ID = "finance.portfolio";
    public static final String TOTAL = "TOTAL";
    public static final String BUDGET = "BUDGET:";

    private PortfolioAnalysis() {
    }

    /** A chosen project, the TOTAL (no instrument), or a BUDGET row (project {@code BUDGET:instrument}; cost used, benefit left). */
    public record Row(String project, String instrument, double cost, double benefit) {
    }

    public static Schema<Row> schema() {
        return Schema.<Row>builder(ID, "PortfolioRow")
                .text("project", Row::project)
                .optionalText("instrument", Row::instrument)
                .number("cost", Unit.MONEY, Row::cost)
                .number("benefit", Unit.MONEY, Row::benefit)
                .build();
    }

    /** The candidates and budgets files (CSV or XLSX; {@code sheet} for both workbooks, null: the first). */
    public static PortfolioFiles read(Path candidates, Path budgets, String sheet) {
        try {
            return PortfolioReader.read(candidates, budgets, sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The extra budget of the marginal re-solves as typed: {@code 1%} (a share of each budget; a budget of 0 gets one
     * unit) or an amount in money units ({@code 1000}).
     */
    public static Portfolio.Options options(String marginalStep, String timeLimit, String gap, String threads) {
        Portfolio.Options o = Portfolio.Options.defaults();
        if (marginalStep != null && !marginalStep.isBlank()) {
            String s = marginalStep.strip();
            if (s.endsWith("%")) {
                double share = Param.shareOrPercent("marginal_step", s);
                o = o.withMarginal(Param.positive("marginal_step", share), Double.NaN);
            } else {
                o = o.withMarginal(o.marginalShare(), Param.positive("marginal_step", Param.number("marginal_step", s)));
            }
        }
        if (timeLimit != null) {
            double t = Param.positive("time_limit", Param.number("time_limit", timeLimit));
            if (t > 86_400) throw UserException.badParameter("time_limit", Messages.text("param.integer", 1, 86_400, Param.shorten(timeLimit)));
            o = o.withTimeLimit(t);
        }
        if (gap != null) {
            double g = Param.shareOrPercent("gap", gap);
            if (!(g < 1)) throw UserException.badParameter("gap", Messages.text("finance.portfolio.gap.below.one", Param.shorten(gap)));
            o = o.withGap(g);
        }
        if (threads != null) o = o.withWorkers(Param.integer("threads", threads, 1, 64));
        return o;
    }

    /** Chooses the portfolio; exit 1 (an {@link AnalysisException} with the reason) when no candidate fits its budget. */
    public static Table<Row> run(PortfolioFiles f, Portfolio.Options o) {
        Portfolio.Problem problem = Portfolio.Problem.of(f.candidates(), f.budgets());
        Portfolio.Result r = Portfolio.solve(problem, o);
        if (r.status() == Portfolio.Status.INFEASIBLE) throw new AnalysisException(r.reason());

        List<Row> rows = new ArrayList<>();
        for (Portfolio.Candidate c : r.chosen().chosen()) rows.add(new Row(c.project(), c.instrument(), c.cost(), c.benefit()));
        rows.add(new Row(TOTAL, null, r.chosen().cost(), r.chosen().benefit()));
        for (Portfolio.Use u : r.use()) rows.add(new Row(BUDGET + u.instrument(), u.instrument(), u.used(), u.left()));

        List<Text> notes = new ArrayList<>();
        int projects = r.chosen().chosen().size();
        if (r.status() == Portfolio.Status.OPTIMAL) {
            notes.add(Messages.text("finance.portfolio.note.optimal", projects, f.candidates().size(), Text.plain(r.objective())));
        } else {
            notes.add(Messages.text("finance.portfolio.note.feasible", projects, Text.plain(r.objective()), Text.plain(r.bound()),
                    Text.fixed(100 * r.gap(), 4)));
        }
        if (!r.exact()) notes.add(Messages.text("finance.portfolio.note.rounded"));
        double share = r.objective() > 0 ? 100 * r.greedy().benefit() / r.objective() : 100;
        notes.add(Messages.text("finance.portfolio.note.greedy", r.greedy().chosen().size(), Text.plain(r.greedy().benefit()),
                Text.plain(r.greedy().cost()), Text.fixed(share, 2)));
        if (!Double.isNaN(r.lpBound())) notes.add(Messages.text("finance.portfolio.note.lp", Text.fixed(r.lpBound(), 4)));
        for (Portfolio.Marginal m : r.marginals()) {
            notes.add(Messages.text(m.proven() ? "finance.portfolio.note.marginal" : "finance.portfolio.note.marginal.unproven",
                    m.instrument(), Text.plain(m.step()), Text.plain(m.objective() - r.objective()), Text.fixed(m.perUnit(), 6)));
        }

        Map<String, Object> params = new LinkedHashMap<>();
        if (Double.isNaN(o.marginalStep())) params.put("marginal_share", o.marginalShare());
        else params.put("marginal_step", o.marginalStep());
        params.put("time_limit", o.timeLimitSeconds());
        params.put("gap", o.relativeGap());
        params.put("threads", o.workers());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", r.status().name());
        summary.put("objective", r.objective());
        summary.put("bound", r.bound());
        summary.put("gap", r.gap());
        summary.put("lp_bound", r.lpBound());
        summary.put("greedy_benefit", r.greedy().benefit());
        summary.put("greedy_cost", r.greedy().cost());
        for (Portfolio.Marginal m : r.marginals()) summary.put("marginal_per_unit:" + m.instrument(), m.perUnit());
        List<Provenance.Input> in = List.of(Provenance.Input.file("candidates", f.candidatesName(), f.candidatesSha256()),
                Provenance.Input.file("budgets", f.budgetsName(), f.budgetsSha256()));
        return new Table<>(schema(), rows, false, new Provenance(ID, in, params, null), Texts.of(f.warnings()), notes, summary);
    }
}
