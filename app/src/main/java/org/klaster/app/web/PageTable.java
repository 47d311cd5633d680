package org.klaster.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.klaster.app.analysis.Column;
import org.klaster.app.analysis.ColumnType;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Unit;
import org.klaster.app.analysis.Units;

/**
 * A page's table derived from an analysis's {@link Table}: the columns a page shows (by name), their
 * labels, units and descriptions from the messages bundle, numbers formatted by what they measure,
 * and page-specific touches (a row's link, a label instead of a code, a badge). Sort keys are the
 * column names, so the page sorts by the same fields the CSV and the API have.
 */
final class PageTable<R> {

    private final Table<R> table;
    private final Messages m;
    private final List<String> shown;
    private final List<String> labelOverrides = new ArrayList<>();
    private BiFunction<R, String, String> text = (r, c) -> null;
    private BiFunction<R, String, String> href = (r, c) -> null;
    private BiFunction<R, String, String> cls = (r, c) -> null;
    private java.util.function.Predicate<R> footer = r -> false;

    private PageTable(Table<R> table, Messages m, List<String> shown) {
        this.table = table;
        this.m = m;
        this.shown = List.copyOf(shown);
    }

    /** A page table of {@code columns} (column names of the analysis's schema) of a result. */
    static <R> PageTable<R> of(Table<R> t, Messages m, String... columns) {
        for (String c : columns) t.schema().column(c); // fails early on a typo
        return new PageTable<>(t, m, List.of(columns));
    }

    /** Display text of a cell instead of the formatted value (e.g. a region's name); null keeps the value. */
    PageTable<R> text(BiFunction<R, String, String> f) {
        this.text = f;
        return this;
    }

    /** A link on a cell (usually the first column); null for none. */
    PageTable<R> href(BiFunction<R, String, String> f) {
        this.href = f;
        return this;
    }

    /** A CSS class for a cell; null for none. */
    PageTable<R> cls(BiFunction<R, String, String> f) {
        this.cls = f;
        return this;
    }

    /** Rows that stay below the sorted rows (a TOTAL). */
    PageTable<R> footer(java.util.function.Predicate<R> f) {
        this.footer = f;
        return this;
    }

    /** The view model. */
    TableModel build(String id, String caption) {
        List<TableModel.Col> cols = new ArrayList<>();
        List<Column<R>> columns = new ArrayList<>();
        for (String name : shown) {
            Column<R> c = table.schema().column(name);
            columns.add(c);
            String unit = Units.label(c.unit(), table.moneyUnit(), m);
            if (c.unit() == Unit.FLAG || c.unit() == Unit.YEAR || c.unit() == Unit.RANK || c.unit() == Unit.STARS
                    || c.unit() == Unit.COUNT || c.unit() == Unit.RATIO) unit = ""; // said by the label itself
            String help = m.has(c.helpKey()) ? m.get(c.helpKey()) : null;
            cols.add(new TableModel.Col(c.name(), m.get(c.labelKey()), c.numeric() || c.type() == ColumnType.BOOLEAN, help, unit));
        }
        TableModel t = new TableModel(id, caption, cols);
        for (R row : table.rows()) {
            Object[] raw = new Object[columns.size()];
            List<TableModel.Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Column<R> c = columns.get(i);
                Object v = c.read(row);
                String shownText = text.apply(row, c.name());
                raw[i] = shownText != null && c.type() == ColumnType.TEXT ? shownText : v;
                String cssClass = cls.apply(row, c.name());
                if (cssClass == null && v instanceof Boolean b && b) cssClass = "badge-strong";
                if (cssClass == null && c.unit() == Unit.STARS && c.name().equals("stars") && v instanceof Integer s) {
                    cssClass = "stars stars-" + s;
                }
                cells.add(new TableModel.Cell(shownText != null ? shownText : format(c, v), href.apply(row, c.name()), cssClass));
            }
            if (footer.test(row)) t.footer(cells);
            else t.add(raw, cells);
        }
        return t;
    }

    /** A value as a page shows it, by what the column measures. */
    String format(Column<R> c, Object v) {
        if (v == null) return "";
        if (v instanceof Boolean b) return b ? m.get("yes") : "";
        if (c.unit() == Unit.STARS && c.name().equals("stars") && v instanceof Integer s) {
            return "\u2605".repeat(s) + "\u2606".repeat(Math.max(0, 3 - s));
        }
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (c.unit() == Unit.YEAR || c.unit() == Unit.RANK) return Long.toString(n);
            if (c.unit() == Unit.FLAG) return n == 1 ? m.get("yes") : "";
            return m.count(n);
        }
        if (v instanceof Double d) {
            return switch (c.unit()) {
                case SHARE -> m.percent(d);
                case PERCENT -> Double.isNaN(d) ? "" : m.num(d, c.digits()) + "\u00a0%";
                case PERSONS, COUNT -> m.count(d);
                default -> m.num(d, c.digits());
            };
        }
        return v.toString();
    }
}
