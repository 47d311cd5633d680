package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PortfolioAnalysis;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.data.formats.PortfolioReader.PortfolioFiles;
import org.klaster.finance.Portfolio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster finance portfolio --candidates F --budgets F} ({@link PortfolioAnalysis}, formats.md §5,
 * docs/methods-finance.md "Portfolio selection"); a subcommand of {@code klaster finance}.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which candidate projects to back, and with which instrument, for the largest total benefit within the",
                "budgets: at most one instrument per project, Σ cost per instrument ≤ its budget, proven optimal (CP-SAT).",
                "Prints project,instrument,cost,benefit per chosen project, a TOTAL row and one BUDGET:instrument row per",
                "instrument (cost = used, benefit = left); the status, the greedy answer and what more budget of each",
                "instrument would buy go to stderr and the API's summary.",
                "Example: klaster finance portfolio --candidates candidates.csv --budgets budgets.csv"})
public final class FinancePortfolioCommand extends TopLevelCommand {

    @Option(names = "--candidates", paramLabel = "FILE", required = true,
            description = "Candidates: project,instrument,cost,benefit, one row per eligible project × instrument (CSV or XLSX).")
    Path candidates;

    @Option(names = "--budgets", paramLabel = "FILE", required = true, description = "Budgets: instrument,budget (CSV or XLSX).")
    Path budgets;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of the XLSX files (default: the first).")
    String sheet;

    @Option(names = "--marginal-step", paramLabel = "STEP",
            description = "The extra budget of the re-solves that price more budget: a share of each budget (1%, the default; a "
                    + "budget of 0 gets 1) or an amount in money units (1000).")
    String marginalStep;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Time limit of each solve (default 60); past it the best portfolio found is printed with its gap.")
    String timeLimit;

    @Option(names = "--gap", paramLabel = "G",
            description = "Stop once the portfolio is within this relative gap of the bound (0.001 or 0.1%; default 0: proven optimal).")
    String gap;

    @Option(names = "--threads", paramLabel = "N",
            description = "Solver threads (default 1: the same portfolio on every run; more may be faster on large inputs).")
    String threads;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        Portfolio.Options o = PortfolioAnalysis.options(marginalStep, timeLimit, gap, threads);
        PortfolioFiles f = PortfolioAnalysis.read(candidates, budgets, sheet);
        return PortfolioAnalysis.run(f, o);
    }
}
