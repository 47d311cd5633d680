package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;
import org.klaster.finance.Portfolio;

/**
 * Reads the two files of {@code klaster finance portfolio} (formats.md §5): budgets {@code instrument,budget} (one
 * row per instrument) and candidates {@code project,instrument,cost,benefit} (one row per eligible project ×
 * instrument). The budgets are read first, so a candidate naming an instrument without a budget is refused at its line.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty instrument or project, an empty,
 * non-numeric or negative budget, cost or benefit, an instrument budgeted twice, a candidate whose instrument has no
 * budget, the same project × instrument twice, no data rows.
 */
public final class PortfolioReader {

    static final String PROJECT = "project";
    static final String INSTRUMENT = "instrument";
    static final String COST = "cost";
    static final String BENEFIT = "benefit";
    static final String BUDGET = "budget";

    private PortfolioReader() {
    }

    /** The budgets in file order, the candidates in file order, and where they came from. */
    public record PortfolioFiles(List<Portfolio.Budget> budgets, List<Portfolio.Candidate> candidates, String budgetsSha256,
                                 String budgetsName, String candidatesSha256, String candidatesName, List<Text> warnings) {
    }

    /**
     * @param sheet sheet of a workbook (both files), or null for the first
     * @throws InputException on any problem with the content of either file
     */
    public static PortfolioFiles read(Path candidates, Path budgets, String sheet) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        Map<String, Portfolio.Budget> byInstrument = new LinkedHashMap<>();
        String budgetsSha;
        try (TabularFile t = TabularFile.open(budgets, sheet)) {
            t.require(INSTRUMENT, BUDGET);
            int iInstrument = t.indexOf(INSTRUMENT);
            int iBudget = t.indexOf(BUDGET);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t, Set.of(INSTRUMENT, BUDGET), "budgets"));
            Map<String, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String instrument = row.code(iInstrument);
                double budget = money(row, iBudget, "portfolio.budget.negative");
                Long before = firstLine.putIfAbsent(instrument, row.line());
                if (before != null) throw row.error(iInstrument, data("portfolio.budget.duplicate", quoted(instrument), t.firstOn(before)));
                byInstrument.put(instrument, new Portfolio.Budget(instrument, budget));
            }
            if (byInstrument.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            budgetsSha = t.sha256();
        }
        List<Portfolio.Candidate> out = new ArrayList<>();
        String candidatesSha;
        try (TabularFile t = TabularFile.open(candidates, sheet)) {
            t.require(PROJECT, INSTRUMENT, COST, BENEFIT);
            int iProject = t.indexOf(PROJECT);
            int iInstrument = t.indexOf(INSTRUMENT);
            int iCost = t.indexOf(COST);
            int iBenefit = t.indexOf(BENEFIT);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t, Set.of(PROJECT, INSTRUMENT, COST, BENEFIT), "candidates"));
            Map<List<String>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String project = row.code(iProject);
                String instrument = row.code(iInstrument);
                if (!byInstrument.containsKey(instrument)) {
                    throw row.error(iInstrument, data("portfolio.instrument.unknown", quoted(instrument),
                            InputException.displayName(budgets), String.join(", ", byInstrument.keySet())));
                }
                double cost = money(row, iCost, "portfolio.cost.negative");
                double benefit = money(row, iBenefit, "portfolio.benefit.negative");
                Long before = firstLine.putIfAbsent(List.of(project, instrument), row.line());
                if (before != null) {
                    throw row.error(iInstrument, data("portfolio.candidate.duplicate", quoted(project), quoted(instrument), t.firstOn(before)));
                }
                out.add(new Portfolio.Candidate(project, instrument, cost, benefit));
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            candidatesSha = t.sha256();
        }
        return new PortfolioFiles(List.copyOf(byInstrument.values()), out, budgetsSha, InputException.displayName(budgets), candidatesSha,
                InputException.displayName(candidates), new ArrayList<>(warnings));
    }

    /** A required amount of money, at least 0. */
    private static double money(TabularFile.Row row, int i, String negativeKey) {
        double v = row.requiredNumber(i);
        if (v < 0) throw row.error(i, data(negativeKey, quoted(row.get(i))));
        return v;
    }
}
