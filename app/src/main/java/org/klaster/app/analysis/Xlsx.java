package org.klaster.app.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.klaster.Text;

/**
 * A {@link Table} as an Excel workbook in the reader's language: the data sheet with labelled, typed
 * columns (header frozen, ±∞ as text), a sheet describing every column (name in CSV/JSON, label,
 * unit, meaning), and a provenance sheet (inputs with checksums, method, parameters, warnings, notes,
 * and the synthetic-data warning when it applies). XLSX keeps cells typed, so formula-looking text
 * stays text.
 */
public final class Xlsx {

    private Xlsx() {
    }

    public static <R> void write(Table<R> t, Messages m, OutputStream out) throws IOException {
        write(t, m, out, false);
    }

    /**
     * @param layout the table is a file layout that readers read back (the io.csv layout of a regional table,
     *               whose columns are the table's own codes): the data sheet is headed by the column names, as
     *               the file would be, and the column sheet names no labels
     */
    public static <R> void write(Table<R> t, Messages m, OutputStream out, boolean layout) throws IOException {
        Workbook book = new Workbook(out, "Klaster", "1.0");
        List<Column<R>> cols = t.columns();
        Worksheet ws = book.newWorksheet(sheetName(m.get("xlsx.data")));
        for (int c = 0; c < cols.size(); c++) {
            ws.value(0, c, layout ? cols.get(c).name() : header(cols.get(c), t.moneyUnit(), m));
            ws.style(0, c).bold().wrapText(true).set();
        }
        int r = 1;
        for (R row : t.rows()) {
            for (int c = 0; c < cols.size(); c++) {
                Object x = cols.get(c).read(row);
                if (x == null) continue;
                if (x instanceof Double dv) {
                    if (!dv.isNaN() && !dv.isInfinite()) ws.value(r, c, dv);
                    else if (dv.isInfinite()) ws.value(r, c, dv > 0 ? "inf" : "-inf");
                } else if (x instanceof Number n) ws.value(r, c, n);
                else if (x instanceof Boolean b) ws.value(r, c, b);
                else ws.value(r, c, x.toString());
            }
            r++;
        }
        ws.freezePane(0, 1);

        Worksheet cs = book.newWorksheet(sheetName(m.get("xlsx.columns")));
        String[] head = {m.get("xlsx.col.name"), m.get("xlsx.col.label"), m.get("xlsx.col.unit"), m.get("xlsx.col.meaning")};
        for (int c = 0; c < head.length; c++) {
            cs.value(0, c, head[c]);
            cs.style(0, c).bold().set();
        }
        for (int i = 0; i < cols.size(); i++) {
            Column<R> c = cols.get(i);
            cs.value(i + 1, 0, c.name());
            if (!layout) cs.value(i + 1, 1, m.get(c.labelKey()));
            cs.value(i + 1, 2, Units.label(c.unit(), t.moneyUnit(), m));
            if (m.has(c.helpKey())) cs.value(i + 1, 3, m.get(c.helpKey()));
        }

        Worksheet about = book.newWorksheet(sheetName(m.get("xlsx.provenance")));
        int line = 0;
        if (t.synthetic()) {
            about.value(line, 0, m.get("synthetic.badge"));
            about.style(line, 0).bold().set();
            line += 2;
        }
        about.value(line, 0, m.get("xlsx.method"));
        about.value(line++, 1, m.get("method." + t.provenance().method()));
        for (Provenance.Input in : t.provenance().inputs()) {
            about.value(line, 0, m.format("xlsx.input", m.has("role." + in.role()) ? m.get("role." + in.role()) : in.role()));
            // label(): a table made from a dataset (a region's from the national one) is named by its source
            about.value(line, 1, in.dataset() != null ? in.label() + " — " + m.source(in.dataset()) : in.source());
            about.value(line++, 2, in.sha256() == null ? "" : "sha256 " + in.sha256());
        }
        if (t.moneyUnit() != null) {
            about.value(line, 0, m.get("xlsx.units"));
            about.value(line++, 1, Units.money(t.moneyUnit(), m));
        }
        for (Map.Entry<String, Object> e : t.provenance().parameters().entrySet()) {
            if (e.getValue() == null) continue;
            about.value(line, 0, m.format("xlsx.parameter", e.getKey()));
            about.value(line++, 1, String.valueOf(e.getValue()));
        }
        for (Text w : t.warnings()) {
            about.value(line, 0, m.get("xlsx.warning"));
            about.value(line++, 1, m.text(w));
        }
        for (Text n : t.notes()) {
            about.value(line, 0, m.get("xlsx.note"));
            about.value(line++, 1, m.text(n));
        }
        book.finish();
    }

    static String header(Column<?> c, String moneyUnit, Messages m) {
        String unit = Units.label(c.unit(), moneyUnit, m);
        String label = m.get(c.labelKey());
        // a label that already ends with its unit ("Output change, %") keeps it once
        boolean said = label.endsWith(", " + unit);
        return said || unit.isEmpty() || c.unit() == Unit.FLAG || c.unit() == Unit.YEAR || c.unit() == Unit.RANK ? label : label + ", " + unit;
    }

    /** Excel limits sheet names to 31 characters without {@code []:*?/\}. */
    static String sheetName(String s) {
        String x = s.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return x.length() > 31 ? x.substring(0, 31) : x;
    }
}
