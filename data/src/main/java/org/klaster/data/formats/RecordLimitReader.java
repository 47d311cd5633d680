package org.klaster.data.formats;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a CSV parse whose current record grows beyond a limit — what an unclosed quote near the
 * top of a large file would otherwise do, reading the rest of the file into one value.
 */
final class RecordLimitReader extends FilterReader {

    /** Characters one record may span; far beyond any real row. */
    static final long DEFAULT_LIMIT = 16L << 20;

    /** Thrown (as the reader's I/O failure) when a record exceeds the limit. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLongException(long limit) {
            super("record longer than " + limit + " characters");
        }
    }

    private final long limit;
    private long count;
    private long recordStart;

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
            advance(1);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) throws RecordTooLongException {
        count += n;
        if (count - recordStart > limit) {
            throw new RecordTooLongException(limit);
        }
    }
}
