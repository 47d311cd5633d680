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
 * Reads a staffing matrix {@code industry,occupation,share} (formats.md §10, CSV or .xlsx as in {@link TabularFile}):
 * the share of an industry's workers in each occupation. An industry's shares add up to at most 1 — the rest are
 * occupations the matrix does not list.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an industry not written as an OKVED2 code,
 * an occupation not written as an OKZ code (1–4 digits), a share that is empty or not within 0–1, the same industry and
 * occupation twice, an industry whose shares pass 1 (at the line where they do), no data rows. Extra columns are
 * ignored with a warning.
 */
public final class StaffingReader {

    static final String INDUSTRY = "industry";
    static final String OCCUPATION = "occupation";
    static final String SHARE = "share";

    private StaffingReader() {
    }

    /**
     * @param sheet sheet of a workbook, or null for the first
     * @throws InputException on any problem with the content
     */
    public static SkillsFile<SkillsGap.Staff> read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(INDUSTRY, OCCUPATION, SHARE);
            int iIndustry = t.indexOf(INDUSTRY);
            int iOccupation = t.indexOf(OCCUPATION);
            int iShare = t.indexOf(SHARE);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, Set.of(INDUSTRY, OCCUPATION, SHARE),
                    "staffing"));
            List<SkillsGap.Staff> out = new ArrayList<>();
            Map<List<String>, Long> firstLine = new HashMap<>();
            Map<String, Double> sums = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String industry = SkillsFile.industry(row, iIndustry);
                String occupation = SkillsFile.occupation(row, iOccupation);
                double share = SkillsFile.share(row, iShare);
                Long before = firstLine.putIfAbsent(List.of(industry, occupation), row.line());
                if (before != null) {
                    throw row.error(iOccupation, data("skills.staffing.duplicate", quoted(industry), quoted(occupation), t.firstOn(before)));
                }
                double sum = sums.merge(industry, share, Double::sum);
                if (sum > 1 + SkillsFile.SHARE_TOLERANCE) {
                    throw row.error(iShare, data("skills.staffing.sum", quoted(industry), SkillsFile.sum(sum)));
                }
                out.add(new SkillsGap.Staff(industry, occupation, share));
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            return new SkillsFile<>(out, t.sha256(), InputException.displayName(file), new ArrayList<>(warnings));
        }
    }
}
