package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/** {@code klaster finance loan} (formats.md §5): the contract's columns, hand-worked schedules, the subsidy value, refusals. */
class FinanceLoanCliTest {

    @TempDir
    Path dir;

    @Test
    void equalPrincipalWithASubsidyByHand() {
        CliRun r = ok("finance", "loan", "--amount", "1200", "--rate", "0", "--years", "3", "--method", "equal-principal",
                "--payments-per-year", "1", "--market-rate", "10%", "--format", "csv");
        assertThat(r.header()).isEqualTo("period,opening_balance,interest,principal,payment,closing_balance,subsidy_pv");
        assertThat(r.csv()).extracting(x -> x.get("period")).containsExactly("1", "2", "3", "TOTAL");
        assertThat(r.num("1", "payment")).isEqualTo(400);
        assertThat(r.num("3", "closing_balance")).isZero();
        assertThat(r.row("1").get("subsidy_pv")).isEmpty();
        assertThat(r.row("TOTAL").get("opening_balance")).isEmpty();
        assertThat(r.num("TOTAL", "principal")).isEqualTo(1200);
        // at 10 % the same loan pays 520, 480, 440: the subsidy saves 120, 80, 40
        assertThat(r.num("TOTAL", "subsidy_pv")).isCloseTo(120 / 1.1 + 80 / 1.21 + 40 / 1.331, within(1e-9));
        assertThat(r.err()).contains("subsidy value");
    }

    @Test
    void annuityWithGraceAndARateStep() {
        // 1 000 over 5 years, 1 of grace, 1 % until year 3 then 5 %: interest only in year 1 (10), then PMT(1 %, 4, 1000)
        CliRun r = ok("finance", "loan", "--amount", "1000", "--rate", "0.01", "--then", "5%@3", "--years", "5",
                "--grace-years", "1", "--payments-per-year", "1", "--format", "csv");
        assertThat(r.header()).isEqualTo("period,opening_balance,interest,principal,payment,closing_balance");
        assertThat(r.num("1", "payment")).isCloseTo(10, within(1e-9));
        double f = Math.pow(1.01, 4);
        double pmt = 1000 * 0.01 * f / (f - 1);
        assertThat(r.num("2", "payment")).isCloseTo(pmt, within(1e-9));
        assertThat(r.num("3", "payment")).isCloseTo(pmt, within(1e-9));
        double left = 1000 * 1.01 * 1.01 - pmt * (1.01 * 1.01 - 1) / 0.01;
        assertThat(r.num("4", "opening_balance")).isCloseTo(left, within(1e-9));
        double g = 1.05 * 1.05;
        assertThat(r.num("4", "payment")).isCloseTo(left * 0.05 * g / (g - 1), within(1e-9));
        assertThat(r.num("5", "closing_balance")).isZero();
        assertThat(r.num("TOTAL", "principal")).isCloseTo(1000, within(1e-9));
        // 5% and 0.05 are the same rate
        assertThat(ok("finance", "loan", "--amount", "1000", "--rate", "1%", "--then", "0.05@3", "--years", "5",
                "--grace-years", "1", "--payments-per-year", "1", "--format", "csv").out()).isEqualTo(r.out());
    }

    @Test
    void badFlagsExitTwoNamingThem() throws Exception {
        CliRun rate = klaster("finance", "loan", "--amount", "1000", "--rate", "abc", "--years", "5");
        assertThat(rate.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(rate.err()).contains("--rate");
        CliRun then = klaster("finance", "loan", "--amount", "1000", "--rate", "1%", "--then", "5%", "--years", "5");
        assertThat(then.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(then.err()).contains("RATE@YEAR");
        CliRun grace = klaster("finance", "loan", "--amount", "1000", "--rate", "1%", "--years", "3", "--grace-years", "3");
        assertThat(grace.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(grace.err()).contains("grace period (3 years) must be shorter than the term (3 years)");
        CliRun method = klaster("finance", "loan", "--amount", "1000", "--rate", "1%", "--years", "3", "--method", "bullet");
        assertThat(method.code()).isEqualTo(Klaster.BAD_INPUT);
        Path out = dir.resolve("s.csv");
        CliRun amount = klaster("finance", "loan", "--amount", "-5", "--rate", "1%", "--years", "3", "--out", out.toString());
        assertThat(amount.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(Files.exists(out)).isFalse();
        CliRun ru = klaster("finance", "loan", "--amount", "1000", "--rate", "1%", "--years", "3", "--grace-years", "3", "--lang", "ru");
        assertThat(ru.err()).contains("льготный период");
    }
}
