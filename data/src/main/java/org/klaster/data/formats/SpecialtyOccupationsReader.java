package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;
import org.klaster.cooperation.SkillsGap;

/**
 * Reads a specialty → occupation concordance {@code specialty,occupation,share} (formats.md §10): the share of a
 * specialty's graduates who work in each occupation. Every specialty's shares add up to 1 — each graduate is somewhere.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, an empty specialty or one with a space
 * inside, an occupation not written as an OKZ code, a share that is empty or not within 0–1, the same specialty and
 * occupation twice, a specialty whose shares do not add up to 1 (at its last line), no data rows.
 */
public final class SpecialtyOccupationsReader {

    static final String SPECIALTY = "specialty";
    static final String OCCUPATION = "occupation";
    static final String SHARE = "share";

    private SpecialtyOccupationsReader() {
    }

    /**
     * @param sheet sheet of a workbook, or null for the first
     * @throws InputException on any problem with the content
     */
    public static SkillsFile<SkillsGap.Destination> read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(SPECIALTY, OCCUPATION, SHARE);
            int iSpecialty = t.indexOf(SPECIALTY);
            int iOccupation = t.indexOf(OCCUPATION);
            int iShare = t.indexOf(SHARE);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, Set.of(SPECIALTY, OCCUPATION, SHARE),
                    "specialty_occupations"));
            List<SkillsGap.Destination> out = new ArrayList<>();
            Map<List<String>, Long> firstLine = new HashMap<>();
            Map<String, Double> sums = new LinkedHashMap<>();
            Map<String, Long> lastLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String specialty = SkillsFile.specialty(row, iSpecialty);
                String occupation = SkillsFile.occupation(row, iOccupation);
                double share = SkillsFile.share(row, iShare);
                Long before = firstLine.putIfAbsent(List.of(specialty, occupation), row.line());
                if (before != null) {
                    throw row.error(iOccupation, data("skills.concordance.duplicate", quoted(specialty), quoted(occupation),
                            t.firstOn(before)));
                }
                sums.merge(specialty, share, Double::sum);
                lastLine.put(specialty, row.line());
                out.add(new SkillsGap.Destination(specialty, occupation, share));
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            for (Map.Entry<String, Double> e : sums.entrySet()) {
                if (Math.abs(e.getValue() - 1) > SkillsFile.SHARE_TOLERANCE) {
                    throw t.at(lastLine.get(e.getKey()), SHARE, data("skills.concordance.sum", quoted(e.getKey()),
                            SkillsFile.sum(e.getValue())));
                }
            }
            warnings.addAll(t.warnings());
            return new SkillsFile<>(out, t.sha256(), InputException.displayName(file), new ArrayList<>(warnings));
        }
    }
}
