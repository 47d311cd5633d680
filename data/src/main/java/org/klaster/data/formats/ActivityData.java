package org.klaster.data.formats;

import java.util.List;
import java.util.Objects;

import org.klaster.Text;
import org.klaster.activity.ActivityRecord;

/**
 * Regional activity read from a file (formats.md §1), with what a dataset needs for provenance.
 *
 * @param records    one per region × industry × year, in file order (firm files: sorted by region,
 *                   industry, year)
 * @param warnings   non-fatal remarks for the user (ignored columns, header-only file, …), each a
 *                   sentence naming the file
 * @param sha256     SHA-256 of the file's bytes, lower-case hex; null only when the caller asked a
 *                   firm read to skip it (nothing is stored, so no provenance is needed)
 * @param sourceName the file name as given (without directories)
 * @param format     what was detected, e.g. {@code CSV, Windows-1251, separator ";", decimal comma}
 */
public record ActivityData(List<ActivityRecord> records, List<Text> warnings, String sha256, String sourceName,
                           String format) {
    public ActivityData {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
    }
}
