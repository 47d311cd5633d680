package org.klaster.app.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.klaster.activity.ActivityRecord;
import org.klaster.app.web.map.GeoShapes;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import org.klaster.mapping.CategoryMap;
import org.klaster.mapping.ClusterMapping;
import org.klaster.inputoutput.IoTable;
import org.klaster.data.formats.TradeData;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.DependencyScreen;
import org.klaster.dependency.Thresholds;

/**
 * The state behind the web workbench: the store, the region table, and caches — datasets loaded
 * once, mapping results per dataset × year × base year, boundaries projected once. Every handler
 * receives this one object; nothing is global.
 *
 * <p>The DuckDB connection is used by one thread at a time (guarded by {@code this}); after the first
 * request for a dataset, pages are served from memory.
 */
public final class Workbench {

    private final Store store;
    private final RegionCatalog regions;
    private final BiFunction<String, Lang, String> referenceCategoryName;
    private final Map<String, DatasetData> loaded = new ConcurrentHashMap<>();
    private final Map<Key, MappingView> views = new ConcurrentHashMap<>();
    private final Map<String, IoView> ioViews = new ConcurrentHashMap<>();
    private final Map<String, TradeData> trades = new ConcurrentHashMap<>();
    private final Map<ScreenKey, List<DependencyRow>> screens = new ConcurrentHashMap<>();
    private volatile List<Dataset> datasets;
    private volatile GeoShapes shapes;
    private volatile String boundariesSource;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param referenceCategoryName names of categories the project knows (demo categories, OKVED2
     *                              divisions) in a language, or null when it does not know the code
     */
    public Workbench(Store store, RegionCatalog regions, BiFunction<String, Lang, String> referenceCategoryName) {
        this.store = Objects.requireNonNull(store);
        this.regions = Objects.requireNonNull(regions);
        this.referenceCategoryName = referenceCategoryName == null ? (c, l) -> null : referenceCategoryName;
        refreshDatasets();
        loadBoundaries();
    }

    /** Changes whenever what pages show changes (a dataset was added, boundaries were imported). */
    public long version() {
        return version.get();
    }

    public RegionCatalog regions() {
        return regions;
    }

    // ------------------------------------------------------------------ datasets

    public List<Dataset> datasets() {
        return datasets;
    }

    private synchronized void refreshDatasets() {
        datasets = List.copyOf(store.datasets());
    }

    /** The dataset shown when none is chosen: the synthetic demo if present, else the most recent. */
    public Optional<Dataset> defaultDataset() {
        List<Dataset> all = datasets;
        for (Dataset d : all) if (d.synthetic()) return Optional.of(d);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<Dataset> dataset(String id) {
        for (Dataset d : datasets) if (d.id().equals(id)) return Optional.of(d);
        return Optional.empty();
    }

    /** A dataset's rows and category map, loaded from the store on first use. */
    public DatasetData data(String id) {
        DatasetData d = loaded.get(id);
        if (d != null) return d;
        Dataset meta = dataset(id).orElseThrow(() -> new NotFound("no dataset \"" + id + "\""));
        return loaded.computeIfAbsent(id, k -> load(meta));
    }

    private synchronized DatasetData load(Dataset meta) {
        List<ActivityRecord> rows = meta.kind().equals("firms") ? store.firmActivity(meta.id()) : store.activity(meta.id());
        Map<String, String> map = store.categoryMap(meta.id());
        Map<String, String> names = store.categoryNames(meta.id());
        CategoryMap cm = map.isEmpty() ? CategoryMap.divisions() : CategoryMap.of(map, names);
        return new DatasetData(meta, rows, cm, names);
    }

    /** Stores an uploaded activity dataset and makes it selectable. */
    public Dataset addActivity(Dataset meta, List<ActivityRecord> rows) {
        Dataset saved;
        synchronized (this) {
            saved = store.saveActivity(meta, rows, Map.of(), Map.of(), false);
        }
        refreshDatasets();
        version.incrementAndGet();
        return saved;
    }

    // ------------------------------------------------------------------ mapping

    private record Key(String dataset, int year, Integer baseYear) {
    }

    /**
     * The mapping of a dataset for a year (latest when null), with shift-share against the base year
     * (the first year of the data when null and the data has more than one year). Cached.
     */
    public MappingView mapping(DatasetData d, Integer year, Integer baseYear) {
        if (d.years().isEmpty()) throw new BadRequest("dataset \"" + d.id() + "\" has no activity rows");
        int y = year == null ? d.years().last() : year;
        if (!d.years().contains(y)) {
            throw new BadRequest("year " + y + " is not in dataset \"" + d.id() + "\" (years: "
                    + d.years().first() + "–" + d.years().last() + ")");
        }
        Integer b = baseYear;
        if (b == null && d.years().first() < y) b = d.years().first();
        if (b != null && (b >= y || !d.years().contains(b))) {
            throw new BadRequest("base year " + b + " must be a year of the dataset before " + y);
        }
        Key key = new Key(d.id(), y, b);
        MappingView v = views.get(key);
        if (v != null) return v;
        final Integer base = b;
        return views.computeIfAbsent(key, k -> new MappingView(ClusterMapping.map(d.rows(), d.categoryMap(), y, base)));
    }

    /** A category's display name: project reference (localised), else the dataset's own, else the code. */
    public String categoryName(DatasetData d, String code, Lang lang) {
        String ref = referenceCategoryName.apply(code, lang);
        if (ref != null) return ref;
        String own = d == null ? null : d.categoryNames().get(code);
        return own != null ? own : code;
    }

    // ------------------------------------------------------------------ boundaries

    /** Projected boundaries, or {@code null} when none were imported (the map is then a tile grid). */
    public GeoShapes shapes() {
        return shapes;
    }

    public String boundariesSource() {
        return boundariesSource;
    }

    private synchronized void loadBoundaries() {
        List<BoundariesReader.Boundary> b = store.boundaries();
        shapes = b.isEmpty() ? null : GeoShapes.project(b);
        boundariesSource = store.boundariesSource().orElse(null);
    }

    /** Stores new boundaries (replacing any) and redraws maps with them. */
    public void setBoundaries(BoundariesReader.Boundaries b) {
        synchronized (this) {
            store.saveBoundaries(b);
        }
        loadBoundaries();
        version.incrementAndGet();
    }

    // ------------------------------------------------------------------ sovereignty

    /** Dataset kinds holding an input–output table. */
    public static final java.util.Set<String> IO_KINDS = java.util.Set.of("io", "rosstat-io");
    /** Dataset kinds holding trade flows. */
    public static final java.util.Set<String> TRADE_KINDS = java.util.Set.of("trade");

    public List<Dataset> datasetsOfKind(java.util.Set<String> kinds) {
        return datasets.stream().filter(d -> kinds.contains(d.kind())).toList();
    }

    /** The requested dataset when it is of one of the kinds, else the first dataset of those kinds (null if none). */
    public Dataset datasetOfKind(String requested, java.util.Set<String> kinds) {
        if (requested != null) {
            Optional<Dataset> d = dataset(requested);
            if (d.isPresent() && kinds.contains(d.get().kind())) return d.get();
        }
        List<Dataset> all = datasetsOfKind(kinds);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The input–output table of a dataset with its factorised models, built once (AnalysisException if not productive). */
    public IoView io(Dataset meta) {
        IoView v = ioViews.get(meta.id());
        if (v != null) return v;
        IoTable t;
        synchronized (this) {
            t = store.ioTable(meta.id());
        }
        // built outside the store lock; two concurrent first requests may both build, one is kept
        return ioViews.computeIfAbsent(meta.id(), k -> new IoView(meta, t));
    }

    /** The trade flows, production and groups of a dataset, loaded once. */
    public TradeData trade(Dataset meta) {
        TradeData d = trades.get(meta.id());
        if (d != null) return d;
        TradeData loaded;
        synchronized (this) {
            loaded = store.trade(meta.id());
        }
        trades.putIfAbsent(meta.id(), loaded);
        return trades.get(meta.id());
    }

    private record ScreenKey(String dataset, String reporter, java.util.Set<String> excluded) {
    }

    /** The dependency screen of a reporter over all years (default thresholds), cached; years are filtered by the caller. */
    public List<DependencyRow> screen(Dataset meta, String reporter, java.util.Set<String> excluded) {
        ScreenKey key = new ScreenKey(meta.id(), reporter, java.util.Set.copyOf(excluded));
        List<DependencyRow> rows = screens.get(key);
        if (rows != null) return rows;
        TradeData t = trade(meta);
        rows = DependencyScreen.screen(t.flows(), reporter, t.production(), excluded, Thresholds.DEFAULTS, null, null);
        if (screens.size() > 200) screens.clear();
        screens.putIfAbsent(key, rows);
        return rows;
    }

    // ------------------------------------------------------------------ opportunities

    /** Dataset kinds holding exports by country × product. */
    public static final java.util.Set<String> EXPORTS_KINDS = java.util.Set.of("exports");
    /** Dataset kinds holding regional activity (the region × industry matrix of relatedness). */
    public static final java.util.Set<String> ACTIVITY_KINDS = java.util.Set.of("activity");
    /** Dataset kinds holding establishments with coordinates. */
    public static final java.util.Set<String> FIRMS_KINDS = java.util.Set.of("firms");

    private final Map<String, List<org.klaster.complexity.ComplexityTable.Year>> complexity = new ConcurrentHashMap<>();
    private final Map<String, ProductSpace> productSpaces = new ConcurrentHashMap<>();
    private final Map<String, OpportunityInputs> opportunityInputs = new ConcurrentHashMap<>();

    /** {@code klaster complexity} of every year of an exports dataset (threshold 1), computed once. */
    public List<org.klaster.complexity.ComplexityTable.Year> complexity(Dataset meta) {
        List<org.klaster.complexity.ComplexityTable.Year> c = complexity.get(meta.id());
        if (c != null) return c;
        List<org.klaster.complexity.ExportRecord> records;
        synchronized (this) {
            records = store.exports(meta.id());
        }
        c = org.klaster.complexity.ComplexityTable.compute(records, org.klaster.complexity.EconomicComplexity.DEFAULT_THRESHOLD);
        complexity.putIfAbsent(meta.id(), c);
        return complexity.get(meta.id());
    }

    /** The product-space graph and layout of one year of an exports dataset, built once. */
    public ProductSpace productSpace(Dataset meta, org.klaster.complexity.ComplexityTable.Year y) {
        return productSpaces.computeIfAbsent(meta.id() + "|" + y.year(), k -> ProductSpace.of(y));
    }

    /**
     * Relatedness and industry complexity of an activity dataset's year (as {@code klaster opportunities}
     * computes them: employment, LQ threshold 1), built once; {@code complexity} is null when undefined.
     */
    public record OpportunityInputs(org.klaster.complexity.RegionalRelatedness rel,
                                    org.klaster.complexity.ComplexityResult complexity, String complexityNote) {
    }

    public OpportunityInputs opportunityInputs(Dataset meta, int year) {
        String key = meta.id() + "|" + year;
        OpportunityInputs v = opportunityInputs.get(key);
        if (v != null) return v;
        var rel = org.klaster.complexity.RegionalRelatedness.of(data(meta.id()).rows(), year, 1.0);
        org.klaster.complexity.ComplexityResult cx = null;
        String note = null;
        try {
            cx = org.klaster.complexity.Opportunities.industryComplexity(rel);
        } catch (org.klaster.AnalysisException e) {
            note = e.getMessage();
        }
        opportunityInputs.putIfAbsent(key, new OpportunityInputs(rel, cx, note));
        return opportunityInputs.get(key);
    }

    /**
     * A region's establishments of a firms dataset in the year, else in the latest year the dataset has
     * for the region (the query of {@code klaster opportunities --producers}, which keeps it private).
     */
    public synchronized List<org.klaster.complexity.CandidateProducers.Establishment> establishments(Dataset firms,
                                                                                                   String region, int year) {
        List<Integer> years = store.query("SELECT DISTINCT year FROM firms WHERE dataset_id = ? AND region = ? ORDER BY year",
                List.of(firms.id(), region), rs -> {
                    List<Integer> out = new java.util.ArrayList<>();
                    while (rs.next()) out.add(rs.getInt(1));
                    return out;
                });
        if (years.isEmpty()) return List.of();
        int y = years.contains(year) ? year : years.get(years.size() - 1);
        return store.query("SELECT firm_id, region, industry, employment, lat, lon FROM firms WHERE dataset_id = ? "
                + "AND region = ? AND year = ?", List.of(firms.id(), region, y), rs -> {
                    List<org.klaster.complexity.CandidateProducers.Establishment> out = new java.util.ArrayList<>();
                    while (rs.next()) {
                        double lat = rs.getDouble(5);
                        if (rs.wasNull()) lat = Double.NaN;
                        double lon = rs.getDouble(6);
                        if (rs.wasNull()) lon = Double.NaN;
                        out.add(new org.klaster.complexity.CandidateProducers.Establishment(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getDouble(4), lat, lon));
                    }
                    return out;
                });
    }
}
