package org.klaster.app.cli;

import java.util.List;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.LoanAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.finance.Loans;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster finance loan}: a loan's repayment schedule and the value of its subsidised rate
 * ({@link LoanAnalysis}, docs/methods-finance.md).
 */
@Command(name = "finance", mixinStandardHelpOptions = true,
        description = "Support instruments: loan schedules and the value of a subsidised rate.",
        subcommands = {FinanceCommand.LoanCommand.class, FinanceCommand.ProjectCommand.class,
                FinanceEligibilityCommand.EligibilityCommand.class, FinanceEligibilityCommand.InstrumentsCommand.class, FinanceEligibilityCommand.KeyRateCommand.class,
                FinancePortfolioCommand.class})
public final class FinanceCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster finance needs a subcommand: loan, project or portfolio (see klaster finance --help)");
    }

    /** A loan's terms, shared by {@code loan} (required) and {@code project} (optional, all-or-nothing). */
    static final class LoanOptions {
        @Option(names = "--amount", paramLabel = "A", required = true, description = "The loan amount (any money unit; the schedule is in it).")
        String amount;

        @Option(names = "--rate", paramLabel = "R", required = true, description = "Annual rate from the start (0.05 or 5%).")
        String rate;

        @Option(names = "--then", paramLabel = "RATE@YEAR",
                description = "A later rate from the start of YEAR (0 = the first year; repeated): 5%@3 = 5% from the fourth year on.")
        List<String> then;

        @Option(names = "--years", paramLabel = "N", required = true, description = "Term in years.")
        String years;

        @Option(names = "--grace-years", paramLabel = "G", defaultValue = "0",
                description = "Years at the start when only interest is paid (default: ${DEFAULT-VALUE}).")
        String grace;

        @Option(names = "--method", paramLabel = "M", defaultValue = "annuity",
                description = "annuity (equal payments, re-computed at a rate step) or equal-principal (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--payments-per-year", paramLabel = "P", defaultValue = "12",
                description = "Payments a year (default: ${DEFAULT-VALUE}).")
        String perYear;

        Loans.Terms terms() {
            return LoanAnalysis.terms(amount, rate, then, years, grace, method, perYear);
        }
    }

    @Command(name = "loan", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"A loan's repayment schedule: period,opening_balance,interest,principal,payment,closing_balance and a",
                    "TOTAL row; with --market-rate also subsidy_pv on the TOTAL row: the present value at the market rate of the",
                    "payments the same loan would need at that rate less those at the subsidised rates.",
                    "Rates are fractions (0.05) or percentages (5%). Example, an FRP Конверсия loan (1% for 3 years, then 5%)",
                    "against a 21% market: klaster finance loan --amount 500 --rate 1% --then 5%@3 --years 5 --market-rate 21%"})
    static final class LoanCommand extends TopLevelCommand {

        @ArgGroup(exclusive = false, multiplicity = "1")
        LoanOptions loan;

        @Option(names = "--market-rate", paramLabel = "M",
                description = "The market rate the subsidy is measured against (e.g. the key rate plus a spread: 0.21 or 21%).")
        String marketRate;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            Loans.Terms t = loan.terms();
            Double m = marketRate == null ? null : Param.shareOrPercent("market_rate", marketRate);
            return LoanAnalysis.run(t, m);
        }
    }

    @Command(name = "project", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"A project's economics from its yearly cash flows (year,cash_flow[,available_for_debt_service]): one row per",
                    "year with the discounted flow and its running sum, and with a loan (the loan flags) its debt service and the",
                    "DSCR; NPV, IRR (or why there is none or several) and the discounted payback on stderr and in the API's summary.",
                    "Example: klaster finance project --cashflows flows.csv --discount-rate 16% --amount 500 --rate 1% --then 5%@3 --years 5"})
    static final class ProjectCommand extends TopLevelCommand {

        @Option(names = "--cashflows", paramLabel = "FILE", required = true,
                description = "Yearly cash flows: year,cash_flow[,available_for_debt_service] (CSV or XLSX; formats.md §11).")
        java.nio.file.Path cashflows;

        @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX file (default: the first).")
        String sheet;

        @Option(names = "--discount-rate", paramLabel = "D", required = true, description = "Discount rate (0.16 or 16%).")
        String discountRate;

        @ArgGroup(exclusive = false, multiplicity = "0..1")
        LoanOptions loan;

        @Option(names = "--loan-start", paramLabel = "YEAR",
                description = "Calendar year of the loan's first year (default: the first year of the cash flows).")
        Integer loanStart;

        @Override
        Table<?> run(StoreAccess access, Names names) throws Exception {
            double d = Param.shareOrPercent("discount_rate", discountRate);
            Loans.Terms t = loan == null ? null : loan.terms();
            org.klaster.data.formats.CashFlowsReader.CashFlowFile f = org.klaster.app.analysis.Inputs.cashFlows(cashflows, sheet);
            return org.klaster.app.analysis.ProjectEconomicsAnalysis.run(f, d, t, loanStart);
        }
    }
}
