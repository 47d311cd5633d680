package org.klaster.data.store;

/** The database under a {@link PlatformStore}: embedded DuckDB, or a PostgreSQL server. */
public enum Dialect {
    DUCKDB, POSTGRESQL
}
