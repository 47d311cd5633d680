package org.klaster.app.analysis;

import java.util.List;
import java.util.Objects;
import org.klaster.Text;

/**
 * The one canonical result of an analysis run: the schema, the rows, whether name columns are
 * included, the provenance, and what the reader should be told (warnings: something may be wrong
 * with the input; notes: how to read the result). The CLI prints it, the API serialises it, pages
 * and downloads are derived from it ({@link TableWriter}, {@link Xlsx}, {@link JsonRows},
 * {@code web.PageTable}).
 *
 * <p>Rows are an {@link Iterable}: a small table is a list, a large one (1.25 M complexity rows) is
 * generated while it is written, so iterate it once per output.
 */
public final class Table<R> {

    private final Schema<R> schema;
    private final Iterable<R> rows;
    private final boolean names;
    private final Provenance provenance;
    private final List<Text> warnings;
    private final List<Text> notes;
    private final java.util.Map<String, Object> summary;

    public Table(Schema<R> schema, Iterable<R> rows, boolean names, Provenance provenance, List<Text> warnings,
                 List<Text> notes) {
        this(schema, rows, names, provenance, warnings, notes, java.util.Map.of());
    }

    /**
     * @param summary figures about the whole table (a total coverage, an HHI over partners …), named like
     *                columns; the API puts them beside the rows
     */
    public Table(Schema<R> schema, Iterable<R> rows, boolean names, Provenance provenance, List<Text> warnings,
                 List<Text> notes, java.util.Map<String, Object> summary) {
        this.schema = Objects.requireNonNull(schema);
        this.rows = Objects.requireNonNull(rows);
        this.names = names;
        this.provenance = Objects.requireNonNull(provenance);
        this.warnings = List.copyOf(warnings);
        this.notes = List.copyOf(notes);
        this.summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }

    public java.util.Map<String, Object> summary() {
        return summary;
    }

    public Schema<R> schema() {
        return schema;
    }

    /** The columns of this table, name columns only when it was asked for names. */
    public List<Column<R>> columns() {
        return schema.columns(names);
    }

    public Iterable<R> rows() {
        return rows;
    }

    /** The rows as a list (only for tables whose rows are a list, i.e. not streamed). */
    @SuppressWarnings("unchecked")
    public List<R> list() {
        if (rows instanceof List<?> l) return (List<R>) l;
        throw new IllegalStateException(schema.id() + " rows are streamed, not a list");
    }

    public boolean names() {
        return names;
    }

    public Provenance provenance() {
        return provenance;
    }

    public String moneyUnit() {
        return provenance.moneyUnit();
    }

    public boolean synthetic() {
        return provenance.synthetic();
    }

    public List<Text> warnings() {
        return warnings;
    }

    public List<Text> notes() {
        return notes;
    }

    /** The same table with other rows (a filtered or re-ordered view of the same result). */
    public Table<R> withRows(Iterable<R> newRows) {
        return new Table<>(schema, newRows, names, provenance, warnings, notes, summary);
    }
}
