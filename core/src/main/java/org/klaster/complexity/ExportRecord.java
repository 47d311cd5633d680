package org.klaster.complexity;

/**
 * One row of {@code exports.csv} (formats.md §4): what {@code location} (a country or a region)
 * exported (or produced, or employed) of {@code product} in {@code year}. Codes are strings.
 */
public record ExportRecord(int year, String location, String product, double value) {

    org.klaster.Text describe() {
        return org.klaster.Text.core("complexity.record", year, location, product, org.klaster.Text.plain(value));
    }
}
