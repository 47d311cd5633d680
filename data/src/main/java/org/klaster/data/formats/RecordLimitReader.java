package org.klaster.data.formats;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a CSV parse whose current record grows beyond a limit — what an unclosed quote near the
 * top of a large file would otherwise do, reading the rest of the file into one value, and what a
 * file of one enormous line (no table, or a hostile upload) would do without any quote: commons-csv
 * keeps a record whole in memory.
 */
final class RecordLimitReader extends FilterReader {

    /** Characters one record may span; far beyond any real row. */
    static final long DEFAULT_LIMIT = 16L << 20;

    /** Thrown (as the reader's I/O failure) when a record exceeds the limit. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        private final boolean quoted;

        RecordTooLongException(long limit, boolean quoted) {
            super("record longer than " + limit + " characters");
            this.quoted = quoted;
        }

        /** Whether the record held a quote: then an unclosed quote is the likely cause. */
        boolean quoted() {
            return quoted;
        }
    }

    /** Characters the CSV parser may have read beyond the record it returned last (its buffer, with room). */
    private static final long READ_AHEAD = 1 << 16;

    private final long limit;
    private long count;
    private long recordStart;
    private long lastQuote = -1;

    RecordLimitReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Called when the parser starts a new record. */
    void startRecord() {
        recordStart = count;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            if (c == '"') {
                lastQuote = count;
            }
            advance(1);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '"') {
                    lastQuote = count + i - off;
                }
            }
            advance(n);
        }
        return n;
    }

    private void advance(int n) throws RecordTooLongException {
        count += n;
        if (count - recordStart > limit) {
            // the parser reads ahead, so a record's opening quote may have passed before startRecord
            throw new RecordTooLongException(limit, lastQuote >= 0 && lastQuote >= recordStart - READ_AHEAD);
        }
    }
}
