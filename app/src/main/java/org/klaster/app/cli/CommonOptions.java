package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.TableWriter;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.UserException;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Store;
import picocli.CommandLine.Option;

/** Flags every command shares (formats.md §5). Mixed into each command with {@code @Mixin}. */
public final class CommonOptions {

    @Option(names = "--format", paramLabel = "table|csv|json",
            description = "Output format (default: table on a terminal, csv when piped or with --out).")
    TableWriter.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE (written only if the command succeeds).")
    Path out;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The embedded database (default: ~/.klaster/klaster.duckdb); for the registry, accounts and"
                    + " compliance also a PostgreSQL server, postgresql://user:password@host:port/database.")
    String db;

    @Option(names = "--names",
            description = "Add a name column after each code (region_name, product_name, …) in --lang, as the web's downloads do;"
                    + " a CSV of synthetic data then starts with a # SYNTHETIC comment line.")
    boolean names;

    @Option(names = "--lang", paramLabel = "en|ru", defaultValue = "en",
            description = "Language of names (--names), warnings and notes (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    TableWriter.Format format(boolean terminal) {
        if (format != null) return format;
        return terminal && out == null ? TableWriter.Format.table : TableWriter.Format.csv;
    }

    /** The DuckDB file of the datasets; a PostgreSQL address is refused (datasets live only in DuckDB). */
    public Path dbPath() {
        if (postgres()) throw UserException.badParameter("db", Messages.text("cli.db.postgres"));
        return db != null ? Path.of(db) : Store.defaultPath();
    }

    /** {@code --db} as given (a file or a PostgreSQL address), or null for the default file. */
    public String dbSpec() {
        return db;
    }

    /** Whether {@code --db} names a PostgreSQL server. */
    public boolean postgres() {
        return PlatformStore.isPostgresUrl(db);
    }

    public Lang lang() {
        return lang == null ? Lang.en : lang;
    }
}
