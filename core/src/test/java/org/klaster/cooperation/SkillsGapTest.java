package org.klaster.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.cooperation.SkillsGap.Basis;
import org.klaster.cooperation.SkillsGap.Destination;
import org.klaster.cooperation.SkillsGap.Employer;
import org.klaster.cooperation.SkillsGap.Gap;
import org.klaster.cooperation.SkillsGap.Graduates;
import org.klaster.cooperation.SkillsGap.Institution;
import org.klaster.cooperation.SkillsGap.Jobs;
import org.klaster.cooperation.SkillsGap.Programme;
import org.klaster.cooperation.SkillsGap.Staff;
import org.klaster.cooperation.SkillsGap.Trainer;
import org.klaster.registry.OrganisationType;

/**
 * A small case worked by hand.
 *
 * <pre>
 * Staffing (4-digit codes; the concordance has 2-digit ones, so both are compared at level 2):
 *   29: 7223 0.3, 7212 0.2, 2144 0.2, 3115 0.1  → 72 0.5, 21 0.2, 31 0.1 (Σ 0.8)
 *   25: 7223 0.6, 9329 0.3                     → 72 0.6, 93 0.3 (Σ 0.9)
 * Jobs: 29.1 2025 100, 29.1 2026 200 (row 29: the longest staffing code above 29.1), 25 2025 50, 01 2025 10 (no row).
 * Demand 2025: 72 = 100·0.5 + 50·0.6 = 80, 21 = 20, 31 = 10, 93 = 15 (Σ 125 = 100·0.8 + 50·0.9)
 *        2026: 72 = 100, 21 = 40, 31 = 20, 93 = 0.
 * Concordance: 15.02.08 → 72 0.7, 31 0.3;  15.03.05 → 21 0.8, 31 0.2.   Available share a = 0.5.
 * Graduates: 2025 15.02.08 40 (C1), 2025 15.03.05 30 (U1), 2026 15.02.08 40 (none), 2026 15.03.05 20 (U1),
 *            2025 38.03.01 100 (no concordance row), 2024 15.02.08 999 (outside the jobs' years).
 * Supply 2025: 72 = 0.5·40·0.7 = 14, 31 = 0.5·40·0.3 + 0.5·30·0.2 = 6 + 3 = 9, 21 = 0.5·30·0.8 = 12
 *        2026: 72 = 14, 31 = 6 + 0.5·20·0.2 = 8, 21 = 0.5·20·0.8 = 8.
 * Gap: 21: 8, 32 (shortfall 40, 20 a year);  31: 1, 12 (13, 6.5);  72: 66, 86 (152, 76);  93: 15, 0 (15, 7.5).
 * Programmes by shortfall: 72, 21, 93, 31.
 *   72: graduates of C1 go to it: 14 over two years → 7 a year; C1 asked for all 76.
 *   21: U1: 12 + 8 = 20 → 10 a year; asked for 20.
 *   93: major group 9 — no trainer.
 *   31: C1 6 (3 a year), U1 5 (2.5 a year): 6.5 split 6:5 → 39/11 and 32.5/11.
 * Employers: E1 29.10 (500), E2 25.62 (100), E3 01.11 (50), E4 29.1 (unknown size), E5 29.32 (900).
 *   72 needs industries 29.1 (150), 25 (30) → E1, E2, E4 (E5 is in 29.3, not 29.1);  21 → E1, E4;  93 → E2.
 * </pre>
 */
class SkillsGapTest {

    static final List<Staff> STAFFING = List.of(
            new Staff("29", "7223", 0.3), new Staff("29", "7212", 0.2), new Staff("29", "2144", 0.2), new Staff("29", "3115", 0.1),
            new Staff("25", "7223", 0.6), new Staff("25", "9329", 0.3));
    static final List<Jobs> JOBS = List.of(new Jobs("29.1", 2025, 100), new Jobs("29.1", 2026, 200), new Jobs("25", 2025, 50),
            new Jobs("01", 2025, 10));
    static final List<Destination> CONCORDANCE = List.of(new Destination("15.02.08", "72", 0.7), new Destination("15.02.08", "31", 0.3),
            new Destination("15.03.05", "21", 0.8), new Destination("15.03.05", "31", 0.2));
    static final List<Graduates> GRADUATES = List.of(new Graduates(2025, "15.02.08", 40, "C1"), new Graduates(2025, "15.03.05", 30, "U1"),
            new Graduates(2026, "15.02.08", 40, null), new Graduates(2026, "15.03.05", 20, "U1"),
            new Graduates(2025, "38.03.01", 100, null), new Graduates(2024, "15.02.08", 999, null));
    static final List<Institution> INSTITUTIONS = List.of(new Institution("U1", "University", OrganisationType.UNIVERSITY),
            new Institution("C1", "College", OrganisationType.COLLEGE), new Institution("C2", "College 2", OrganisationType.COLLEGE),
            new Institution("X", "Elsewhere", null));
    static final List<Employer> EMPLOYERS = List.of(new Employer("E1", "e1", "29.10", 500), new Employer("E2", "e2", "25.62", 100),
            new Employer("E3", "e3", "01.11", 50), new Employer("E4", "e4", "29.1", Double.NaN), new Employer("E5", "e5", "29.32", 900));

    static final double EPS = 1e-12;

    @Test
    void gapsByHand() {
        SkillsGap.Result r = SkillsGap.gaps(STAFFING, JOBS, GRADUATES, CONCORDANCE, 0.5);
        assertThat(r.level()).isEqualTo(2);
        assertThat(r.years()).containsExactly(2025, 2026);
        double[][] expected = {
                // occupation, year, demand, supply, gap
                {21, 2025, 20, 12, 8}, {21, 2026, 40, 8, 32},
                {31, 2025, 10, 9, 1}, {31, 2026, 20, 8, 12},
                {72, 2025, 80, 14, 66}, {72, 2026, 100, 14, 86},
                {93, 2025, 15, 0, 15}, {93, 2026, 0, 0, 0}};
        assertThat(r.rows()).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            Gap g = r.rows().get(k);
            assertThat(g.occupation()).isEqualTo(Integer.toString((int) expected[k][0]));
            assertThat(g.year()).isEqualTo((int) expected[k][1]);
            assertThat(g.demand()).as("demand %s", g).isCloseTo(expected[k][2], within(EPS));
            assertThat(g.supply()).as("supply %s", g).isCloseTo(expected[k][3], within(EPS));
            assertThat(g.gap()).as("gap %s", g).isCloseTo(expected[k][4], within(EPS));
        }
        assertThat(r.unstaffed()).containsExactly(Map.entry("01", 10.0));
        assertThat(r.unmapped()).containsExactly(Map.entry("38.03.01", 100.0));
        assertThat(r.shortfall().get("72")).isCloseTo(152, within(EPS));
        assertThat(r.shortfall().get("93")).isCloseTo(15, within(EPS));
    }

    @Test
    void programmesByHand() {
        SkillsGap.Result r = SkillsGap.gaps(STAFFING, JOBS, GRADUATES, CONCORDANCE, 0.5);
        List<Programme> p = SkillsGap.programmes(r, INSTITUTIONS, EMPLOYERS, 10);
        assertThat(p).extracting(Programme::occupation).containsExactly("72", "21", "93", "31");
        assertThat(p).extracting(Programme::rank).containsExactly(1, 2, 3, 4);

        Programme p72 = p.get(0);
        assertThat(p72.shortfall()).isCloseTo(152, within(EPS));
        assertThat(p72.peakGap()).isCloseTo(86, within(EPS));
        assertThat(p72.peoplePerYear()).isCloseTo(76, within(EPS));
        assertThat(p72.industries()).containsExactly("29.1", "25");
        assertThat(p72.trainers()).hasSize(1);
        Trainer c1 = p72.trainers().get(0);
        assertThat(c1.inn()).isEqualTo("C1");
        assertThat(c1.type()).isEqualTo(OrganisationType.COLLEGE);
        assertThat(c1.basis()).isEqualTo(Basis.GRADUATES);
        assertThat(c1.supply()).isCloseTo(7, within(EPS));
        assertThat(c1.people()).isCloseTo(76, within(EPS));
        assertThat(p72.employers()).extracting(Employer::inn).containsExactly("E1", "E2", "E4");

        Programme p21 = p.get(1);
        assertThat(p21.peoplePerYear()).isCloseTo(20, within(EPS));
        assertThat(p21.trainers()).extracting(Trainer::inn).containsExactly("U1");
        assertThat(p21.trainers().get(0).supply()).isCloseTo(10, within(EPS));
        assertThat(p21.employers()).extracting(Employer::inn).containsExactly("E1", "E4");

        Programme p93 = p.get(2);
        assertThat(p93.peoplePerYear()).isCloseTo(7.5, within(EPS));
        assertThat(p93.trainers()).isEmpty();
        assertThat(p93.employers()).extracting(Employer::inn).containsExactly("E2");

        Programme p31 = p.get(3);
        assertThat(p31.peoplePerYear()).isCloseTo(6.5, within(EPS));
        assertThat(p31.trainers()).extracting(Trainer::inn).containsExactly("C1", "U1");
        assertThat(p31.trainers().get(0).supply()).isCloseTo(3, within(EPS));
        assertThat(p31.trainers().get(0).people()).isCloseTo(39.0 / 11, within(EPS));
        assertThat(p31.trainers().get(1).supply()).isCloseTo(2.5, within(EPS));
        assertThat(p31.trainers().get(1).people()).isCloseTo(32.5 / 11, within(EPS));

        assertThat(SkillsGap.programmes(r, INSTITUTIONS, EMPLOYERS, 2)).extracting(Programme::occupation).containsExactly("72", "21");
    }

    @Test
    void withoutNamedInstitutionsTheRegionsByTypeShareEvenly() {
        List<Graduates> anonymous = GRADUATES.stream().map(g -> new Graduates(g.year(), g.specialty(), g.graduates(), null)).toList();
        SkillsGap.Result r = SkillsGap.gaps(STAFFING, JOBS, anonymous, CONCORDANCE, 0.5);
        List<Programme> p = SkillsGap.programmes(r, INSTITUTIONS, EMPLOYERS, 10);
        // 72 (craft, major group 7): the two colleges, 76 / 2 each
        assertThat(p.get(0).trainers()).extracting(Trainer::inn).containsExactly("C1", "C2");
        assertThat(p.get(0).trainers()).allSatisfy(t -> {
            assertThat(t.basis()).isEqualTo(Basis.TYPE);
            assertThat(t.supply()).isNaN();
            assertThat(t.people()).isCloseTo(38, within(EPS));
        });
        // 21 (professionals): the university alone
        assertThat(p.get(1).trainers()).extracting(Trainer::inn).containsExactly("U1");
        assertThat(p.get(1).trainers().get(0).people()).isCloseTo(20, within(EPS));
        // 31 (technicians): the university first, then the colleges, 6.5 / 3 each
        assertThat(p.get(3).trainers()).extracting(Trainer::inn).containsExactly("U1", "C1", "C2");
        assertThat(p.get(3).trainers()).allSatisfy(t -> assertThat(t.people()).isCloseTo(6.5 / 3, within(EPS)));
    }

    @Test
    void trainerTypesFollowTheSkillLevel() {
        assertThat(SkillsGap.trainerTypes("2144")).containsExactly(OrganisationType.UNIVERSITY);
        assertThat(SkillsGap.trainerTypes("1")).containsExactly(OrganisationType.UNIVERSITY);
        assertThat(SkillsGap.trainerTypes("31")).containsExactly(OrganisationType.UNIVERSITY, OrganisationType.COLLEGE);
        assertThat(SkillsGap.trainerTypes("83")).containsExactly(OrganisationType.COLLEGE);
        assertThat(SkillsGap.trainerTypes("93")).isEmpty();
        assertThat(SkillsGap.trainerTypes("0")).isEmpty();
    }

    /** Σ_o demand = Σ_i jobs_i · Σ_o s_io; Σ_o supply = a · Σ_s graduates; gap = demand − supply; people add up. */
    @Test
    void identitiesOnARandomCase() {
        Random rnd = new Random(13);
        String[] industries = {"10", "20", "25", "28", "29", "30"};
        String[] occupations = {"2144", "2151", "3115", "7212", "7223", "8211", "9329"};
        List<Staff> staffing = new ArrayList<>();
        double[] rowSum = new double[industries.length];
        for (int i = 0; i < industries.length; i++) {
            for (String o : occupations) {
                double s = rnd.nextDouble() / occupations.length;
                staffing.add(new Staff(industries[i], o, s));
                rowSum[i] += s;
            }
        }
        String[] specialties = {"A", "B", "C", "D"};
        List<Destination> conc = new ArrayList<>();
        for (String s : specialties) {
            double left = 1;
            for (int k = 0; k < 3; k++) {
                double c = k == 2 ? left : left * rnd.nextDouble();
                conc.add(new Destination(s, occupations[rnd.nextInt(occupations.length)], c));
                left -= c;
            }
        }
        List<Jobs> jobs = new ArrayList<>();
        double[] jobsByYear = new double[3];
        for (int y = 0; y < 3; y++) {
            for (int i = 0; i < industries.length; i++) {
                double j = Math.floor(rnd.nextDouble() * 500);
                jobs.add(new Jobs(industries[i] + ".1", 2030 + y, j));
                jobsByYear[y] += j * rowSum[i];
            }
        }
        List<Graduates> grads = new ArrayList<>();
        double[] gradsByYear = new double[3];
        for (int y = 0; y < 3; y++) {
            for (String s : specialties) {
                double g = Math.floor(rnd.nextDouble() * 300);
                grads.add(new Graduates(2030 + y, s, g, rnd.nextBoolean() ? "I" + s : null));
                gradsByYear[y] += g;
            }
        }
        double a = 0.3;
        SkillsGap.Result r = SkillsGap.gaps(staffing, jobs, grads, conc, a);
        assertThat(r.level()).isEqualTo(4);
        double[] demand = new double[3];
        double[] supply = new double[3];
        for (Gap g : r.rows()) {
            assertThat(g.gap()).isCloseTo(g.demand() - g.supply(), within(1e-9));
            demand[g.year() - 2030] += g.demand();
            supply[g.year() - 2030] += g.supply();
        }
        for (int y = 0; y < 3; y++) {
            assertThat(demand[y]).isCloseTo(jobsByYear[y], within(1e-9 * jobsByYear[y]));
            assertThat(supply[y]).isCloseTo(a * gradsByYear[y], within(1e-9 * gradsByYear[y]));
        }
        for (Programme p : SkillsGap.programmes(r, List.of(), List.of(), 100)) {
            double shortfall = 0;
            for (Gap g : r.rows()) if (g.occupation().equals(p.occupation())) shortfall += Math.max(0, g.gap());
            assertThat(p.shortfall()).isCloseTo(shortfall, within(1e-9));
            assertThat(p.peoplePerYear()).isCloseTo(shortfall / 3, within(1e-9));
            if (!p.trainers().isEmpty()) {
                assertThat(p.trainers().stream().mapToDouble(Trainer::people).sum()).isCloseTo(p.peoplePerYear(), within(1e-9));
            }
        }
    }

    @Test
    void refusesWhatCannotBeComputed() {
        assertThatThrownBy(() -> SkillsGap.gaps(STAFFING, JOBS, GRADUATES, CONCORDANCE, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("above 0 and at most 1");
        List<Staff> over = new ArrayList<>(STAFFING);
        over.add(new Staff("25", "2144", 0.2));
        assertThatThrownBy(() -> SkillsGap.gaps(over, JOBS, GRADUATES, CONCORDANCE, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessage("the staffing shares of industry 25 add up to 1.1, more than 1");
        List<Destination> under = List.of(new Destination("15.02.08", "72", 0.7));
        assertThatThrownBy(() -> SkillsGap.gaps(STAFFING, JOBS, GRADUATES, under, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessage("the occupation shares of specialty 15.02.08 add up to 0.7, not 1");
        assertThatThrownBy(() -> SkillsGap.gaps(List.of(new Staff("29", "72A", 0.1)), JOBS, GRADUATES, CONCORDANCE, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("\"72A\"");
        SkillsGap.Result r = SkillsGap.gaps(STAFFING, JOBS, GRADUATES, CONCORDANCE, 1);
        assertThatThrownBy(() -> SkillsGap.programmes(r, INSTITUTIONS, EMPLOYERS, 0)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void occupationCodes() {
        assertThat(SkillsGap.validOccupation("7")).isTrue();
        assertThat(SkillsGap.validOccupation("7223")).isTrue();
        assertThat(SkillsGap.validOccupation("72231")).isFalse();
        assertThat(SkillsGap.validOccupation("")).isFalse();
        assertThat(SkillsGap.validOccupation("72.2")).isFalse();
    }
}
