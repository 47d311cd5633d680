package org.klaster.app.analysis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;

/**
 * The command line's {@link DataAccess}: opens the database on the first stored input it needs (a run
 * on files alone never touches it) and closes it with the run. Nothing is kept between runs. Only a
 * command that stores something may create the database: a read that finds no file is refused
 * (parameter {@code db}) instead of creating an empty database and then finding no dataset in it.
 */
public final class StoreAccess implements DataAccess, AutoCloseable {

    private final Path db;
    private final boolean create;
    private Store store;
    private List<Dataset> datasets;
    private final Map<Lang, Names> names = new HashMap<>();

    /** A store that is only read: it must exist. */
    public StoreAccess(Path db) {
        this(db, false);
    }

    /**
     * {@code create}: the command stores data, so a missing database file is created. A null {@code db} has no
     * dataset store (the command's {@code --db} is a PostgreSQL server): reading a dataset is then refused.
     */
    public StoreAccess(Path db, boolean create) {
        this.db = db;
        this.create = create;
    }

    /** The store, opened now if it was not yet. */
    public Store store() {
        if (store == null) {
            if (db == null) throw UserException.badParameter("db", Messages.text("cli.db.postgres"));
            if (!create && !java.nio.file.Files.exists(db)) throw UserException.badParameter("db", Messages.text("cli.db.missing", db));
            store = Store.open(db);
        }
        return store;
    }

    @Override
    public List<Dataset> datasets() {
        if (datasets == null) datasets = List.copyOf(store().datasets());
        return datasets;
    }

    @Override
    public ActivityInput activity(Dataset d) {
        return StoreReads.activity(store(), d);
    }

    @Override
    public IoModel io(Dataset d) {
        return StoreReads.io(d, store().ioTable(d.id()));
    }

    @Override
    public TradeData trade(Dataset d) {
        return store().trade(d.id());
    }

    @Override
    public List<ExportRecord> exports(Dataset d) {
        return store().exports(d.id());
    }

    @Override
    public Establishments establishments(Dataset firms, String region, int year) {
        return StoreReads.establishments(store(), firms, region, year);
    }

    @Override
    public <T> T memo(Object key, Supplier<T> compute) {
        return compute.get();
    }

    @Override
    public Names names(Lang lang) {
        // names read the store's classifications only when a stored dataset opened it (files alone need no database)
        return names.computeIfAbsent(lang, l -> StoreReads.names(l, Reference.regions(), this::storeIfOpen));
    }

    private Store storeIfOpen() {
        return store;
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}
