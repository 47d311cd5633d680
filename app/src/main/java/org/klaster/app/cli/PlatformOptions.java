package org.klaster.app.cli;

import org.klaster.app.analysis.Lang;
import picocli.CommandLine.Option;

/** The flags of the commands that change accounts and the registry: where the platform store is, the language. */
public final class PlatformOptions {

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "The platform store: a DuckDB file (default: ~/.klaster/klaster.duckdb) or a PostgreSQL server,"
                    + " postgresql://user:password@host:port/database.")
    String db;

    @Option(names = "--lang", paramLabel = "en|ru", defaultValue = "en", description = "Language of messages (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    Lang lang() {
        return lang == null ? Lang.en : lang;
    }
}
