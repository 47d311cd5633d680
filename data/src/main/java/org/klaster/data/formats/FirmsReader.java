package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;
import org.klaster.activity.ActivityRecord;

/**
 * Reads firm-level files, formats.md §1: {@code firm_id,region,industry,year,employment[,lat,lon][,name]}
 * as CSV (UTF-8, {@code ,} {@code ;} or tab) or Parquet, and aggregates them to regional activity
 * (employment = sum, establishments = number of rows) <em>inside DuckDB</em>, so tens of millions
 * of rows never pass through Java one by one.
 *
 * <p>Validation happens in the same scan: every cell is read as text, and SQL counts empty
 * firm ids, regions and industries, years that are not 1900–2100, employment that is not a number
 * or negative, and duplicate (firm_id, year) pairs. Only when something is wrong does a second,
 * streaming pass (commons-csv for CSV, an ordered DuckDB scan for Parquet) find the first
 * offending line, so the error still names file, line and column. The same checks are applied in
 * both passes.
 *
 * <p>Firm files accept a narrower number syntax than {@link Numbers}: digits with an optional
 * decimal mark (a point, or a comma in {@code ;}-separated files), optionally grouped by spaces
 * ({@code 1 234}); no exponents and no point/comma grouping. Duplicates are looked for on (firm_id, year)
 * exactly as written.
 *
 * <p>{@code lat} and {@code lon} (degrees) come together or not at all: both columns or neither, and in
 * each row both values or neither; a latitude lies in −90…90, a longitude in −180…180, written like
 * employment. They and the establishment's {@code name} are checked and kept for the rows
 * ({@link #readFirms} gives them as {@link FirmRows}, for the store), not used by the aggregate.
 *
 * <p>Resources: DuckDB runs in memory with {@code threads} worker threads and a memory limit,
 * spilling to a temporary directory that is removed afterwards.
 */
public final class FirmsReader {

    /**
     * Receives progress: a phase description and, where known, a fraction 0–1 (NaN when unknown).
     * May be called from a background thread; the fraction of one phase never decreases.
     */
    @FunctionalInterface
    public interface Progress {
        void update(String phase, double fraction);

        Progress NONE = (phase, fraction) -> { };
    }

    static final String FIRM_ID = "firm_id";
    static final String LAT = "lat";
    static final String LON = "lon";
    /** Optional: the establishment's name (any text, may be empty). */
    static final String NAME = "name";
    private static final Set<String> KNOWN = Set.of(FIRM_ID, ActivityReader.REGION, ActivityReader.INDUSTRY,
            ActivityReader.YEAR, ActivityReader.EMPLOYMENT, LAT, LON, NAME);
    private static final String[] REQUIRED = {FIRM_ID, ActivityReader.REGION, ActivityReader.INDUSTRY,
        ActivityReader.YEAR, ActivityReader.EMPLOYMENT};

    /** Blank characters as a regex class body (same set as {@link Text#BLANKS}); RE2 and java.util.regex agree. */
    private static final String BL = "\\x01-\\x20\\x{00A0}\\x{2007}\\x{2009}\\x{202F}\\x{FEFF}";
    private static final String GROUP = "[ \\x{00A0}\\x{2009}\\x{202F}]";
    private static final int MAX_DUPLICATE_KEYS = 1000;

    private final int threads;
    private final String memoryLimit;

    /** Uses all available processors and a memory limit of a quarter of physical memory, capped at 4 GB. */
    public FirmsReader() {
        this(Runtime.getRuntime().availableProcessors(), defaultMemoryLimit());
    }

    /**
     * @param threads     DuckDB worker threads (≥ 1)
     * @param memoryLimit DuckDB memory limit, e.g. {@code "1GB"}; beyond it DuckDB spills to a temporary directory
     */
    public FirmsReader(int threads, String memoryLimit) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
        if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memoryLimit must look like 512MB or 2GB: " + memoryLimit);
        }
        this.threads = threads;
        this.memoryLimit = memoryLimit;
    }

    private static String defaultMemoryLimit() {
        long bytes = 4L << 30;
        try {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                bytes = Math.min(bytes, Math.max(512L << 20, sun.getTotalMemorySize() / 4));
            }
        } catch (RuntimeException | LinkageError e) {
            bytes = 1L << 30;
        }
        return (bytes >> 20) + "MB";
    }

    public ActivityData read(Path file) throws IOException {
        return read(file, Progress.NONE);
    }

    /**
     * Reads and aggregates a firm file.
     *
     * @return records sorted by region, industry, year, with {@code establishments} = number of
     *         firm rows and wages/output missing (NaN)
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if the file cannot be read for another reason
     */
    public ActivityData read(Path file, Progress progress) throws IOException {
        return read(file, progress, true);
    }

    /**
     * Reads and aggregates a firm file; {@code digest} = false skips the SHA-256 of the file (about
     * 2 s of CPU per 10 M rows) when no provenance is stored, and the result's sha256 is null.
     */
    public ActivityData read(Path file, Progress progress, boolean digest) throws IOException {
        return readAll(file, progress, digest).activity();
    }

    /** What {@link #readFirms} gives: the aggregate and the establishments, both of the same checked file. */
    public record Result(ActivityData activity, FirmRows rows) {
        public Result {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(rows, "rows");
        }
    }

    /**
     * Reads, checks and aggregates a firm file like {@link #read(Path, Progress)} (with its SHA-256), and
     * also describes its establishments for storing them row by row ({@link FirmRows}: a query the store
     * runs over the file, after this check; nothing is held in memory).
     *
     * @throws InputException on any problem with the content
     */
    public Result readFirms(Path file, Progress progress) throws IOException {
        return readAll(file, progress, true);
    }

    private Result readAll(Path file, Progress progress, boolean digest) throws IOException {
        Objects.requireNonNull(progress, "progress");
        progress.update("checking " + InputException.displayName(file), Double.NaN);
        TabularFile.Sniff head = TabularFile.Sniff.headOnly(file);
        if (head.size == 0) {
            throw InputException.file(file, data("file.empty"));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<String> sha = digest ? CompletableFuture.supplyAsync(() -> sha256(file, stop))
                : CompletableFuture.completedFuture(null);
        try {
            Result data;
            Path tmp = Files.createTempDirectory("klaster-firms-");
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                configure(db, tmp);
                Path safe = safePath(file, tmp);
                byte[] h = head.head;
                if (head.isParquet()) {
                    data = new ParquetJob(file, safe, db, progress).run();
                } else if (TabularFile.startsWith(h, 0x50, 0x4B, 0x03, 0x04) || TabularFile.startsWith(h, 0xD0, 0xCF, 0x11, 0xE0)) {
                    throw InputException.file(file, data("firms.excel"));
                } else if (TabularFile.startsWith(h, 0x1F, 0x8B, 0x08)) {
                    throw InputException.file(file, data("file.gzip"));
                } else if (TabularFile.startsWith(h, 0xFF, 0xFE) || TabularFile.startsWith(h, 0xFE, 0xFF)) {
                    throw InputException.file(file, data("firms.utf16"));
                } else {
                    data = new CsvJob(file, safe, db, progress, TabularFile.startsWith(h, 0xEF, 0xBB, 0xBF)).run();
                }
            } catch (SQLException e) {
                throw new IOException("DuckDB failed on " + file + ": " + e.getMessage(), e);
            } finally {
                deleteRecursively(tmp);
            }
            String fileSha = sha.get();
            progress.update("done", 1.0);
            ActivityData a = data.activity();
            return new Result(new ActivityData(a.records(), a.warnings(), fileSha, a.sourceName(), a.format()), data.rows());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(c);
        } finally {
            stop.set(true);
        }
    }

    private void configure(Connection db, Path tmp) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimit + "'");
            s.execute("SET temp_directory = '" + sqlString(tmp.toAbsolutePath().toString()) + "'");
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET enable_progress_bar = true");
            s.execute("SET enable_progress_bar_print = false");
        }
    }

    /** DuckDB expands glob characters in file names; such a file is read through a symbolic link. */
    static Path safePath(Path file, Path tmp) throws IOException {
        String s = file.toAbsolutePath().toString();
        if (s.indexOf('*') < 0 && s.indexOf('?') < 0 && s.indexOf('[') < 0 && s.indexOf('{') < 0) {
            return file.toAbsolutePath();
        }
        Path link = tmp.resolve("input" + (s.toLowerCase(Locale.ROOT).endsWith(".parquet") ? ".parquet" : ".csv"));
        try {
            return Files.createSymbolicLink(link, file.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            return Files.copy(file, link);
        }
    }

    private static String sha256(Path file, AtomicBoolean stop) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0 && !stop.get()) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    static String sqlString(String s) {
        return s.replace("'", "''");
    }

    // ------------------------------------------------------------------------------ shared logic

    /** The employment syntax of firm files, as one regular expression valid in RE2 and java.util.regex. */
    static String employmentPattern(char decimalMark) {
        String d = decimalMark == ',' ? "," : "[.]";
        return "[" + BL + "]*-?([0-9]+|[0-9]{1,3}(" + GROUP + "[0-9]{3})+)(" + d + "[0-9]+)?[" + BL + "]*";
    }

    /** SQL: the employment value of text column {@code col}, NULL when it does not match {@link #employmentPattern}. */
    static String employmentSql(String col, char decimalMark) {
        String normalised = "regexp_replace(" + col + ", '[" + BL + "]', '', 'g')";
        if (decimalMark == ',') {
            normalised = "replace(" + normalised + ", ',', '.')";
        }
        return "CASE WHEN regexp_full_match(" + col + ", '[0-9]+') THEN CAST(" + col + " AS DOUBLE)"
                + " WHEN regexp_full_match(" + col + ", '" + employmentPattern(decimalMark) + "') THEN CAST("
                + normalised + " AS DOUBLE) END";
    }

    /** SQL: whether text column {@code col} is empty — NULL or blanks only, as {@link Text#isBlank}. */
    static String blankSql(String col) {
        return "(" + col + " IS NULL OR regexp_full_match(" + col + ", '[" + BL + "]*'))";
    }

    /** SQL: text column {@code col} without leading and trailing blanks, as {@link Text#strip}. */
    static String stripSql(String col) {
        return "regexp_replace(" + col + ", '^[" + BL + "]+|[" + BL + "]+$', '', 'g')";
    }

    /** Largest magnitude of a latitude and of a longitude, in degrees. */
    private static final int MAX_LAT = 90;
    private static final int MAX_LON = 180;

    /**
     * SQL of one coordinate column: its value (DOUBLE, NULL when it is not a number) and whether it is empty;
     * for text, also a cheap test for the usual plain decimal ({@code 53.2}) and its value (null for numbers).
     */
    private record Coordinate(String value, String blank, String plain, String plainValue) { }

    /** What one pass over the rows looks like to the shared checks; lat/lon texts are null without those columns. */
    private record RawRow(long line, String firmId, String region, String industry, String year, String employmentText,
                          Double employment, String latText, Double lat, String lonText, Double lon) { }

    /** A place a check can complain about. */
    private interface Locator {
        InputException at(long line, String column, org.klaster.Text problem);
    }

    /** Accumulated result of the aggregate query. */
    private static final class Aggregate {
        final Map<List<Object>, double[]> cells = new LinkedHashMap<>();
        long badFirm;
        long badEmployment;
        long negativeEmployment;
        long badRegion;
        long badIndustry;
        long badYear;
        long badCoordinates;
        /** Rows of the file (all groups). */
        long total;
        final List<Long> duplicateHashes = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();

        /** Merges the groups in a fixed order, so sums do not depend on DuckDB's thread scheduling. */
        void finish() {
            groups.sort(GROUP_ORDER);
            for (Group g : groups) {
                add(g.region(), g.industry(), g.year(), g.employment(), g.n(), g.badE(), g.negE(), g.badF(), g.badC());
            }
            groups.clear();
        }

        boolean clean() {
            return badValues() == 0 && duplicateHashes.isEmpty();
        }

        /** Rows with a bad value of any kind (duplicates aside). */
        long badValues() {
            return badFirm + badEmployment + negativeEmployment + badRegion + badIndustry + badYear + badCoordinates;
        }

        /** Merges one group (raw codes from the file) after the same trimming/parsing the checks use. */
        void add(String rawRegion, String rawIndustry, String rawYear, double employment, long n, long badE,
                 long negE, long badF, long badC) {
            badEmployment += badE;
            negativeEmployment += negE;
            badFirm += badF;
            badCoordinates += badC;
            total += n;
            String region = rawRegion == null ? "" : Text.strip(rawRegion);
            String industry = rawIndustry == null ? "" : Text.strip(rawIndustry);
            int year;
            try {
                year = Numbers.parseYear(rawYear);
            } catch (Numbers.NotANumberException e) {
                badYear += n;
                return;
            }
            if (region.isEmpty()) {
                badRegion += n;
                return;
            }
            if (industry.isEmpty()) {
                badIndustry += n;
                return;
            }
            double[] acc = cells.computeIfAbsent(List.of(region, industry, year), k -> new double[2]);
            acc[0] += employment;
            acc[1] += n;
        }

        List<ActivityRecord> records() {
            List<ActivityRecord> out = new ArrayList<>(cells.size());
            for (Map.Entry<List<Object>, double[]> e : cells.entrySet()) {
                List<Object> k = e.getKey();
                out.add(new ActivityRecord((String) k.get(0), (String) k.get(1), (Integer) k.get(2), e.getValue()[0],
                        e.getValue()[1], Double.NaN, Double.NaN));
            }
            out.sort(Comparator.comparing(ActivityRecord::region).thenComparing(ActivityRecord::industry)
                    .thenComparingInt(ActivityRecord::year));
            return out;
        }

        org.klaster.Text summary() {
            List<org.klaster.Text> parts = new ArrayList<>();
            if (badFirm > 0) {
                parts.add(data("firms.summary.firm", badFirm));
            }
            if (badRegion > 0) {
                parts.add(data("firms.summary.region", badRegion));
            }
            if (badIndustry > 0) {
                parts.add(data("firms.summary.industry", badIndustry));
            }
            if (badYear > 0) {
                parts.add(data("firms.summary.year", badYear));
            }
            if (badEmployment > 0) {
                parts.add(data("firms.summary.employment", badEmployment));
            }
            if (negativeEmployment > 0) {
                parts.add(data("firms.summary.negative", negativeEmployment));
            }
            if (badCoordinates > 0) {
                parts.add(data("firms.summary.coordinates", badCoordinates));
            }
            if (!duplicateHashes.isEmpty()) {
                parts.add(data("firms.summary.duplicates"));
            }
            return data("verbatim", parts);
        }
    }

    /**
     * The checks of one row, identical to what the SQL counts. Returns normally when the row is
     * fine; remembers firm-year keys listed in {@code duplicates} to name both lines.
     */
    private static final class RowChecker {
        private final Pattern employment;
        private final char decimalMark;
        private final Set<List<String>> duplicates;
        private final Map<List<String>, Long> seen = new HashMap<>();
        private final Locator where;
        private final String unit;
        private final boolean coordinates;

        RowChecker(char decimalMark, Set<List<String>> duplicates, Locator where, String unit, boolean coordinates) {
            this.employment = Pattern.compile(employmentPattern(decimalMark));
            this.decimalMark = decimalMark;
            this.duplicates = duplicates;
            this.where = where;
            this.unit = unit;
            this.coordinates = coordinates;
        }

        void check(RawRow r) {
            if (r.firmId == null || onlySpaces(r.firmId)) {
                throw where.at(r.line, FIRM_ID, data("firms.firm.empty"));
            }
            if (r.region == null || Text.strip(r.region).isEmpty()) {
                throw where.at(r.line, ActivityReader.REGION, data("firms.region.empty"));
            }
            if (r.industry == null || Text.strip(r.industry).isEmpty()) {
                throw where.at(r.line, ActivityReader.INDUSTRY, data("firms.industry.empty"));
            }
            try {
                Numbers.parseYear(r.year);
            } catch (Numbers.NotANumberException e) {
                throw where.at(r.line, ActivityReader.YEAR, e.text());
            }
            String text = r.employmentText == null ? "" : r.employmentText;
            Double value = number(r.employment, r.employmentText);
            if (value == null) {
                throw where.at(r.line, ActivityReader.EMPLOYMENT, employmentProblem(text));
            }
            if (Math.abs(value) > Numbers.MAX_MAGNITUDE) {
                throw where.at(r.line, ActivityReader.EMPLOYMENT, data("number.out.of.range", quoted(text)));
            }
            if (value < 0) {
                throw where.at(r.line, ActivityReader.EMPLOYMENT, data("firms.employment.negative", quoted(text)));
            }
            checkCoordinates(r);
            if (!duplicates.isEmpty()) {
                List<String> key = List.of(r.firmId, r.year == null ? "" : r.year);
                if (duplicates.contains(key)) {
                    Long first = seen.putIfAbsent(key, r.line);
                    if (first != null) {
                        throw where.at(r.line, FIRM_ID, data("firms.duplicate", quoted(r.firmId), Text.strip(r.year),
                                data("first.on", data(unit, first))));
                    }
                }
            }
        }

        /**
         * The value the SQL reads: {@code parsed} when the scan gave one, else {@code text} in the firm files'
         * number syntax; null when it is not a finite number.
         */
        private Double number(Double parsed, String raw) {
            Double value = parsed;
            String text = raw == null ? "" : raw;
            if (value == null && isDigits(text)) {
                value = Double.parseDouble(text); // the SQL's first branch: plain digits
            } else if (value == null && raw != null && employment.matcher(text).matches()) {
                String s = text.replaceAll("[" + BL + "]", "");
                value = Double.parseDouble(decimalMark == ',' ? s.replace(',', '.') : s);
            }
            return value == null || value.isNaN() || value.isInfinite() ? null : value;
        }

        /** Both coordinates or neither, each a number in range; what the SQL counts as {@code bad_c}. */
        private void checkCoordinates(RawRow r) {
            if (!coordinates) {
                return;
            }
            boolean noLat = Text.isBlank(r.latText) && r.lat == null;
            boolean noLon = Text.isBlank(r.lonText) && r.lon == null;
            if (noLat != noLon) {
                throw where.at(r.line, noLat ? LAT : LON, data("firms.coordinates.half", noLat ? LON : LAT));
            }
            if (!noLat) {
                coordinate(r.line, LAT, r.latText, r.lat, MAX_LAT);
                coordinate(r.line, LON, r.lonText, r.lon, MAX_LON);
            }
        }

        private void coordinate(long line, String column, String raw, Double parsed, int max) {
            String text = raw == null ? "" : raw;
            Double value = number(parsed, raw);
            if (value == null) {
                throw where.at(line, column, employmentProblem(text));
            }
            if (Math.abs(value) > max) {
                throw where.at(line, column, data(column.equals(LAT) ? "firms.lat.range" : "firms.lon.range", quoted(text)));
            }
        }

        /** Empty or only ASCII spaces: what {@code trim(fid) = ''} finds in DuckDB. */
        private static boolean onlySpaces(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != ' ') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isDigits(String s) {
            if (s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        private org.klaster.Text employmentProblem(String text) {
            if (Text.isBlank(text)) {
                return data("value.empty.number");
            }
            try {
                Numbers.parse(text, decimalMark == ',' ? Numbers.DecimalMark.COMMA : Numbers.DecimalMark.POINT);
            } catch (Numbers.NotANumberException e) {
                return e.text();
            }
            return data(decimalMark == ',' ? "firms.number.comma" : "firms.number.point", quoted(text));
        }
    }

    /** {@link Numbers#MAX_MAGNITUDE} as a SQL literal. */
    private static final String MAX_SQL = "1e18";

    /** Runs {@code sql}, feeding DuckDB's progress to {@code progress}, and hands each row to {@code sink}. */
    private static void query(Connection db, String sql, Progress progress, String phase, RowSink sink)
            throws SQLException {
        try (DuckDBPreparedStatement ps = db.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            Thread poller = null;
            if (progress != Progress.NONE) {
                poller = new Thread(() -> {
                    double last = 0;
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(250);
                            QueryProgress p = ps.getQueryProgress();
                            double pct = p.getPercentage();
                            if (pct >= 0 && pct / 100.0 > last) {
                                last = Math.min(1.0, pct / 100.0);
                                progress.update(phase, last);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (SQLException | RuntimeException e) {
                        // progress is best effort
                    }
                }, "klaster-firms-progress");
                poller.setDaemon(true);
                poller.start();
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            } finally {
                if (poller != null) {
                    poller.interrupt();
                    try {
                        poller.join(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void readAggregate(ResultSet rs, Aggregate agg) throws SQLException {
        if (rs.getInt("g") == 1) {
            agg.groups.add(new Group(rs.getString("region"), rs.getString("industry"), rs.getString("year"),
                    rs.getDouble("employment"), rs.getLong("n"), rs.getLong("bad_e"), rs.getLong("neg_e"),
                    rs.getLong("bad_f"), rs.getLong("bad_c")));
        } else if (agg.duplicateHashes.size() < MAX_DUPLICATE_KEYS) {
            agg.duplicateHashes.add(rs.getLong("h"));
        }
    }

    /** One row of the aggregate's (region, industry, year) grouping set, codes as written in the file. */
    private record Group(String region, String industry, String year, double employment, long n, long badE, long negE,
                         long badF, long badC) { }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Group> GROUP_ORDER = Comparator.comparing(Group::region, NULLS_FIRST)
            .thenComparing(Group::industry, NULLS_FIRST).thenComparing(Group::year, NULLS_FIRST);

    /**
     * The single aggregate scan. DuckDB fans the scan out to two aggregations: per (region,
     * industry, year) as written — sum, count and bad-value counts — and per hash of (firm_id,
     * year), keeping only hashes seen more than once. With coordinates ({@code lat} and {@code lon} both
     * non-null, or both null without them) it also counts rows whose coordinates are bad: one of the two
     * empty, not a number, or out of range.
     */
    private static String aggregateSql(String source, String fid, String region, String industry, String year,
                                       String employmentExpr, Coordinate lat, Coordinate lon) {
        // only a flag per row reaches the materialised src, not the coordinates themselves
        String badC = "";
        if (lat != null) {
            String general = "(" + lat.blank() + " <> " + lon.blank() + " OR NOT " + lat.blank() + " AND (" + lat.value()
                    + " IS NULL OR abs(" + lat.value() + ") > " + MAX_LAT + ") OR NOT " + lon.blank() + " AND ("
                    + lon.value() + " IS NULL OR abs(" + lon.value() + ") > " + MAX_LON + "))";
            // CASE evaluates ELSE only for the rows that need it: two plain decimals cost two regexes and a range check
            boolean text = lat.plain() != null && lon.plain() != null;
            badC = ", " + (!text ? general : "CASE WHEN " + lat.plain() + " AND " + lon.plain() + " THEN abs("
                    + lat.plainValue() + ") > " + MAX_LAT + " OR abs(" + lon.plainValue() + ") > " + MAX_LON + " ELSE "
                    + general + " END") + " AS badc";
        }
        // a value beyond Numbers.MAX_MAGNITUDE counts as bad (NULL): the streaming pass then names its line
        return "WITH raw AS (SELECT " + fid + " AS fid, " + region + " AS region, " + industry + " AS industry, "
                + year + " AS year, " + employmentExpr + " AS e0" + badC + " FROM " + source + "),"
                + " src AS (SELECT fid, region, industry, year, CASE WHEN abs(e0) <= " + MAX_SQL + " THEN e0 END AS e"
                + (lat == null ? "" : ", badc") + " FROM raw)"
                + " SELECT 1 AS g, region, industry, year, NULL::UBIGINT AS h, fsum(e) AS employment, count(*) AS n,"
                + " count(*) FILTER (WHERE e IS NULL) AS bad_e,"
                + " count(*) FILTER (WHERE e < 0) AS neg_e,"
                + " count(*) FILTER (WHERE fid IS NULL OR trim(fid) = '') AS bad_f,"
                + (lat == null ? " 0" : " count(*) FILTER (WHERE badc)") + " AS bad_c"
                + " FROM src GROUP BY region, industry, year"
                + " UNION ALL"
                + " SELECT 0, NULL, NULL, NULL, hash(fid, year) AS h, NULL, count(*), 0, 0, 0, 0"
                + " FROM src GROUP BY h HAVING count(*) > 1";
    }

    /**
     * The query {@link FirmRows} runs: the file's rows in the store's columns, each cell read as the
     * checks read it; {@code source} gives the table function that reads the file at a path (a SQL string body).
     */
    private static FirmRows rows(Path file, long count, java.util.function.UnaryOperator<String> source, String fid,
                                 String name, String region, String industry, String year, String employmentExpr,
                                 Coordinate lat, Coordinate lon) {
        String sql = "SELECT " + fid + " AS firm_id, "
                + (name == null ? "NULL::VARCHAR" : "NULLIF(" + stripSql(name) + ", '')") + " AS name, "
                + stripSql(region) + " AS region, " + stripSql(industry) + " AS industry, "
                + "CAST(" + stripSql(year) + " AS INTEGER) AS year, " + employmentExpr + " AS employment, "
                + (lat == null ? "NULL::DOUBLE" : lat.value()) + " AS lat, "
                + (lon == null ? "NULL::DOUBLE" : lon.value()) + " AS lon FROM ";
        return new FirmRows(file, count, path -> sql + source.apply(path));
    }

    /** Exact duplicate (firm_id, year) keys among the hashes the aggregate flagged (hash collisions drop out). */
    private static Set<List<String>> duplicateKeys(Connection db, String source, String fid, String year,
                                                   List<Long> hashes, Progress progress) throws SQLException {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        String in = hashes.stream().map(h -> Long.toUnsignedString(h) + "::UBIGINT").collect(Collectors.joining(","));
        String sql = "SELECT fid, year FROM (SELECT " + fid + " AS fid, " + year + " AS year FROM " + source + ")"
                + " WHERE hash(fid, year) IN (" + in + ") GROUP BY ALL HAVING count(*) > 1";
        Set<List<String>> keys = new HashSet<>();
        query(db, sql, progress, "finding duplicate firms", rs -> keys.add(List.of(
                Objects.toString(rs.getString(1), ""), Objects.toString(rs.getString(2), ""))));
        return keys;
    }

    private static List<org.klaster.Text> extraColumnWarnings(Path file, List<String> header) {
        List<org.klaster.Text> out = new ArrayList<>();
        for (String h : header) {
            String k = Text.key(h);
            if (!k.isEmpty() && !KNOWN.contains(k)) {
                out.add(data("warning.file", InputException.displayName(file), data("column.ignored", quoted(h), "firm")));
            }
        }
        return out;
    }

    private static void requireColumns(Path file, List<String> header) {
        Set<String> keys = header.stream().map(Text::key).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String r : REQUIRED) {
            if (!keys.contains(r)) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String found = header.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        throw InputException.column(file, null, missing.get(0), TabularFile.missingColumns(missing, found));
    }

    /** {@code lat} and {@code lon} come as a pair of columns or not at all. */
    private static void requireCoordinatePair(Path file, Map<String, Integer> idx) {
        boolean lat = idx.containsKey(LAT);
        if (lat != idx.containsKey(LON)) {
            String has = lat ? LAT : LON;
            String lacks = lat ? LON : LAT;
            throw InputException.column(file, null, lacks, data("firms.coordinates.column", quoted(has), quoted(lacks)));
        }
    }

    /** A coordinate written as text (CSV, or a text column of Parquet), in the firm files' number syntax. */
    private static Coordinate textCoordinate(String col, char decimalMark) {
        // a plain decimal has nothing to strip: its value is the cast that employmentSql's slow branch would make
        String plain = "regexp_full_match(" + col + ", '-?[0-9]+(" + (decimalMark == ',' ? "," : "[.]") + "[0-9]+)?')";
        String plainValue = "CAST(" + (decimalMark == ',' ? "replace(" + col + ", ',', '.')" : col) + " AS DOUBLE)";
        return new Coordinate("CASE WHEN " + plain + " THEN " + plainValue + " ELSE " + employmentSql(col, decimalMark)
                + " END", blankSql(col), plain, plainValue);
    }

    private static Map<String, Integer> indexByKey(Path file, List<String> header, long headerLine, boolean rows) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String k = Text.key(header.get(i));
            if (k.isEmpty()) {
                continue;
            }
            Integer before = idx.putIfAbsent(k, i);
            if (before != null) {
                org.klaster.Text problem = data("column.twice", quoted(header.get(i)), before + 1, i + 1);
                throw rows ? InputException.file(file, problem) : InputException.line(file, headerLine, null, problem);
            }
        }
        return idx;
    }

    // ----------------------------------------------------------------------------------- CSV

    private static final class CsvJob {
        private final Path file;
        private final Path safe;
        private final Connection db;
        private final Progress progress;
        private final boolean bom;

        CsvJob(Path file, Path safe, Connection db, Progress progress, boolean bom) {
            this.file = file;
            this.safe = safe;
            this.db = db;
            this.progress = progress;
            this.bom = bom;
        }

        Result run() throws IOException, SQLException {
            Header header = readHeader();
            requireColumns(file, header.names);
            Map<String, Integer> idx = indexByKey(file, header.names, 1, false);
            requireCoordinatePair(file, idx);
            List<org.klaster.Text> warnings = new ArrayList<>(extraColumnWarnings(file, header.names));
            char sep = header.separator;
            char mark = sep == ';' ? ',' : '.';
            StringBuilder cols = new StringBuilder("{");
            for (int i = 0; i < header.names.size(); i++) {
                cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
            }
            cols.append('}');
            java.util.function.UnaryOperator<String> at = path -> "read_csv('" + path + "', auto_detect = false,"
                    + " header = false, skip = " + header.lines + ", delim = '" + (sep == '\t' ? "\\t" : String.valueOf(sep))
                    + "', quote = '\"', escape = '\"', strict_mode = true, null_padding = false, columns = " + cols + ")";
            String source = at.apply(sqlString(safe.toString()));
            String fid = "c" + idx.get(FIRM_ID);
            String region = "c" + idx.get(ActivityReader.REGION);
            String industry = "c" + idx.get(ActivityReader.INDUSTRY);
            String year = "c" + idx.get(ActivityReader.YEAR);
            String emp = "c" + idx.get(ActivityReader.EMPLOYMENT);
            Coordinate lat = idx.containsKey(LAT) ? textCoordinate("c" + idx.get(LAT), mark) : null;
            Coordinate lon = idx.containsKey(LON) ? textCoordinate("c" + idx.get(LON), mark) : null;
            Aggregate agg = new Aggregate();
            try {
                query(db, aggregateSql(source, fid, region, industry, year, employmentSql(emp, mark), lat, lon), progress,
                        "aggregating " + InputException.displayName(file), rs -> readAggregate(rs, agg));
                agg.finish();
            } catch (SQLException e) {
                // The file is malformed (field count, quotes, encoding): find the line ourselves.
                progress.update("locating the problem", Double.NaN);
                rescan(header, idx, mark, Set.of(), lat != null);
                throw duckDbError(e);
            }
            if (!agg.clean()) {
                Set<List<String>> dups = duplicateKeys(db, source, fid, year, agg.duplicateHashes, progress);
                boolean onlyCollisions = dups.isEmpty() && agg.duplicateHashes.size() > 0 && agg.badValues() == 0;
                if (!onlyCollisions) {
                    progress.update("locating the problem", Double.NaN);
                    rescan(header, idx, mark, dups, lat != null);
                    throw InputException.file(file, data("firms.unlocated.line", agg.summary()));
                }
            }
            if (agg.cells.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            String format = "firm-level CSV, UTF-8" + (header.bom ? " (BOM)" : "") + ", separator "
                    + (sep == '\t' ? "tab" : "\"" + sep + "\"") + ", decimal " + (mark == ',' ? "comma" : "point");
            String name = idx.containsKey(NAME) ? "c" + idx.get(NAME) : null;
            return new Result(new ActivityData(agg.records(), warnings, "", InputException.displayName(file), format),
                    rows(file, agg.total, at, fid, name, region, industry, year, employmentSql(emp, mark), lat, lon));
        }

        private record Header(List<String> names, long lines, char separator, boolean bom) { }

        /** The header record (names, physical lines it spans, separator), read with commons-csv. */
        private Header readHeader() throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(bom ? 3 : 0);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8()), 1 << 16);
                String firstLine = TabularFile.peekFirstRecord(reader);
                if (firstLine.indexOf('\uFFFD') >= 0) {
                    throw InputException.line(file, 1, null, NOT_UTF8);
                }
                if (Text.isBlank(firstLine)) {
                    throw InputException.line(file, 1, null, data("header.line.empty"));
                }
                char sep = TabularFile.detectSeparator(firstLine);
                CSVParser parser = CSVParser.builder().setReader(new RecordLimitReader(reader,
                        RecordLimitReader.DEFAULT_LIMIT)).setFormat(format(sep)).get();
                CSVRecord first;
                try {
                    first = parser.iterator().next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw TabularFile.csvProblem(file, 1, e);
                }
                List<String> names = new ArrayList<>();
                for (String name : first) {
                    names.add(Text.strip(name));
                }
                return new Header(names, parser.getCurrentLineNumber(), sep, bom);
            }
        }

        /**
         * Decodes invalid bytes to U+FFFD rather than failing inside the reader's buffer, so the
         * record that holds them can be named exactly.
         */
        private static CharsetDecoder utf8() {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        private static final org.klaster.Text NOT_UTF8 = data("firms.not.utf8");

        private static CSVFormat format(char sep) {
            return CSVFormat.DEFAULT.builder().setDelimiter(sep).setQuote('"').setIgnoreEmptyLines(false).get();
        }

        /** Streams the file with commons-csv and throws at the first offending line; returns if none is found. */
        private void rescan(Header header, Map<String, Integer> idx, char mark, Set<List<String>> duplicates,
                            boolean coordinates) throws IOException {
            Locator where = (line, column, problem) -> InputException.line(file, line, column, problem);
            RowChecker checker = new RowChecker(mark, duplicates, where, "at.line", coordinates);
            int iF = idx.get(FIRM_ID);
            int iR = idx.get(ActivityReader.REGION);
            int iI = idx.get(ActivityReader.INDUSTRY);
            int iY = idx.get(ActivityReader.YEAR);
            int iE = idx.get(ActivityReader.EMPLOYMENT);
            int iLat = idx.getOrDefault(LAT, -1);
            int iLon = idx.getOrDefault(LON, -1);
            int width = header.names.size();
            long size = Math.max(1, Files.size(file));
            try (InputStream raw = Files.newInputStream(file);
                 CountingStream counted = new CountingStream(raw)) {
                counted.skipNBytes(header.bom ? 3 : 0);
                RecordLimitReader reader = new RecordLimitReader(
                        new BufferedReader(new InputStreamReader(counted, utf8()), 1 << 16), RecordLimitReader.DEFAULT_LIMIT);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format(header.separator)).get();
                var it = parser.iterator();
                long previousEnd = 0;
                long rows = 0;
                boolean first = true;
                while (true) {
                    long start = previousEnd + 1;
                    reader.startRecord();
                    CSVRecord r;
                    try {
                        if (!it.hasNext()) {
                            return;
                        }
                        r = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw TabularFile.csvProblem(file, start, e);
                    }
                    previousEnd = parser.getCurrentLineNumber();
                    if (first) {
                        first = false;
                        continue;
                    }
                    if (r.size() == 1 && r.get(0).isEmpty()) {
                        continue; // an empty line, which DuckDB skips as well
                    }
                    for (int i = 0; i < r.size(); i++) {
                        if (r.get(i).indexOf('\uFFFD') >= 0) {
                            throw InputException.line(file, start, i < width ? header.names.get(i) : null, NOT_UTF8);
                        }
                    }
                    if (r.size() != width) {
                        throw InputException.line(file, start, null, data("csv.width", r.size(),
                                data(r.size() == 1 ? "word.value" : "word.values"), width, data("word.columns"), ""));
                    }
                    checker.check(new RawRow(start, r.get(iF), r.get(iR), r.get(iI), r.get(iY), r.get(iE), null,
                            iLat < 0 ? null : r.get(iLat), null, iLon < 0 ? null : r.get(iLon), null));
                    if ((++rows & 0xFFFFF) == 0) {
                        progress.update("locating the problem", Math.min(1.0, counted.count / (double) size));
                    }
                }
            }
        }

        /** DuckDB rejected the file but the streaming pass found nothing: pass DuckDB's own words on. */
        private InputException duckDbError(SQLException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher m = Pattern.compile("CSV Error on Line: (\\d+)").matcher(msg);
            String first = msg.lines().filter(l -> !l.isBlank() && !l.startsWith("Invalid Input Error")
                    && !l.startsWith("Original Line")).findFirst().orElse(msg).trim();
            if (m.find()) {
                return InputException.line(file, Long.parseLong(m.group(1)), null, data("csv.unreadable", first), e);
            }
            return InputException.file(file, data("csv.unreadable", msg.lines().findFirst().orElse(msg)), e);
        }
    }

    /** Counts bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    // -------------------------------------------------------------------------------- Parquet

    private static final class ParquetJob {
        private final Path file;
        private final Path safe;
        private final Connection db;
        private final Progress progress;

        ParquetJob(Path file, Path safe, Connection db, Progress progress) {
            this.file = file;
            this.safe = safe;
            this.db = db;
            this.progress = progress;
        }

        Result run() throws SQLException {
            java.util.function.UnaryOperator<String> at = path -> "read_parquet('" + path + "')";
            String source = at.apply(sqlString(safe.toString()));
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try {
                query(db, "DESCRIBE SELECT * FROM " + source, Progress.NONE, "", rs -> {
                    names.add(rs.getString("column_name"));
                    types.add(rs.getString("column_type").toUpperCase(Locale.ROOT));
                });
            } catch (SQLException e) {
                throw InputException.file(file, data("firms.parquet.unreadable", firstLine(e)), e);
            }
            List<String> header = names.stream().map(Text::strip).toList();
            requireColumns(file, header);
            Map<String, Integer> idx = indexByKey(file, header, 0, true);
            requireCoordinatePair(file, idx);
            Set<org.klaster.Text> warnings = new LinkedHashSet<>(extraColumnWarnings(file, header));
            String fid = "CAST(" + ident(names.get(idx.get(FIRM_ID))) + " AS VARCHAR)";
            String region = codeExpr(names, types, idx.get(ActivityReader.REGION), warnings);
            String industry = codeExpr(names, types, idx.get(ActivityReader.INDUSTRY), warnings);
            String year = yearExpr(names.get(idx.get(ActivityReader.YEAR)), types.get(idx.get(ActivityReader.YEAR)));
            int ie = idx.get(ActivityReader.EMPLOYMENT);
            String empCol = ident(names.get(ie));
            String empType = types.get(ie);
            boolean empText = isText(empType);
            String emp = empText ? employmentSql(empCol, '.')
                    : "CASE WHEN isfinite(CAST(" + empCol + " AS DOUBLE)) THEN CAST(" + empCol + " AS DOUBLE) END";
            if (!empText && !isNumeric(empType)) {
                throw InputException.column(file, null, ActivityReader.EMPLOYMENT, data("firms.employment.type", empType));
            }
            Coordinate lat = coordinate(names, types, idx.get(LAT));
            Coordinate lon = coordinate(names, types, idx.get(LON));
            Aggregate agg = new Aggregate();
            try {
                query(db, aggregateSql(source, fid, region, industry, year, emp, lat, lon), progress,
                        "aggregating " + InputException.displayName(file), rs -> readAggregate(rs, agg));
                agg.finish();
            } catch (SQLException e) {
                throw InputException.file(file, data("firms.parquet.unreadable", firstLine(e)), e);
            }
            if (!agg.clean()) {
                Set<List<String>> dups = duplicateKeys(db, source, fid, year, agg.duplicateHashes, progress);
                boolean onlyCollisions = dups.isEmpty() && agg.badValues() == 0;
                if (!onlyCollisions) {
                    progress.update("locating the problem", Double.NaN);
                    Locator where = (row, column, problem) -> InputException.row(file, null, row, column, problem);
                    RowChecker checker = new RowChecker('.', dups, where, "at.row", lat != null);
                    String coordinates = lat == null ? "" : ", CAST(" + ident(names.get(idx.get(LAT))) + " AS VARCHAR) AS lat_t, "
                            + lat.value() + " AS lat, CAST(" + ident(names.get(idx.get(LON))) + " AS VARCHAR) AS lon_t, "
                            + lon.value() + " AS lon";
                    String sql = "SELECT file_row_number + 1 AS r, " + fid + " AS fid, " + region + " AS region, "
                            + industry + " AS industry, " + year + " AS year, CAST(" + empCol + " AS VARCHAR) AS et, "
                            + emp + " AS e" + coordinates + " FROM read_parquet('" + sqlString(safe.toString())
                            + "', file_row_number = true) ORDER BY file_row_number";
                    query(db, sql, Progress.NONE, "", rs -> {
                        Double value = nullableDouble(rs, "e");
                        String latText = lat == null ? null : rs.getString("lat_t");
                        Double latValue = lat == null ? null : nullableDouble(rs, "lat");
                        String lonText = lat == null ? null : rs.getString("lon_t");
                        Double lonValue = lat == null ? null : nullableDouble(rs, "lon");
                        checker.check(new RawRow(rs.getLong("r"), rs.getString("fid"), rs.getString("region"),
                                rs.getString("industry"), rs.getString("year"), rs.getString("et"), value,
                                latText, latValue, lonText, lonValue));
                    });
                    throw InputException.file(file, data("firms.unlocated.row", agg.summary()));
                }
            }
            if (agg.cells.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("firms.no.rows")));
            }
            Integer in = idx.get(NAME);
            String name = in == null ? null : "CAST(" + ident(names.get(in)) + " AS VARCHAR)";
            return new Result(new ActivityData(agg.records(), new ArrayList<>(warnings), "", InputException.displayName(file),
                    "firm-level Parquet"), rows(file, agg.total, at, fid, name, region, industry, year, emp, lat, lon));
        }

        private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
            double v = rs.getDouble(column);
            return rs.wasNull() ? null : v;
        }

        /** A coordinate column (null when absent): numbers as they are, text in the firm files' number syntax. */
        private Coordinate coordinate(List<String> names, List<String> types, Integer i) {
            if (i == null) {
                return null;
            }
            String col = ident(names.get(i));
            String type = types.get(i);
            if (isText(type)) {
                return textCoordinate(col, '.');
            }
            if (!isNumeric(type)) {
                throw InputException.column(file, null, Text.key(names.get(i)), data("firms.column.type",
                        quoted(names.get(i)), type));
            }
            return new Coordinate("CASE WHEN isfinite(CAST(" + col + " AS DOUBLE)) THEN CAST(" + col + " AS DOUBLE) END",
                    "(" + col + " IS NULL)", null, null);
        }

        private String codeExpr(List<String> names, List<String> types, int i, Set<org.klaster.Text> warnings) {
            String col = ident(names.get(i));
            if (!isText(types.get(i))) {
                warnings.add(data("warning.file", InputException.displayName(file),
                        data("firms.code.numeric", quoted(names.get(i)), types.get(i))));
            }
            return "CAST(" + col + " AS VARCHAR)";
        }

        private static String yearExpr(String name, String type) {
            String col = ident(name);
            if (type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
                return "CASE WHEN " + col + " = trunc(" + col + ") AND abs(" + col + ") < 1e9 THEN CAST(CAST(" + col
                        + " AS BIGINT) AS VARCHAR) ELSE CAST(" + col + " AS VARCHAR) END";
            }
            return "CAST(" + col + " AS VARCHAR)";
        }

        private static boolean isText(String type) {
            return type.equals("VARCHAR") || type.startsWith("VARCHAR(") || type.equals("BLOB");
        }

        private static boolean isNumeric(String type) {
            return Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                    "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE").contains(type) || type.startsWith("DECIMAL");
        }

        private static String ident(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }

        private static String firstLine(SQLException e) {
            String m = String.valueOf(e.getMessage());
            return m.lines().findFirst().orElse(m);
        }
    }
}
