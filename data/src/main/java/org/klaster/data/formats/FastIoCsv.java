package org.klaster.data.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.linalg.DenseMatrix;

/**
 * The fast path of {@link IoTableReader} for plain CSV ({@link PlainCsv}) numeric matrices — what
 * programs write: header {@code code,S1,…,Sn,fd:…[,total_output]}, the sector rows in header order,
 * optionally an {@code imports} row and a {@code value_added} row (anywhere), numbers in the plain
 * shapes (others are parsed by {@link Numbers#parse} exactly as the general reader does).
 *
 * <p>Parses the bytes straight into Z, F and the vectors — no string per cell, no record objects;
 * rows are gathered in blocks of {@value #BLOCK} and copied into column-major Z column by column, so
 * the writes are sequential. The file is streamed through a 1 MiB buffer (never held whole) and
 * hashed on the way. Then it builds, checks and validates the table with the same calls as the
 * general reader and returns an equal {@link IoTableReader.Result} (same doubles, warnings,
 * validation, SHA-256).
 *
 * <p>Returns null as soon as anything is not plain or not valid — a quote, a space, another
 * separator or encoding, an {@code import:} row, an ignored column, an empty or negative flow, a
 * missing, repeated or misplaced row, a total_output that does not match, a validation error —
 * and {@link IoTableReader} then reads the file the general way and reports the problem with its
 * file, line and column. FastIoCsvTest compares the two readers on every io fixture and on
 * generated tables.
 */
final class FastIoCsv {

    /** Rows gathered before they are copied into the column-major Z. */
    static final int BLOCK = 64;

    private FastIoCsv() {
    }

    /** The table of a plain CSV file, or null when the general reader must read it. */
    static IoTableReader.Result load(Path file, boolean allowImbalance) throws IOException {
        if (!PlainCsv.enabled || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return null;
        }
        MessageDigest digest = PlainCsv.sha256();
        try (InputStream in = Files.newInputStream(file); PlainCsv.Lines lines = new PlainCsv.Lines(in, digest)) {
            Parsed p = parse(lines);
            if (p == null) {
                return null;
            }
            return finish(p, file, allowImbalance, PlainCsv.hex(digest));
        } catch (PlainCsv.Lines.LineTooLong e) {
            return null;
        }
    }

    /** What the rows give, as the general reader collects it. */
    private static final class Parsed {
        List<String> sectors;
        List<String> fdNames;
        DenseMatrix z;
        DenseMatrix f;
        double[] given;
        double[] importsRow;
        double[] importsFinal;
        double[] va;
    }

    private static Parsed parse(PlainCsv.Lines lines) throws IOException {
        if (!lines.next()) {
            return null;
        }
        // ---- header
        List<String> header = new ArrayList<>();
        {
            byte[] b = lines.buf;
            int s = lines.start;
            for (int k = lines.start; k <= lines.end; k++) {
                if (k == lines.end || b[k] == ',') {
                    header.add(PlainCsv.text(b, s, k));
                    s = k + 1;
                } else if (!PlainCsv.plainByte(b[k]) || b[k] == ';') {
                    return null;
                }
            }
        }
        int width = header.size();
        List<String> keys = new ArrayList<>(width);
        Set<String> distinct = new HashSet<>();
        for (String h : header) {
            String k = h.toLowerCase(Locale.ROOT);
            if (h.isEmpty() || !distinct.add(k)) {
                return null;   // unnamed or repeated column: the general reader decides
            }
            keys.add(k);
        }
        if (!keys.get(0).equals(IoTableReader.CODE)) {
            return null;
        }
        List<String> sectors = new ArrayList<>();
        int c = 1;
        while (c < width && !keys.get(c).startsWith(IoTableReader.FD_PREFIX) && !keys.get(c).equals(IoTableReader.TOTAL_OUTPUT)) {
            String k = keys.get(c);
            if (k.equals(IoTableReader.IMPORTS) || k.equals(IoTableReader.VALUE_ADDED)
                    || k.startsWith(IoTableReader.IMPORT_PREFIX)) {
                return null;
            }
            sectors.add(header.get(c));
            c++;
        }
        int n = sectors.size();
        List<String> fdNames = new ArrayList<>();
        while (c < width && keys.get(c).startsWith(IoTableReader.FD_PREFIX)) {
            fdNames.add(keys.get(c));
            c++;
        }
        int totalCol = -1;
        if (c < width && keys.get(c).equals(IoTableReader.TOTAL_OUTPUT)) {
            totalCol = c++;
        }
        if (n == 0 || fdNames.isEmpty() || c != width) {
            return null;   // no sectors, no final demand, or a column that would be ignored with a warning
        }
        int k = fdNames.size();
        Map<String, Integer> sectorIndex = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            sectorIndex.put(sectors.get(i), i);
        }

        // ---- rows
        DenseMatrix z = new DenseMatrix(n, n);
        DenseMatrix f = new DenseMatrix(n, k);
        double[] zd = z.data();
        double[] fd = f.data();
        double[] given = totalCol >= 0 ? new double[n] : null;
        double[] importsRow = null;
        double[] importsFinal = null;
        double[] va = null;
        double[] block = new double[BLOCK * n];
        int inBlock = 0;
        int blockStart = 0;
        int nextSector = 0;
        int[] from = new int[width];
        int[] to = new int[width];
        double[] row = new double[n + k + 1];
        while (lines.next()) {
            byte[] b = lines.buf;
            int comma = lines.start;
            while (comma < lines.end && b[comma] != ',') {
                if (!PlainCsv.plainByte(b[comma])) {
                    return null;
                }
                comma++;
            }
            if (comma == lines.start || comma == lines.end) {
                return null;   // no code (or a blank line), or a single cell: the general reader decides
            }
            String code = PlainCsv.text(b, lines.start, comma);
            Integer si = sectorIndex.get(code);
            if (si != null) {
                if (si != nextSector || !sectorRow(b, comma + 1, lines.end, n, k, totalCol >= 0, row)) {
                    return null;
                }
                System.arraycopy(row, 0, block, inBlock * n, n);
                for (int q = 0; q < k; q++) {
                    fd[si + q * n] = row[n + q];
                }
                if (given != null) {
                    given[si] = row[n + k];
                }
                nextSector++;
                if (++inBlock == BLOCK) {
                    flush(block, inBlock, blockStart, zd, n);
                    blockStart += inBlock;
                    inBlock = 0;
                }
                continue;
            }
            if (!cells(b, lines.start, lines.end, from, to)) {
                return null;
            }
            String lower = code.toLowerCase(Locale.ROOT);
            if (lower.equals(IoTableReader.IMPORTS)) {
                if (importsRow != null) {
                    return null;
                }
                importsRow = new double[n];
                for (int j = 0; j < n; j++) {
                    double v = number(b, from[1 + j], to[1 + j]);
                    if (!(v >= 0)) {
                        return null;
                    }
                    importsRow[j] = v;
                }
                importsFinal = new double[k];
                for (int q = 0; q < k; q++) {
                    double v = optional(b, from[1 + n + q], to[1 + n + q]);
                    if (v == NOT_A_NUMBER) {
                        return null;
                    }
                    importsFinal[q] = v;
                }
                if (totalCol >= 0 && to[totalCol] != from[totalCol]) {
                    return null;
                }
            } else if (lower.equals(IoTableReader.VALUE_ADDED)) {
                if (va != null) {
                    return null;
                }
                va = new double[n];
                for (int j = 0; j < n; j++) {
                    double v = number(b, from[1 + j], to[1 + j]);
                    if (v != v) {
                        return null;
                    }
                    va[j] = v;
                }
                for (int q = 0; q < k; q++) {
                    if (to[1 + n + q] != from[1 + n + q]) {
                        return null;   // ignored with a warning by the general reader
                    }
                }
                if (totalCol >= 0 && to[totalCol] != from[totalCol]) {
                    return null;
                }
            } else {
                return null;   // import:S rows, unknown or out-of-place codes
            }
        }
        if (nextSector < n) {
            return null;
        }
        flush(block, inBlock, blockStart, zd, n);
        Parsed p = new Parsed();
        p.sectors = sectors;
        p.fdNames = fdNames;
        p.z = z;
        p.f = f;
        p.given = given;
        p.importsRow = importsRow;
        p.importsFinal = importsFinal;
        p.va = va;
        return p;
    }

    /**
     * The cells of a sector row after its code, in one pass: n flows (required, ≥ 0), k final-demand
     * values (required) and, with a total_output column, the total (NaN when empty) into {@code out};
     * exactly that many cells. A flow of 1–18 digits is converted right away (the value
     * {@link PlainCsv#number} gives it); any other cell is delimited, checked to be plain and parsed
     * by {@link #number}. False to give up.
     */
    private static boolean sectorRow(byte[] b, int p, int end, int n, int k, boolean total, double[] out) {
        int cells = n + k + (total ? 1 : 0);
        for (int c = 0; c < cells; c++) {
            int s = p;
            long m = 0;
            while (p < end && b[p] >= '0' && b[p] <= '9' && p - s < 18) {
                m = 10 * m + (b[p++] - '0');
            }
            double v;
            if (p > s && (p == end || b[p] == ',')) {
                v = (double) m;
            } else {
                p = s;
                while (p < end && b[p] != ',') {
                    if (!PlainCsv.plainByte(b[p])) {
                        return false;
                    }
                    p++;
                }
                if (c == n + k) {
                    v = optional(b, s, p);   // total_output: may be empty
                    if (v == NOT_A_NUMBER) {
                        return false;
                    }
                } else {
                    v = number(b, s, p);
                    if (v != v || c < n && v < 0) {
                        return false;   // empty, refused, or a negative flow
                    }
                }
            }
            out[c] = v;
            if (c < cells - 1) {
                if (p == end) {
                    return false;   // too few cells
                }
                p++;   // the comma
            }
        }
        return p == end;   // more cells than the header names: the general reader decides
    }

    /** Copies {@code rows} row-major rows into column-major Z from row {@code first}, one column at a time. */
    private static void flush(double[] block, int rows, int first, double[] z, int n) {
        for (int j = 0; j < n; j++) {
            int dst = first + j * n;
            for (int r = 0, src = j; r < rows; r++, src += n) {
                z[dst + r] = block[src];
            }
        }
    }

    /** The same steps, checks and warnings as the end of the general reader; null where it would throw. */
    private static IoTableReader.Result finish(Parsed p, Path file, boolean allowImbalance, String sha256) {
        int n = p.sectors.size();
        if (p.given != null && !allowImbalance) {
            double[] x = IoTable.of(p.sectors, p.z, p.fdNames, p.f).totalOutput();
            for (int i = 0; i < n; i++) {
                double g = p.given[i];
                if (Double.isNaN(g)) {
                    continue;
                }
                double scale = Math.max(Math.abs(g), Math.abs(x[i]));
                if (Math.abs(g - x[i]) > IoTable.ROW_BALANCE_TOLERANCE * scale) {
                    return null;
                }
            }
        }
        IoTable table = IoTable.of(p.sectors, p.z, p.fdNames, p.f);
        if (p.importsRow != null) {
            table = table.withImports(p.importsRow, p.importsFinal);
        }
        if (p.va != null) {
            table = table.withValueAdded(p.va);
        }
        if (p.given != null) {
            table = table.withGivenTotalOutput(p.given);
        }
        IoValidation validation = table.validate(allowImbalance);
        if (!validation.ok() || validation.inactiveSectors().size() == n) {
            return null;
        }
        String name = InputException.displayName(file);
        List<org.klaster.Text> all = new ArrayList<>();
        for (org.klaster.Text w : validation.warnings()) {
            all.add(DataText.data("warning.file", name, w)); // as the general reader words them
        }
        return new IoTableReader.Result(table, validation, all, sha256);
    }

    /** Splits a line into exactly {@code from.length} plain cells (possibly empty); false otherwise. */
    private static boolean cells(byte[] b, int start, int end, int[] from, int[] to) {
        int width = from.length;
        int cell = 0;
        from[0] = start;
        for (int k = start; k < end; k++) {
            byte x = b[k];
            if (x == ',') {
                if (cell == width - 1) {
                    return false;
                }
                to[cell++] = k;
                from[cell] = k + 1;
            } else if (!PlainCsv.plainByte(x)) {
                return false;
            }
        }
        if (cell != width - 1) {
            return false;
        }
        to[cell] = end;
        return true;
    }

    /** What {@link #optional} returns for a refused cell: never a parsed value (too large a number is refused). */
    private static final double NOT_A_NUMBER = Double.POSITIVE_INFINITY;

    /** A required number as the general reader parses it; NaN when empty or refused. */
    private static double number(byte[] b, int from, int to) {
        return PlainCsv.parsed(b, from, to);
    }

    /** An optional number: NaN when empty, {@link #NOT_A_NUMBER} when refused. */
    private static double optional(byte[] b, int from, int to) {
        if (from == to) {
            return Double.NaN;
        }
        double v = number(b, from, to);
        return v == v ? v : NOT_A_NUMBER;
    }
}
