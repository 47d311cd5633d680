package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The columns of one analysis's result, in output order; {@code id} names the analysis (e.g.
 * {@code io.multipliers}) and the OpenAPI row schema ({@link #openApiName}). Built with
 * {@link #builder}; immutable.
 */
public final class Schema<R> {

    private final String id;
    private final String openApiName;
    private final List<Column<R>> columns;

    private Schema(String id, String openApiName, List<Column<R>> columns) {
        this.id = id;
        this.openApiName = openApiName;
        this.columns = List.copyOf(columns);
    }

    public static <R> Builder<R> builder(String id, String openApiName) {
        return new Builder<>(id, openApiName);
    }

    public String id() {
        return id;
    }

    /** The name of the row schema in the OpenAPI document ({@code MultipliersRow}). */
    public String openApiName() {
        return openApiName;
    }

    /** Every column, name columns included. */
    public List<Column<R>> columns() {
        return columns;
    }

    /** The columns a table shows: without name columns unless {@code names}. */
    public List<Column<R>> columns(boolean names) {
        return names ? columns : columns.stream().filter(c -> !c.label()).toList();
    }

    public Column<R> column(String name) {
        for (Column<R> c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("schema " + id + " has no column " + name);
    }

    public boolean has(String name) {
        for (Column<R> c : columns) if (c.name().equals(name)) return true;
        return false;
    }

    /** Column names without name columns (the CLI's default header). */
    public List<String> names() {
        return columns(false).stream().map(Column::name).toList();
    }

    public static final class Builder<R> {
        private final String id;
        private final String openApiName;
        private final List<Column<R>> columns = new ArrayList<>();

        private Builder(String id, String openApiName) {
            this.id = id;
            this.openApiName = openApiName;
        }

        private Builder<R> add(Column<R> c) {
            for (Column<R> x : columns) {
                if (x.name().equals(c.name())) throw new IllegalStateException(id + ": column " + c.name() + " twice");
            }
            columns.add(c);
            return this;
        }

        /** A code or text that is never empty. */
        public Builder<R> text(String name, Function<R, String> v) {
            return add(new Column<>(name, ColumnType.TEXT, Unit.NONE, false, false, 0, v::apply));
        }

        /** A text that may be empty. */
        public Builder<R> optionalText(String name, Function<R, String> v) {
            return add(new Column<>(name, ColumnType.TEXT, Unit.NONE, true, false, 0, v::apply));
        }

        /** The name of a code in the reader's language (present only in named tables). */
        public Builder<R> name(String name, Function<R, String> v) {
            return add(new Column<>(name, ColumnType.TEXT, Unit.NONE, true, true, 0, v::apply));
        }

        public Builder<R> integer(String name, Unit unit, Function<R, Integer> v) {
            return add(new Column<>(name, ColumnType.INTEGER, unit, false, false, 0, v::apply));
        }

        public Builder<R> optionalInteger(String name, Unit unit, Function<R, Integer> v) {
            return add(new Column<>(name, ColumnType.INTEGER, unit, true, false, 0, v::apply));
        }

        /** A number that is always defined. */
        public Builder<R> number(String name, Unit unit, ToDoubleFunction<R> v) {
            return add(new Column<>(name, ColumnType.NUMBER, unit, false, false, unit.digits(), r -> v.applyAsDouble(r)));
        }

        /** A number that may be undefined (NaN → empty/null) or infinite. */
        public Builder<R> optionalNumber(String name, Unit unit, ToDoubleFunction<R> v) {
            return add(new Column<>(name, ColumnType.NUMBER, unit, true, false, unit.digits(), r -> v.applyAsDouble(r)));
        }

        /** As {@link #optionalNumber} with other decimals on pages. */
        public Builder<R> optionalNumber(String name, Unit unit, int digits, ToDoubleFunction<R> v) {
            return add(new Column<>(name, ColumnType.NUMBER, unit, true, false, digits, r -> v.applyAsDouble(r)));
        }

        public Builder<R> flag(String name, Predicate<R> v) {
            return add(new Column<>(name, ColumnType.BOOLEAN, Unit.FLAG, false, false, 0, v::test));
        }

        public Builder<R> optionalFlag(String name, Function<R, Boolean> v) {
            return add(new Column<>(name, ColumnType.BOOLEAN, Unit.FLAG, true, false, 0, v::apply));
        }

        /** Any column, for the rare case the shorthands do not fit. */
        public Builder<R> column(Column<R> c) {
            return add(c);
        }

        /** The columns named in {@code only}, when a variant of the table drops some (e.g. no shift-share). */
        public Builder<R> keep(Predicate<String> only) {
            columns.removeIf(c -> !only.test(c.name()));
            return this;
        }

        public Schema<R> build() {
            return new Schema<>(id, openApiName, columns);
        }
    }

    /** For tests and docs: name → type of every column. */
    public Map<String, ColumnType> types() {
        Map<String, ColumnType> m = new java.util.LinkedHashMap<>();
        columns.forEach(c -> m.put(c.name(), c.type()));
        return m;
    }
}
