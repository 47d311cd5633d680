package org.klaster.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.klaster.Text;

/**
 * The result of {@link ClusterMapping#map}: rows sorted by region then category (ordinal string
 * order), and warnings for the user (e.g. establishments given for only some records).
 *
 * @param year     the mapped year
 * @param baseYear the shift-share base year, or {@code null}
 */
public record MappingResult(int year, Integer baseYear, List<MappingRow> rows, List<Text> warnings) {

    public MappingResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** The rows of one region, in category order (empty when the region has none). */
    public List<MappingRow> rowsForRegion(String region) {
        List<MappingRow> out = new ArrayList<>();
        for (MappingRow row : rows) {
            if (row.region().equals(region)) {
                out.add(row);
            }
        }
        return out;
    }

    /** The rows of one category, in region order (empty when no region has it). */
    public List<MappingRow> rowsForCategory(String category) {
        List<MappingRow> out = new ArrayList<>();
        for (MappingRow row : rows) {
            if (row.category().equals(category)) {
                out.add(row);
            }
        }
        return out;
    }

    /** The row of one cell; empty when E_rc = 0 or the labels are unknown. */
    public Optional<MappingRow> row(String region, String category) {
        for (MappingRow row : rows) {
            if (row.region().equals(region) && row.category().equals(category)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "MappingResult[year=" + year + ", baseYear=" + Objects.toString(baseYear) + ", rows="
                + rows.size() + ", warnings=" + warnings + "]";
    }
}
