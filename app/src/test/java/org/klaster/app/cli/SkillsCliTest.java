package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.registry.Identifiers;

/**
 * {@code klaster skills gaps|programmes} end to end on files written here: the case of {@code SkillsGapTest} (core),
 * worked by hand there and repeated in short.
 *
 * <pre>
 * staffing (4 digits, compared at 2): 29 → 72 0.5, 21 0.2, 31 0.1;  25 → 72 0.6, 93 0.3
 * jobs: 29.1 2025 100, 29.1 2026 200, 25 2025 50, 01 2025 10 (no staffing row)
 * concordance: 15.02.08 → 72 0.7, 31 0.3;  15.03.05 → 21 0.8, 31 0.2;  --available 0.5
 * graduates RU-SAM: 2025 15.02.08 40 (college C1), 2025 15.03.05 30 (university U1), 2026 15.02.08 40, 2026 15.03.05 20 (U1),
 *   2025 38.03.01 100 (no concordance row); RU-TA rows are another region's.
 * gap 2025 / 2026: 72: 80 − 14 = 66, 100 − 14 = 86 (shortfall 152); 21: 20 − 12 = 8, 40 − 8 = 32 (40);
 *   93: 15, 0 (15); 31: 10 − 9 = 1, 20 − 8 = 12 (13).  TOTAL 2025: 125 − 35 = 90; 2026: 160 − 30 = 130.
 * programmes: 72 → C1 76 a year (its graduates: 7 a year now); 21 → U1 20 (10 now); 93 → no institution;
 *   31 → C1 6.5·6/11, U1 6.5·5/11.  Employers (members of K1 in RU-SAM): 72 (industries 29.1, 25) → E1 29.10 (500),
 *   E2 25.62 (100), E4 29.1 (size unknown); not E5 (29.32), E3 (01.11), E6 (RU-TA), E7 (not a member).
 * </pre>
 */
class SkillsCliTest {

    static final String U1 = inn("630000001");
    static final String C1 = inn("630000002");
    static final String C2 = inn("630000003");
    static final String E1 = inn("630000011");
    static final String E2 = inn("630000012");
    static final String E3 = inn("630000013");
    static final String E4 = inn("630000014");
    static final String E5 = inn("630000015");
    static final String E6 = inn("160000016");
    static final String E7 = inn("630000017");

    static String inn(String nine) {
        return nine + Identifiers.innCheckDigit(nine);
    }

    static String ogrn(int serial) {
        String twelve = String.format("1206300%05d", serial);
        return twelve + Identifiers.ogrnCheckDigit(twelve);
    }

    @TempDir
    Path dir;
    Path staffing;
    Path jobs;
    Path graduates;
    Path concordance;
    Path registry;

    @BeforeEach
    void files() throws IOException {
        staffing = write("staffing.csv", """
                industry,occupation,share
                29,7223,0.3
                29,7212,0.2
                29,2144,0.2
                29,3115,0.1
                25,7223,0.6
                25,9329,0.3
                """);
        jobs = write("jobs.csv", """
                industry,year,jobs
                29.1,2025,100
                29.1,2026,200
                25,2025,50
                01,2025,10
                """);
        graduates = write("graduates.csv", "region,year,specialty,graduates,institution_inn\n"
                + "RU-SAM,2025,15.02.08,40," + C1 + "\n"
                + "RU-SAM,2025,15.03.05,30," + U1 + "\n"
                + "RU-SAM,2026,15.02.08,40,\n"
                + "RU-SAM,2026,15.03.05,20," + U1 + "\n"
                + "RU-SAM,2025,38.03.01,100,\n"
                + "RU-TA,2025,15.02.08,5000,\n");
        concordance = write("specialty_occupations.csv", """
                specialty,occupation,share
                15.02.08,72,0.7
                15.02.08,31,0.3
                15.03.05,21,0.8
                15.03.05,31,0.2
                """);
        registry = Files.createDirectories(dir.resolve("registry"));
        StringBuilder orgs = new StringBuilder("inn,ogrn,name,type,okved,region,employees\n");
        Object[][] o = {{U1, "University", "university", "85.22", "RU-SAM", ""}, {C1, "College", "college", "85.21", "RU-SAM", ""},
                {C2, "College 2", "college", "85.21", "RU-SAM", ""}, {E1, "E1", "enterprise", "29.10", "RU-SAM", "500"},
                {E2, "E2", "enterprise", "25.62", "RU-SAM", "100"}, {E3, "E3", "enterprise", "01.11", "RU-SAM", "50"},
                {E4, "E4", "enterprise", "29.1", "RU-SAM", ""}, {E5, "E5", "enterprise", "29.32", "RU-SAM", "900"},
                {E6, "E6", "enterprise", "29.10", "RU-TA", "800"}, {E7, "E7", "enterprise", "29.10", "RU-SAM", "700"}};
        for (int k = 0; k < o.length; k++) {
            orgs.append(o[k][0]).append(',').append(ogrn(k + 1)).append(',').append(o[k][1]).append(',').append(o[k][2]).append(',')
                    .append(o[k][3]).append(',').append(o[k][4]).append(',').append(o[k][5]).append('\n');
        }
        Files.writeString(registry.resolve("organisations.csv"), orgs, StandardCharsets.UTF_8);
        Files.writeString(registry.resolve("clusters.csv"), "cluster,name,type,regions,specialisation,specialised_organisation\n"
                + "K1,Cluster,industrial,RU-SAM,29,\n", StandardCharsets.UTF_8);
        StringBuilder m = new StringBuilder("cluster,inn,joined,left\n");
        for (String inn : List.of(U1, C1, E1, E2, E3, E4, E5, E6)) m.append("K1,").append(inn).append(",2020-01-01,\n");
        Files.writeString(registry.resolve("memberships.csv"), m, StandardCharsets.UTF_8);
        Files.writeString(registry.resolve("contracts.csv"), "cluster,supplier,buyer,type,year,value\n", StandardCharsets.UTF_8);
        Files.writeString(registry.resolve("facts.csv"), "inn,year,output,purchases\n", StandardCharsets.UTF_8);
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    List<String> args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of("skills", command, "--region", "RU-SAM", "--jobs", jobs.toString(),
                "--staffing", staffing.toString(), "--graduates", graduates.toString(), "--concordance", concordance.toString(),
                "--available", "0.5", "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void gapsByHand() {
        CliRun r = ok(args("gaps").toArray(String[]::new));
        assertThat(r.header()).isEqualTo("occupation,year,demand,supply,gap");
        assertThat(r.csv()).extracting(x -> x.get("occupation") + "/" + x.get("year")).containsExactly(
                "72/2025", "72/2026", "21/2025", "21/2026", "93/2025", "93/2026", "31/2025", "31/2026", "TOTAL/2025", "TOTAL/2026");
        double[][] expected = {{72, 2025, 80, 14, 66}, {72, 2026, 100, 14, 86}, {21, 2025, 20, 12, 8}, {21, 2026, 40, 8, 32},
                {93, 2025, 15, 0, 15}, {93, 2026, 0, 0, 0}, {31, 2025, 10, 9, 1}, {31, 2026, 20, 8, 12}};
        for (double[] e : expected) {
            Map<String, String> row = r.row(Integer.toString((int) e[0]), Integer.toString((int) e[1]));
            assertThat(Double.parseDouble(row.get("demand"))).as("demand %s", row).isCloseTo(e[2], within(1e-9));
            assertThat(Double.parseDouble(row.get("supply"))).as("supply %s", row).isCloseTo(e[3], within(1e-9));
            assertThat(Double.parseDouble(row.get("gap"))).as("gap %s", row).isCloseTo(e[4], within(1e-9));
        }
        Map<String, String> t25 = r.row("TOTAL", "2025");
        assertThat(Double.parseDouble(t25.get("demand"))).isCloseTo(125, within(1e-9));
        assertThat(Double.parseDouble(t25.get("supply"))).isCloseTo(35, within(1e-9));
        assertThat(Double.parseDouble(r.row("TOTAL", "2026").get("gap"))).isCloseTo(130, within(1e-9));
        assertThat(r.err()).contains("warning: the staffing matrix has no row for the industries 01 (10)")
                .contains("the concordance has no row for the specialties 38.03.01 (100)")
                .contains("occupations compared at 2 digit(s) of OKZ");
        // --top 1: the largest shortfall only, the totals still over every occupation
        CliRun one = ok(args("gaps", "--top", "1").toArray(String[]::new));
        assertThat(one.csv()).extracting(x -> x.get("occupation")).containsExactly("72", "72", "TOTAL", "TOTAL");
        assertThat(one.row("TOTAL", "2025")).isEqualTo(t25);
        // names in Russian: the OKZ group's name
        CliRun ru = ok(args("gaps", "--names", "--lang", "ru", "--top", "1").toArray(String[]::new));
        assertThat(ru.csv().get(0).get("occupation_name")).isEqualTo("Рабочие металлообработки, машиностроения и родственных занятий");
    }

    @Test
    void programmesByHand() {
        CliRun r = ok(args("programmes", "--registry", registry.toString(), "--as-of", "2024-12-31").toArray(String[]::new));
        assertThat(r.header()).isEqualTo("rank,occupation,shortfall,people_per_year,institution_inn,institution_name,"
                + "institution_type,basis,institution_supply,institution_people,industries,enterprise_count,enterprises");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(x -> x.get("rank") + ":" + x.get("occupation") + ":" + x.get("institution_inn"))
                .containsExactly("1:72:" + C1, "2:21:" + U1, "3:93:", "4:31:" + C1, "4:31:" + U1);
        Map<String, String> p72 = rows.get(0);
        assertThat(Double.parseDouble(p72.get("shortfall"))).isCloseTo(152, within(1e-9));
        assertThat(Double.parseDouble(p72.get("people_per_year"))).isCloseTo(76, within(1e-9));
        assertThat(p72.get("institution_name")).isEqualTo("College");
        assertThat(p72.get("institution_type")).isEqualTo("college");
        assertThat(p72.get("basis")).isEqualTo("graduates");
        assertThat(Double.parseDouble(p72.get("institution_supply"))).isCloseTo(7, within(1e-9));
        assertThat(Double.parseDouble(p72.get("institution_people"))).isCloseTo(76, within(1e-9));
        assertThat(p72.get("industries")).isEqualTo("29.1;25");
        assertThat(p72.get("enterprise_count")).isEqualTo("3");
        assertThat(p72.get("enterprises")).isEqualTo(E1 + ";" + E2 + ";" + E4);
        assertThat(Double.parseDouble(rows.get(1).get("institution_supply"))).isCloseTo(10, within(1e-9));
        assertThat(rows.get(1).get("enterprises")).isEqualTo(E1 + ";" + E4);
        Map<String, String> p93 = rows.get(2);
        assertThat(p93.get("institution_people")).isEmpty();
        assertThat(Double.parseDouble(p93.get("people_per_year"))).isCloseTo(7.5, within(1e-9));
        assertThat(p93.get("enterprises")).isEqualTo(E2);
        assertThat(Double.parseDouble(rows.get(3).get("institution_people"))).isCloseTo(6.5 * 6 / 11, within(1e-9));
        assertThat(Double.parseDouble(rows.get(4).get("institution_people"))).isCloseTo(6.5 * 5 / 11, within(1e-9));
        assertThat(r.err()).contains("some programmes have no institution");
        // --top 2
        CliRun two = ok(args("programmes", "--registry", registry.toString(), "--as-of", "2024-12-31", "--top", "2")
                .toArray(String[]::new));
        assertThat(two.csv()).extracting(x -> x.get("occupation")).containsExactly("72", "21");
    }

    @Test
    void withoutNamedInstitutionsTheRegionsCollegesShareEvenly() throws IOException {
        graduates = write("anonymous.csv", """
                region,year,specialty,graduates
                RU-SAM,2025,15.02.08,40
                RU-SAM,2025,15.03.05,30
                RU-SAM,2026,15.02.08,40
                RU-SAM,2026,15.03.05,20
                """);
        CliRun r = ok(args("programmes", "--registry", registry.toString(), "--as-of", "2024-12-31", "--top", "1")
                .toArray(String[]::new));
        assertThat(r.csv()).extracting(x -> x.get("institution_inn")).containsExactly(C1, C2);
        assertThat(r.csv()).allSatisfy(x -> {
            assertThat(x.get("basis")).isEqualTo("type");
            assertThat(Double.parseDouble(x.get("institution_people"))).isCloseTo(38, within(1e-9));
        });
    }

    @Test
    void jobsOfALocalisationScenario() throws IOException {
        // LocalisationCliTest's nation: half of sector 29's imports localised in RU-SAM gives Δx by hand, jobs 2·Δx
        Path table = write("io.csv", org.klaster.app.HandRegion.TABLE);
        Path activity = write("activity.csv", org.klaster.app.HandRegion.ACTIVITY);
        Path staff = write("staff20.csv", "industry,occupation,share\n20,81,0.5\n29,72,0.5\n");
        Path grads = write("g.csv", "region,year,specialty,graduates\nRU-SAM,2026,15.02.08,0\n");
        List<String> a = new ArrayList<>(List.of("skills", "gaps", "--region", "RU-SAM", "--from-localise", "--jobs-year", "2026",
                "--table", table.toString(), "--activity", activity.toString(), "--method", "slq", "--buyers", "29", "--share", "50%",
                "--staffing", staff.toString(), "--graduates", grads.toString(), "--concordance", concordance.toString(),
                "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        CliRun r = ok(a.toArray(String[]::new));
        double det = 0.793125;
        double dx20 = (0.9125 * 1.25 + 0.125 * 2.5) / det;
        double dx29 = (0.225 * 1.25 + 0.9 * 2.5) / det;
        assertThat(Double.parseDouble(r.row("81", "2026").get("demand"))).isCloseTo(0.5 * 2 * dx20, within(1e-9));
        assertThat(Double.parseDouble(r.row("72", "2026").get("demand"))).isCloseTo(0.5 * 2 * dx29, within(1e-9));
        assertThat(r.err()).contains("new jobs: the localisation scenario of RU-SAM");
        // the year is required
        a.remove("--jobs-year");
        a.remove("2026");
        CliRun noYear = klaster(a.toArray(String[]::new));
        assertThat(noYear.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(noYear.err()).contains("--jobs-year");
    }

    @Test
    void theDemoWhenNoFileIsGiven() {
        CliRun r = ok("skills", "gaps", "--region", "RU-SAM", "--available", "0.2", "--format", "csv", "--names",
                "--db", dir.resolve("none.duckdb").toString());
        assertThat(r.out()).startsWith("# SYNTHETIC");
        assertThat(r.err()).contains("--staffing not given: the SYNTHETIC demo staffing file is used");
    }

    // ------------------------------------------------------------------ bad input

    CliRun refused(int code, String... more) {
        Path out = dir.resolve("out.csv");
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--out", out.toString()));
        CliRun r = klaster(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(out).doesNotExist();
        return r;
    }

    @Test
    void badFilesExitTwoNamingFileLineAndColumn() throws IOException {
        staffing = write("staffing.csv", "industry,occupation,share\n29,72,0.5\n29,21,20\n");
        assertThat(refused(Klaster.BAD_INPUT, args("gaps").toArray(String[]::new)).err())
                .contains("staffing.csv, line 3, column \"share\": \"20\" is not a share");
        files();
        graduates = write("graduates.csv", "region,year,specialty,graduates,institution_inn\nRU-SAM,2025,15.02.08,40,6300000011\n");
        assertThat(refused(Klaster.BAD_INPUT, args("gaps").toArray(String[]::new)).err())
                .contains("graduates.csv, line 2, column \"institution_inn\": \"6300000011\" is not a valid INN");
        files();
        concordance = write("specialty_occupations.csv", "specialty,occupation,share\n15.02.08,72,0.7\n15.02.08,31,0.2\n");
        assertThat(refused(Klaster.BAD_INPUT, args("gaps").toArray(String[]::new)).err())
                .contains("specialty_occupations.csv, line 3, column \"share\": the shares of specialty \"15.02.08\" add up to 0.9, not 1");
        files();
        jobs = write("jobs.csv", "industry,year,jobs\n29,2025,100\n29,2025,5\n");
        assertThat(refused(Klaster.BAD_INPUT, args("programmes", "--registry", registry.toString()).toArray(String[]::new)).err())
                .contains("jobs.csv, line 3, column \"year\": industry \"29\", year 2025 appears twice (first on line 2)");
    }

    @Test
    void badFlagsAndImpossibleAnalyses() {
        assertThat(refused(Klaster.BAD_INPUT, args("gaps", "--available", "0").toArray(String[]::new)).err()).contains("--available");
        assertThat(refused(Klaster.BAD_INPUT, args("gaps", "--top", "0").toArray(String[]::new)).err()).contains("--top");
        List<String> a = args("gaps");
        a.set(a.indexOf("RU-SAM"), "RU-MOW");
        assertThat(refused(Klaster.IMPOSSIBLE, a.toArray(String[]::new)).err())
                .contains("the graduates have no rows for region RU-MOW (regions there: RU-SAM, RU-TA)");
        assertThat(refused(Klaster.IMPOSSIBLE, args("programmes", "--registry", registry.toString(), "--cluster", "NOPE")
                .toArray(String[]::new)).err()).contains("there is no cluster NOPE");
    }
}
