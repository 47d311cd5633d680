package org.klaster.data.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Byte-level reading of <em>plain</em> CSV for the fast paths of the readers ({@link FastExportsCsv},
 * {@link FastIoCsv}): printable ASCII, comma-separated, no quotes, no spaces, lines ending in
 * {@code \n} or {@code \r\n}. A fast path reads with these tools and gives up (returns null) on the
 * first thing that is not plain — the general reader ({@link TabularFile}, commons-csv) then reads
 * the file from the start, so every error message (file, line, column) is the general reader's.
 *
 * <p>On plain input the general reader's view of a cell is the cell's bytes as a string: the
 * encoding question does not arise (ASCII reads the same in UTF-8 and Windows-1251; the file is
 * described as UTF-8, as {@link TabularFile} detects it), {@code Text.strip} changes nothing,
 * commons-csv splits at every comma.
 *
 * <p>Disabled altogether with {@code -Dklaster.csv.fast=false} (then every file takes the general path).
 */
final class PlainCsv {

    /** Whether the fast paths are tried at all (tests switch it off to compare with the general reader). */
    static volatile boolean enabled = !"false".equals(System.getProperty("klaster.csv.fast"));

    /** 10^0 … 10^22: the powers of ten that are exact doubles. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1.0;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10.0;
        }
    }

    private PlainCsv() {
    }

    /** Printable ASCII other than space and the double quote: what a plain cell may hold (besides commas). */
    static boolean plainByte(byte b) {
        return b > ' ' && b < 0x7F && b != '"';
    }

    /** The cell as a string (ASCII, so Latin-1 decoding is exact). */
    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * The value of {@code b[from, to)} exactly as the general reader parses it in a decimal-point file
     * ({@link #number} for the common shapes, {@link Numbers#parse} for the rest); NaN when the cell is
     * empty or the general reader would refuse it (the caller then hands the file to the general reader).
     */
    static double parsed(byte[] b, int from, int to) {
        if (from == to) {
            return Double.NaN;
        }
        double v = number(b, from, to);
        if (v == v) {
            return v;
        }
        try {
            return Numbers.parse(text(b, from, to), Numbers.DecimalMark.POINT);
        } catch (Numbers.NotANumberException e) {
            return Double.NaN;
        }
    }

    /**
     * The number in {@code b[from, to)} when it has the shape {@code [-]digits} or
     * {@code [-]digits.digits} (at least one digit on each side of the point, at most 18 characters)
     * — exactly the value {@link Numbers#parse(String, Numbers.DecimalMark)} gives that text in a
     * decimal-point file (its own fast path accepts these shapes and returns {@link Double#parseDouble}
     * of them, with −0 as 0) — else NaN (another shape: the caller asks {@code Numbers.parse}).
     *
     * <p>Exact: a whole number is converted from a long (rounds to nearest, like parseDouble); a
     * decimal m/10^f with m &lt; 2⁵³ and f ≤ 22 is one correctly rounded IEEE division of two exact
     * doubles, hence the correctly rounded value of the decimal, which is what parseDouble returns
     * (Clinger's fast path); anything else goes to {@link Double#parseDouble} itself.
     */
    static double number(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 18) {
            return Double.NaN;
        }
        int k = from;
        boolean negative = b[k] == '-';
        if (negative) {
            k++;
        }
        long m = 0;
        int intDigits = 0;
        while (k < to && b[k] >= '0' && b[k] <= '9') {
            m = 10 * m + (b[k++] - '0');
            intDigits++;
        }
        if (intDigits == 0) {
            return Double.NaN;
        }
        if (k == to) {
            double v = (double) m;
            return negative ? -v + 0.0 : v;
        }
        if (b[k] != '.') {
            return Double.NaN;
        }
        k++;
        int fracDigits = 0;
        while (k < to && b[k] >= '0' && b[k] <= '9') {
            m = 10 * m + (b[k++] - '0');
            fracDigits++;
        }
        if (k != to || fracDigits == 0) {
            return Double.NaN;
        }
        double v;
        if (m < (1L << 53)) {
            v = (double) m / POW10[fracDigits];
        } else {
            v = Double.parseDouble(text(b, negative ? from + 1 : from, to));
        }
        return negative ? -v + 0.0 : v;
    }

    /** Lower-case ASCII of a header cell (the general reader matches names ignoring case). */
    static String key(byte[] b, int from, int to) {
        char[] c = new char[to - from];
        for (int i = from; i < to; i++) {
            byte x = b[i];
            c[i - from] = (char) (x >= 'A' && x <= 'Z' ? x + 32 : x);
        }
        return new String(c);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The lines of a stream, one at a time, in a reused buffer: after {@link #next()} the line is
     * {@code buf[start, end)} without its {@code \n} or {@code \r\n}. Every byte read also goes to the
     * digest (if any), so the SHA-256 of the file comes with no second pass. {@link #plain} is false
     * once a line held a lone {@code \r}.
     */
    static final class Lines implements Closeable {
        /**
         * The longest line kept whole (bytes), as long as the general reader's longest record
         * ({@link RecordLimitReader#DEFAULT_LIMIT} characters): a longer line is no plain table row, and
         * one line of a huge file must not be buffered whole.
         */
        static final int MAX_LINE = (int) RecordLimitReader.DEFAULT_LIMIT;

        /** A line longer than {@link #MAX_LINE}: the caller hands the file to the general reader. */
        static final class LineTooLong extends IOException {
            private static final long serialVersionUID = 1L;

            LineTooLong() {
                super("line longer than " + MAX_LINE + " bytes");
            }
        }

        private final InputStream in;
        private final MessageDigest digest;
        byte[] buf;
        int start;
        int end;
        long line;
        private int pos;
        private int limit;
        private boolean eof;

        Lines(InputStream in, MessageDigest digest) {
            this.in = in;
            this.digest = digest;
            this.buf = new byte[1 << 20];
        }

        /** Advances to the next line; false at the end of the file. */
        boolean next() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        start = pos;
                        end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        pos = i + 1;
                        line++;
                        return true;
                    }
                }
                if (eof) {
                    if (pos < limit) {
                        start = pos;
                        end = limit;
                        pos = limit;
                        line++;
                        return true;
                    }
                    return false;
                }
                // keep the partial line, read more
                int partial = limit - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, partial);
                } else if (partial == buf.length) {
                    if (buf.length >= MAX_LINE) {
                        throw new LineTooLong();
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                pos = 0;
                limit = partial;
                scan = partial;
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    if (digest != null) {
                        digest.update(buf, limit, n);
                    }
                    limit += n;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
