package org.klaster.data.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the {@code region} column of a tabular file (an activity file, formats.md §1) holds only
 * codes of a known region table — an upload of "Samara" or "RU-XXX" must not become a region of the
 * map. The first unknown code is an {@link InputException} naming its line and column, with the codes
 * the table knows described by {@code knownDescription}.
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    /**
     * @throws InputException at the first row whose region is not in {@code known}
     */
    public static void check(Path file, String sheet, Set<String> known, org.klaster.Text knownDescription) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(ActivityReader.REGION);
            int i = t.indexOf(ActivityReader.REGION);
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String code = row.code(i);
                if (!known.contains(code)) {
                    throw row.error(i, DataText.data("region.unknown", DataText.quoted(code), knownDescription));
                }
            }
        }
    }

    /** The codes of {@code regions} outside {@code known}, sorted (for files read without line numbers). */
    public static Set<String> unknown(Iterable<String> regions, Set<String> known) {
        Set<String> out = new TreeSet<>();
        for (String r : regions) if (!known.contains(r)) out.add(r);
        return out;
    }
}
