package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;

/**
 * {@code klaster finance portfolio} (formats.md §5): the contract's rows on a case worked by hand, the notes, --out and
 * --format, and the refusals (bad input exit 2 naming file, line and column; nothing fits exit 1; nothing written).
 */
class FinancePortfolioCliTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /**
     * FRP has 1 000, KIP 300. Литейка may take either. By hand, every portfolio that fits: FRP can hold Станкозавод
     * alone (600) or two of the 500s; KIP Литейка (300) or Химволокно (250). Литейка + Электроника on FRP (140) with
     * Химволокно on KIP (30) = 170; Станкозавод + Литейка on KIP = 140; Электроника + Литейка on KIP = 120; every
     * other is smaller. Greedy by ratio takes Литейка on KIP (0.167), then Станкозавод (0.15), then nothing fits: 140.
     */
    private static final String CANDIDATES = "project,instrument,cost,benefit\n"
            + "Станкозавод,FRP,600,90\nЛитейка,FRP,500,70\nЭлектроника,FRP,500,70\nЛитейка,KIP,300,50\nХимволокно,KIP,250,30\n";
    private static final String BUDGETS = "instrument,budget\nFRP,1000\nKIP,300\n";

    @Test
    void theOptimumWorkedByHand() throws IOException {
        Path c = write("candidates.csv", CANDIDATES);
        Path b = write("budgets.csv", BUDGETS);
        CliRun r = ok("finance", "portfolio", "--candidates", c.toString(), "--budgets", b.toString(), "--format", "csv");
        assertThat(r.header()).isEqualTo("project,instrument,cost,benefit");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(x -> x.get("project")).containsExactly("Литейка", "Электроника", "Химволокно", "TOTAL",
                "BUDGET:FRP", "BUDGET:KIP");
        assertThat(r.row("Литейка").get("instrument")).isEqualTo("FRP");
        assertThat(r.row("Химволокно").get("instrument")).isEqualTo("KIP");
        assertThat(r.num("TOTAL", "cost")).isEqualTo(1250.0);
        assertThat(r.num("TOTAL", "benefit")).isEqualTo(170.0);
        assertThat(r.row("TOTAL").get("instrument")).isEmpty();
        assertThat(r.num("BUDGET:FRP", "cost")).isEqualTo(1000.0);
        assertThat(r.num("BUDGET:FRP", "benefit")).isEqualTo(0.0);
        assertThat(r.num("BUDGET:KIP", "cost")).isEqualTo(250.0);
        assertThat(r.num("BUDGET:KIP", "benefit")).isEqualTo(50.0);
        assertThat(r.err()).contains("proven optimal: 3 of the 5 candidate rows chosen, benefit 170.0")
                .contains("greedy (best benefit per cost first): 2 projects, benefit 140.0 at cost 900.0 — 82.35 % of the optimum")
                // 1 % more of either budget (10 of FRP, 3 of KIP) lets nothing new in
                .contains("FRP: 10.0 more budget buys 0.0 more benefit").contains("KIP: 3.0 more budget buys 0.0 more benefit");
    }

    /**
     * 250 more of FRP (1 250): Станкозавод + Электроника fit FRP (1 100) and Литейка takes KIP: 90 + 70 + 50 = 210, 40
     * more, 0.16 per unit. 250 more of KIP (550): Литейка + Химволокно on KIP (80) with Станкозавод (90) = 170: nothing.
     */
    @Test
    void whatMoreBudgetBuys() throws IOException {
        Path c = write("candidates.csv", CANDIDATES);
        Path b = write("budgets.csv", BUDGETS);
        CliRun r = ok("finance", "portfolio", "--candidates", c.toString(), "--budgets", b.toString(), "--marginal-step", "250",
                "--format", "json");
        assertThat(r.err()).contains("FRP: 250.0 more budget buys 40.0 more benefit (0.160000 per unit of budget)")
                .contains("KIP: 250.0 more budget buys 0.0 more benefit (0.000000 per unit of budget)");
        assertThat(r.out()).contains("\"project\" : \"TOTAL\",\n  \"instrument\" : null,\n  \"cost\" : 1250.0,\n  \"benefit\" : 170.0");
        CliRun ru = ok("finance", "portfolio", "--candidates", c.toString(), "--budgets", b.toString(), "--lang", "ru", "--format", "csv");
        assertThat(ru.err()).contains("доказанный оптимум: выбрано 3 из 5 строк кандидатов");
    }

    @Test
    void outWritesTheSameCsv() throws IOException {
        Path c = write("candidates.csv", CANDIDATES);
        Path b = write("budgets.csv", BUDGETS);
        Path out = dir.resolve("portfolio.csv");
        CliRun toStdout = ok("finance", "portfolio", "--candidates", c.toString(), "--budgets", b.toString(), "--format", "csv");
        ok("finance", "portfolio", "--candidates", c.toString(), "--budgets", b.toString(), "--format", "csv", "--out", out.toString());
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(toStdout.out());
    }

    @Test
    void badInputExitsTwoNamingFileLineAndColumnAndWritesNothing() throws IOException {
        Path b = write("budgets.csv", BUDGETS);
        Path out = dir.resolve("out.csv");
        Path negative = write("negative.csv", "project,instrument,cost,benefit\nA,FRP,10,5\nB,KIP,-3,4\n");
        CliRun r = klaster("finance", "portfolio", "--candidates", negative.toString(), "--budgets", b.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).isEqualTo("klaster finance portfolio: negative.csv, line 3, column \"cost\": \"-3\" is negative;"
                + " a cost cannot be negative\n");
        Path unknown = write("unknown.csv", "project,instrument,cost,benefit\nA,MORTGAGE,10,5\n");
        CliRun u = klaster("finance", "portfolio", "--candidates", unknown.toString(), "--budgets", b.toString(), "--out", out.toString());
        assertThat(u.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(u.err()).contains("unknown.csv, line 2, column \"instrument\": instrument \"MORTGAGE\" has no budget in budgets.csv");
        Path twice = write("twice.csv", "project,instrument,cost,benefit\nA,FRP,10,5\nA,FRP,11,5\n");
        assertThat(klaster("finance", "portfolio", "--candidates", twice.toString(), "--budgets", b.toString()).err())
                .contains("twice.csv, line 3, column \"instrument\"").contains("appears twice (first on line 2)");
        Path text = write("text.csv", "project,instrument,cost,benefit\nA,FRP,много,5\n");
        assertThat(klaster("finance", "portfolio", "--candidates", text.toString(), "--budgets", b.toString()).code())
                .isEqualTo(Klaster.BAD_INPUT);
        CliRun flag = klaster("finance", "portfolio", "--candidates", negative.toString(), "--budgets", b.toString(), "--threads", "0");
        assertThat(flag.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(flag.err()).contains("--threads");
        assertThat(out).doesNotExist();
    }

    @Test
    void nothingFitsExitsOneWithTheReason() throws IOException {
        Path c = write("candidates.csv", CANDIDATES);
        Path small = write("small.csv", "instrument,budget\nFRP,100\nKIP,0\n");
        Path out = dir.resolve("out.csv");
        CliRun r = klaster("finance", "portfolio", "--candidates", c.toString(), "--budgets", small.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(r.err()).isEqualTo("klaster finance portfolio: no candidate fits within its budget, so no portfolio can be chosen: "
                + "FRP: the cheapest candidate (Литейка) costs 500.00 against a budget of 100.00, "
                + "KIP: the cheapest candidate (Химволокно) costs 250.00 against a budget of 0.00\n");
        assertThat(out).doesNotExist();
    }
}
