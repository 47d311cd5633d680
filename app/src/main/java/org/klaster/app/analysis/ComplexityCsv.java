package org.klaster.app.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.klaster.complexity.ComplexityRowCursor;
import org.klaster.complexity.ComplexityTable;

/**
 * Streams the rows of {@code klaster complexity} as CSV (formats.md §4 columns, §5 rules), one row at
 * a time from {@link ComplexityTable.Year#cursor()}: nothing but a 64 K-character buffer is held, so
 * 1.25 M rows (250 locations × 5 000 products) need no row objects, no boxed values and no table.
 *
 * <p>The bytes are exactly those the generic path wrote (a {@code ResultTable} of the same rows
 * printed by commons-csv with {@code TableWriter.exact}): numbers by {@link ExactDecimal}; M,
 * diversity and ubiquity as integers, empty when undefined; codes quoted only where commons-csv's
 * minimal quoting would quote them (those few go through commons-csv itself); records end with
 * {@code \n}. Values that repeat along a row's location (diversity, ECI, COI) or product (ubiquity,
 * PCI) are formatted once per location / product. ComplexityCsvTest compares the two paths.
 *
 * <p>Use: {@code ComplexityCsv.write(ComplexityTable.compute(records, threshold), writer)}; the
 * caller owns (and closes) the writer.
 */
public final class ComplexityCsv {

    /** The output columns, formats.md §4. */
    public static final List<String> COLUMNS = List.of("year", "location", "product", "value", "rca", "mcp",
            "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final int CHUNK = 1 << 16;

    private ComplexityCsv() {
    }

    /** Writes the header and every row of every year, in order; flushes {@code out} at the end. */
    public static void write(List<ComplexityTable.Year> years, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(CHUNK + 1024);
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            text(COLUMNS.get(i), sb);
        }
        sb.append('\n');
        for (ComplexityTable.Year y : years) {
            writeYear(y, sb, out);
        }
        out.write(sb.toString());
        out.flush();
    }

    private static void writeYear(ComplexityTable.Year y, StringBuilder sb, Writer out) throws IOException {
        int nc = y.locations().size();
        int np = y.products().size();
        // per location: "year,location," and ",diversity" "eci" "coi"; per product: "product," and ubiquity, pci
        String[] head = new String[nc];
        String[] diversity = new String[nc];
        String[] eci = new String[nc];
        String[] coi = new String[nc];
        String[] product = new String[np];
        String[] ubiquity = new String[np];
        String[] pci = new String[np];
        ComplexityRowCursor r = y.cursor();
        StringBuilder t = new StringBuilder();
        String year = Integer.toString(y.year());
        while (r.next()) {
            int c = r.locationIndex();
            int p = r.productIndex();
            if (p == 0 && head[c] == null) {
                t.setLength(0);
                text(r.location(), t.append(year).append(','));
                head[c] = t.append(',').toString();
                diversity[c] = count(r.diversity());
                eci[c] = ExactDecimal.of(r.eci());
                coi[c] = ExactDecimal.of(r.coi());
            }
            if (c == 0) {
                t.setLength(0);
                text(r.product(), t);
                product[p] = t.append(',').toString();
                ubiquity[p] = count(r.ubiquity());
                pci[p] = ExactDecimal.of(r.pci());
            }
            sb.append(head[c]).append(product[p]);
            ExactDecimal.append(r.value(), sb).append(',');
            ExactDecimal.append(r.rca(), sb).append(',');
            double m = r.mcp();
            if (m == m) {
                sb.append((int) m);
            }
            sb.append(',').append(diversity[c]).append(',').append(ubiquity[p]).append(',').append(eci[c])
                    .append(',').append(pci[p]).append(',');
            ExactDecimal.append(r.density(), sb).append(',').append(coi[c]).append(',');
            ExactDecimal.append(r.cog(), sb).append('\n');
            if (sb.length() >= CHUNK) {
                out.append(sb);
                sb.setLength(0);
            }
        }
    }

    /** M, diversity and ubiquity are whole numbers; NaN (left out) is empty. */
    private static String count(double v) {
        return v != v ? "" : Integer.toString((int) v);
    }

    /**
     * A text cell: as is when commons-csv's minimal quoting leaves it alone (non-empty, printable
     * ASCII, first character after {@code #}, no comma or quote) — the codes of real data — else
     * through commons-csv, so quoting stays exactly the generic writer's.
     */
    static void text(String s, StringBuilder sb) throws IOException {
        int n = s.length();
        boolean plain = n > 0 && s.charAt(0) > '#';
        for (int i = 0; i < n && plain; i++) {
            char ch = s.charAt(i);
            plain = ch > ' ' && ch < 0x7F && ch != ',' && ch != '"';
        }
        if (plain) {
            sb.append(s);
        } else {
            StringBuilder quoted = new StringBuilder(n + 8);
            CSV.print(s, quoted, false);                    // not the first field: "," + the value as printed
            sb.append(quoted, 1, quoted.length());
        }
    }
}
