package org.klaster.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.klaster.activity.ActivityRecord;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.Classification;
import org.klaster.data.formats.DataText;
import org.klaster.data.formats.FirmRows;
import org.klaster.data.formats.TradeData;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;
import org.klaster.inputoutput.IoTable;
import org.klaster.linalg.DenseMatrix;

/**
 * The embedded store: one DuckDB file holding datasets with provenance and their canonical rows.
 *
 * <p>The schema is versioned by numbered SQL scripts applied in order inside a transaction
 * (a version table, no migration framework: the scripts are few and the runner is twenty lines).
 * Every write of a dataset is one transaction, so a failed import leaves nothing behind.
 */
public final class Store implements AutoCloseable {

    /** The migrations, in order. Append only: a released script is never edited. */
    static final List<String> MIGRATIONS = List.of("V001__datasets_activity.sql", "V002__boundaries.sql",
            "V003__io_trade.sql", "V004__exports.sql", "V005__classifications.sql", "V006__firm_names.sql",
            "V007__dataset_units.sql");

    /** Concurrent readers at most (each a duplicate of the writer's connection, made when first needed). */
    static final int READERS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    /** The writer's connection: migrations and every transaction ({@link #inTransaction}, one at a time). */
    private final Connection conn;
    private final String location;
    /** Idle read connections; {@link #readPermits} bounds how many exist. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Connection> idleReaders = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.Semaphore readPermits = new java.util.concurrent.Semaphore(READERS);
    private volatile boolean closed;

    private Store(Connection conn, String location) {
        this.conn = conn;
        this.location = location;
    }

    /** {@code ~/.klaster/klaster.duckdb}, the default of every {@code --db} flag. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".klaster", "klaster.duckdb");
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date. An existing file
     * that is not a DuckDB database is refused before DuckDB sees it ({@link NotADatabaseException}):
     * DuckDB would open an existing {@code .csv}, {@code .parquet} or {@code .json} file as an
     * in-memory database with a view of it, so every write would vanish at close.
     */
    public static Store open(Path file) {
        if (Files.exists(file) && !isDatabase(file)) throw new NotADatabaseException(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(DataText.data("store.folder", file, e.getMessage()), e);
        }
        Store s = connect("jdbc:duckdb:" + file.toAbsolutePath(), file.toString());
        if (!s.fileBacked()) {
            s.close();
            throw new NotADatabaseException(file);
        }
        return s;
    }

    /** Bytes 8–11 of every DuckDB database file (after an 8-byte checksum); the storage format's magic. */
    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code file} is a regular file that starts with DuckDB's header (its magic at byte 8). */
    public static boolean isDatabase(Path file) {
        if (!Files.isRegularFile(file)) return false;
        byte[] head = new byte[8 + MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) return false;
        } catch (IOException e) {
            return false;
        }
        return java.util.Arrays.equals(head, 8, head.length, MAGIC, 0, MAGIC.length);
    }

    /** Whether the connection's database is the file (not an in-memory one DuckDB made in its place). */
    private boolean fileBacked() {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")) {
            return rs.next() && rs.getString(1) != null;
        } catch (SQLException e) {
            throw fail("read the database's location", e);
        }
    }

    /** A throw-away in-memory store (tests, straight-from-file runs). */
    public static Store inMemory() {
        return connect("jdbc:duckdb:", ":memory:");
    }

    private static Store connect(String url, String location) {
        Connection c;
        try {
            c = DriverManager.getConnection(url);
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("lock")) {
                throw new StoreException(DataText.data("store.locked", location), e);
            }
            throw new StoreException(DataText.data("store.open", location, firstLine(m)), e);
        }
        Store s = new Store(c, location);
        s.migrate();
        return s;
    }

    public String location() {
        return location;
    }

    /**
     * A new connection to this store's database (a DuckDB duplicate: a second DriverManager connection to the
     * same file in one process would clash over its lock), for {@link PlatformStore#on}; the caller closes it.
     */
    Connection duplicateConnection() {
        if (closed) throw new StoreException(DataText.data("store.open", location, "closed"));
        try {
            Connection c = conn.unwrap(DuckDBConnection.class).duplicate();
            // a duplicate inherits the writer's auto-commit flag, which is off while a write is open
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw fail("open a second connection", e);
        }
    }

    /** The schema version now in force (number of migrations applied). */
    public int schemaVersion() {
        try {
            return read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        } catch (SQLException e) {
            throw fail("read the schema version", e);
        }
    }

    private void migrate() {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            throw fail("create the schema version table", e);
        }
        int current = schemaVersion();
        if (current > MIGRATIONS.size()) {
            throw new StoreException(DataText.data("store.schema.newer", location, current, MIGRATIONS.size()));
        }
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String script = MIGRATIONS.get(v - 1);
            inTransaction(() -> {
                try (Statement st = conn.createStatement()) {
                    // scripts hold plain DDL: drop "--" comments, then split statements on ';'
                    String sqlText = readScript(script).replaceAll("--[^\n]*", "");
                    for (String sql : sqlText.split(";")) {
                        if (!sql.isBlank()) st.execute(sql);
                    }
                }
                return null;
            });
            final int version = v;
            inTransaction(() -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, script);
                    ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static String readScript(String name) throws IOException {
        try (InputStream in = Store.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("migration script " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- datasets

    public List<Dataset> datasets() {
        return queryDatasets("SELECT * FROM datasets ORDER BY imported_at, id", null);
    }

    public Optional<Dataset> dataset(String id) {
        List<Dataset> l = queryDatasets("SELECT * FROM datasets WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The dataset, or a StoreException listing what exists. */
    public Dataset require(String id) {
        return dataset(id).orElseThrow(() -> {
            List<String> ids = datasets().stream().map(Dataset::id).toList();
            return new StoreException(ids.isEmpty() ? DataText.data("store.no.dataset.empty", id, location)
                    : DataText.data("store.no.dataset", id, location, String.join(", ", ids)));
        });
    }

    private List<Dataset> queryDatasets(String sql, String arg) {
        try {
            return read(c -> queryDatasets(c, sql, arg));
        } catch (SQLException e) {
            throw fail("list datasets", e);
        }
    }

    private List<Dataset> queryDatasets(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<Dataset> out = new ArrayList<>();
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp("imported_at");
                    String label = rs.getString("kind");
                    DatasetKind kind = DatasetKind.of(label).orElseThrow(() -> new StoreException("dataset kind \""
                            + label + "\" in " + location + " is unknown to this Klaster; upgrade Klaster"));
                    out.add(new Dataset(rs.getString("id"), kind, rs.getString("source"),
                            rs.getString("sha256"), rs.getLong("rows"),
                            t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getString("generator"), rs.getBoolean("synthetic"), rs.getString("note"),
                            rs.getString("units")));
                }
                return out;
            }
        }
    }

    /** Removes a dataset and every row it owns (no-op when absent). */
    public void delete(String id) {
        inTransaction(() -> {
            deleteRows(id);
            return null;
        });
    }

    private void deleteRows(String id) throws SQLException {
        for (String table : List.of("activity", "category_map", "firms", "io_sectors", "io_final_demand",
                "io_parts", "io_cells", "trade_flows", "trade_production", "trade_groups", "exports", "datasets")) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table
                    + (table.equals("datasets") ? " WHERE id = ?" : " WHERE dataset_id = ?"))) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
    }

    // ---------------------------------------------------------------- activity

    /**
     * Stores an activity dataset (and its optional category map) in one transaction, replacing a
     * dataset of the same id when {@code replace} is set.
     *
     * @return the stored dataset, with its import time
     */
    public Dataset saveActivity(Dataset meta, List<ActivityRecord> rows, Map<String, String> codeToCategory,
                                Map<String, String> categoryNames, boolean replace) {
        inTransaction(() -> {
            if (dataset(meta.id()).isPresent()) {
                if (!replace) throw new StoreException(DataText.data("store.exists", meta.id(), location));
                deleteRows(meta.id());
            }
            insertDataset(meta);
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            appendActivity(dc, meta.id(), rows);
            appendCategories(dc, meta.id(), codeToCategory, categoryNames);
            return null;
        });
        return require(meta.id());
    }

    private static void appendActivity(DuckDBConnection dc, String id, List<ActivityRecord> rows) throws SQLException {
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "activity")) {
            for (ActivityRecord r : rows) {
                a.beginRow().append(id).append(r.region()).append(r.industry()).append(r.year()).append(r.employment());
                appendNullable(a, r.establishments());
                appendNullable(a, r.wages());
                appendNullable(a, r.output());
                a.endRow();
            }
        }
    }

    private static void appendCategories(DuckDBConnection dc, String id, Map<String, String> codeToCategory,
                                         Map<String, String> categoryNames) throws SQLException {
        if (codeToCategory == null || codeToCategory.isEmpty()) return;
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "category_map")) {
            for (Map.Entry<String, String> e : codeToCategory.entrySet()) {
                String name = categoryNames == null ? null : categoryNames.get(e.getValue());
                a.beginRow().append(id).append(e.getKey()).append(e.getValue());
                if (name == null) a.appendNull(); else a.append(name);
                a.endRow();
            }
        }
    }

    private void insertDataset(Dataset d) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO datasets (id, kind, source, sha256, rows, imported_at, generator, synthetic, note, units) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.kind().label());
            ps.setString(3, d.source());
            ps.setString(4, d.sha256());
            ps.setLong(5, d.rows());
            Instant at = d.importedAt() == null ? Instant.now() : d.importedAt();
            ps.setTimestamp(6, Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
            ps.setString(7, d.generator());
            ps.setBoolean(8, d.synthetic());
            ps.setString(9, d.note());
            ps.setString(10, d.units());
            ps.executeUpdate();
        }
    }

    private static void appendNullable(DuckDBAppender a, double v) throws SQLException {
        if (Double.isNaN(v)) a.appendNull(); else a.append(v);
    }

    private static void appendNullable(DuckDBAppender a, String v) throws SQLException {
        if (v == null) a.appendNull(); else a.append(v);
    }

    /** The activity rows of a dataset, in a stable order (region, industry, year). */
    public List<ActivityRecord> activity(String datasetId) {
        require(datasetId);
        try {
            return read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT region, industry, year, employment, "
                        + "establishments, wages, output FROM activity WHERE dataset_id = ? ORDER BY region, industry, year")) {
                    ps.setString(1, datasetId);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<ActivityRecord> out = new ArrayList<>();
                        while (rs.next()) {
                            out.add(new ActivityRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                                    nullable(rs, 5), nullable(rs, 6), nullable(rs, 7)));
                        }
                        return out;
                    }
                }
            });
        } catch (SQLException e) {
            throw fail("read the activity of " + datasetId, e);
        }
    }

    private static double nullable(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Code → category of a dataset (empty when it has none: categories are then 2-digit divisions). */
    public Map<String, String> categoryMap(String datasetId) {
        return twoColumns("SELECT industry, category FROM category_map WHERE dataset_id = ? ORDER BY industry", datasetId);
    }

    /** Category → display name of a dataset (only categories that have one). */
    public Map<String, String> categoryNames(String datasetId) {
        return twoColumns("SELECT DISTINCT category, category_name FROM category_map WHERE dataset_id = ? "
                + "AND category_name IS NOT NULL ORDER BY category", datasetId);
    }

    private Map<String, String> twoColumns(String sql, String arg) {
        try {
            return read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, arg);
                    try (ResultSet rs = ps.executeQuery()) {
                        Map<String, String> out = new LinkedHashMap<>();
                        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                        return out;
                    }
                }
            });
        } catch (SQLException e) {
            throw fail("read the category map of " + arg, e);
        }
    }

    // ---------------------------------------------------------------- firms

    /** A sink for firm rows written in one transaction together with their dataset. */
    @FunctionalInterface
    public interface FirmWriter {
        /** A firm with its name ({@code name} null when there is none); NaN coordinates are stored as NULL. */
        void firm(String firmId, String name, String region, String industry, int year, double employment, double lat,
                  double lon);

        /** A firm without a name. */
        default void firm(String firmId, String region, String industry, int year, double employment, double lat,
                          double lon) {
            firm(firmId, null, region, industry, year, employment, lat, lon);
        }
    }

    /** Body of a bulk firm write; it may throw, which rolls the whole dataset back. */
    public interface FirmProducer {
        void produce(FirmWriter w) throws Exception;
    }

    /**
     * Stores firm-level rows under one dataset, together with the activity aggregated from them
     * (establishments = number of firms), so {@link #activity(String)} answers for it like for any
     * dataset. The producer streams rows; nothing is kept in Java memory.
     */
    public Dataset saveFirms(Dataset meta, FirmProducer producer, Map<String, String> codeToCategory,
                             Map<String, String> categoryNames, boolean replace) {
        inTransaction(() -> {
            if (dataset(meta.id()).isPresent()) {
                if (!replace) throw new StoreException(DataText.data("store.exists", meta.id(), location));
                deleteRows(meta.id());
            }
            insertDataset(meta);
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "firms")) {
                producer.produce((id, name, region, industry, year, emp, lat, lon) -> {
                    try {
                        a.beginRow().append(meta.id()).append(id).append(region).append(industry).append(year).append(emp);
                        appendNullable(a, lat);
                        appendNullable(a, lon);
                        appendNullable(a, name);
                        a.endRow();
                    } catch (SQLException e) {
                        throw new StoreException("cannot write a firm row: " + firstLine(e.getMessage()), e);
                    }
                });
            }
            // every dataset answers activity(id): firms are aggregated here, inside the database
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO activity SELECT dataset_id, region, industry, "
                    + "year, sum(employment), count(*), NULL, NULL FROM firms WHERE dataset_id = ? "
                    + "GROUP BY dataset_id, region, industry, year")) {
                ps.setString(1, meta.id());
                ps.executeUpdate();
            }
            appendCategories(dc, meta.id(), codeToCategory, categoryNames);
            return null;
        });
        return require(meta.id());
    }

    /**
     * Stores a firm-level file that {@code FirmsReader.readFirms} checked, as one dataset in one transaction:
     * its establishments row by row, inserted by the database engine straight from the file (nothing passes
     * through Java, so a national registry fits), and the regional activity the reader aggregated from the
     * same rows. The file is read a second time: when it no longer holds the rows that were checked, it is
     * refused and nothing is stored.
     */
    public Dataset saveFirms(Dataset meta, FirmRows rows, List<ActivityRecord> activity, Map<String, String> codeToCategory,
                             Map<String, String> categoryNames, boolean replace) {
        inTransaction(() -> {
            replaceable(meta.id(), replace);
            insertDataset(meta);
            long stored = rows.read(query -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO firms (dataset_id, firm_id, name, region, "
                        + "industry, year, employment, lat, lon) SELECT ?, firm_id, name, region, industry, year, employment, "
                        + "lat, lon FROM (" + query + ")")) {
                    ps.setString(1, meta.id());
                    return (long) ps.executeUpdate();
                }
            });
            if (stored != rows.count()) {
                throw new StoreException(DataText.data("store.firms.changed", rows.displayName(), rows.count(), stored));
            }
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            appendActivity(dc, meta.id(), activity);
            appendCategories(dc, meta.id(), codeToCategory, categoryNames);
            return null;
        });
        return require(meta.id());
    }

    /** Runs SQL that reads firms of a dataset; for aggregation queries inside the database. */
    public <T> T query(String sql, List<Object> params, ResultReader<T> reader) {
        try {
            return read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        return reader.read(rs);
                    }
                }
            });
        } catch (SQLException e) {
            throw fail("run a query", e);
        }
    }

    /** Reads a result set into a value. */
    public interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Employment and establishment counts of firms, aggregated in the database to activity rows. */
    public List<ActivityRecord> firmActivity(String datasetId) {
        require(datasetId);
        return query("SELECT region, industry, year, sum(employment), count(*) FROM firms WHERE dataset_id = ? "
                + "GROUP BY region, industry, year ORDER BY region, industry, year", List.of(datasetId), rs -> {
                    List<ActivityRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ActivityRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                                rs.getLong(5), Double.NaN, Double.NaN));
                    }
                    return out;
                });
    }

    /**
     * The region's establishments of a firm-level dataset in {@code year}, or — when the region has none
     * in that year — in the latest year it has ({@link Establishments#year()} says which year was used;
     * 0 and no rows when the region has no firms at all). Rows in firm-id order (numerically when the ids
     * are numbers). A StoreException when the dataset does not exist.
     */
    public Establishments establishments(String datasetId, String region, int year) {
        require(datasetId);
        OptionalInt used = establishmentsYear(datasetId, region, year);
        if (used.isEmpty()) return new Establishments(datasetId, region, year, 0, List.of());
        List<Establishment> rows = query("SELECT firm_id, name, region, industry, employment, lat, lon FROM firms "
                + "WHERE dataset_id = ? AND region = ? AND year = ? ORDER BY TRY_CAST(firm_id AS BIGINT) NULLS LAST, firm_id",
                List.of(datasetId, region, used.getAsInt()), rs -> {
                    List<Establishment> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Establishment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getDouble(5), nullable(rs, 6), nullable(rs, 7)));
                    }
                    return out;
                });
        return new Establishments(datasetId, region, year, used.getAsInt(), rows);
    }

    /**
     * The year {@link #establishments} uses: {@code year} when the region has firms in it, else the latest
     * year the region has in the dataset; empty when it has none.
     */
    public OptionalInt establishmentsYear(String datasetId, String region, int year) {
        return query("SELECT CASE WHEN bool_or(year = ?) THEN ? ELSE max(year) END FROM firms "
                + "WHERE dataset_id = ? AND region = ?", List.of(year, year, datasetId, region), rs -> {
                    rs.next();
                    int y = rs.getInt(1);
                    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(y);
                });
    }

    // ---------------------------------------------------------------- classifications (V005)

    /**
     * A classification system's name as stored: trimmed, lower case, 1–32 letters, digits, '.', '_' or
     * '-' starting with a letter or digit ({@code hs}, {@code hs2022}, {@code okpd2}).
     *
     * @throws IllegalArgumentException when it is not such a name
     */
    public static String systemName(String system) {
        String s = system == null ? "" : system.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[a-z0-9][a-z0-9._-]{0,31}")) {
            throw new IllegalArgumentException("a classification system is named by 1–32 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit (e.g. hs, okpd2), not \"" + system + "\"");
        }
        return s;
    }

    /**
     * Stores the codes and names of a classification under {@code system} in one transaction, replacing
     * whatever that system held before (nothing changes when the write fails).
     */
    public ClassificationSource saveClassification(String system, Classification c) {
        String sys = systemName(system);
        inTransaction(() -> {
            deleteClassificationRows(sys);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO classifications (system, source, sha256, rows, "
                    + "imported_at, layout, format) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, sys);
                ps.setString(2, c.sourceName());
                ps.setString(3, c.sha256());
                ps.setLong(4, c.entries().size());
                ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                ps.setString(6, c.layout().label());
                ps.setString(7, c.format());
                ps.executeUpdate();
            }
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "classification_entries")) {
                int ord = 0;
                for (Classification.Entry e : c.entries()) {
                    a.beginRow().append(sys).append(ord++).append(e.code()).append(e.name());
                    appendNullable(a, e.nameRu());
                    appendNullable(a, e.nameEn());
                    appendNullable(a, e.parent());
                    if (e.level() > 0) a.append(e.level()); else a.appendNull();
                    a.endRow();
                }
            }
            // codes are unique within a system (the reader refuses duplicates; this guards other callers)
            String duplicate = query("SELECT code FROM classification_entries WHERE system = ? GROUP BY code "
                    + "HAVING count(*) > 1 ORDER BY code LIMIT 1", List.of(sys), rs -> rs.next() ? rs.getString(1) : null);
            if (duplicate != null) {
                throw new StoreException("classification " + sys + ": code \"" + duplicate + "\" is listed twice; nothing was stored");
            }
            return null;
        });
        return classification(sys).orElseThrow();
    }

    /** Removes a classification system (no-op when absent); returns whether it existed. */
    public boolean deleteClassification(String system) {
        String sys = systemName(system);
        boolean existed = classification(sys).isPresent();
        inTransaction(() -> {
            deleteClassificationRows(sys);
            return null;
        });
        return existed;
    }

    private void deleteClassificationRows(String system) throws SQLException {
        for (String table : List.of("classification_entries", "classifications")) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE system = ?")) {
                ps.setString(1, system);
                ps.executeUpdate();
            }
        }
    }

    /** The stored classification systems with their provenance, by name. */
    public List<ClassificationSource> classifications() {
        return querySources("SELECT system, source, sha256, rows, imported_at, layout, format FROM classifications "
                + "ORDER BY system", List.of());
    }

    /** A stored classification system's provenance, if it is stored. */
    public Optional<ClassificationSource> classification(String system) {
        List<ClassificationSource> l = querySources("SELECT system, source, sha256, rows, imported_at, layout, format "
                + "FROM classifications WHERE system = ?", List.of(systemName(system)));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<ClassificationSource> querySources(String sql, List<Object> params) {
        return query(sql, params, rs -> {
            List<ClassificationSource> out = new ArrayList<>();
            while (rs.next()) {
                Timestamp t = rs.getTimestamp(5);
                out.add(new ClassificationSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getString(6),
                        rs.getString(7)));
            }
            return out;
        });
    }

    /** SQL for the name of an entry in {@code lang}: the Russian or English name when stored, else the name. */
    private static String nameColumn(String lang) {
        if ("ru".equalsIgnoreCase(lang)) return "coalesce(name_ru, name)";
        if ("en".equalsIgnoreCase(lang)) return "coalesce(name_en, name)";
        return "name";
    }

    /**
     * The name of a code in a stored classification, in {@code lang} ({@code ru}: the Russian name,
     * {@code en}: the English one, falling back to the name as the file gave it); empty when the system
     * or the code is not stored.
     */
    public Optional<String> productName(String system, String code, String lang) {
        if (code == null) return Optional.empty();
        String name = query("SELECT " + nameColumn(lang) + " FROM classification_entries WHERE system = ? AND code = ?",
                List.of(systemName(system), code.strip()), rs -> rs.next() ? rs.getString(1) : null);
        return Optional.ofNullable(name);
    }

    /**
     * Every code of a stored classification → its name in {@code lang} (as {@link #productName}), in file
     * order; empty when the system is not stored. Unmodifiable.
     */
    public Map<String, String> productNames(String system, String lang) {
        return query("SELECT code, " + nameColumn(lang) + " FROM classification_entries WHERE system = ? ORDER BY ord",
                List.of(systemName(system)), rs -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                    return java.util.Collections.unmodifiableMap(out);
                });
    }

    /** The stored entries of a classification, in file order (empty when the system is not stored). */
    public List<Classification.Entry> classificationEntries(String system) {
        return query("SELECT code, name, name_ru, name_en, parent, level FROM classification_entries WHERE system = ? "
                + "ORDER BY ord", List.of(systemName(system)), rs -> {
                    List<Classification.Entry> out = new ArrayList<>();
                    while (rs.next()) {
                        int level = rs.getInt(6);
                        if (rs.wasNull()) level = 0;
                        out.add(new Classification.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), level));
                    }
                    return out;
                });
    }

    // ---------------------------------------------------------------- plumbing

    /** Body of a transaction. */
    private interface Work<T> {
        T run() throws Exception;
    }

    private synchronized <T> T inTransaction(Work<T> work) {
        try {
            conn.setAutoCommit(false);
            try {
                T t = work.run();
                conn.commit();
                return t;
            } catch (Exception e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw fail("write", e);
        } catch (Exception e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + location + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String m) {
        if (m == null) return "unknown error";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A read on one connection. */
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs a read. Inside a transaction (this thread holds the writer's lock) it runs on the writer's
     * connection, so it sees the transaction's own rows; otherwise on a read connection of its own, so
     * readers neither wait for each other nor for a write (DuckDB's MVCC: they see the last commit).
     * At most {@link #READERS} reads run at once; more wait for a free connection.
     */
    private <T> T read(Read<T> r) throws SQLException {
        if (Thread.holdsLock(this)) return r.run(conn);
        readPermits.acquireUninterruptibly();
        Connection c = null;
        try {
            c = idleReaders.poll();
            if (c == null) {
                if (closed) throw new SQLException("the database is closed");
                c = conn.unwrap(DuckDBConnection.class).duplicate();
                // a duplicate inherits the writer's auto-commit flag, which is off while a write is open:
                // left so, the reader would keep one old snapshot for ever
                c.setAutoCommit(true);
            }
            T t = r.run(c);
            return t;
        } finally {
            if (c != null) {
                if (closed) closeQuietly(c); else idleReaders.offer(c);
            }
            readPermits.release();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a reader at shutdown: nothing to save
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idleReaders.poll()) != null; ) closeQuietly(c);
        try {
            conn.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
    // ---------------------------------------------------------------- input–output tables (V003)

    /**
     * Stores an input–output table in one transaction (kind {@code io} or {@code rosstat-io} in
     * {@code meta}), replacing a dataset of the same id when {@code replace} is set. Only non-zero
     * cells are written; {@link #ioTable} restores the table exactly.
     */
    public Dataset saveIoTable(Dataset meta, IoTable t, boolean replace) {
        inTransaction(() -> {
            replaceable(meta.id(), replace);
            insertDataset(meta);
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "io_sectors")) {
                for (int i = 0; i < t.size(); i++) {
                    a.beginRow().append(meta.id()).append(i).append(t.sectors().get(i));
                    String name = t.names() == null ? null : t.names().get(i);
                    if (name == null) a.appendNull(); else a.append(name);
                    a.endRow();
                }
            }
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "io_final_demand")) {
                for (int k = 0; k < t.finalDemandCategories().size(); k++) {
                    a.beginRow().append(meta.id()).append(k).append(t.finalDemandCategories().get(k)).endRow();
                }
            }
            Map<String, DenseMatrix> parts = new LinkedHashMap<>();
            parts.put("Z", t.intermediate());
            parts.put("F", t.finalDemand());
            if (t.importMatrix() != null) parts.put("M", t.importMatrix());
            if (t.imports() != null) parts.put("IMP", DenseMatrix.wrap(1, t.size(), t.imports().clone()));
            if (t.importsFinalUse() != null) parts.put(t.importMatrix() != null ? "MF" : "IMPF", t.importsFinalUse());
            if (t.valueAdded() != null) parts.put("VA", DenseMatrix.wrap(1, t.size(), t.valueAdded().clone()));
            if (t.givenTotalOutput() != null) parts.put("X", DenseMatrix.wrap(1, t.size(), t.givenTotalOutput().clone()));
            try (DuckDBAppender p = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "io_parts");
                 DuckDBAppender c = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "io_cells")) {
                for (Map.Entry<String, DenseMatrix> e : parts.entrySet()) {
                    p.beginRow().append(meta.id()).append(e.getKey()).endRow();
                    DenseMatrix m = e.getValue();
                    // the implied value of a cell left out: NaN (empty) in X and the final-use parts, else 0
                    boolean emptyByDefault = EMPTY_BY_DEFAULT.contains(e.getKey());
                    for (int j = 0; j < m.cols(); j++) {
                        for (int i = 0; i < m.rows(); i++) {
                            double v = m.get(i, j);
                            if (emptyByDefault ? !Double.isNaN(v) : v != 0) {
                                c.beginRow().append(meta.id()).append(e.getKey()).append(i).append(j).append(v).endRow();
                            }
                        }
                    }
                }
            }
            return null;
        });
        return require(meta.id());
    }

    /** IO parts whose cells left out of io_cells are empty (NaN) rather than zero. */
    private static final java.util.Set<String> EMPTY_BY_DEFAULT = java.util.Set.of("X", "MF", "IMPF");

    /** The stored input–output table of a dataset (a StoreException when it is not one). */
    public IoTable ioTable(String datasetId) {
        Dataset d = require(datasetId);
        try {
            return read(c -> ioTable(c, d));
        } catch (SQLException e) {
            throw fail("read the input–output table " + datasetId, e);
        }
    }

    private IoTable ioTable(Connection conn, Dataset d) throws SQLException {
        String datasetId = d.id();
        {
            List<String> codes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT code, name FROM io_sectors WHERE dataset_id = ? ORDER BY idx")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                        names.add(rs.getString(2));
                    }
                }
            }
            if (codes.isEmpty()) {
                throw new StoreException(DataText.data("store.not.io", datasetId, d.kind()));
            }
            List<String> categories = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT category FROM io_final_demand WHERE dataset_id = ? ORDER BY idx")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) categories.add(rs.getString(1));
                }
            }
            int n = codes.size();
            int k = categories.size();
            Map<String, DenseMatrix> parts = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT part FROM io_parts WHERE dataset_id = ?")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String part = rs.getString(1);
                        int rows = switch (part) {
                            case "IMP", "IMPF", "VA", "X" -> 1;
                            default -> n;
                        };
                        int cols = part.equals("F") || part.equals("MF") || part.equals("IMPF") ? k : n;
                        DenseMatrix m = new DenseMatrix(rows, cols);
                        // cells left out of X and the final-use parts were empty, not zero
                        if (EMPTY_BY_DEFAULT.contains(part)) {
                            java.util.Arrays.fill(m.data(), Double.NaN);
                        }
                        parts.put(part, m);
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT part, i, j, value FROM io_cells WHERE dataset_id = ?")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.get(rs.getString(1)).set(rs.getInt(2), rs.getInt(3), rs.getDouble(4));
                    }
                }
            }
            boolean anyName = names.stream().anyMatch(x -> x != null);
            DenseMatrix mf = parts.get("MF");
            DenseMatrix impf = parts.get("IMPF");
            return new IoTable(codes, anyName ? names : null, parts.get("Z"), categories, parts.get("F"),
                    parts.containsKey("IMP") ? parts.get("IMP").data() : null, parts.get("M"),
                    mf != null ? mf : impf,
                    parts.containsKey("VA") ? parts.get("VA").data() : null,
                    parts.containsKey("X") ? parts.get("X").data() : null);
        }
    }

    // ---------------------------------------------------------------- trade (V003)

    /** Stores trade flows, production and partner groups in one transaction. */
    public Dataset saveTrade(Dataset meta, TradeData data, boolean replace) {
        inTransaction(() -> {
            replaceable(meta.id(), replace);
            insertDataset(meta);
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trade_flows")) {
                for (TradeFlow f : data.flows()) {
                    a.beginRow().append(meta.id()).append(f.year()).append(f.reporter()).append(f.partner())
                            .append(f.product()).append(f.flow() == TradeFlow.Flow.IMPORT ? "import" : "export")
                            .append(f.value()).endRow();
                }
            }
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trade_production")) {
                for (Production p : data.production()) {
                    a.beginRow().append(meta.id()).append(p.year()).append(p.reporter()).append(p.product())
                            .append(p.value()).endRow();
                }
            }
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trade_groups")) {
                int ord = 0;
                for (Map.Entry<String, List<String>> g : data.groups().entrySet()) {
                    for (String m : g.getValue()) {
                        a.beginRow().append(meta.id()).append(g.getKey()).append(m).append(ord++).endRow();
                    }
                }
            }
            return null;
        });
        return require(meta.id());
    }

    /** The stored trade of a dataset, in a stable order (a StoreException when it is not trade). */
    public TradeData trade(String datasetId) {
        Dataset d = require(datasetId);
        try {
            return read(c -> trade(c, d));
        } catch (SQLException e) {
            throw fail("read the trade of " + datasetId, e);
        }
    }

    private TradeData trade(Connection conn, Dataset d) throws SQLException {
        String datasetId = d.id();
        {
            List<TradeFlow> flows = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT year, reporter, partner, product, flow, value "
                    + "FROM trade_flows WHERE dataset_id = ? ORDER BY year, reporter, product, flow, partner")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        flows.add(new TradeFlow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5).equals("import") ? TradeFlow.Flow.IMPORT : TradeFlow.Flow.EXPORT,
                                rs.getDouble(6)));
                    }
                }
            }
            if (flows.isEmpty() && d.kind() != DatasetKind.TRADE) {
                throw new StoreException(DataText.data("store.not.trade", datasetId, d.kind().label()));
            }
            List<Production> production = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT year, reporter, product, value "
                    + "FROM trade_production WHERE dataset_id = ? ORDER BY year, reporter, product")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        production.add(new Production(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
                    }
                }
            }
            Map<String, List<String>> groups = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT grp, member FROM trade_groups WHERE dataset_id = ? ORDER BY ord")) {
                ps.setString(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return new TradeData(flows, production, groups, d.sha256());
        }
    }

    // ---------------------------------------------------------------- exports (V004)

    /** Stores exports for complexity (formats.md §4) in one transaction. */
    public Dataset saveExports(Dataset meta, List<ExportRecord> rows, boolean replace) {
        inTransaction(() -> {
            replaceable(meta.id(), replace);
            insertDataset(meta);
            DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "exports")) {
                for (ExportRecord r : rows) {
                    a.beginRow().append(meta.id()).append(r.year()).append(r.location()).append(r.product())
                            .append(r.value()).endRow();
                }
            }
            return null;
        });
        return require(meta.id());
    }

    /** The stored exports of a dataset, in a stable order (year, location, product); a StoreException when it is not exports. */
    public List<ExportRecord> exports(String datasetId) {
        Dataset d = require(datasetId);
        List<ExportRecord> out = query("SELECT year, location, product, value FROM exports WHERE dataset_id = ? "
                + "ORDER BY year, location, product", List.of(datasetId), rs -> {
                    List<ExportRecord> l = new ArrayList<>();
                    while (rs.next()) {
                        l.add(new ExportRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
                    }
                    return l;
                });
        if (out.isEmpty() && d.kind() != DatasetKind.EXPORTS) {
            throw new StoreException(DataText.data("store.not.exports", datasetId, d.kind().label()));
        }
        return out;
    }

    private void replaceable(String id, boolean replace) throws SQLException {
        if (dataset(id).isPresent()) {
            if (!replace) throw new StoreException(DataText.data("store.exists", id, location));
            deleteRows(id);
        }
    }

    // ---------------------------------------------------------------- boundaries (V002)

    /** Replaces the stored region boundaries with these, in one transaction. */
    public void saveBoundaries(org.klaster.data.formats.BoundariesReader.Boundaries b) {
        inTransaction(() -> {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM boundaries");
                st.execute("DELETE FROM boundaries_source");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO boundaries VALUES (?, ?, ?)")) {
                for (org.klaster.data.formats.BoundariesReader.Boundary r : b.regions()) {
                    ps.setString(1, r.iso());
                    ps.setString(2, r.name());
                    ps.setString(3, org.klaster.data.formats.BoundariesReader.toJson(r));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO boundaries_source VALUES (?, ?, ?, ?)")) {
                ps.setString(1, b.sourceName());
                ps.setString(2, b.sha256());
                ps.setInt(3, b.regions().size());
                ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes the imported boundaries (maps go back to the tile grid). */
    public void clearBoundaries() {
        inTransaction(() -> {
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM boundaries");
                st.execute("DELETE FROM boundaries_source");
            }
            return null;
        });
    }

    /** The stored boundaries (empty when none were imported), in region-code order. */
    public List<org.klaster.data.formats.BoundariesReader.Boundary> boundaries() {
        return query("SELECT iso, name, geometry FROM boundaries ORDER BY iso", List.of(), rs -> {
            List<org.klaster.data.formats.BoundariesReader.Boundary> out = new ArrayList<>();
            while (rs.next()) {
                out.add(org.klaster.data.formats.BoundariesReader.fromJson(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    /** Where the stored boundaries came from ("file.geojson, 83 regions, sha256 …"), or empty. */
    public Optional<String> boundariesSource() {
        return query("SELECT source, regions, sha256, imported_at FROM boundaries_source", List.of(), rs ->
                rs.next() ? Optional.of(rs.getString(1) + ", " + rs.getInt(2) + " regions, sha256 "
                        + rs.getString(3).substring(0, Math.min(12, rs.getString(3).length())) + ", imported "
                        + rs.getTimestamp(4).toLocalDateTime().toInstant(ZoneOffset.UTC)) : Optional.empty());
    }
}
