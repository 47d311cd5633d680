package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projects analysis' parameters and schemas: the views' columns, each labelled in both languages. */
class ProjectsAnalysisTest {

    private static final Names NAMES = new Names(Lang.en, Reference.regions(), c -> null, c -> null);

    @Test
    void theViewsPrintTheirDocumentedColumns() {
        assertThat(ProjectsAnalysis.trlSchema(NAMES).names()).containsExactly("trl", "projects_now", "budget_now",
                "projects_target", "budget_target");
        assertThat(ProjectsAnalysis.productSchema(NAMES).names()).containsExactly("product", "projects", "budget",
                "in_specialisation", "project_ids");
        assertThat(ProjectsAnalysis.gapSchema(NAMES).names()).containsExactly("product", "declared_specialisation",
                "member_organisations");
    }

    @Test
    void everyColumnIsLabelledInBothLanguages() {
        for (Lang lang : Lang.values()) {
            Messages m = Messages.of(lang);
            for (Schema<?> s : List.of(ProjectsAnalysis.trlSchema(NAMES), ProjectsAnalysis.productSchema(NAMES),
                    ProjectsAnalysis.gapSchema(NAMES))) {
                for (Column<?> c : s.columns(true)) {
                    assertThat(m.has(c.labelKey())).as(lang + " " + s.id() + "." + c.name()).isTrue();
                    // the shared product columns are explained by their label; the portfolio's own have a tooltip
                    if (!c.name().startsWith("product")) {
                        assertThat(m.has("col." + c.name() + ".help")).as(lang + " help of " + c.name()).isTrue();
                    }
                    assertThat(Units.label(c.unit(), "RUB", m)).doesNotContain("\u27e6");
                }
            }
        }
    }

    @Test
    void parametersAreChecked() {
        ProjectsAnalysis.Params p = ProjectsAnalysis.Params.of("AUTO", null, "2025-06-30");
        assertThat(p.view()).isEqualTo(ProjectsAnalysis.View.TRL);
        assertThat(p.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(ProjectsAnalysis.Params.of("AUTO", "gaps", null).view()).isEqualTo(ProjectsAnalysis.View.GAPS);
        assertThatThrownBy(() -> ProjectsAnalysis.Params.of(null, "trl", null)).isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).param()).isEqualTo("cluster"));
        assertThatThrownBy(() -> ProjectsAnalysis.Params.of("AUTO", "budget", null)).isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).param()).isEqualTo("view"));
    }
}
