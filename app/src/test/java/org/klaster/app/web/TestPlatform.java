package org.klaster.app.web;

import java.util.function.Supplier;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.PostgresTestDatabase;

/**
 * The platform store of a web test server: DuckDB as given, or — when the build runs the platform suite a second
 * time with {@code -Dklaster.test.platform=postgresql} (app/pom.xml, execution {@code platform-on-postgresql}) —
 * a fresh schema on the PostgreSQL server of {@link PostgresTestDatabase} (skipped without it, failed without it
 * on CI), dropped on {@link #close}.
 */
final class TestPlatform implements AutoCloseable {

    static final String PROPERTY = "klaster.test.platform";

    final PlatformStore store;
    private final PostgresTestDatabase pg;

    private TestPlatform(PlatformStore store, PostgresTestDatabase pg) {
        this.store = store;
        this.pg = pg;
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /** The store of this run: PostgreSQL when asked for, else what {@code duckdb} opens. */
    static TestPlatform open(Supplier<PlatformStore> duckdb) {
        if (!postgres()) return new TestPlatform(duckdb.get(), null);
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        try {
            return new TestPlatform(PlatformStore.postgres(pg.url()), pg);
        } catch (RuntimeException e) {
            pg.drop();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            if (pg != null) pg.drop();
        }
    }
}
