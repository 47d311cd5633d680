package org.klaster.app.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sortable data table (template {@code table.jte}): sorting is done on the server on the raw values
 * and requested with links (htmx swaps just the table), so it works with keyboard, screen readers and
 * without JavaScript.
 */
public final class TableModel {

    /** A column; {@code key} is the sort parameter value and matches the CSV/API column name; {@code unit} may be empty. */
    public record Col(String key, String label, boolean numeric, String help, String unit) {
        public Col(String key, String label, boolean numeric, String help) {
            this(key, label, numeric, help, "");
        }
    }

    /** A cell: display text, optional link, optional CSS class (e.g. star badges). */
    public record Cell(String text, String href, String cls) {
        public static Cell of(String text) {
            return new Cell(text, null, null);
        }
    }

    /** A row: raw values (for sorting) and cells (for display). */
    public record Row(Object[] raw, List<Cell> cells) {
    }

    /** Russian collation also orders Latin names sensibly; Collator instances are not thread-safe. */
    private static final ThreadLocal<java.text.Collator> COLLATOR_LOCAL =
            ThreadLocal.withInitial(() -> java.text.Collator.getInstance(java.util.Locale.forLanguageTag("ru")));
    private static final java.util.Comparator<String> COLLATOR = (x, y) -> COLLATOR_LOCAL.get().compare(x, y);

    private final String id;
    private final String caption;
    private final List<Col> cols;
    private final List<Row> rows = new ArrayList<>();
    private String sortKey;
    private boolean desc;
    private String baseUrl;
    private String csvUrl;
    private String xlsxUrl;
    private Shell shell;
    private List<Cell> footer;
    private String param = "";

    public TableModel(String id, String caption, List<Col> cols) {
        this.id = id;
        this.caption = caption;
        this.cols = new ArrayList<>(cols); // a page may relabel a column or add a compared scenario
    }

    public TableModel add(Object[] raw, List<Cell> cells) {
        rows.add(new Row(raw, cells));
        return this;
    }

    /** Sorts by a column key (a refused parameter for an unknown one); nulls and NaN last. */
    public TableModel sort(String key, String dir, String defaultKey, boolean defaultDesc) {
        String k = key == null ? defaultKey : key;
        int idx = -1;
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).key().equals(k)) idx = i;
        if (idx < 0) {
            throw org.klaster.app.analysis.UserException.badParameter(param + "sort", org.klaster.app.analysis.Messages.text(
                    "param.sort", org.klaster.app.analysis.Param.shorten(k), String.join(", ", cols.stream().map(Col::key).toList())));
        }
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw org.klaster.app.analysis.UserException.badParameter(param + "dir", org.klaster.app.analysis.Messages.text(
                    "param.oneOf", org.klaster.app.analysis.Param.shorten(dir), "asc, desc"));
        }
        this.sortKey = k;
        this.desc = dir == null ? (key == null ? defaultDesc : cols.get(idx).numeric()) : dir.equals("desc");
        final int c = idx;
        Comparator<Row> cmp = (a, b) -> compare(a.raw()[c], b.raw()[c]);
        // missing values always at the end; deciding that first keeps the order transitive (TimSort checks)
        rows.sort(Comparator.comparing((Row r) -> missing(r.raw()[c])).thenComparing(desc ? cmp.reversed() : cmp));
        return this;
    }

    /** Sorts by the request's {@code PREFIXsort}/{@code PREFIXdir} (set the prefix with {@link #param} first). */
    TableModel sort(Req q, String defaultKey, boolean defaultDesc) {
        return sort(q.param(param + "sort"), q.param(param + "dir"), defaultKey, defaultDesc);
    }

    private static boolean missing(Object o) {
        return o == null || (o instanceof Double d && d.isNaN());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (missing(a) || missing(b)) return 0;
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (a instanceof String x && b instanceof String y) return COLLATOR.compare(x, y);
        return ((Comparable) a).compareTo(b);
    }

    public TableModel links(Shell shell, String baseUrl, String csvUrl, String xlsxUrl) {
        this.shell = shell;
        this.baseUrl = baseUrl;
        this.csvUrl = csvUrl;
        this.xlsxUrl = xlsxUrl;
        return this;
    }

    /**
     * Prefix of this table's sort parameters ({@code PREFIXsort}, {@code PREFIXdir}) when a page has
     * more than one sortable table.
     */
    public TableModel param(String prefix) {
        this.param = prefix;
        return this;
    }

    /** Adds a second scenario's change, change in % and the difference to row {@code i} (the shock comparison). */
    void extend(int i, double change, double pct, double diff, org.klaster.app.analysis.Messages m) {
        Row r = rows.get(i);
        Object[] raw = java.util.Arrays.copyOf(r.raw(), r.raw().length + 3);
        raw[raw.length - 3] = change;
        raw[raw.length - 2] = pct;
        raw[raw.length - 1] = diff;
        rows.set(i, new Row(raw, extended(r.cells(), change, pct, diff, m)));
    }

    /** The same for the footer row. */
    void extendFooter(double change, double pct, double diff, org.klaster.app.analysis.Messages m) {
        if (footer != null) footer = extended(footer, change, pct, diff, m);
    }

    private static List<Cell> extended(List<Cell> cells, double change, double pct, double diff,
                                       org.klaster.app.analysis.Messages m) {
        List<Cell> out = new ArrayList<>(cells);
        out.add(Cell.of(m.num(change, 1)));
        out.add(Cell.of(Double.isNaN(pct) ? "" : m.num(pct, 2) + "\u00a0%"));
        out.add(Cell.of(m.num(diff, 1)));
        return out;
    }

    /** A row that stays below the sorted rows (e.g. the TOTAL of a shock). */
    public TableModel footer(List<Cell> cells) {
        this.footer = cells;
        return this;
    }

    public List<Cell> footer() {
        return footer;
    }

    public String id() {
        return id;
    }

    public String caption() {
        return caption;
    }

    public List<Col> cols() {
        return cols;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean sortedBy(Col c) {
        return c.key().equals(sortKey);
    }

    public String ariaSort(Col c) {
        return !sortedBy(c) ? "none" : desc ? "descending" : "ascending";
    }

    public String arrow(Col c) {
        return !sortedBy(c) ? "\u2195" : desc ? "\u2193" : "\u2191";
    }

    /** The link that sorts by a column (toggling the direction when it is already sorted by it). */
    public String sortUrl(Col c) {
        String dir = sortedBy(c) ? (desc ? "asc" : "desc") : (c.numeric() ? "desc" : "asc");
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + param + "sort=" + Shell.enc(c.key()) + "&" + param + "dir=" + dir;
    }

    public String csvUrl() {
        return csvUrl;
    }

    public String xlsxUrl() {
        return xlsxUrl;
    }

    public Shell shell() {
        return shell;
    }
}
