package org.klaster.data.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.klaster.complexity.ExportRecord;

/**
 * The fast path of {@link ExportsReader} for plain CSV ({@link PlainCsv}): the header is exactly the
 * four columns {@code year, location, product, value} (any order, any case), every line has four
 * cells, years are four digits 1900–2100, codes are non-empty, values are non-negative numbers, and
 * no (year, location, product) appears twice — the shape of exports files written by programs.
 *
 * <p>Returns exactly the {@link ExportsData} the general reader returns for such a file (the same
 * records in the same order, with the same doubles, no warnings, the same SHA-256, name and format
 * description), or null as soon as anything is not plain or not valid — then
 * {@link ExportsReader} reads the file the general way, which accepts what this does not (quotes,
 * other separators and encodings, grouped numbers, extra columns, …) and reports every error with
 * its file, line and column. FastExportsCsvTest compares the two readers.
 */
final class FastExportsCsv {

    private FastExportsCsv() {
    }

    /** The exports of a plain CSV file, or null when the general reader must read it. */
    static ExportsData read(Path file) throws IOException {
        if (!PlainCsv.enabled || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return null;
        }
        MessageDigest digest = PlainCsv.sha256();
        List<ExportRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); PlainCsv.Lines lines = new PlainCsv.Lines(in, digest)) {
            if (!lines.next()) {
                return null;
            }
            int[] at = header(lines.buf, lines.start, lines.end);
            if (at == null) {
                return null;
            }
            int iYear = at[0];
            int iLocation = at[1];
            int iProduct = at[2];
            int iValue = at[3];
            int[] from = new int[4];
            int[] to = new int[4];
            Codes locations = new Codes();
            Codes products = new Codes();
            long[] keys = new long[1 << 16];
            int count = 0;
            while (lines.next()) {
                byte[] b = lines.buf;
                if (!cells(b, lines.start, lines.end, from, to)) {
                    return null;
                }
                int year = year(b, from[iYear], to[iYear]);
                double value = PlainCsv.parsed(b, from[iValue], to[iValue]);
                if (year < 0 || !(value >= 0)) {
                    return null;   // not a plain year, not a number, or negative: the general reader decides
                }
                int li = locations.id(b, from[iLocation], to[iLocation]);
                int pi = products.id(b, from[iProduct], to[iProduct]);
                if (li >= Codes.MAX || pi >= Codes.MAX) {
                    return null;   // over two million distinct codes: left to the general reader
                }
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * count);
                }
                keys[count++] = (long) (year - Numbers.MIN_YEAR) << 42 | (long) li << 21 | pi;
                records.add(new ExportRecord(year, locations.text(li), products.text(pi), value));
            }
            if (records.isEmpty() || hasDuplicate(keys, count)) {
                return null;   // no rows, or a repeated (year, location, product): the general reader names both lines
            }
        } catch (PlainCsv.Lines.LineTooLong e) {
            return null;
        }
        TabularFile.Format format = new TabularFile.Format(TabularFile.Kind.CSV, "UTF-8", ',',
                Numbers.DecimalMark.POINT, null);
        return new ExportsData(records, new ArrayList<>(), PlainCsv.hex(digest), InputException.displayName(file),
                format.description());
    }

    /** Column positions of year, location, product, value, or null unless the header is exactly those four. */
    private static int[] header(byte[] b, int start, int end) {
        int[] from = new int[4];
        int[] to = new int[4];
        if (!cells(b, start, end, from, to)) {
            return null;
        }
        int[] at = {-1, -1, -1, -1};
        for (int i = 0; i < 4; i++) {
            for (int k = from[i]; k < to[i]; k++) {
                byte x = b[k];
                if (!(x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z')) {
                    return null;
                }
            }
            int which = switch (PlainCsv.key(b, from[i], to[i])) {
                case ExportsReader.YEAR -> 0;
                case ExportsReader.LOCATION -> 1;
                case ExportsReader.PRODUCT -> 2;
                case ExportsReader.VALUE -> 3;
                default -> -1;
            };
            if (which < 0 || at[which] >= 0) {
                return null;
            }
            at[which] = i;
        }
        return at;
    }

    /** Splits a line into exactly four non-empty plain cells; false otherwise. */
    private static boolean cells(byte[] b, int start, int end, int[] from, int[] to) {
        int cell = 0;
        from[0] = start;
        for (int k = start; k < end; k++) {
            byte x = b[k];
            if (x == ',') {
                if (cell == 3 || k == from[cell]) {
                    return false;
                }
                to[cell++] = k;
                from[cell] = k + 1;
            } else if (!PlainCsv.plainByte(x)) {
                return false;
            }
        }
        if (cell != 3 || end == from[3]) {
            return false;
        }
        to[3] = end;
        return true;
    }

    /** Four digits 1900–2100 (what Numbers.parseYear accepts in that shape), else −1. */
    private static int year(byte[] b, int from, int to) {
        if (to - from != 4) {
            return -1;
        }
        int y = 0;
        for (int k = from; k < to; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            y = 10 * y + d;
        }
        return y >= Numbers.MIN_YEAR && y <= Numbers.MAX_YEAR ? y : -1;
    }

    /** Whether a (year, location, product) key occurs twice: sorts a copy, compares neighbours. */
    private static boolean hasDuplicate(long[] keys, int count) {
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        for (int i = 1; i < count; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The distinct codes of a column, each as one String with a small id: a file of 500 000 rows has a
     * few thousand codes, so rows share their strings (no string per row) and keys pack into a long.
     * Open addressing on the bytes' hash; ASCII bytes compare with the string's chars.
     */
    private static final class Codes {
        static final int MAX = 1 << 21;
        private int[] slots = new int[1 << 10];            // id + 1, 0 = empty
        private int[] hashes = new int[1 << 10];
        private String[] texts = new String[1 << 9];
        private int size;

        int id(byte[] b, int from, int to) {
            int h = 0;
            for (int k = from; k < to; k++) {
                h = 31 * h + b[k];
            }
            h ^= h >>> 16;
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return add(i, h, PlainCsv.text(b, from, to));
                }
                if (hashes[i] == h && same(texts[slot - 1], b, from, to)) {
                    return slot - 1;
                }
            }
        }

        String text(int id) {
            return texts[id];
        }

        private static boolean same(String s, byte[] b, int from, int to) {
            if (s.length() != to - from) {
                return false;
            }
            for (int k = from; k < to; k++) {
                if (s.charAt(k - from) != b[k]) {
                    return false;
                }
            }
            return true;
        }

        private int add(int slot, int h, String text) {
            if (size == texts.length) {
                texts = Arrays.copyOf(texts, 2 * size);
            }
            texts[size] = text;
            slots[slot] = ++size;
            hashes[slot] = h;
            if (2 * size > slots.length) {
                rehash();
            }
            return size - 1;
        }

        private void rehash() {
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[2 * oldSlots.length];
            hashes = new int[2 * oldSlots.length];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int i = oldHashes[j] & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
    }
}
