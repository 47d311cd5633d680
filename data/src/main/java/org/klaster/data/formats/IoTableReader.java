package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.linalg.DenseMatrix;

/**
 * Reads the canonical input–output table {@code io.csv} (matrix layout, formats.md §2) from CSV or
 * .xlsx (detected as in {@link TabularFile}):
 * <pre>
 * code,S1,…,Sn,fd:households,…,fd:exports[,total_output]
 * S1,z11,…,z1n,f11,…[,x1]
 * …
 * [import:S1,…]  or  [imports,m1,…,mn,…]
 * [value_added,v1,…,vn]
 * </pre>
 *
 * <p>Rules (every error names the file, the line and, where there is one, the column):
 * <ul>
 * <li>The first column is {@code code}. The columns after it up to the first {@code fd:} column are
 *     the sectors; then come the final-demand columns ({@code fd:…}, at least one) and optionally
 *     {@code total_output}. Any other column after the sectors is ignored with a warning.</li>
 * <li>A row code is a sector code (exact, case-sensitive), {@code import:S}, {@code imports} or
 *     {@code value_added} (the keywords ignore case); anything else is an error. Every sector row must
 *     be present, in the order of the sector columns; no row may appear twice.</li>
 * <li>Intermediate flows and final demand of sector rows are required numbers: an empty cell is a
 *     missing value, and a missing flow makes the matrix unusable, so it is an error (write 0 for no
 *     flow). Intermediate flows must not be negative; final demand may be (inventory changes).</li>
 * <li>Either {@code import:S} rows (then one for every sector) or one {@code imports} row, not both.
 *     Their sector cells are required and nonnegative; their final-demand cells are imports for final
 *     use and may be empty; their {@code total_output} cell must be empty.</li>
 * <li>The {@code value_added} row is optional; its sector cells are required (negative is allowed and
 *     warned about); its {@code total_output} cell must be empty; final-demand cells are ignored with
 *     a warning.</li>
 * <li>A given {@code total_output} (empty = not given) must match the row sum within 0.1 %; otherwise
 *     an error at that cell, or — with {@code allowImbalance} — a warning.</li>
 * </ul>
 * The numbers are then checked by {@link IoTable#validate(boolean)}; its errors are reported as an
 * {@link InputException} for the file, its warnings returned with the table.
 */
public final class IoTableReader {

    static final String CODE = "code";
    static final String FD_PREFIX = "fd:";
    static final String TOTAL_OUTPUT = "total_output";
    static final String IMPORT_PREFIX = "import:";
    static final String IMPORTS = "imports";
    static final String VALUE_ADDED = "value_added";

    /** A table read from a file, with its validation, the reader's own warnings and the file's SHA-256. */
    public record Result(IoTable table, IoValidation validation, List<Text> warnings, String sha256) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private IoTableReader() {
    }

    /**
     * Reads and validates an io table.
     *
     * @param sheet          sheet of a workbook, or null for the first (must be null for CSV)
     * @param allowImbalance a given total_output off by more than 0.1 % is a warning rather than an error
     * @throws InputException on any problem with the content
     */
    public static IoTable read(Path file, String sheet, boolean allowImbalance) throws IOException {
        return load(file, sheet, allowImbalance).table();
    }

    /** Like {@link #read}, also returning the validation and every warning (reader's and validation's). */
    public static Result load(Path file, String sheet, boolean allowImbalance) throws IOException {
        Result fast = sheet == null ? FastIoCsv.load(file, allowImbalance) : null;   // plain CSV: same result, faster
        if (fast != null) {
            return fast;
        }
        try (TabularFile t = TabularFile.open(file, sheet)) {
            return parse(t, allowImbalance);
        }
    }

    private static Result parse(TabularFile t, boolean allowImbalance) throws IOException {
        List<String> header = t.header();
        List<String> keys = t.columns();
        long hl = t.headerLine();
        Set<Text> warnings = new LinkedHashSet<>();
        String name = InputException.displayName(t.file());
        if (header.isEmpty() || !keys.get(0).equals(CODE)) {
            throw t.at(hl, header.isEmpty() ? null : header.get(0), data("io.first.column"));
        }
        // sector columns: 1 .. first fd:
        List<String> sectors = new ArrayList<>();
        int c = 1;
        while (c < header.size() && !keys.get(c).startsWith(FD_PREFIX) && !keys.get(c).equals(TOTAL_OUTPUT)) {
            String s = header.get(c);
            if (s.isEmpty()) {
                throw t.at(hl, "#" + (c + 1), data("io.sector.column.unnamed", c + 1));
            }
            String k = keys.get(c);
            if (k.equals(IMPORTS) || k.equals(VALUE_ADDED) || k.startsWith(IMPORT_PREFIX) || k.equals(CODE)) {
                throw t.at(hl, s, data("io.sector.reserved", quoted(s)));
            }
            sectors.add(s);
            c++;
        }
        if (sectors.isEmpty()) {
            throw t.at(hl, null, data("io.no.sectors"));
        }
        List<Integer> fdCols = new ArrayList<>();
        List<String> fdNames = new ArrayList<>();
        int totalCol = -1;
        for (; c < header.size(); c++) {
            String k = keys.get(c);
            if (k.startsWith(FD_PREFIX)) {
                if (totalCol >= 0) {
                    throw t.at(hl, header.get(c), data("io.fd.after.total", quoted(header.get(c))));
                }
                fdCols.add(c);
                fdNames.add(k);
            } else if (k.equals(TOTAL_OUTPUT)) {
                totalCol = c;
            } else if (!k.isEmpty()) {
                warnings.add(data("warning.file", name, data("io.column.ignored", quoted(header.get(c)))));
            }
        }
        if (fdCols.isEmpty()) {
            throw t.at(hl, null, data("io.no.fd"));
        }
        int n = sectors.size();
        int k = fdCols.size();
        Map<String, Integer> sectorIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            sectorIndex.put(sectors.get(i), i);
        }

        DenseMatrix z = new DenseMatrix(n, n);
        DenseMatrix f = new DenseMatrix(n, k);
        double[] given = totalCol >= 0 ? new double[n] : null;
        long[] sectorLine = new long[n];
        DenseMatrix importMatrix = null;
        DenseMatrix importFinal = null;
        long[] importLine = null;
        double[] importsRow = null;
        double[] importsFinal = null;
        long importsRowLine = 0;
        double[] va = null;
        long vaLine = 0;
        int nextSector = 0;

        TabularFile.Row row;
        while ((row = t.next()) != null) {
            String code = row.code(0);
            String lower = code.toLowerCase(Locale.ROOT);
            Integer si = sectorIndex.get(code);
            if (si != null) {
                if (sectorLine[si] != 0) {
                    throw row.error(0, data("io.row.twice", quoted(code), t.firstOn(sectorLine[si])));
                }
                if (si != nextSector) {
                    throw row.error(0, data("io.row.order", quoted(code), quoted(sectors.get(nextSector))));
                }
                nextSector++;
                sectorLine[si] = row.line();
                for (int j = 0; j < n; j++) {
                    double v = requiredCell(row, 1 + j, "io.what.intermediate");
                    if (v < 0) {
                        throw row.error(1 + j, data("io.flow.negative", quoted(row.get(1 + j))));
                    }
                    z.set(si, j, v);
                }
                for (int q = 0; q < k; q++) {
                    f.set(si, q, requiredCell(row, fdCols.get(q), "io.what.final.demand"));
                }
                if (given != null) {
                    double g = row.number(totalCol);
                    given[si] = g;
                }
            } else if (lower.startsWith(IMPORT_PREFIX)) {
                if (importsRowLine != 0) {
                    throw row.error(0, data("io.imports.both.at", t.lineOrRow(importsRowLine)));
                }
                String product = code.substring(IMPORT_PREFIX.length()).strip();
                Integer pi = sectorIndex.get(product);
                if (pi == null) {
                    throw row.error(0, data("io.import.row.unknown", quoted(code)));
                }
                if (importMatrix == null) {
                    importMatrix = new DenseMatrix(n, n);
                    importFinal = new DenseMatrix(n, k);
                    importLine = new long[n];
                }
                if (importLine[pi] != 0) {
                    throw row.error(0, data("io.row.twice", quoted(code), t.firstOn(importLine[pi])));
                }
                importLine[pi] = row.line();
                for (int j = 0; j < n; j++) {
                    importMatrix.set(pi, j, importCell(row, 1 + j));
                }
                for (int q = 0; q < k; q++) {
                    importFinal.set(pi, q, row.number(fdCols.get(q)));
                }
                requireEmptyTotal(row, totalCol, code);
            } else if (lower.equals(IMPORTS)) {
                if (importsRowLine != 0) {
                    throw row.error(0, data("io.row.twice", quoted("imports"), t.firstOn(importsRowLine)));
                }
                if (importMatrix != null) {
                    throw row.error(0, data("io.imports.both"));
                }
                importsRowLine = row.line();
                importsRow = new double[n];
                for (int j = 0; j < n; j++) {
                    importsRow[j] = importCell(row, 1 + j);
                }
                importsFinal = new double[k];
                for (int q = 0; q < k; q++) {
                    importsFinal[q] = row.number(fdCols.get(q));
                }
                requireEmptyTotal(row, totalCol, code);
            } else if (lower.equals(VALUE_ADDED)) {
                if (vaLine != 0) {
                    throw row.error(0, data("io.row.twice", quoted("value_added"), t.firstOn(vaLine)));
                }
                vaLine = row.line();
                va = new double[n];
                for (int j = 0; j < n; j++) {
                    va[j] = requiredCell(row, 1 + j, "io.what.value.added");
                }
                for (int q = 0; q < k; q++) {
                    if (!row.isBlank(fdCols.get(q))) {
                        warnings.add(t.warningAt(row.line(), data("io.va.fd.ignored")));
                        break;
                    }
                }
                requireEmptyTotal(row, totalCol, code);
            } else {
                throw row.error(0, data("io.row.unknown", quoted(code), preview(sectors)));
            }
        }
        if (nextSector < n) {
            throw t.whole(data("io.sector.row.missing", quoted(sectors.get(nextSector))));
        }
        if (importMatrix != null) {
            for (int i = 0; i < n; i++) {
                if (importLine[i] == 0) {
                    throw t.whole(data("io.import.row.missing", quoted("import:" + sectors.get(i))));
                }
            }
        }

        // row balance against a given total_output, at the cell
        if (given != null && !allowImbalance) {
            double[] x = IoTable.of(sectors, z, fdNames, f).totalOutput();
            for (int i = 0; i < n; i++) {
                double g = given[i];
                if (Double.isNaN(g)) {
                    continue;
                }
                double scale = Math.max(Math.abs(g), Math.abs(x[i]));
                if (Math.abs(g - x[i]) > IoTable.ROW_BALANCE_TOLERANCE * scale) {
                    throw t.at(sectorLine[i], header.get(totalCol), data("io.row.balance", sectors.get(i), g, x[i],
                            org.klaster.Text.fixed(100 * Math.abs(g - x[i]) / scale, 2)));
                }
            }
        }

        IoTable table = IoTable.of(sectors, z, fdNames, f);
        if (importMatrix != null) {
            table = table.withImportMatrix(importMatrix, importFinal);
        } else if (importsRow != null) {
            table = table.withImports(importsRow, importsFinal);
        }
        if (va != null) {
            table = table.withValueAdded(va);
        }
        if (given != null) {
            table = table.withGivenTotalOutput(given);
        }
        IoValidation validation = table.validate(allowImbalance);
        if (!validation.ok()) {
            throw t.whole(DataText.joined(validation.errors()));
        }
        if (validation.inactiveSectors().size() == n) {
            throw t.whole(data("io.all.inactive"));
        }
        warnings.addAll(t.warnings());
        List<Text> all = new ArrayList<>(warnings);
        for (Text w : validation.warnings()) {
            all.add(data("warning.file", name, w));
        }
        return new Result(table, validation, all, t.sha256());
    }

    private static double requiredCell(TabularFile.Row row, int i, String whatKey) {
        double v = row.number(i);
        if (Double.isNaN(v)) {
            throw row.error(i, data("io.cell.empty", data(whatKey)));
        }
        return v;
    }

    private static double importCell(TabularFile.Row row, int i) {
        double v = requiredCell(row, i, "io.what.imported");
        if (v < 0) {
            throw row.error(i, data("io.import.negative", quoted(row.get(i))));
        }
        return v;
    }

    private static void requireEmptyTotal(TabularFile.Row row, int totalCol, String code) {
        if (totalCol >= 0 && !row.isBlank(totalCol)) {
            throw row.error(totalCol, data("io.total.not.empty", quoted(code)));
        }
    }

    private static String preview(List<String> sectors) {
        if (sectors.size() <= 6) {
            return String.join(", ", sectors);
        }
        return String.join(", ", sectors.subList(0, 5)) + ", …, " + sectors.get(sectors.size() - 1);
    }
}
