package org.klaster.data.formats;

import java.util.List;
import java.util.Objects;

import org.klaster.Text;
import org.klaster.complexity.ExportRecord;

/**
 * Exports for complexity read from a file (formats.md §4), with what a dataset needs for provenance.
 *
 * @param records    one per year × location × product, in file order
 * @param warnings   non-fatal remarks for the user (ignored columns, number cells in code columns), each
 *                   a sentence naming the file
 * @param sha256     SHA-256 of the file's bytes, lower-case hex
 * @param sourceName the file name as given (without directories)
 * @param format     what was detected, e.g. {@code CSV, UTF-8, separator ";", decimal comma}
 */
public record ExportsData(List<ExportRecord> records, List<Text> warnings, String sha256, String sourceName,
                          String format) {
    public ExportsData {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
    }
}
