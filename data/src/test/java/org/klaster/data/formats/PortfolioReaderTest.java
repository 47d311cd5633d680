package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.finance.Portfolio;

/**
 * The two files of {@code klaster finance portfolio}: good ones (CSV, Russian Excel CSV, XLSX) and a corpus of bad
 * ones under {@code formats/portfolio-bad/} — a {@code candidates_} file is read with good budgets, a {@code budgets_}
 * file with good candidates.
 */
class PortfolioReaderTest {

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("candidates_negative_cost.csv", 3, "cost", "candidates_negative_cost.csv, line 3, column \"cost\": \"-3\" is negative;"
                        + " a cost cannot be negative"),
                bad("candidates_unknown_instrument.csv", 3, "instrument", "candidates_unknown_instrument.csv, line 3, column \"instrument\":"
                        + " instrument \"MORTGAGE\" has no budget in budgets.csv (instruments there: FRP, KIP)"),
                bad("candidates_duplicate.csv", 4, "instrument", "project \"A\" with instrument \"FRP\" appears twice (first on line 2)"),
                bad("candidates_cost_not_a_number.csv", 3, "cost", "\"ten\" is not a number"),
                bad("candidates_empty_benefit.csv", 2, "benefit", "the value is empty, but a number is required"),
                bad("candidates_negative_benefit.csv", 3, "benefit", "\"-1\" is negative; a benefit cannot be negative"),
                bad("candidates_missing_column.csv", 0, "benefit", "required column \"benefit\" is missing"),
                bad("candidates_empty_project.csv", 2, "project", "the value is empty"),
                bad("candidates_header_only.csv", 0, null, "candidates_header_only.csv: the file has a header but no data rows"),
                bad("candidates_semicolon_bad_number.csv", 3, "cost", "\"x1\" is not a number"),
                bad("budgets_duplicate.csv", 3, "instrument", "budgets_duplicate.csv, line 3, column \"instrument\": instrument \"FRP\""
                        + " has a budget twice (first on line 2)"),
                bad("budgets_negative.csv", 3, "budget", "\"-50\" is negative; a budget cannot be negative"),
                bad("budgets_not_a_number.csv", 2, "budget", "\"lots\" is not a number"),
                bad("budgets_missing_column.csv", 0, "budget", "required column \"budget\" is missing"),
                bad("budgets_header_only.csv", 0, null, "budgets_header_only.csv: the file has a header but no data rows"),
                bad("budgets_empty_instrument.csv", 2, "instrument", "the value is empty"));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(PortfolioReaderTest.class.getResource("/formats/portfolio-bad/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFilesAreRefusedNamingLineAndColumn(String file, long line, String column, String fragment) throws Exception {
        Path goodBudgets = write("budgets.csv", "instrument,budget\nFRP,100\nKIP,50\n");
        Path goodCandidates = write("candidates.csv", "project,instrument,cost,benefit\nA,FRP,10,5\n");
        Path f = fixture(file);
        InputException e = catchThrowableOfType(InputException.class, () -> {
            if (file.startsWith("candidates_")) PortfolioReader.read(f, goodBudgets, null);
            else PortfolioReader.read(goodCandidates, f, null);
        });
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        MalformedCorpus.assertEveryFixtureHasAnExpectation(fixture("budgets_duplicate.csv").getParent(), corpus());
    }

    @Test
    void candidatesAndBudgetsInFileOrder() throws Exception {
        Path b = write("b.csv", "\ufeffInstrument,Budget,note\nFRP,1000.50,fund\nKIP,0,\n");
        Path c = write("c.csv", "project,instrument,cost,benefit\nP1,FRP,400.25,12\nP1,KIP,0,3.5\nP2,FRP,600.25,1e1\n");
        PortfolioReader.PortfolioFiles f = PortfolioReader.read(c, b, null);
        assertThat(f.budgets()).containsExactly(new Portfolio.Budget("FRP", 1000.5), new Portfolio.Budget("KIP", 0));
        assertThat(f.candidates()).containsExactly(new Portfolio.Candidate("P1", "FRP", 400.25, 12),
                new Portfolio.Candidate("P1", "KIP", 0, 3.5), new Portfolio.Candidate("P2", "FRP", 600.25, 10));
        assertThat(f.budgetsName()).isEqualTo("b.csv");
        assertThat(f.candidatesName()).isEqualTo("c.csv");
        assertThat(f.budgetsSha256()).hasSize(64).isNotEqualTo(f.candidatesSha256());
        assertThat(f.warnings()).extracting(Object::toString)
                .containsExactly("b.csv: column \"note\" is not part of the budgets format and was ignored");
    }

    @Test
    void russianExcelCsvAndAWorkbook() throws Exception {
        Path b = dir.resolve("budgets.xlsx");
        try (OutputStream os = Files.newOutputStream(b); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("budgets");
            s.value(0, 0, "instrument");
            s.value(0, 1, "budget");
            s.value(1, 0, "ФРП");
            s.value(1, 1, 1234.5);
        }
        Path c = dir.resolve("c.csv");
        Files.write(c, "project;instrument;cost;benefit\nЗавод;ФРП;1 200,5;30,25\n".getBytes("windows-1251"));
        PortfolioReader.PortfolioFiles f = PortfolioReader.read(c, b, null);
        assertThat(f.budgets()).containsExactly(new Portfolio.Budget("ФРП", 1234.5));
        assertThat(f.candidates()).containsExactly(new Portfolio.Candidate("Завод", "ФРП", 1200.5, 30.25));
    }
}
