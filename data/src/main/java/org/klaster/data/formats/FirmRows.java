package org.klaster.data.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The establishments of a firm-level file that passed {@link FirmsReader#readFirms}, as a DuckDB query
 * over the file, so the store can insert them with the database engine: tens of millions of rows never
 * pass through Java (formats.md §1). The query applies the reader's own reading of every cell, so the
 * rows are exactly the ones it validated and aggregated.
 *
 * <p>Columns, in order: {@code firm_id} VARCHAR (as written, the identity the duplicate check uses),
 * {@code name} VARCHAR (trimmed; NULL when empty or when the file has no name column), {@code region}
 * and {@code industry} VARCHAR (trimmed, as in the aggregate), {@code year} INTEGER, {@code employment}
 * DOUBLE, {@code lat} and {@code lon} DOUBLE (degrees; NULL when empty or when the file has none).
 *
 * <p>The query reads the file again: {@link #count()} is the number of rows the reader checked, so a
 * writer can refuse a file that changed in between.
 */
public final class FirmRows {

    /** What runs the query (the store: {@code INSERT INTO … SELECT … FROM (query)}). */
    @FunctionalInterface
    public interface Body<T> {
        T run(String query) throws SQLException;
    }

    private final Path file;
    private final long count;
    private final Function<String, String> query;

    /**
     * @param query the query, given the file's path as the body of a SQL string literal (quotes doubled)
     */
    FirmRows(Path file, long count, Function<String, String> query) {
        this.file = Objects.requireNonNull(file, "file");
        this.count = count;
        this.query = Objects.requireNonNull(query, "query");
    }

    /** The file, as given to the reader. */
    public Path file() {
        return file;
    }

    /** The name of the file for messages (no directories). */
    public String displayName() {
        return InputException.displayName(file);
    }

    /** Number of establishment rows (firm × year) the file held when it was checked. */
    public long count() {
        return count;
    }

    /**
     * Runs {@code body} with the query. A file name holding DuckDB's glob characters is read through a
     * symbolic link in a temporary directory that is removed afterwards, as the reader does.
     */
    public <T> T read(Body<T> body) throws IOException, SQLException {
        Path tmp = Files.createTempDirectory("klaster-firm-rows-");
        try {
            Path safe = FirmsReader.safePath(file, tmp);
            return body.run(query.apply(FirmsReader.sqlString(safe.toString())));
        } finally {
            FirmsReader.deleteRecursively(tmp);
        }
    }
}
