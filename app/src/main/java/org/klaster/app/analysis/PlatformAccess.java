package org.klaster.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Store;

/**
 * The platform store a command line names with {@code --db}: a PostgreSQL server
 * ({@code postgresql://…}), or the DuckDB file of the datasets (default {@code ~/.klaster/klaster.duckdb}),
 * whose platform tables sit beside the datasets. Closing it closes what it opened.
 */
public final class PlatformAccess implements AutoCloseable {

    private final Store store;
    private final PlatformStore platform;
    /** The DuckDB file this access created (it did not exist), else null. */
    private final Path created;

    private PlatformAccess(Store store, PlatformStore platform, Path created) {
        this.store = store;
        this.platform = platform;
        this.created = created;
    }

    /**
     * Opens the store {@code db} names (null: the default file). {@code create}: the command writes, so a
     * missing file is created; otherwise a missing file is refused (parameter {@code db}) rather than
     * created empty.
     */
    public static PlatformAccess open(String db, boolean create) {
        if (PlatformStore.isPostgresUrl(db)) return new PlatformAccess(null, PlatformStore.postgres(db), null);
        Path file = db == null ? Store.defaultPath() : Path.of(db);
        boolean existed = Files.exists(file);
        if (!create && !existed) throw UserException.badParameter("db", Messages.text("cli.db.missing", file));
        Store s = Store.open(file);
        try {
            return new PlatformAccess(s, PlatformStore.on(s), existed ? null : file);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Runs one change on the store {@code db} names, creating a missing file; when the change is refused, a file
     * this call created is removed again, so a failed command leaves nothing behind.
     */
    public static <T> T change(String db, java.util.function.Function<PlatformStore, T> change) {
        PlatformAccess a = open(db, true);
        try {
            T t = change.apply(a.platform());
            a.close();
            return t;
        } catch (RuntimeException e) {
            a.close();
            a.discardCreated();
            throw e;
        }
    }

    private void discardCreated() {
        if (created == null) return;
        try {
            Files.deleteIfExists(created);
            Files.deleteIfExists(created.resolveSibling(created.getFileName() + ".wal"));
        } catch (java.io.IOException e) {
            // the empty database stays; it holds nothing of the refused change
        }
    }

    public PlatformStore platform() {
        return platform;
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            if (store != null) store.close();
        }
    }
}
