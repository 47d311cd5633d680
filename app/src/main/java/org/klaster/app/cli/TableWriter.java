package org.klaster.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints a {@link ResultTable} in the three output formats of the command contract (formats.md §5).
 * Undefined values print empty (CSV) or null (JSON); infinities as {@code inf}/{@code -inf} in CSV and
 * tables, null in JSON — never a made-up number. CSV numbers are exact (shortest round-trip decimal,
 * no exponent); the terminal table rounds for reading.
 */
public final class TableWriter {

    public enum Format { table, csv, json }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableWriter() {
    }

    public static void write(ResultTable t, Format format, Writer out) throws IOException {
        switch (format) {
            case csv -> csv(t, out);
            case json -> json(t, out);
            case table -> table(t, out);
        }
        out.flush();
    }

    static void csv(ResultTable t, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        p.printRecord(t.columns());
        for (Object[] row : t.rows()) {
            for (Object v : row) p.print(exact(v));
            p.println();
        }
        p.flush();
    }

    /** Exact text of a value for CSV: shortest decimal that reads back to the same double. */
    public static String exact(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            if (d.isNaN()) return "";
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) (double) d);
            return new BigDecimal(Double.toString(d)).toPlainString();
        }
        return v.toString();
    }

    static void json(ResultTable t, Writer out) throws IOException {
        // the caller owns the writer (stdout, or the --out temp file it still flushes): do not close it
        try (JsonGenerator g = JSON.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Object[] row : t.rows()) {
                g.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    g.writeFieldName(t.columns().get(i));
                    Object v = row[i];
                    if (v == null) g.writeNull();
                    else if (v instanceof Double d) {
                        if (d.isNaN() || d.isInfinite()) g.writeNull(); else g.writeNumber(d);
                    } else if (v instanceof Integer n) g.writeNumber(n);
                    else if (v instanceof Long n) g.writeNumber(n);
                    else if (v instanceof Boolean b) g.writeBoolean(b);
                    else g.writeString(v.toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    static void table(ResultTable t, Writer out) throws IOException {
        int n = t.columns().size();
        String[][] cells = new String[t.rows().size()][n];
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) width[c] = t.columns().get(c).length();
        for (int r = 0; r < cells.length; r++) {
            Object[] row = t.rows().get(r);
            for (int c = 0; c < n; c++) {
                cells[r][c] = readable(row[c]);
                width[c] = Math.max(width[c], cells[r][c].length());
                if (row[c] instanceof Number) numeric[c] = true;
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < n; c++) pad(line, t.columns().get(c), width[c], numeric[c], c == n - 1);
        out.write(line.append('\n').toString());
        line.setLength(0);
        for (int c = 0; c < n; c++) line.append("-".repeat(width[c])).append(c == n - 1 ? "" : "  ");
        out.write(line.append('\n').toString());
        for (String[] row : cells) {
            line.setLength(0);
            for (int c = 0; c < n; c++) pad(line, row[c], width[c], numeric[c], c == n - 1);
            out.write(line.append('\n').toString());
        }
    }

    private static void pad(StringBuilder b, String s, int w, boolean right, boolean last) {
        if (right) b.append(" ".repeat(w - s.length())).append(s);
        else b.append(s).append(last ? "" : " ".repeat(w - s.length()));
        if (!last) b.append("  ");
    }

    /** Rounded text for the terminal: integers as such, other numbers with 4 decimals. */
    static String readable(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) return "";
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) (double) d);
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return v == null ? "" : v.toString();
    }
}
