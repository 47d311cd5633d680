package org.klaster.data.store;

import java.nio.file.Path;
import org.klaster.data.formats.DataText;

/**
 * The file given as the database exists but is not a DuckDB database (a CSV, a spreadsheet, an empty
 * file …). Nothing was read from it or written to it. The command line reports it as a usage error of
 * {@code --db} (exit 2).
 */
public final class NotADatabaseException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    NotADatabaseException(Path file) {
        super(DataText.data("store.notDatabase", file));
        this.file = file;
    }

    /** The file as it was given. */
    public Path file() {
        return file;
    }
}
