package org.klaster.complexity;

/**
 * One row of {@code exports.csv} (formats.md §4): what {@code location} (a country or a region)
 * exported (or produced, or employed) of {@code product} in {@code year}. Codes are strings.
 */
public record ExportRecord(int year, String location, String product, double value) {

    String describe() {
        return "(year " + year + ", location " + location + ", product " + product + ", value " + value + ")";
    }
}
