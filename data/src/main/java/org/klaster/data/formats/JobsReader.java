package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;
import org.klaster.cooperation.SkillsGap;

/**
 * Reads new jobs {@code industry,year,jobs} (formats.md §10): the jobs that projects or a localisation scenario create
 * in an industry (OKVED2) and year.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an industry not written as an OKVED2
 * code, a year that is not one, jobs empty or negative, the same industry and year twice, no data rows.
 */
public final class JobsReader {

    static final String INDUSTRY = "industry";
    static final String YEAR = "year";
    static final String JOBS = "jobs";

    private JobsReader() {
    }

    /**
     * @param sheet sheet of a workbook, or null for the first
     * @throws InputException on any problem with the content
     */
    public static SkillsFile<SkillsGap.Jobs> read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(INDUSTRY, YEAR, JOBS);
            int iIndustry = t.indexOf(INDUSTRY);
            int iYear = t.indexOf(YEAR);
            int iJobs = t.indexOf(JOBS);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, Set.of(INDUSTRY, YEAR, JOBS), "jobs"));
            List<SkillsGap.Jobs> out = new ArrayList<>();
            Map<List<String>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String industry = SkillsFile.industry(row, iIndustry);
                int year = row.year(iYear);
                double jobs = SkillsFile.persons(row, iJobs, "skills.jobs.negative");
                Long before = firstLine.putIfAbsent(List.of(industry, Integer.toString(year)), row.line());
                if (before != null) {
                    throw row.error(iYear, data("skills.jobs.duplicate", quoted(industry), Integer.toString(year), t.firstOn(before)));
                }
                out.add(new SkillsGap.Jobs(industry, year, jobs));
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            return new SkillsFile<>(out, t.sha256(), InputException.displayName(file), new ArrayList<>(warnings));
        }
    }
}
