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
import org.klaster.cooperation.SkillsGap;

/**
 * The four skills files of formats.md §10 — staffing, specialty → occupation concordance, graduates, jobs: good files
 * and a corpus of bad ones under {@code formats/skills-bad/} (the prefix says which reader reads it).
 */
class SkillsReadersTest {

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("staffing_missing_column.csv", 0, "share", "staffing_missing_column.csv: required column \"share\" is missing"
                        + " (columns found: industry, occupation)"),
                bad("staffing_bad_industry.csv", 3, "industry", "staffing_bad_industry.csv, line 3, column \"industry\":"
                        + " \"29.X\" is not an OKPD2/OKVED2 code"),
                bad("staffing_bad_occupation.csv", 3, "occupation", "\"72231\" is not an OKZ (ISCO-08) code: an occupation has 1 to 4 digits"),
                bad("staffing_letter_occupation.csv", 3, "occupation", "\"7A\" is not an OKZ (ISCO-08) code"),
                bad("staffing_share_percent.csv", 2, "share", "\"50\" is not a share: shares are fractions from 0 to 1"),
                bad("staffing_empty_share.csv", 3, "share", "the value is empty, but a number is required"),
                bad("staffing_duplicate.csv", 4, "occupation", "industry \"29\", occupation \"72\" appears twice (first on line 2)"),
                bad("staffing_sum_over_one.csv", 5, "share", "staffing_sum_over_one.csv, line 5, column \"share\": the shares of"
                        + " industry \"29\" add up to 1.1 by this line, more than 1"),
                bad("staffing_header_only.csv", 0, null, "staffing_header_only.csv: the file has a header but no data rows"),
                bad("concordance_sum_not_one.csv", 3, "share", "concordance_sum_not_one.csv, line 3, column \"share\": the shares"
                        + " of specialty \"15.02.08\" add up to 0.9, not 1"),
                bad("concordance_space.csv", 3, "specialty", "specialty code \"15 02 08\" contains a space"),
                bad("concordance_duplicate.csv", 3, "occupation", "specialty \"15.02.08\", occupation \"72\" appears twice (first on line 2)"),
                bad("concordance_share_above_one.csv", 2, "share", "\"1.5\" is not a share"),
                bad("concordance_missing_column.csv", 0, "share", "required column \"share\" is missing"),
                bad("concordance_empty_occupation.csv", 2, "occupation", "the value is empty, but a occupation code is required"),
                bad("graduates_missing_column.csv", 0, "graduates", "required column \"graduates\" is missing"),
                bad("graduates_bad_year.csv", 3, "year", "graduates_bad_year.csv, line 3, column \"year\": \"20x5\" is not a year"),
                bad("graduates_negative.csv", 3, "graduates", "\"-3\" is negative; a number of graduates cannot be negative"),
                bad("graduates_empty.csv", 3, "graduates", "the value is empty, but a number is required"),
                bad("graduates_bad_inn.csv", 3, "institution_inn", "\"6300000028\" is not a valid INN: its check digit is wrong"),
                bad("graduates_short_inn.csv", 2, "institution_inn", "\"63000000\" is not an INN: an INN has 10 digits"),
                bad("graduates_duplicate.csv", 4, "specialty", "graduates_duplicate.csv, line 4, column \"specialty\": region \"RU-SAM\","
                        + " year 2025, specialty \"15.02.08\", institution \"6300000010\" appears twice (first on line 2)"),
                bad("graduates_empty_region.csv", 2, "region", "the value is empty, but a region code is required"),
                bad("jobs_missing_column.csv", 0, "jobs", "required column \"jobs\" is missing (columns found: industry, year)"),
                bad("jobs_bad_industry.csv", 3, "industry", "\"machinery\" is not an OKPD2/OKVED2 code"),
                bad("jobs_negative.csv", 3, "jobs", "jobs_negative.csv, line 3, column \"jobs\": \"-5\" is negative; new jobs cannot be negative"),
                bad("jobs_not_a_number.csv", 3, "jobs", "\"many\" is not a number"),
                bad("jobs_duplicate.csv", 4, "year", "industry \"29\", year 2025 appears twice (first on line 2)"),
                bad("jobs_header_only.csv", 0, null, "jobs_header_only.csv: the file has a header but no data rows"));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(SkillsReadersTest.class.getResource("/formats/skills-bad/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void read(Path f) throws Exception {
        String name = f.getFileName().toString();
        if (name.startsWith("staffing_")) StaffingReader.read(f, null);
        else if (name.startsWith("concordance_")) SpecialtyOccupationsReader.read(f, null);
        else if (name.startsWith("graduates_")) GraduatesReader.read(f, null);
        else JobsReader.read(f, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFilesAreRefusedNamingLineAndColumn(String file, long line, String column, String fragment) {
        InputException e = catchThrowableOfType(InputException.class, () -> read(fixture(file)));
        MalformedCorpus.assertRefused(e, file, line, column, fragment);
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        MalformedCorpus.assertEveryFixtureHasAnExpectation(fixture("jobs_header_only.csv").getParent(), corpus());
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void staffingInFileOrderWithAnExtraColumnWarned() throws Exception {
        SkillsFile<SkillsGap.Staff> s = StaffingReader.read(write("staffing.csv",
                "Industry;Occupation;Share;note\n29;7223;0,3;fitters\n29;2144;0,2;\n25.62;72;0,6;\n"), null);
        assertThat(s.records()).containsExactly(new SkillsGap.Staff("29", "7223", 0.3), new SkillsGap.Staff("29", "2144", 0.2),
                new SkillsGap.Staff("25.62", "72", 0.6));
        assertThat(s.sourceName()).isEqualTo("staffing.csv");
        assertThat(s.sha256()).hasSize(64);
        assertThat(s.warnings()).extracting(Object::toString)
                .containsExactly("staffing.csv: column \"note\" is not part of the staffing format and was ignored");
    }

    @Test
    void concordanceSharesAddingUpToOneWithinRounding() throws Exception {
        SkillsFile<SkillsGap.Destination> c = SpecialtyOccupationsReader.read(write("c.csv",
                "specialty,occupation,share\n15.02.08,72,0.333333\n15.02.08,31,0.333333\n15.02.08,81,0.333334\n09.03.01,25,1\n"), null);
        assertThat(c.records()).hasSize(4);
        assertThat(c.records().get(3)).isEqualTo(new SkillsGap.Destination("09.03.01", "25", 1.0));
    }

    @Test
    void graduatesWithAndWithoutInstitution() throws Exception {
        SkillsFile<GraduatesReader.Row> g = GraduatesReader.read(write("g.csv",
                "region,year,specialty,graduates,institution_inn\nRU-SAM,2025,15.02.08,40,6300000010\nRU-SAM,2025,15.02.08,12,\n"
                        + "RU-TA,2026,09.03.01,7.5,\n"), null);
        assertThat(g.records()).containsExactly(new GraduatesReader.Row("RU-SAM", 2025, "15.02.08", 40, "6300000010"),
                new GraduatesReader.Row("RU-SAM", 2025, "15.02.08", 12, null), new GraduatesReader.Row("RU-TA", 2026, "09.03.01", 7.5, null));
        SkillsFile<GraduatesReader.Row> noColumn = GraduatesReader.read(write("g2.csv",
                "region,year,specialty,graduates\nRU-SAM,2025,15.02.08,40\n"), null);
        assertThat(noColumn.records().get(0).institution()).isNull();
    }

    @Test
    void jobsFromAWorkbookWithTextCodes() throws Exception {
        Path f = dir.resolve("jobs.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("jobs");
            s.value(0, 0, "industry");
            s.value(0, 1, "year");
            s.value(0, 2, "jobs");
            s.value(1, 0, "29.1");
            s.value(1, 1, 2025);
            s.value(1, 2, 120);
            s.value(2, 0, "01");
            s.value(2, 1, 2026);
            s.value(2, 2, 0);
        }
        SkillsFile<SkillsGap.Jobs> j = JobsReader.read(f, null);
        assertThat(j.records()).containsExactly(new SkillsGap.Jobs("29.1", 2025, 120), new SkillsGap.Jobs("01", 2026, 0));
        assertThat(j.warnings()).isEmpty();
    }
}
