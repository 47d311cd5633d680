package org.klaster.app.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.DataAccess;
import org.klaster.app.analysis.Establishments;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.MappingAnalysis;
import org.klaster.app.analysis.MatchAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.RegionCatalog;
import org.klaster.app.analysis.RegionalisationAnalysis;
import org.klaster.app.analysis.StoreReads;
import org.klaster.app.web.map.GeoShapes;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;

/**
 * The state behind the web workbench and its {@link DataAccess}: the store, the region table, what was
 * loaded (datasets are read once) and what was computed ({@link #memo}: results per analysis and
 * parameters), boundaries projected once. Every handler receives this one object; nothing is global.
 *
 * <p>No analysis runs under a lock: the store serves concurrent reads on read connections of its own,
 * and every input and result is computed once per key ({@link Memo}: 50 requests for the same region
 * wait for one query, not for each other's). Writes (uploads) are serialised by {@link #write}. Results
 * are dropped when the workbench changes (an upload, new boundaries: {@link #version()}).
 */
public final class Workbench implements DataAccess {

    /** Results kept (least useful evicted first). */
    static final int MEMO_MAX = 1000;
    /** Loaded inputs kept (a dataset read again from the store when evicted). */
    static final int LOADED_MAX = 64;
    /**
     * Regional tables and their models kept (Sovereignty's region picker): each holds a few n × n matrices, so
     * far fewer than results; one costs milliseconds to make again.
     */
    static final int REGIONAL_MAX = 64;

    private final Store store;
    private final RegionCatalog regions;
    private final Memo loaded = new Memo(LOADED_MAX);
    private final Memo memo = new Memo(MEMO_MAX);
    private final Memo regional = new Memo(REGIONAL_MAX);
    private final Map<Lang, Names> names = new ConcurrentHashMap<>();
    private volatile List<Dataset> datasets;
    private volatile GeoShapes shapes;
    private volatile String boundariesSource;
    private volatile List<String> boundaryRegions = List.of();
    private final AtomicLong version = new AtomicLong();
    private volatile org.klaster.data.store.PlatformStore platform;
    private volatile org.klaster.app.analysis.SkillsAnalysis.Inputs skills;

    public Workbench(Store store, RegionCatalog regions) {
        this.store = Objects.requireNonNull(store);
        this.regions = Objects.requireNonNull(regions);
        refreshDatasets();
        loadBoundaries();
    }

    /** A matcher being built or built: the key it answers for and its future. */
    private record Prepared(Object key, java.util.concurrent.CompletableFuture<MatchAnalysis.Matcher> matcher) {
    }

    /** Matchers kept, one per as-of day (normally only today's). */
    static final int MATCHERS_MAX = 4;
    private final Map<java.time.LocalDate, Prepared> matchers = new ConcurrentHashMap<>();

    /**
     * The platform store's registry prepared for matchmaking on a day ({@link MatchAnalysis.Matcher}: the Lucene
     * indexes of its offers, built once), kept until the platform store changes: the key is its change count, so a
     * request costs one small query instead of reading the registry and indexing it again. Concurrent requests for a
     * new key wait for the one build.
     */
    public MatchAnalysis.Matcher matcher(java.time.LocalDate asOf) {
        org.klaster.data.store.PlatformStore p = platform();
        Object key = List.of(System.identityHashCode(p), p.changeCount());
        while (true) {
            Prepared cur = matchers.get(asOf);
            if (cur != null && cur.key().equals(key)) {
                try {
                    return cur.matcher().join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw e;
                }
            }
            Prepared mine = new Prepared(key, new java.util.concurrent.CompletableFuture<>());
            boolean won = cur == null ? matchers.putIfAbsent(asOf, mine) == null : matchers.replace(asOf, cur, mine);
            if (!won) continue;
            if (matchers.size() > MATCHERS_MAX) matchers.keySet().removeIf(d -> !d.equals(asOf));
            try {
                MatchAnalysis.Matcher m = new MatchAnalysis.Matcher(p.registry(), asOf,
                        org.klaster.data.search.MatchAnalyzer.Kind.MORPHOLOGY).prepared();
                mine.matcher().complete(m);
                return m;
            } catch (RuntimeException | Error e) {
                matchers.remove(asOf, mine);
                mine.matcher().completeExceptionally(e);
                throw e;
            }
        }
    }

    /** Changes whenever what pages show changes (a dataset was added, boundaries were imported). */
    public long version() {
        return version.get();
    }

    public RegionCatalog regions() {
        return regions;
    }

    // ------------------------------------------------------------------ DataAccess

    @Override
    public List<Dataset> datasets() {
        return datasets;
    }

    public Optional<Dataset> dataset(String id) {
        for (Dataset d : datasets) if (d.id().equals(id)) return Optional.of(d);
        return Optional.empty();
    }

    private synchronized void refreshDatasets() {
        datasets = List.copyOf(store.datasets());
    }

    private <T> T load(String what, Dataset d, Supplier<T> read) {
        return loaded.get(what + "|" + d.id(), read);
    }

    @Override
    public ActivityInput activity(Dataset d) {
        return load("activity", d, () -> StoreReads.activity(store, d));
    }

    @Override
    public IoModel io(Dataset d) {
        // read once and factorised once, however many requests ask at the same time; the table is kept on
        // its own so a table that is not productive (the model refuses it) is not read again per request
        var table = load("io-table", d, () -> store.ioTable(d.id()));
        return load("io", d, () -> StoreReads.io(d, table));
    }

    @Override
    public TradeData trade(Dataset d) {
        return load("trade", d, () -> store.trade(d.id()));
    }

    @Override
    public List<ExportRecord> exports(Dataset d) {
        return load("exports", d, () -> store.exports(d.id()));
    }

    @Override
    public Establishments establishments(Dataset firms, String region, int year) {
        return memo(List.of("establishments", firms.id(), region, year),
                () -> StoreReads.establishments(store, firms, region, year));
    }

    @Override
    public <T> T memo(Object key, Supplier<T> compute) {
        // a regional table (and the prepared national table they share) holds n × n matrices: kept with the
        // regional models, in the smaller memo, so that a thousand δ values cannot fill the heap
        if (key instanceof List<?> l && !l.isEmpty() && RegionalisationAnalysis.ID.equals(l.get(0))) {
            return regional.get(key, compute);
        }
        return memo.get(key, compute);
    }

    /** A region's table and its model, ready for the input–output analyses as a national one is. */
    public record Regional(RegionalisationAnalysis.Result result, IoModel model) {
    }

    /**
     * The table of a region, made from a stored national table and the employment of a stored activity
     * dataset ({@link RegionalisationAnalysis#compute}), once per national table, activity, region, year,
     * method and δ; its Leontief model is factorised once, as a national one is.
     *
     * @param p the parameters; a null year is the activity's latest
     */
    public Regional regional(Dataset national, Dataset activity, RegionalisationAnalysis.Params p) {
        IoModel nation = io(national);
        ActivityInput in = activity(activity);
        int year = MappingAnalysis.years(in, p.year(), null).year();
        RegionalisationAnalysis.Params at = new RegionalisationAnalysis.Params(p.region(), year, p.method(), p.delta());
        return regional.get(List.of("regional", national.id(), activity.id(), at.region(), year, at.method(), at.delta()), () -> {
            RegionalisationAnalysis.Result r = RegionalisationAnalysis.compute(nation, in, null, at, this);
            return new Regional(r, RegionalisationAnalysis.model(r));
        });
    }

    @Override
    public Names names(Lang lang) {
        return names.computeIfAbsent(lang, l -> StoreReads.names(l, regions, () -> store));
    }

    // ------------------------------------------------------------------ changes

    /** Stores an uploaded dataset (already validated) and makes it selectable. */
    public synchronized <T> T write(Supplier<T> write) {
        T t = write.get();
        refreshDatasets();
        memo.clear();
        regional.clear();
        names.clear();
        version.incrementAndGet();
        return t;
    }

    /** The stored product classifications. */
    public List<org.klaster.data.store.ClassificationSource> classifications() {
        return store.classifications();
    }

    /**
     * The platform store (registry, accounts, rules, audit trail): the one given ({@link #usePlatform}), else the
     * platform tables in the dataset store's DuckDB file, opened on first use.
     */
    public org.klaster.data.store.PlatformStore platform() {
        org.klaster.data.store.PlatformStore p = platform;
        if (p != null) return p;
        synchronized (this) {
            if (platform == null) platform = org.klaster.data.store.PlatformStore.on(store);
            return platform;
        }
    }

    /** The inputs of the skills analyses: those given ({@link #useSkills}), else the SYNTHETIC demo's, made on first use. */
    public org.klaster.app.analysis.SkillsAnalysis.Inputs skills() {
        org.klaster.app.analysis.SkillsAnalysis.Inputs s = skills;
        if (s != null) return s;
        synchronized (this) {
            if (skills == null) {
                skills = org.klaster.app.analysis.SkillsAnalysis.inputs(org.klaster.app.analysis.SkillsAnalysis.jobs((java.nio.file.Path) null),
                        null, null, null);
            }
            return skills;
        }
    }

    /** Uses these skills inputs (a user's files read once) instead of the demo's. */
    public synchronized Workbench useSkills(org.klaster.app.analysis.SkillsAnalysis.Inputs in) {
        this.skills = Objects.requireNonNull(in);
        return this;
    }

    /** Uses this platform store (a PostgreSQL one, or the tests'); the caller closes it. */
    public synchronized Workbench usePlatform(org.klaster.data.store.PlatformStore p) {
        this.platform = Objects.requireNonNull(p);
        return this;
    }

    /** The store, for writes under {@link #write}. */
    Store store() {
        return store;
    }

    // ------------------------------------------------------------------ boundaries

    /** Projected boundaries, or {@code null} when none were imported (the map is then a tile grid). */
    public GeoShapes shapes() {
        return shapes;
    }

    /** The file the boundaries came from, or null. */
    public String boundariesSource() {
        return boundariesSource;
    }

    /** The regions of the region table the imported boundaries draw. */
    public List<String> boundaryRegions() {
        return boundaryRegions;
    }

    /** Whether the imported boundaries draw every region of the region table. */
    public boolean boundariesComplete() {
        return shapes != null && boundaryRegions.size() == regions.all().size();
    }

    private synchronized void loadBoundaries() {
        List<BoundariesReader.Boundary> b = store.boundaries();
        shapes = b.isEmpty() ? null : GeoShapes.project(b);
        boundariesSource = store.boundariesSource().orElse(null);
        boundaryRegions = b.stream().map(BoundariesReader.Boundary::iso).filter(regions::contains).distinct().sorted().toList();
    }

    /** Stores new boundaries (replacing any) and redraws maps with them. */
    public void setBoundaries(BoundariesReader.Boundaries b) {
        write(() -> {
            store.saveBoundaries(b);
            return null;
        });
        loadBoundaries();
    }

    /** Removes imported boundaries: maps go back to the tile grid. */
    public void clearBoundaries() {
        write(() -> {
            store.clearBoundaries();
            return null;
        });
        loadBoundaries();
    }
}
