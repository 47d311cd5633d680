package org.klaster.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.cooperation.ProjectPortfolio.GapRow;
import org.klaster.cooperation.ProjectPortfolio.ProductRow;
import org.klaster.cooperation.ProjectPortfolio.Result;
import org.klaster.cooperation.ProjectPortfolio.TrlRow;
import org.klaster.registry.Project;
import org.klaster.registry.Project.Budget;
import org.klaster.registry.Project.Milestone;
import org.klaster.registry.Project.Partner;
import org.klaster.registry.Project.Role;

/**
 * The portfolio worked by hand.
 *
 * <pre>
 * P1  TRL 3 → 6, products 28.41.12; budgets A 2025 100, A 2026 50, B 2025 30          → 180
 * P2  TRL 3 → 7, products 26.51, 28.41.12                 budgets A 2025 200, C 2025 20 → 220
 * P3  TRL 6 → 6, no products,                             budgets B 2026 0              →   0
 * P4  TRL 1 → 4, products 20 (a bare division)            budgets C 2027 1000           → 1000
 * By TRL now:    1: P4 (1, 1000); 3: P1, P2 (2, 400); 6: P3 (1, 0); the rest 0.
 * By TRL target: 4: P4 (1, 1000); 6: P1, P3 (2, 180); 7: P2 (1, 220).
 * Totals: 4 projects, 180 + 220 + 0 + 1000 = 1400.
 * Dependent: 28.41 (given twice), 26.51.6, 20.14, 25.62, 27.11.
 * Declared specialisation 28, 26.5; participants' activities 25.62, 25.61, 27.9, 10.
 *   20.14   ← P4 (20 above it): 1 project, 1000; 20 is neither declared nor a participant's → not in specialisation
 *   25.62   no project; participants 25.62 (same) → gap, declared false, members 1 (25.61 is a sister, not the branch)
 *   26.51.6 ← P2 (26.51 above it): 1 project, 220; declared 26.5 above it → in specialisation
 *   27.11   no project; 27.9 is a cousin, 27.11 is not under it → not in specialisation, no gap
 *   28.41   ← P1 and P2 (28.41.12 below it): 2 projects, 400; declared 28 → in specialisation
 * </pre>
 */
class ProjectPortfolioTest {

    static final String A = "A";
    static final String B = "B";
    static final String C = "C";
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);

    static Project project(String id, int now, int target, List<String> products, Budget... budgets) {
        return new Project(id, "K1", "Project " + id, now, target, START, END,
                List.of(new Partner(A, Role.LEAD), new Partner(B, Role.RESEARCH), new Partner(C, Role.UNIVERSITY)),
                List.of(budgets), List.of(new Milestone(LocalDate.of(2026, 6, 30), "prototype", false)), products);
    }

    static final List<Project> PORTFOLIO = List.of(
            project("P1", 3, 6, List.of("28.41.12"), new Budget(A, 2025, 100), new Budget(A, 2026, 50), new Budget(B, 2025, 30)),
            project("P2", 3, 7, List.of("26.51", "28.41.12"), new Budget(A, 2025, 200), new Budget(C, 2025, 20)),
            project("P3", 6, 6, List.of(), new Budget(B, 2026, 0)),
            project("P4", 1, 4, List.of("20"), new Budget(C, 2027, 1000)));

    static final List<String> DEPENDENT = List.of("28.41", "26.51.6", "20.14", "25.62", "27.11", "28.41");

    Result result() {
        return ProjectPortfolio.of(PORTFOLIO, DEPENDENT, List.of("28", "26.5"), List.of("25.62", "25.61", "27.9", "10"));
    }

    @Test
    void countsAndBudgetsByLevelNowAndTargeted() {
        Result r = result();
        assertThat(r.projects()).isEqualTo(4);
        assertThat(r.budget()).isEqualTo(1400.0);
        assertThat(r.byTrl()).extracting(TrlRow::level).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r.byTrl().get(0)).isEqualTo(new TrlRow(1, 1, 1000, 0, 0));
        assertThat(r.byTrl().get(2)).isEqualTo(new TrlRow(3, 2, 400, 0, 0));
        assertThat(r.byTrl().get(3)).isEqualTo(new TrlRow(4, 0, 0, 1, 1000));
        assertThat(r.byTrl().get(5)).isEqualTo(new TrlRow(6, 1, 0, 2, 180));
        assertThat(r.byTrl().get(6)).isEqualTo(new TrlRow(7, 0, 0, 1, 220));
        for (int l : new int[] {2, 5, 8, 9}) assertThat(r.byTrl().get(l - 1)).isEqualTo(new TrlRow(l, 0, 0, 0, 0));
    }

    @Test
    void everyProjectCountsOnceAtEachLevelSoTheColumnsAddUpToTheTotals() {
        Result r = result();
        assertThat(r.byTrl().stream().mapToInt(TrlRow::projectsNow).sum()).isEqualTo(r.projects());
        assertThat(r.byTrl().stream().mapToInt(TrlRow::projectsTarget).sum()).isEqualTo(r.projects());
        assertThat(r.byTrl().stream().mapToDouble(TrlRow::budgetNow).sum()).isCloseTo(r.budget(), within(1e-9));
        assertThat(r.byTrl().stream().mapToDouble(TrlRow::budgetTarget).sum()).isCloseTo(r.budget(), within(1e-9));
    }

    @Test
    void dependentProductsAddressedAlongTheCodeBranch() {
        assertThat(result().addressed()).containsExactly(
                new ProductRow("20.14", 1, 1000, false, List.of("P4")),
                new ProductRow("26.51.6", 1, 220, true, List.of("P2")),
                new ProductRow("28.41", 2, 400, true, List.of("P1", "P2")));
    }

    @Test
    void gapsAreDependentProductsOfTheSpecialisationThatNoProjectAddresses() {
        assertThat(result().gaps()).containsExactly(new GapRow("25.62", false, 1));
    }

    @Test
    void withoutProjectsEveryDependentProductOfTheSpecialisationIsAGap() {
        Result r = ProjectPortfolio.of(List.of(), DEPENDENT, List.of("28", "26.5"), List.of("25.62", "28.41"));
        assertThat(r.projects()).isZero();
        assertThat(r.addressed()).isEmpty();
        // 28.41: declared (28) and a participant's activity (28.41) → members 1
        assertThat(r.gaps()).containsExactly(new GapRow("25.62", false, 1), new GapRow("26.51.6", true, 0),
                new GapRow("28.41", true, 1));
        assertThat(r.byTrl()).allSatisfy(t -> assertThat(t).isEqualTo(new TrlRow(t.level(), 0, 0, 0, 0)));
    }

    // ------------------------------------------------------------------ checks

    static final Set<String> INNS = Set.of(A, B, C);

    static Project with(List<Partner> partners, List<Budget> budgets, int now, int target, LocalDate end, List<String> products) {
        return new Project("X", "K1", "Title", now, target, START, end, partners, budgets, List.of(), products);
    }

    static final List<Partner> TEAM = List.of(new Partner(A, Role.LEAD), new Partner(B, Role.INDUSTRIAL));

    @Test
    void aValidProjectPasses() {
        for (Project p : PORTFOLIO) ProjectPortfolio.check(p, INNS);
        ProjectPortfolio.check(with(TEAM, List.of(new Budget(B, 2030, 5)), 9, 9, null, List.of("25.62.20.000")), INNS);
    }

    @Test
    void exactlyOneLead() {
        bad(with(List.of(new Partner(A, Role.INDUSTRIAL)), List.of(), 1, 2, END, List.of()), "exactly one lead", "it has 0");
        bad(with(List.of(new Partner(A, Role.LEAD), new Partner(B, Role.LEAD)), List.of(), 1, 2, END, List.of()), "it has 2");
    }

    @Test
    void partnersMustExistAndBeNamedOnce() {
        bad(with(List.of(new Partner(A, Role.LEAD), new Partner("D", Role.RESEARCH)), List.of(), 1, 2, END, List.of()),
                "partner D is not an organisation");
        bad(with(List.of(new Partner(A, Role.LEAD), new Partner(A, Role.RESEARCH)), List.of(), 1, 2, END, List.of()),
                "partner A is named twice");
    }

    @Test
    void levelsAreOneToNineWithTheTargetNotBelowNow() {
        bad(with(TEAM, List.of(), 0, 2, END, List.of()), "trl_now must be a readiness level from 1 to 9, got 0");
        bad(with(TEAM, List.of(), 3, 10, END, List.of()), "trl_target must be a readiness level from 1 to 9, got 10");
        bad(with(TEAM, List.of(), 5, 4, END, List.of()), "targeted readiness level 4 is below the level reached now, 5");
    }

    @Test
    void budgetsAreAPartnersNonNegativeAndInTheProjectsYears() {
        bad(with(TEAM, List.of(new Budget(C, 2025, 1)), 1, 2, END, List.of()), "budget of C, which is not a partner");
        bad(with(TEAM, List.of(new Budget(A, 2025, -1)), 1, 2, END, List.of()), "finite amount ≥ 0 RUB, got -1");
        bad(with(TEAM, List.of(new Budget(A, 2025, Double.NaN)), 1, 2, END, List.of()), "finite amount");
        bad(with(TEAM, List.of(new Budget(A, 2024, 1)), 1, 2, END, List.of()), "budget year 2024 is outside the project's years 2025–2027");
        bad(with(TEAM, List.of(new Budget(A, 2028, 1)), 1, 2, END, List.of()), "2028 is outside");
        bad(with(TEAM, List.of(new Budget(A, 2025, 1), new Budget(A, 2025, 2)), 1, 2, END, List.of()), "in 2025 is given twice");
    }

    @Test
    void datesAndProductsAreChecked() {
        bad(with(TEAM, List.of(), 1, 2, LocalDate.of(2024, 12, 31), List.of()), "ends on 2024-12-31, before it starts on 2025-01-01");
        bad(with(TEAM, List.of(), 1, 2, LocalDate.of(2101, 1, 1), List.of()), "end date 2101-01-01 is outside 1900–2100");
        bad(with(TEAM, List.of(), 1, 2, END, List.of("28.41x")), "28.41x is not written as an OKPD2 code");
        bad(with(TEAM, List.of(), 1, 2, END, List.of("28.41", "28.41")), "product 28.41 is named twice");
        List<Milestone> blank = new ArrayList<>(List.of(new Milestone(START, " ", false)));
        bad(new Project("X", "K1", "T", 1, 2, START, END, TEAM, List.of(), blank, List.of()), "milestone needs a text");
        bad(new Project("X", "K1", " ", 1, 2, START, END, TEAM, List.of(), List.of(), List.of()), "needs a title");
    }

    @Test
    void theProjectsBudgetIsTheSumOfItsLinesAndTheLeadIsFound() {
        assertThat(PORTFOLIO.get(0).budget()).isEqualTo(180.0);
        assertThat(PORTFOLIO.get(0).lead()).isEqualTo(A);
        assertThat(Role.parse("University")).isEqualTo(Role.UNIVERSITY);
        assertThat(Role.parse("partner")).isNull();
    }

    @Test
    void theNineLevelsHaveNamesInBothLanguages() {
        assertThat(ProjectPortfolio.trlName(1).toString()).isEqualTo("basic principles observed and reported");
        assertThat(ProjectPortfolio.trlName(9).in(java.util.Locale.forLanguageTag("ru")))
                .isEqualTo("реальная система подтверждена в реальной эксплуатации");
        assertThatThrownBy(() -> ProjectPortfolio.trlName(10)).isInstanceOf(IllegalArgumentException.class);
    }

    static void bad(Project p, String... fragments) {
        assertThatThrownBy(() -> ProjectPortfolio.check(p, INNS)).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> {
                    for (String f : fragments) assertThat(e.getMessage()).contains(f);
                });
    }
}
