package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.data.formats.PortfolioReader.PortfolioFiles;
import org.klaster.finance.Portfolio;

/** The portfolio table: the contract's columns, labels in both languages, summary figures, refused options. */
class PortfolioAnalysisTest {

    @Test
    void theContractColumnsLabelledInBothLanguages() {
        Schema<PortfolioAnalysis.Row> s = PortfolioAnalysis.schema();
        assertThat(s.names()).containsExactly("project", "instrument", "cost", "benefit");
        for (Lang lang : Lang.values()) {
            Messages m = Messages.of(lang);
            for (Column<?> c : s.columns()) assertThat(m.has(c.labelKey())).as(lang + " " + c.name()).isTrue();
            assertThat(m.has("method." + s.id())).isTrue();
        }
    }

    /** A: 4 → 6, B: 3 → 4, C: 3 → 4 within 6: B + C (8) beats A (6), which greedy takes first (ratio 1.5). */
    @Test
    void summaryFigures() {
        PortfolioFiles f = new PortfolioFiles(List.of(new Portfolio.Budget("FRP", 6)),
                List.of(new Portfolio.Candidate("A", "FRP", 4, 6), new Portfolio.Candidate("B", "FRP", 3, 4),
                        new Portfolio.Candidate("C", "FRP", 3, 4)), "b", "budgets.csv", "c", "candidates.csv", List.of());
        Table<PortfolioAnalysis.Row> t = PortfolioAnalysis.run(f, Portfolio.Options.defaults());
        List<PortfolioAnalysis.Row> rows = new ArrayList<>();
        t.rows().forEach(rows::add);
        assertThat(rows).containsExactly(new PortfolioAnalysis.Row("B", "FRP", 3, 4), new PortfolioAnalysis.Row("C", "FRP", 3, 4),
                new PortfolioAnalysis.Row("TOTAL", null, 6, 8), new PortfolioAnalysis.Row("BUDGET:FRP", "FRP", 6, 0));
        assertThat(t.summary()).containsEntry("status", "OPTIMAL").containsEntry("objective", 8.0).containsEntry("bound", 8.0)
                .containsEntry("gap", 0.0).containsEntry("greedy_benefit", 6.0).containsEntry("marginal_per_unit:FRP", 0.0);
        assertThat(t.provenance().inputs()).extracting(Provenance.Input::source).containsExactly("candidates.csv", "budgets.csv");
    }

    @Test
    void optionsAsTyped() {
        assertThat(PortfolioAnalysis.options("2%", null, null, null).marginalShare()).isEqualTo(0.02);
        assertThat(PortfolioAnalysis.options("1000", "5", "0.1%", "2"))
                .isEqualTo(new Portfolio.Options(0.01, 1000, 5, 0.001, 2));
        assertThatThrownBy(() -> PortfolioAnalysis.options("-5", null, null, null)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).param()).isEqualTo("marginal_step");
        assertThatThrownBy(() -> PortfolioAnalysis.options(null, "0", null, null)).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> PortfolioAnalysis.options(null, null, "100%", null)).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> PortfolioAnalysis.options(null, null, null, "65")).isInstanceOf(UserException.class);
    }
}
