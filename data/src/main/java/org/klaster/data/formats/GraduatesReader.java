package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;

/**
 * Reads graduates {@code region,year,specialty,graduates[,institution_inn]} (formats.md §10): persons who finish a
 * specialty in a region and year, optionally by institution (its INN; an empty cell: not said).
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty region or specialty, a specialty
 * with a space inside, a year that is not one, graduates empty or negative, an INN of the wrong length or with a wrong
 * check digit, the same region, year, specialty and institution twice, no data rows.
 */
public final class GraduatesReader {

    static final String REGION = "region";
    static final String YEAR = "year";
    static final String SPECIALTY = "specialty";
    static final String GRADUATES = "graduates";
    static final String INSTITUTION = "institution_inn";

    /** One row of the file. */
    public record Row(String region, int year, String specialty, double graduates, String institution) {
    }

    private GraduatesReader() {
    }

    /**
     * @param sheet sheet of a workbook, or null for the first
     * @throws InputException on any problem with the content
     */
    public static SkillsFile<Row> read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(REGION, YEAR, SPECIALTY, GRADUATES);
            int iRegion = t.indexOf(REGION);
            int iYear = t.indexOf(YEAR);
            int iSpecialty = t.indexOf(SPECIALTY);
            int iGraduates = t.indexOf(GRADUATES);
            int iInstitution = t.indexOf(INSTITUTION);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(REGION, YEAR, SPECIALTY, GRADUATES, INSTITUTION), "graduates"));
            List<Row> out = new ArrayList<>();
            Map<List<String>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String region = row.code(iRegion);
                int year = row.year(iYear);
                String specialty = SkillsFile.specialty(row, iSpecialty);
                double graduates = SkillsFile.persons(row, iGraduates, "skills.graduates.negative");
                String inn = iInstitution < 0 || row.isBlank(iInstitution) ? null : RegistryReader.inn(row, iInstitution);
                Long before = firstLine.putIfAbsent(Arrays.asList(region, Integer.toString(year), specialty, inn), row.line());
                if (before != null) {
                    throw row.error(iSpecialty, inn == null
                            ? data("skills.graduates.duplicate", quoted(region), Integer.toString(year), quoted(specialty), t.firstOn(before))
                            : data("skills.graduates.duplicate.inn", quoted(region), Integer.toString(year), quoted(specialty), quoted(inn),
                                    t.firstOn(before)));
                }
                out.add(new Row(region, year, specialty, graduates, inn));
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            return new SkillsFile<>(out, t.sha256(), InputException.displayName(file), new ArrayList<>(warnings));
        }
    }
}
