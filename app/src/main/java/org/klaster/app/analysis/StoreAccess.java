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
 * on files alone never touches it) and closes it with the run. Nothing is kept between runs.
 */
public final class StoreAccess implements DataAccess, AutoCloseable {

    private final Path db;
    private Store store;
    private List<Dataset> datasets;
    private final Map<Lang, Names> names = new HashMap<>();

    public StoreAccess(Path db) {
        this.db = db;
    }

    /** The store, opened now if it was not yet. */
    public Store store() {
        if (store == null) store = Store.open(db);
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
