package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;

/**
 * Reads a sector map {@code sector,industry} (CSV or .xlsx, detected as in {@link TabularFile}): one
 * line per link between a sector of an input–output table and an industry code of regional activity,
 * for tables whose sectors are not the activity's industries (the Rosstat 2016 table's OKPD products
 * and OKVED2 employment). A sector may be linked to several industries and an industry to several
 * sectors; an industry code covers the finer codes it is a prefix of (docs/methods-io.md, "Regional
 * tables").
 *
 * <p>Sector codes are kept as written (trimmed; they may contain spaces, as Rosstat's {@code 01.1 + 01.2}
 * does). Errors (file, line, column named; nothing returned): a missing column, an empty code, a sector
 * that is not one of the table's, the same link twice (both lines named). Extra columns are ignored with a
 * warning; a header without rows is a warning.
 */
public final class SectorMapReader {

    static final String SECTOR = "sector";
    static final String INDUSTRY = "industry";

    private SectorMapReader() {
    }

    /**
     * @param sheet   sheet of a workbook, or null for the first sheet (must be null for CSV)
     * @param sectors the table's sector codes: every sector of the file must be one of them
     * @throws InputException on any problem with the content
     */
    public static SectorMap read(Path file, String sheet, Collection<String> sectors) throws IOException {
        Set<String> known = new HashSet<>(sectors);
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(SECTOR, INDUSTRY);
            int iSector = t.indexOf(SECTOR);
            int iIndustry = t.indexOf(INDUSTRY);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(SECTOR, INDUSTRY), "sector map"));
            Map<String, List<String>> links = new LinkedHashMap<>();
            Map<List<String>, Long> lineOf = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String sector = row.code(iSector);
                if (!known.contains(sector)) {
                    throw row.error(iSector, data("sectormap.unknown", quoted(sector), examples(sectors)));
                }
                String industry = row.code(iIndustry);
                Long before = lineOf.putIfAbsent(List.of(sector, industry), row.line());
                if (before != null) {
                    throw row.error(iIndustry, data("sectormap.duplicate", quoted(sector), quoted(industry),
                            t.firstOn(before)));
                }
                links.computeIfAbsent(sector, s -> new ArrayList<>()).add(industry);
            }
            if (links.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return new SectorMap(links, new ArrayList<>(warnings), t.sha256());
        }
    }

    /** The first few sector codes, quoted in the reader's language, for a message. */
    static List<Object> examples(Collection<String> sectors) {
        List<Object> out = new ArrayList<>();
        for (String s : sectors) {
            if (out.size() == 6) {
                out.add("…");
                break;
            }
            out.add(quoted(s));
        }
        return out;
    }
}
