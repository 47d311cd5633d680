package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.linalg.DenseMatrix;

/**
 * Reads Rosstat's basic input–output tables workbook ("Базовые таблицы «затраты-выпуск»", the 2016
 * edition and workbooks of the same layout) into an {@link IoTable}: the symmetric product × product
 * tables «Симм ТЗВ» (total), «Симм отеч» (domestic) and «Симм имп» (imports), in million RUB.
 *
 * <p>Mapping (see docs/formats-readers.md, "Rosstat basic input–output tables"):
 * <ul>
 * <li>sectors: the product columns (Rosstat's codes and Russian names, e.g. {@code 15.1}), the
 *     columns left of the {@code TOTAL} column of the header row that starts with «Коды»;</li>
 * <li>Z: domestic flows, product rows × product columns of «Симм отеч»;</li>
 * <li>F: the final-use columns of «Симм отеч» mapped by code ({@link #CATEGORY_OF_CODE}); the
 *     aggregate columns TOTAL, P3, P5, TFU and TU are only checked, never added; plus
 *     {@link #ROUNDING}, Rosstat's rounding residual P1_i − Σ_j z_ij − Σ_k f_ik, so that the row sums
 *     the engine uses as x are exactly the published output P1 of «Симм ТЗВ»;</li>
 * <li>import matrix and imports for final use: the same cells of «Симм имп» (its rounding column is
 *     the residual against the sheet's TU, the imports of the product);</li>
 * <li>value added: row B1g (gross value added at basic prices); the net taxes on products paid on
 *     intermediate use (row D21-D31) are returned beside the table ({@link Result#productTaxes()}),
 *     as the IoTable has no row for them: x_j = Σ_i z_ij + Σ_i m_ij + taxes_j + va_j;</li>
 * <li>given total output: row P1 of «Симм ТЗВ».</li>
 * </ul>
 * Sheets, rows and columns are found by their names and codes, not by cell addresses. A missing
 * sheet, code or label, or a cell that is not a number, is an {@link InputException} naming the file,
 * sheet, row and column. Published identities that fail by more than Rosstat's rounding (half a unit
 * per rounded term) are warnings.
 */
public final class RosstatIoReader {

    /** Sheet names of the symmetric tables. */
    public static final String TOTAL_SHEET = "Симм ТЗВ";
    public static final String DOMESTIC_SHEET = "Симм отеч";
    public static final String IMPORTS_SHEET = "Симм имп";

    /** Label of the header cell above the row codes; the same row holds the column codes. */
    static final String CODES_LABEL = "Коды";

    /** The final-demand category holding Rosstat's rounding residual of each row. */
    public static final String ROUNDING = "fd:rounding";

    /** Rosstat's final-use columns → canonical categories (P31 and P32 are summed into government). */
    public static final Map<String, String> CATEGORY_OF_CODE = categories();

    /** Aggregate columns: checked against their parts, never part of F. */
    static final List<String> AGGREGATE_CODES = List.of("TOTAL", "P3", "P5", "TFU", "TU");

    /**
     * A Rosstat table.
     *
     * @param table        the table (see the class comment for the mapping)
     * @param productTaxes net taxes on products paid on intermediate use by each product column (row
     *                     D21-D31 of «Симм отеч»), the primary input the IoTable has no row for
     * @param validation   {@link IoTable#validate(boolean)} of the table
     * @param warnings     the reader's warnings, then the validation's
     * @param sha256       SHA-256 of the file's bytes, lower-case hex
     */
    public record Result(IoTable table, double[] productTaxes, IoValidation validation, List<org.klaster.Text> warnings,
                         String sha256) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private RosstatIoReader() {
    }

    /**
     * Reads the three symmetric tables of the workbook.
     *
     * @throws InputException if the file is not such a workbook, a sheet, code or label is missing, or a
     *                        cell is not a number
     */
    public static Result read(Path xlsx) throws IOException {
        TabularFile.Sniff sniff = TabularFile.Sniff.of(xlsx);
        if (!TabularFile.startsWith(sniff.head, 0x50, 0x4B, 0x03, 0x04)) {
            throw InputException.file(xlsx, data("rosstat.not.xlsx"));
        }
        Grid total;
        Grid domestic;
        Grid imports;
        try (ReadableWorkbook wb = open(xlsx)) {
            total = Grid.of(xlsx, wb, TOTAL_SHEET);
            domestic = Grid.of(xlsx, wb, DOMESTIC_SHEET);
            imports = Grid.of(xlsx, wb, IMPORTS_SHEET);
        }
        return build(xlsx, total, domestic, imports, sniff.sha256);
    }

    private static ReadableWorkbook open(Path file) throws IOException {
        return XlsxGuard.open(file);
    }

    private static Result build(Path file, Grid total, Grid domestic, Grid imports, String sha256) {
        List<org.klaster.Text> warnings = new ArrayList<>();
        Layout d = Layout.of(domestic);
        Layout t = Layout.of(total);
        t.requireSameProducts(d);
        Layout im = Layout.of(imports);
        im.requireSameProducts(d);

        List<String> categories = new ArrayList<>(new LinkedHashSet<>(CATEGORY_OF_CODE.values()));
        categories.add(ROUNDING);
        int rounding = categories.size() - 1;

        DenseMatrix z = d.productBlock();
        double[] x = total.rowValues(t.rowOf("P1"), t.productColumns());
        DenseMatrix f = d.finalUse(categories);
        double[] residual = residuals(z, f, x, rounding);
        warnRowResiduals(warnings, d, "rosstat.residual.domestic", residual, x);
        DenseMatrix m = im.productBlock();
        DenseMatrix mf = im.finalUse(categories);
        double[] importsTotal = imports.columnValues(im.column("TU"), im.productRows());
        warnRowResiduals(warnings, im, "rosstat.residual.imported", residuals(m, mf, importsTotal, rounding), importsTotal);

        double[] va = domestic.rowValues(d.rowOf("B1g"), d.productColumns());
        double[] taxes = domestic.rowValues(d.rowOf("D21-D31"), d.productColumns());
        double[] importUse = domestic.rowValues(d.rowOf("P7"), d.productColumns());
        checkImportUse(warnings, d, m.columnSums(), importUse);
        checkAggregates(warnings, d, z, x);
        checkColumns(warnings, d, z.columnSums(), m.columnSums(), taxes, va, x);

        IoTable table = new IoTable(d.products, d.names, z, categories, f, null, m, mf, va, x);
        IoValidation validation = table.validate(false);
        if (!validation.ok()) {
            throw InputException.file(file, DataText.joined(validation.errors()));
        }
        List<org.klaster.Text> all = new ArrayList<>(warnings.size() + validation.warnings().size());
        for (org.klaster.Text w : warnings) {
            all.add(data("warning.file", InputException.displayName(file), w));
        }
        all.addAll(validation.warnings());
        return new Result(table, taxes, validation, all, sha256);
    }

    /**
     * Rounding residual r_i = x_i − Σ_j z_ij − Σ_k f_ik, stored into F's rounding column so that the
     * row sums equal x; returns r.
     */
    private static double[] residuals(DenseMatrix z, DenseMatrix f, double[] x, int roundingColumn) {
        double[] zs = z.rowSums();
        double[] fs = f.rowSums();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] - zs[i] - fs[i];
            f.set(i, roundingColumn, r[i]);
        }
        return r;
    }

    /**
     * Largest difference that rounding each of {@code terms} published cells to a whole unit can
     * explain: 0.5 · terms.
     */
    static double roundingBound(int terms) {
        return 0.5 * terms;
    }

    private static void warnRowResiduals(List<org.klaster.Text> warnings, Layout l, String key, double[] r, double[] x) {
        double bound = roundingBound(l.products.size() + CATEGORY_OF_CODE.size() + 1);
        List<org.klaster.Text> off = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            if (Math.abs(r[i]) > bound) {
                off.add(data("rosstat.gap.item", l.products.get(i), r[i], x[i]));
            }
        }
        if (!off.isEmpty()) {
            warnings.add(data(key, l.grid.sheet, off.size(), first(off), ROUNDING));
        }
    }

    private static void checkImportUse(List<org.klaster.Text> warnings, Layout d, double[] matrixSums, double[] p7) {
        double bound = roundingBound(d.products.size() + 1);
        double worst = 0;
        int at = -1;
        for (int j = 0; j < p7.length; j++) {
            double g = Math.abs(p7[j] - matrixSums[j]);
            if (g > worst) {
                worst = g;
                at = j;
            }
        }
        if (worst > bound) {
            warnings.add(data("rosstat.import.use", d.products.get(at), p7[at], d.grid.sheet, matrixSums[at],
                    IMPORTS_SHEET));
        }
    }

    /** TOTAL = Σ_j z_ij, P3 = P3_S14 + P31 + P32 + P3_S15, P5 = P51 + P52 + P53, TFU, TU = P1. */
    private static void checkAggregates(List<org.klaster.Text> warnings, Layout d, DenseMatrix z, double[] x) {
        Grid g = d.grid;
        int[] rows = d.productRows();
        double[] zs = z.rowSums();
        double[] tot = g.columnValues(d.column("TOTAL"), rows);
        double[] p3 = g.columnValues(d.column("P3"), rows);
        double[] p5 = g.columnValues(d.column("P5"), rows);
        double[] p6 = g.columnValues(d.column("P6"), rows);
        double[] tfu = g.columnValues(d.column("TFU"), rows);
        double[] tu = g.columnValues(d.column("TU"), rows);
        int n = rows.length;
        List<org.klaster.Text> off = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double c3 = sum(g, rows[i], d, "P3_S14", "P31_S13", "P32_S13", "P3_S15");
            double c5 = sum(g, rows[i], d, "P51", "P52", "P53");
            String p = d.products.get(i);
            check(off, p, "TOTAL", tot[i], zs[i], roundingBound(n + 1));
            check(off, p, "P3", p3[i], c3, roundingBound(5));
            check(off, p, "P5", p5[i], c5, roundingBound(4));
            check(off, p, "TFU", tfu[i], p3[i] + p5[i] + p6[i], roundingBound(4));
            check(off, p, "TU", tu[i], tot[i] + tfu[i], roundingBound(3));
            check(off, p, data("rosstat.tu.vs.p1", TOTAL_SHEET), tu[i], x[i], roundingBound(2));
        }
        if (!off.isEmpty()) {
            warnings.add(data("rosstat.aggregates", g.sheet, off.size(), first(off)));
        }
    }

    private static double sum(Grid g, int row, Layout d, String... codes) {
        double s = 0;
        for (String c : codes) {
            s += g.number(row, d.column(c));
        }
        return s;
    }

    private static void check(List<org.klaster.Text> off, String product, Object what, double published, double computed,
                              double bound) {
        if (Math.abs(published - computed) > bound) {
            off.add(data("rosstat.aggregate.item", product, what, published, computed));
        }
    }

    /**
     * Column balance with the taxes: g_j = x_j − (Σ_i z_ij + Σ_i m_ij + taxes_j + va_j); a warning if
     * any exceeds rounding, and always a note on how far the table without taxes is from balance.
     */
    private static void checkColumns(List<org.klaster.Text> warnings, Layout d, double[] zs, double[] ms, double[] taxes,
                                     double[] va, double[] x) {
        double bound = roundingBound(2 * d.products.size() + 3);
        double worstGap = 0;
        double worstTaxShare = 0;
        int taxAt = 0;
        List<org.klaster.Text> off = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            double gap = x[j] - (zs[j] + ms[j] + taxes[j] + va[j]);
            worstGap = Math.max(worstGap, Math.abs(gap));
            if (Math.abs(gap) > bound) {
                off.add(data("rosstat.gap.item", d.products.get(j), gap, x[j]));
            }
            double share = x[j] == 0 ? 0 : Math.abs(taxes[j]) / Math.abs(x[j]);
            if (share > worstTaxShare) {
                worstTaxShare = share;
                taxAt = j;
            }
        }
        if (!off.isEmpty()) {
            warnings.add(data("rosstat.columns", d.grid.sheet, off.size(), first(off)));
        }
        warnings.add(data("rosstat.taxes.note", Arrays.stream(taxes).sum(), org.klaster.Text.fixed(100 * worstTaxShare, 2),
                d.products.get(taxAt), worstGap));
    }

    /** The first three items joined with "; ", then "; …" if there are more. */
    private static org.klaster.Text first(List<org.klaster.Text> items) {
        int shown = Math.min(items.size(), 3);
        org.klaster.Text s = DataText.joined(items.subList(0, shown));
        return items.size() > shown ? data("joined", s, "…") : s;
    }

    private static Map<String, String> categories() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("P3_S14", "fd:households");
        m.put("P31_S13", "fd:government");
        m.put("P32_S13", "fd:government");
        m.put("P3_S15", "fd:npish");
        m.put("P51", "fd:gfcf");
        m.put("P52", "fd:inventories");
        m.put("P53", "fd:valuables");
        m.put("P6", IoTable.EXPORTS);
        return java.util.Collections.unmodifiableMap(m);
    }

    // ----------------------------------------------------------------------------- layout

    /**
     * Where things are in one symmetric sheet: the header row holding «Коды» and the column codes, the
     * product columns (left of TOTAL), the final-use and aggregate columns by code, and the product rows
     * (found by code in the «Коды» column, in the order of the product columns).
     */
    private static final class Layout {
        final Grid grid;
        final int codeRow;
        final int codeCol;
        final List<String> products;
        final List<String> names;
        final int[] productCols;
        final int[] productRows;
        final Map<String, Integer> columns;

        private Layout(Grid grid, int codeRow, int codeCol, List<String> products, List<String> names,
                       int[] productCols, int[] productRows, Map<String, Integer> columns) {
            this.grid = grid;
            this.codeRow = codeRow;
            this.codeCol = codeCol;
            this.products = products;
            this.names = names;
            this.productCols = productCols;
            this.productRows = productRows;
            this.columns = columns;
        }

        static Layout of(Grid g) {
            int[] at = g.find(CODES_LABEL);
            if (at == null) {
                throw g.whole(data("rosstat.no.codes", quoted(CODES_LABEL)));
            }
            int codeRow = at[0];
            int codeCol = at[1];
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> products = new ArrayList<>();
            List<Integer> productCols = new ArrayList<>();
            boolean inProducts = true;
            for (int c = codeCol + 1; c < g.width(codeRow); c++) {
                String code = g.text(codeRow, c);
                if (code.isEmpty()) {
                    continue;
                }
                if (columns.putIfAbsent(code, c) != null) {
                    throw g.at(codeRow, c, data("rosstat.code.twice", quoted(code),
                            TabularFile.columnLetter(columns.get(code))));
                }
                if (code.equals("TOTAL")) {
                    inProducts = false;
                } else if (inProducts) {
                    products.add(code);
                    productCols.add(c);
                } else if (!CATEGORY_OF_CODE.containsKey(code) && !AGGREGATE_CODES.contains(code)) {
                    throw g.at(codeRow, c, data("rosstat.column.unexpected", quoted(code),
                            String.join(", ", CATEGORY_OF_CODE.keySet()), String.join(", ", AGGREGATE_CODES)));
                }
            }
            if (inProducts || products.isEmpty()) {
                throw g.at(codeRow, codeCol, data(products.isEmpty() ? "rosstat.no.products" : "rosstat.no.total"));
            }
            Layout l = new Layout(g, codeRow, codeCol, List.copyOf(products), null,
                    productCols.stream().mapToInt(Integer::intValue).toArray(), null, columns);
            for (String code : CATEGORY_OF_CODE.keySet()) {
                l.column(code);
            }
            for (String code : AGGREGATE_CODES) {
                l.column(code);
            }
            return l.withRows();
        }

        /** Finds the product rows: below the header, in column «Коды», in the order of the columns. */
        private Layout withRows() {
            int[] rows = new int[products.size()];
            List<String> rowNames = new ArrayList<>(products.size());
            int next = 0;
            for (int r : grid.rowsAfter(codeRow)) {
                String code = grid.text(r, codeCol);
                if (code.isEmpty()) {
                    continue;
                }
                if (next == products.size()) {
                    break;
                }
                if (!code.equals(products.get(next))) {
                    throw grid.at(r, codeCol, data("rosstat.row.mismatch", next + 1, quoted(code),
                            quoted(products.get(next))));
                }
                rows[next] = r;
                rowNames.add(grid.text(r, codeCol + 1));
                next++;
            }
            if (next < products.size()) {
                throw grid.whole(data("rosstat.row.missing", quoted(products.get(next)), next, products.size()));
            }
            return new Layout(grid, codeRow, codeCol, products, List.copyOf(rowNames), productCols, rows, columns);
        }

        void requireSameProducts(Layout other) {
            if (!products.equals(other.products)) {
                int i = 0;
                while (i < Math.min(products.size(), other.products.size())
                        && products.get(i).equals(other.products.get(i))) {
                    i++;
                }
                org.klaster.Text here = i < products.size() ? quoted(products.get(i)) : data("rosstat.no.product");
                org.klaster.Text there = i < other.products.size() ? quoted(other.products.get(i)) : data("rosstat.no.product");
                throw grid.at(codeRow, i < productCols.length ? productCols[i] : codeCol,
                        data("rosstat.product.mismatch", i + 1, here, there, other.grid.sheet));
            }
        }

        int column(String code) {
            Integer c = columns.get(code);
            if (c == null) {
                throw grid.at(codeRow, codeCol, data("rosstat.column.missing", quoted(code)));
            }
            return c;
        }

        int[] productColumns() {
            return productCols;
        }

        int[] productRows() {
            return productRows;
        }

        /** The row below the header whose «Коды» cell is {@code code} (e.g. P1, B1g); an error if none. */
        int rowOf(String code) {
            for (int r : grid.rowsAfter(codeRow)) {
                if (grid.text(r, codeCol).equals(code)) {
                    return r;
                }
            }
            throw grid.whole(data("rosstat.row.code.missing", quoted(code), TabularFile.columnLetter(codeCol)));
        }

        DenseMatrix productBlock() {
            int n = products.size();
            DenseMatrix m = new DenseMatrix(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m.set(i, j, grid.number(productRows[i], productCols[j]));
                }
            }
            return m;
        }

        /** F: product rows × categories (the last, rounding, column left 0), summing mapped columns. */
        DenseMatrix finalUse(List<String> categories) {
            int n = products.size();
            DenseMatrix f = new DenseMatrix(n, categories.size());
            for (Map.Entry<String, String> e : CATEGORY_OF_CODE.entrySet()) {
                int k = categories.indexOf(e.getValue());
                int c = column(e.getKey());
                for (int i = 0; i < n; i++) {
                    f.add(i, k, grid.number(productRows[i], c));
                }
            }
            return f;
        }
    }

    // ------------------------------------------------------------------------------- cells

    /**
     * Cells (with the empty ones between them) one sheet of the workbook may span: the 2016 tables have
     * about 20 000 per sheet; a sheet is kept whole in memory, so a workbook of a million wide rows
     * is refused rather than read.
     */
    static final int MAX_CELLS = 1_000_000;

    /** The cells of one sheet, by 1-based row number and 0-based column. */
    private static final class Grid {
        final Path file;
        final String sheet;
        final TreeMap<Integer, Cell[]> rows;

        private Grid(Path file, String sheet, TreeMap<Integer, Cell[]> rows) {
            this.file = file;
            this.sheet = sheet;
            this.rows = rows;
        }

        static Grid of(Path file, ReadableWorkbook wb, String name) throws IOException {
            List<Sheet> sheets = wb.getSheets().toList();
            Sheet s = sheets.stream().filter(x -> x.getName().strip().equals(name)).findFirst()
                    .orElse(sheets.stream().filter(x -> x.getName().strip().equalsIgnoreCase(name)).findFirst().orElse(null));
            if (s == null) {
                throw InputException.file(file, data("rosstat.no.sheet", quoted(name),
                        sheets.stream().map(Sheet::getName).collect(Collectors.joining(", ")), TOTAL_SHEET, DOMESTIC_SHEET,
                        IMPORTS_SHEET));
            }
            TreeMap<Integer, Cell[]> rows = new TreeMap<>();
            long[] slots = {0};
            try (Stream<Row> stream = s.openStream()) {
                stream.forEach(r -> {
                    // the whole sheet is held: bounded, since a workbook may have a million rows of 16 384 columns
                    slots[0] += r.getCellCount();
                    if (slots[0] > MAX_CELLS) {
                        throw InputException.row(file, s.getName(), r.getRowNum(), null, data("rosstat.limit.cells",
                                MAX_CELLS));
                    }
                    Cell[] cells = new Cell[r.getCellCount()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = r.getCell(i);
                        if (cells[i] != null && cells[i].getRawValue() != null
                                && cells[i].getRawValue().length() > XlsxGuard.MAX_CELL_CHARS) {
                            throw InputException.row(file, s.getName(), r.getRowNum(), TabularFile.columnLetter(i),
                                    data("xlsx.limit.cell", XlsxGuard.MAX_CELL_CHARS));
                        }
                    }
                    rows.put(r.getRowNum(), cells);
                });
            } catch (RuntimeException e) {
                if (e instanceof InputException) {
                    throw e;
                }
                throw InputException.column(file, s.getName(), null, data("xlsx.sheet.unreadable", e.getMessage()));
            }
            return new Grid(file, s.getName(), rows);
        }

        int width(int row) {
            Cell[] r = rows.get(row);
            return r == null ? 0 : r.length;
        }

        Cell cell(int row, int col) {
            Cell[] r = rows.get(row);
            return r == null || col >= r.length ? null : r[col];
        }

        /** Trimmed text of a cell ("" when blank); a number cell as its plain digits (e.g. code 75). */
        String text(int row, int col) {
            Cell c = cell(row, col);
            if (c == null) {
                return "";
            }
            return switch (c.getType()) {
                case STRING -> Text.strip(c.asString());
                case NUMBER -> plain(c.asNumber());
                case FORMULA -> c.getValue() == null ? "" : Text.strip(c.getValue() instanceof BigDecimal b ? plain(b)
                        : c.getValue().toString());
                default -> "";
            };
        }

        /** The first cell (row-major) whose text equals {@code label} ignoring case: {row, col}, or null. */
        int[] find(String label) {
            for (Map.Entry<Integer, Cell[]> e : rows.entrySet()) {
                for (int c = 0; c < e.getValue().length; c++) {
                    if (text(e.getKey(), c).equalsIgnoreCase(label)) {
                        return new int[] {e.getKey(), c};
                    }
                }
            }
            return null;
        }

        Iterable<Integer> rowsAfter(int row) {
            return rows.tailMap(row, false).keySet();
        }

        double[] rowValues(int row, int[] cols) {
            double[] v = new double[cols.length];
            for (int j = 0; j < cols.length; j++) {
                v[j] = number(row, cols[j]);
            }
            return v;
        }

        double[] columnValues(int col, int[] rowNumbers) {
            double[] v = new double[rowNumbers.length];
            for (int i = 0; i < rowNumbers.length; i++) {
                v[i] = number(rowNumbers[i], col);
            }
            return v;
        }

        /** A required number: a number cell, a saved formula value, or text that {@link Numbers} reads. */
        double number(int row, int col) {
            Cell c = cell(row, col);
            if (c == null) {
                throw at(row, col, data("rosstat.cell.empty"));
            }
            switch (c.getType()) {
                case NUMBER -> {
                    return checked(row, col, c.asNumber());
                }
                case FORMULA -> {
                    if (c.getValue() instanceof BigDecimal b) {
                        return checked(row, col, b);
                    }
                    throw at(row, col, data("rosstat.cell.formula", "=" + c.getFormula()));
                }
                case STRING -> {
                    double v;
                    try {
                        v = Numbers.parse(c.asString(), Numbers.DecimalMark.EITHER);
                    } catch (Numbers.NotANumberException e) {
                        throw at(row, col, e.text());
                    }
                    if (Double.isNaN(v)) {
                        throw at(row, col, data("rosstat.cell.empty"));
                    }
                    return v;
                }
                case ERROR -> throw at(row, col, data("xlsx.cell.error", c.getRawValue()));
                default -> throw at(row, col, data("rosstat.cell.empty"));
            }
        }

        /** A number cell within {@link Numbers#MAX_MAGNITUDE}. */
        private double checked(int row, int col, BigDecimal b) {
            try {
                return Numbers.checkMagnitude(b.doubleValue(), b.stripTrailingZeros().toString()) + 0.0;
            } catch (Numbers.NotANumberException e) {
                throw at(row, col, e.text());
            }
        }

        /** An error at a cell: the message names file, sheet, row and column letter. */
        InputException at(int row, int col, org.klaster.Text problem) {
            return InputException.row(file, sheet, row, TabularFile.columnLetter(col), problem);
        }

        InputException whole(org.klaster.Text problem) {
            return InputException.column(file, sheet, null, problem);
        }

        private static String plain(BigDecimal d) {
            return TabularFile.plain(d);
        }
    }
}
