package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/** {@code klaster finance project}: yearly economics worked by hand, with and without a loan; bad files. */
class FinanceProjectCliTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void npvIrrAndPaybackByHand() throws IOException {
        Path f = write("flows.csv", "year,cash_flow\n2025,-100\n2026,60\n2027,60\n");
        CliRun r = ok("finance", "project", "--cashflows", f.toString(), "--discount-rate", "10%", "--format", "csv");
        assertThat(r.header()).isEqualTo("year,cash_flow,discounted_cash_flow,cumulative_discounted,debt_service,"
                + "available_for_debt_service,dscr");
        assertThat(r.num("2026", "discounted_cash_flow")).isCloseTo(60 / 1.1, within(1e-9));
        double npv = -100 + 60 / 1.1 + 60 / 1.21;
        assertThat(r.num("2027", "cumulative_discounted")).isCloseTo(npv, within(1e-9));
        // IRR: 60x + 60x² = 100, x = 1/(1 + r); shown to 4 decimals of a per cent
        double x = (-60 + Math.sqrt(27600)) / 120;
        assertThat(r.err()).contains("NPV at 10.00 % = " + String.format(java.util.Locale.ROOT, "%.2f", npv))
                .contains("IRR = " + String.format(java.util.Locale.ROOT, "%.4f", 100 * (1 / x - 1)) + " %")
                .contains("discounted payback: " + String.format(java.util.Locale.ROOT, "%.2f", 1 + (100 - 60 / 1.1) / (60 / 1.21)));
    }

    @Test
    void withALoanTheDscrByYear() throws IOException {
        // 1 200 equal principal at 10 % from 2026, yearly: debt service 520, 480, 440 in 2026–2028
        Path f = write("flows.csv", "year,cash_flow,available_for_debt_service\n2025,-1500,\n2026,650,650\n2027,600,600\n2028,550,550\n");
        CliRun r = ok("finance", "project", "--cashflows", f.toString(), "--discount-rate", "0.1", "--amount", "1200", "--rate", "10%",
                "--years", "3", "--method", "equal-principal", "--payments-per-year", "1", "--loan-start", "2026", "--format", "csv");
        assertThat(r.row("2025").get("debt_service")).isEmpty();
        assertThat(r.num("2026", "debt_service")).isCloseTo(520, within(1e-9));
        assertThat(r.num("2026", "dscr")).isCloseTo(1.25, within(1e-12));
        assertThat(r.num("2027", "dscr")).isCloseTo(1.25, within(1e-12));
        assertThat(r.num("2028", "dscr")).isCloseTo(1.25, within(1e-12));
        assertThat(r.err()).contains("lowest DSCR: 1.25");
        // a loan half-flag is refused: the loan flags come together
        CliRun half = klaster("finance", "project", "--cashflows", f.toString(), "--discount-rate", "0.1", "--amount", "1200");
        assertThat(half.code()).isEqualTo(Klaster.BAD_INPUT);
    }

    @Test
    void twoSignChangesNoSingleIrr() throws IOException {
        Path f = write("flows.csv", "year,cash_flow\n2025,-100\n2026,230\n2027,-132\n");
        CliRun r = ok("finance", "project", "--cashflows", f.toString(), "--discount-rate", "0.15", "--format", "csv");
        assertThat(r.err()).contains("no single IRR: the cash flows change sign 2 times").contains("10.0000").contains("20.0000");
    }

    @Test
    void badFilesNameLineAndColumn() throws IOException {
        Path gap = write("gap.csv", "year,cash_flow\n2025,-100\n2027,60\n");
        CliRun r = klaster("finance", "project", "--cashflows", gap.toString(), "--discount-rate", "0.1");
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("gap.csv").contains("line 3").contains("year").contains("2027 where 2026 was expected");
        Path text = write("text.csv", "year,cash_flow\n2025,abc\n");
        CliRun t = klaster("finance", "project", "--cashflows", text.toString(), "--discount-rate", "0.1");
        assertThat(t.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(t.err()).contains("line 2").contains("cash_flow");
        Path none = write("none.csv", "year,flow\n2025,1\n");
        assertThat(klaster("finance", "project", "--cashflows", none.toString(), "--discount-rate", "0.1").err()).contains("cash_flow");
    }
}
