package org.klaster.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A command's result before it is printed: named columns and rows of plain values
 * ({@code String}, {@code Double}, {@code Integer}/{@code Long}, {@code Boolean}, or null = empty).
 * Every command builds one; {@link TableWriter} prints it as a table, CSV or JSON.
 */
public final class ResultTable {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ResultTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public ResultTable(String... columns) {
        this(Arrays.asList(columns));
    }

    public ResultTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalStateException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }
}
