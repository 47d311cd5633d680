package org.klaster.app.analysis;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an analysis's result table: its name (the CSV header and the JSON field, snake_case,
 * formats.md §5), its type, what it measures, and how to read it off a row. Labels and descriptions
 * come from the messages bundle ({@code col.NAME}, {@code col.NAME.help}), so the CLI, the pages, the
 * API, the downloads and the OpenAPI document all describe a column the same way.
 *
 * <p>Values are {@code String}, {@code Integer}/{@code Long}, {@code Double} (NaN = undefined,
 * ±∞ allowed where stated), {@code Boolean}, or null (empty).
 *
 * @param nullable whether a value may be empty/undefined (null in JSON)
 * @param label    whether this is a name column (e.g. {@code region_name}): present only when a table is
 *                 asked for names (web downloads, the API, the CLI's {@code --names})
 * @param digits   decimals shown on pages
 */
public record Column<R>(String name, ColumnType type, Unit unit, boolean nullable, boolean label, int digits,
                        Function<R, Object> value) {

    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(value);
    }

    /** The message key of the column's label. */
    public String labelKey() {
        return "col." + name;
    }

    /** The message key of the column's description (what it is, how it is computed). */
    public String helpKey() {
        return "col." + name + ".help";
    }

    public boolean numeric() {
        return type == ColumnType.INTEGER || type == ColumnType.NUMBER;
    }

    public Object read(R row) {
        return value.apply(row);
    }
}
