package org.klaster.data.store;

import static org.klaster.data.formats.DataText.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.klaster.InvalidParameterException;
import org.klaster.cooperation.ProjectPortfolio;
import org.klaster.data.formats.Numbers;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Confidence;
import org.klaster.registry.Contract;
import org.klaster.registry.ContractType;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Project;
import org.klaster.registry.Registry;
import org.klaster.finance.Catalogue;
import org.klaster.finance.InstrumentRule;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;

/**
 * The platform's tables — the cluster registry, accounts, sessions, API tokens, settings, versioned
 * compliance rules and the audit trail — on embedded DuckDB (the datasets' file, {@link #on}) or on a
 * PostgreSQL server ({@link #postgres}), with the same portable SQL and numbered scripts on both.
 *
 * <p>Every mutating method is one transaction that also appends its audit entries: when it fails, nothing is
 * stored and nothing is audited. Input is checked in Java before any SQL runs; a refusal is a
 * {@link StoreException} with a message key of the data module's bundle. The audit trail is append-only: no
 * statement here updates or deletes it, and on PostgreSQL a trigger refuses it for any client. A record refused
 * as given is an {@link InvalidRecordException} (bad input); any other {@link StoreException} is the database's.
 *
 * <p>One connection, guarded by a lock: registry writes are rare and short, and one connection makes every
 * method trivially serial (no pool, no isolation surprises). A PostgreSQL connection that was lost is opened
 * again once, and the method retried when it had not begun to commit.
 */
public final class PlatformStore implements AutoCloseable {

    /** A numbered script; {@code only} names the one database it is for (recorded as applied on the other). */
    record Migration(int version, String script, Dialect only) {
    }

    /** The migrations, in order. Append only: a released script is never edited. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "P001__registry.sql", null),
            new Migration(2, "P002__accounts.sql", null),
            new Migration(3, "P003__rules.sql", null),
            new Migration(4, "P004__audit.sql", null),
            new Migration(5, "P005__audit_append_only.postgresql.sql", Dialect.POSTGRESQL),
            new Migration(6, "P006__projects.sql", null),
            new Migration(7, "P007__instrument_catalogue.sql", null));

    /** Where the scripts are, beside the dataset store's. */
    static final String SCRIPTS = "platform/";

    /** Bounds of what is stored (ASVS: bounded sizes). */
    static final int MAX_NAME = 500;
    static final int MAX_CODE = 64;
    static final int MAX_LIST = 200;
    static final int MAX_TEXT = 4000;
    /** How long {@link #changeCount} trusts its last answer when this process committed nothing since. */
    static final long CHANGE_RECHECK_NANOS = 1_000_000_000L;
    /**
     * Transactions this process committed that changed something (appended to the audit trail: a session's or
     * token's last use does not count); with the last change count read: {commits, count, nanoTime}.
     */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    /** Whether the running transaction appended an audit entry (under the lock). */
    private boolean audited;
    private volatile long[] counted;
    /** A token's last use is recorded to this precision (a write at most this often per token). */
    static final java.time.Duration TOKEN_USE_PRECISION = java.time.Duration.ofMinutes(1);
    static final int MAX_HASH = 512;
    /** Most audit entries one read returns. */
    public static final int MAX_AUDIT = 10_000;

    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@-]{3,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String PUBLIC_ANALYSES = "public_analyses";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens a connection (again, after one was lost); null when a lost connection cannot be replaced. */
    private interface Opener {
        Connection open() throws SQLException;
    }

    /** Work on the connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Dialect dialect;
    private final String location;
    private final String secret;
    private final Opener opener;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection conn;
    private boolean closed;
    private Clock clock = Clock.systemUTC();

    private PlatformStore(Dialect dialect, String location, String secret, Opener opener, Connection first) {
        this.dialect = dialect;
        this.location = location;
        this.secret = secret;
        this.opener = opener;
        this.conn = first;
    }

    // ================================================================================== opening

    /**
     * The platform tables in the same DuckDB file as the datasets of {@code store}, on a duplicate of its
     * connection (closing this store closes only that duplicate).
     */
    public static PlatformStore on(Store store) {
        Objects.requireNonNull(store, "store");
        PlatformStore p = new PlatformStore(Dialect.DUCKDB, store.location(), null, store::duplicateConnection,
                store.duplicateConnection());
        return p.migrated();
    }

    /** A throw-away store in DuckDB's memory (tests). */
    public static PlatformStore inMemory() {
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new StoreException(data("platform.open", ":memory:", firstLine(e.getMessage())), e);
        }
        return new PlatformStore(Dialect.DUCKDB, ":memory:", null, null, c).migrated();
    }

    /**
     * The platform tables on a PostgreSQL server: {@code postgresql://user:password@host:port/database} (the
     * libpq form) or {@code jdbc:postgresql://…} (the user and password may also be {@code user=} and
     * {@code password=} parameters). Messages name the address with the password masked.
     */
    public static PlatformStore postgres(String url) {
        PgAddress a = PgAddress.parse(url);
        Opener opener = () -> {
            Properties p = new Properties();
            if (a.user() != null) p.setProperty("user", a.user());
            if (a.password() != null) p.setProperty("password", a.password());
            // fail within seconds when the server is unreachable, rather than hang a command or a test
            p.setProperty("connectTimeout", "10");
            return new org.postgresql.Driver().connect(a.jdbcUrl(), p);
        };
        Connection c;
        try {
            c = opener.open();
        } catch (SQLException e) {
            throw new StoreException(data("platform.open", a.masked(), mask(firstLine(e.getMessage()), a.password())), e);
        }
        return new PlatformStore(Dialect.POSTGRESQL, a.masked(), a.password(), opener, c).migrated();
    }

    /** Whether {@code db} names a PostgreSQL server rather than a DuckDB file. */
    public static boolean isPostgresUrl(String db) {
        return db != null && (db.startsWith("postgresql://") || db.startsWith("postgres://")
                || db.startsWith("jdbc:postgresql:"));
    }

    /** A PostgreSQL address split for the driver. */
    record PgAddress(String jdbcUrl, String user, String password, String masked) {

        static PgAddress parse(String url) {
            if (!isPostgresUrl(url)) {
                throw new InvalidRecordException(data("platform.postgres.url", maskUrl(String.valueOf(url))));
            }
            String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
            rest = rest.replaceFirst("^postgres(ql)?:", "postgresql:");
            URI u;
            try {
                u = new URI(rest);
            } catch (URISyntaxException e) {
                // not chained: the parser's message quotes the address, password included
                throw new InvalidRecordException(data("platform.postgres.url", maskUrl(url)));
            }
            if (u.getHost() == null || u.getHost().isEmpty()) {
                throw new InvalidRecordException(data("platform.postgres.url", maskUrl(url)));
            }
            String user = null;
            String password = null;
            if (u.getRawUserInfo() != null) {
                String info = u.getRawUserInfo();
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : decode(info.substring(colon + 1));
            }
            String query = u.getRawQuery();
            if (query != null) {
                for (String kv : query.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq < 0) continue;
                    String k = kv.substring(0, eq);
                    if (k.equals("password")) password = decode(kv.substring(eq + 1));
                    if (k.equals("user") && user == null) user = decode(kv.substring(eq + 1));
                }
            }
            String jdbc = "jdbc:postgresql://" + (u.getHost().contains(":") && !u.getHost().startsWith("[")
                    ? "[" + u.getHost() + "]" : u.getHost())
                    + (u.getPort() >= 0 ? ":" + u.getPort() : "") + (u.getRawPath() == null ? "" : u.getRawPath())
                    + (query == null ? "" : "?" + query);
            return new PgAddress(jdbc, user, password, maskUrl(url));
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    /** The address with any password replaced by {@code ***} (user info and a {@code password=} parameter). */
    static String maskUrl(String url) {
        String s = url.replaceAll("(//[^:/@?#]*:)[^@/?#]*@", "$1***@");
        return s.replaceAll("([?&]password=)[^&]*", "$1***");
    }

    private static String mask(String message, String password) {
        if (message == null) return "";
        if (password == null || password.isEmpty()) return message;
        return message.replace(password, "***");
    }

    private PlatformStore migrated() {
        try {
            migrate();
            return this;
        } catch (RuntimeException e) {
            closeQuietly(conn);
            throw e;
        }
    }

    /** Brings the platform tables up to date: all pending scripts in one transaction. */
    private void migrate() {
        tx("migrate", c -> {
            if (dialect == Dialect.POSTGRESQL) {
                // two processes starting at once: the second waits, then finds the scripts applied
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(779011)");
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS platform_schema_version (version INTEGER PRIMARY KEY, "
                        + "script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            int current;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM platform_schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > MIGRATIONS.size()) {
                throw new InvalidRecordException(data("store.schema.newer", location, current, MIGRATIONS.size()));
            }
            for (Migration m : MIGRATIONS.subList(current, MIGRATIONS.size())) {
                if (m.only() == null || m.only() == dialect) {
                    String text = script(m.script());
                    try (Statement st = c.createStatement()) {
                        if (m.only() != null) {
                            // a database's own script may hold semicolons in bodies: its driver splits it
                            st.execute(text);
                        } else {
                            for (String sql : text.replaceAll("--[^\n]*", "").split(";")) {
                                if (!sql.isBlank()) st.execute(sql);
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.script());
                    ps.setObject(3, LocalDateTime.ofInstant(now(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    static String script(String name) {
        try (InputStream in = PlatformStore.class.getResourceAsStream(SCRIPTS + name)) {
            if (in == null) throw new IOException("migration script " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** DuckDB or PostgreSQL. */
    public Dialect dialect() {
        return dialect;
    }

    /** The file or the server address (password masked), for messages. */
    public String location() {
        return location;
    }

    /** The number of platform scripts applied. */
    public int schemaVersion() {
        return read("read the schema version", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM platform_schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Uses {@code clock} for the time of changes and audit entries (tests). */
    public PlatformStore withClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeQuietly(conn);
            conn = null;
        } finally {
            lock.unlock();
        }
    }

    // ================================================================================== accounts

    /**
     * Adds an account. The login is 3–64 letters, digits or {@code . _ @ -}, unique ignoring case; the
     * display name defaults to the login; a participant names its organisation (known to the registry), a
     * cluster manager the clusters it manages (known), no other role has either.
     */
    public Account addAccount(Actor by, String login, String displayName, Role role, String passwordHash,
                              String organisationInn, Set<String> clusters) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(role, "role");
        String lg = login == null ? "" : login;
        if (!LOGIN.matcher(lg).matches()) throw new InvalidRecordException(data("platform.login.invalid", lg));
        String name = displayName == null || displayName.isBlank() ? lg : displayName.strip();
        text("display_name", name, MAX_NAME);
        hash(passwordHash);
        String inn = organisationInn == null || organisationInn.isBlank() ? null : organisationInn.strip();
        Set<String> cl = clusters == null ? Set.of() : new TreeSet<>(clusters);
        roleFields(role, inn, cl);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        return tx("add the account " + lg, c -> {
            if (exists(c, "SELECT 1 FROM accounts WHERE login_key = ?", key(lg))) {
                throw new InvalidRecordException(data("platform.login.taken", lg));
            }
            if (inn != null) requireOrganisation(c, inn);
            for (String k : cl) requireCluster(c, k);
            update(c, "INSERT INTO accounts (id, login, login_key, display_name, role, password_hash, organisation_inn, "
                    + "disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, lg, key(lg), name, role.label(),
                    passwordHash, inn, false, at);
            for (String k : cl) update(c, "INSERT INTO account_clusters (account_id, cluster_id) VALUES (?, ?)", id, k);
            Account a = new Account(id, lg, name, role, inn, cl, false, at);
            audit(c, by, "create", "account", id, null, null, null, accountJson(a));
            return a;
        });
    }

    /**
     * Changes an account's role with what the role needs: a participant's organisation, a cluster manager's
     * clusters (ends its sessions: what it may do has changed).
     */
    public void setRole(Actor by, String accountId, Role role, String organisationInn, Set<String> clusters) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(role, "role");
        String inn = organisationInn == null || organisationInn.isBlank() ? null : organisationInn.strip();
        Set<String> cl = clusters == null ? Set.of() : new TreeSet<>(clusters);
        roleFields(role, inn, cl);
        tx("change the role of an account", c -> {
            Account a = requireAccount(c, accountId);
            if (inn != null) requireOrganisation(c, inn);
            for (String k : cl) requireCluster(c, k);
            update(c, "UPDATE accounts SET role = ?, organisation_inn = ? WHERE id = ?", role.label(), inn, accountId);
            update(c, "DELETE FROM account_clusters WHERE account_id = ?", accountId);
            for (String k : cl) {
                update(c, "INSERT INTO account_clusters (account_id, cluster_id) VALUES (?, ?)", accountId, k);
            }
            update(c, "DELETE FROM sessions WHERE account_id = ?", accountId);
            Account b = new Account(a.id(), a.login(), a.displayName(), role, inn, cl, a.disabled(), a.createdAt());
            audit(c, by, "update", "account", accountId, null, null, accountJson(a), accountJson(b));
            return null;
        });
    }

    private static void roleFields(Role role, String inn, Set<String> clusters) {
        if ((role == Role.PARTICIPANT) != (inn != null)) {
            throw new InvalidRecordException(data("platform.role.organisation", role.label()));
        }
        if (role != Role.CLUSTER_MANAGER && !clusters.isEmpty()) {
            throw new InvalidRecordException(data("platform.role.clusters", role.label()));
        }
        if (clusters.size() > MAX_LIST) throw new InvalidRecordException(data("platform.list.long", "clusters", String.valueOf(MAX_LIST)));
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    /** The account with this login (case ignored). */
    public Optional<Account> account(String login) {
        if (login == null || login.length() > MAX_CODE) return Optional.empty();
        return read("read an account", c -> accountWhere(c, "login_key = ?", key(login)));
    }

    /** The account with this id. */
    public Optional<Account> accountById(String id) {
        if (id == null) return Optional.empty();
        return read("read an account", c -> accountWhere(c, "id = ?", id));
    }

    /** The account's password hash (a PHC string), for signing in. */
    public Optional<String> passwordHash(String accountId) {
        return read("read a password hash", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Every account, by login. */
    public List<Account> accounts() {
        return read("list the accounts", c -> accounts(c, null, null));
    }

    /** Whether an enabled administrator exists ({@code serve} off loopback refuses to start without one). */
    public boolean hasAdministrator() {
        return read("look for an administrator", c ->
                exists(c, "SELECT 1 FROM accounts WHERE role = ? AND disabled = ?", Role.ADMINISTRATOR.label(), false));
    }

    /** Sets a new password hash and ends the account's sessions (signed in elsewhere with the old password). */
    public void setPasswordHash(Actor by, String accountId, String hash) {
        Objects.requireNonNull(by, "by");
        hash(hash);
        tx("change a password", c -> {
            Account a = requireAccount(c, accountId);
            update(c, "UPDATE accounts SET password_hash = ? WHERE id = ?", hash, accountId);
            int ended = update(c, "DELETE FROM sessions WHERE account_id = ?", accountId);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("login", a.login());
            after.put("password", "changed");
            after.put("sessions_ended", ended);
            audit(c, by, "password", "account", accountId, null, null, Map.of("login", a.login()), after);
            return null;
        });
    }

    /**
     * Disables or enables an account. Disabling ends its sessions; its API tokens stay stored but do not
     * authenticate while it is disabled. Setting the state it already has changes nothing.
     */
    public void setDisabled(Actor by, String accountId, boolean disabled) {
        Objects.requireNonNull(by, "by");
        tx(disabled ? "disable an account" : "enable an account", c -> {
            Account a = requireAccount(c, accountId);
            if (a.disabled() == disabled) return null;
            update(c, "UPDATE accounts SET disabled = ? WHERE id = ?", disabled, accountId);
            if (disabled) update(c, "DELETE FROM sessions WHERE account_id = ?", accountId);
            Account b = new Account(a.id(), a.login(), a.displayName(), a.role(), a.organisationInn(), a.clusters(),
                    disabled, a.createdAt());
            audit(c, by, disabled ? "disable" : "enable", "account", accountId, null, null, accountJson(a),
                    accountJson(b));
            return null;
        });
    }

    /** Sets the clusters a cluster manager manages (each known to the registry). */
    public void setClusters(Actor by, String accountId, Set<String> clusters) {
        Objects.requireNonNull(by, "by");
        Set<String> cl = clusters == null ? Set.of() : new TreeSet<>(clusters);
        tx("set the clusters of an account", c -> {
            Account a = requireAccount(c, accountId);
            roleFields(a.role(), a.organisationInn(), cl);
            for (String k : cl) requireCluster(c, k);
            update(c, "DELETE FROM account_clusters WHERE account_id = ?", accountId);
            for (String k : cl) {
                update(c, "INSERT INTO account_clusters (account_id, cluster_id) VALUES (?, ?)", accountId, k);
            }
            Account b = new Account(a.id(), a.login(), a.displayName(), a.role(), a.organisationInn(), cl,
                    a.disabled(), a.createdAt());
            audit(c, by, "update", "account", accountId, null, null, accountJson(a), accountJson(b));
            return null;
        });
    }

    private Account requireAccount(Connection c, String accountId) throws SQLException {
        return accountWhere(c, "id = ?", accountId)
                .orElseThrow(() -> new InvalidRecordException(data("platform.account.unknown", String.valueOf(accountId))));
    }

    private Optional<Account> accountWhere(Connection c, String where, String arg) throws SQLException {
        List<Account> l = accounts(c, where, arg);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Account> accounts(Connection c, String where, String arg) throws SQLException {
        String sql = "SELECT id, login, display_name, role, organisation_inn, disabled, created_at FROM accounts"
                + (where == null ? "" : " WHERE " + where) + " ORDER BY login_key";
        List<String[]> rows = new ArrayList<>();
        List<Object[]> rest = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)});
                    rest.add(new Object[] {rs.getBoolean(6), instant(rs, 7)});
                }
            }
        }
        Map<String, Set<String>> clusters = new HashMap<>();
        String csql = "SELECT account_id, cluster_id FROM account_clusters"
                + (rows.size() == 1 ? " WHERE account_id = ?" : "");
        if (!rows.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(csql)) {
                if (rows.size() == 1) ps.setString(1, rows.get(0)[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) clusters.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        List<Account> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            Role role = Role.of(r[3]).orElseThrow(() -> new StoreException(data("platform.role.stored", r[3])));
            out.add(new Account(r[0], r[1], r[2], role, r[4], clusters.getOrDefault(r[0], Set.of()),
                    (Boolean) rest.get(i)[0], (Instant) rest.get(i)[1]));
        }
        return out;
    }

    private static Map<String, Object> accountJson(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("login", a.login());
        m.put("display_name", a.displayName());
        m.put("role", a.role().label());
        m.put("organisation_inn", a.organisationInn());
        m.put("clusters", new ArrayList<>(a.clusters()));
        m.put("disabled", a.disabled());
        m.put("created_at", a.createdAt() == null ? null : a.createdAt().toString());
        return m;
    }

    // ================================================================================== sessions

    /** Stores a new session of an enabled account; {@code idHash} is the SHA-256 hex of the session id. */
    public void createSession(String idHash, String accountId, Instant now) {
        sha256(idHash);
        Objects.requireNonNull(now, "now");
        tx("create a session", c -> {
            Optional<Account> a = accountWhere(c, "id = ?", accountId);
            if (a.isEmpty() || a.get().disabled()) {
                throw new InvalidRecordException(data("platform.session.account", String.valueOf(accountId)));
            }
            Instant t = now.truncatedTo(ChronoUnit.MICROS);
            update(c, "INSERT INTO sessions (id_hash, account_id, created_at, last_seen) VALUES (?, ?, ?, ?)",
                    idHash, accountId, t, t);
            return null;
        });
    }

    /** The session with this id hash. */
    public Optional<SessionRecord> session(String idHash) {
        if (idHash == null || !SHA256_HEX.matcher(idHash).matches()) return Optional.empty();
        return read("read a session", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id_hash, account_id, created_at, last_seen FROM sessions WHERE id_hash = ?")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SessionRecord(rs.getString(1), rs.getString(2), instant(rs, 3),
                            instant(rs, 4))) : Optional.<SessionRecord>empty();
                }
            }
        });
    }

    /** Records that the session was used at {@code now}. */
    public void touchSession(String idHash, Instant now) {
        Objects.requireNonNull(now, "now");
        tx("touch a session", c -> update(c, "UPDATE sessions SET last_seen = ? WHERE id_hash = ?",
                now.truncatedTo(ChronoUnit.MICROS), idHash));
    }

    /** Ends one session (signing out). */
    public void deleteSession(String idHash) {
        tx("end a session", c -> update(c, "DELETE FROM sessions WHERE id_hash = ?", idHash));
    }

    /** Ends every session of an account; how many there were. */
    public int deleteSessionsOf(String accountId) {
        return tx("end sessions", c -> update(c, "DELETE FROM sessions WHERE account_id = ?", accountId));
    }

    /** Ends every session last used before {@code cutoff} (the idle timeout); how many there were. */
    public int deleteSessionsIdleSince(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return tx("end idle sessions", c -> update(c, "DELETE FROM sessions WHERE last_seen < ?",
                cutoff.truncatedTo(ChronoUnit.MICROS)));
    }

    // ================================================================================== API tokens

    /** Adds an API token of an enabled account; {@code tokenHash} is the SHA-256 hex of the token. */
    public ApiToken addToken(Actor by, String accountId, String name, String tokenHash) {
        Objects.requireNonNull(by, "by");
        String nm = name == null ? "" : name.strip();
        text("name", nm, MAX_CODE);
        sha256(tokenHash);
        Instant at = now();
        String id = UUID.randomUUID().toString();
        return tx("add an API token", c -> {
            Account a = requireAccount(c, accountId);
            if (a.disabled()) throw new InvalidRecordException(data("platform.account.disabled", a.login()));
            update(c, "INSERT INTO api_tokens (id, account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    id, accountId, nm, tokenHash, at);
            ApiToken t = new ApiToken(id, accountId, nm, at, null, null);
            audit(c, by, "create", "token", id, null, null, null, tokenJson(t, a.login()));
            return t;
        });
    }

    /**
     * The enabled account whose live token has this hash, recording the token's use at {@code now} — to the
     * minute, like a session's last sight: within a minute of the recorded use nothing is written, so a script's
     * requests do not each wait for a commit; empty for an unknown or revoked token or a disabled account.
     */
    public Optional<Account> accountByToken(String tokenHash, Instant now) {
        if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) return Optional.empty();
        Objects.requireNonNull(now, "now");
        return tx("check an API token", c -> {
            String tokenId = null;
            String accountId = null;
            Instant lastUsed = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.account_id, t.last_used FROM api_tokens t JOIN "
                    + "accounts a ON a.id = t.account_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = ?")) {
                ps.setString(1, tokenHash);
                ps.setBoolean(2, false);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        tokenId = rs.getString(1);
                        accountId = rs.getString(2);
                        lastUsed = instant(rs, 3);
                    }
                }
            }
            if (tokenId == null) return Optional.<Account>empty();
            if (lastUsed == null || now.isBefore(lastUsed) || !now.isBefore(lastUsed.plus(TOKEN_USE_PRECISION))) {
                update(c, "UPDATE api_tokens SET last_used = ? WHERE id = ?", now.truncatedTo(ChronoUnit.MICROS), tokenId);
            }
            return accountWhere(c, "id = ?", accountId);
        });
    }

    /** Revokes a token for good (revoking a revoked one changes nothing). */
    public void revokeToken(Actor by, String tokenId) {
        Objects.requireNonNull(by, "by");
        Instant at = now();
        tx("revoke an API token", c -> {
            ApiToken t = tokenWhere(c, "id = ?", tokenId).stream().findFirst()
                    .orElseThrow(() -> new InvalidRecordException(data("platform.token.unknown", String.valueOf(tokenId))));
            if (t.revokedAt() != null) return null;
            update(c, "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", at, tokenId);
            String login = accountWhere(c, "id = ?", t.accountId()).map(Account::login).orElse(null);
            ApiToken r = new ApiToken(t.id(), t.accountId(), t.name(), t.createdAt(), at, t.lastUsed());
            audit(c, by, "revoke", "token", tokenId, null, null, tokenJson(t, login), tokenJson(r, login));
            return null;
        });
    }

    /** The tokens of an account, oldest first (revoked ones too). */
    public List<ApiToken> tokens(String accountId) {
        return read("list API tokens", c -> tokenWhere(c, "account_id = ?", accountId));
    }

    /** The token with this id. */
    public Optional<ApiToken> token(String tokenId) {
        return read("read an API token", c -> tokenWhere(c, "id = ?", tokenId).stream().findFirst());
    }

    private List<ApiToken> tokenWhere(Connection c, String where, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, account_id, name, created_at, revoked_at, last_used "
                + "FROM api_tokens WHERE " + where + " ORDER BY created_at, id")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<ApiToken> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            instant(rs, 5), instant(rs, 6)));
                }
                return out;
            }
        }
    }

    private static Map<String, Object> tokenJson(ApiToken t, String login) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("account_id", t.accountId());
        m.put("login", login);
        m.put("name", t.name());
        m.put("created_at", String.valueOf(t.createdAt()));
        m.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
        return m;
    }

    // ================================================================================== settings

    /** Whether analyses of public datasets are readable without signing in (true until an administrator says no). */
    public boolean publicAnalyses() {
        return read("read a setting", c -> setting(c, PUBLIC_ANALYSES).map(Boolean::parseBoolean).orElse(true));
    }

    /** Allows or forbids reading analyses of public datasets without signing in. */
    public void setPublicAnalyses(Actor by, boolean allowed) {
        Objects.requireNonNull(by, "by");
        tx("change a setting", c -> {
            Optional<String> old = setting(c, PUBLIC_ANALYSES);
            String v = Boolean.toString(allowed);
            if (old.isPresent() && old.get().equals(v)) return null;
            if (old.isPresent()) {
                update(c, "UPDATE settings SET value = ? WHERE name = ?", v, PUBLIC_ANALYSES);
            } else {
                update(c, "INSERT INTO settings (name, value) VALUES (?, ?)", PUBLIC_ANALYSES, v);
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("name", PUBLIC_ANALYSES);
            before.put("value", old.map(Boolean::parseBoolean).orElse(true));
            audit(c, by, "update", "setting", PUBLIC_ANALYSES, null, null, before,
                    Map.of("name", PUBLIC_ANALYSES, "value", allowed));
            return null;
        });
    }

    private static Optional<String> setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    // ================================================================================== registry: reading

    /** The whole registry, in the order rows were first stored (an imported folder reads back as it was). */
    public Registry registry() {
        return read("read the registry", c -> new Registry(organisations(c, null), clusters(c, null),
                memberships(c, null, null), storedContracts(c, null).stream().map(StoredContract::contract).toList(),
                facts(c, null), offers(c), projects(c, null, null)));
    }

    /** The clusters, in the order they were first stored. */
    public List<Cluster> clusters() {
        return read("list the clusters", c -> clusters(c, null));
    }

    /** The cluster with this id. */
    public Optional<Cluster> cluster(String id) {
        if (id == null) return Optional.empty();
        return read("read a cluster", c -> clusters(c, id).stream().findFirst());
    }

    /** The organisations, in the order they were first stored. */
    public List<Organisation> organisations() {
        return read("list the organisations", c -> organisations(c, null));
    }

    /** The organisation with this INN. */
    public Optional<Organisation> organisation(String inn) {
        if (inn == null) return Optional.empty();
        return read("read an organisation", c -> organisations(c, inn).stream().findFirst());
    }

    /** The memberships of a cluster (past ones too), in the order they were stored. */
    public List<Membership> memberships(String cluster) {
        return read("list memberships", c -> memberships(c, cluster, null));
    }

    /** The contracts of a cluster, with their ids, in the order they were stored. */
    public List<StoredContract> contracts(String cluster) {
        return read("list contracts", c -> storedContracts(c, cluster));
    }

    /** The facts of an organisation, by year. */
    public List<AnnualFacts> facts(String inn) {
        return read("list facts", c -> facts(c, inn));
    }

    /** The projects of a cluster (all projects when null), in the order they were first stored. */
    public List<Project> projects(String cluster) {
        return read("list projects", c -> projects(c, cluster, null));
    }

    /** The project with this id. */
    public Optional<Project> project(String id) {
        if (id == null) return Optional.empty();
        return read("read a project", c -> projects(c, null, id).stream().findFirst());
    }

    private List<Project> projects(Connection c, String cluster, String id) throws SQLException {
        String where = cluster != null ? " WHERE cluster_id = ?" : id != null ? " WHERE id = ?" : "";
        Object[] args = cluster != null ? new Object[] {cluster} : id != null ? new Object[] {id} : new Object[0];
        // the companion rows of the projects selected, each kind read once and grouped by project
        String of = cluster != null ? " WHERE project_id IN (SELECT id FROM projects WHERE cluster_id = ?)"
                : id != null ? " WHERE project_id = ?" : "";
        Map<String, List<Project.Partner>> partners = new HashMap<>();
        for (Object[] r : rows(c, "SELECT project_id, inn, role FROM project_partners" + of + " ORDER BY project_id, ord",
                rs -> new Object[] {rs.getString(1), new Project.Partner(rs.getString(2),
                        stored(Project.Role.parse(rs.getString(3)), rs.getString(3)))}, args)) {
            partners.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Project.Partner) r[1]);
        }
        Map<String, List<Project.Budget>> budgets = new HashMap<>();
        for (Object[] r : rows(c, "SELECT project_id, inn, year, amount FROM project_budgets" + of + " ORDER BY project_id, ord",
                rs -> new Object[] {rs.getString(1), new Project.Budget(rs.getString(2), rs.getInt(3), rs.getDouble(4))}, args)) {
            budgets.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Project.Budget) r[1]);
        }
        Map<String, List<Project.Milestone>> milestones = new HashMap<>();
        for (Object[] r : rows(c, "SELECT project_id, due_on, text, done FROM project_milestones" + of
                + " ORDER BY project_id, ord", rs -> new Object[] {rs.getString(1),
                    new Project.Milestone(date(rs, 2), rs.getString(3), rs.getBoolean(4))}, args)) {
            milestones.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Project.Milestone) r[1]);
        }
        Map<String, List<String>> products = new HashMap<>();
        for (Object[] r : rows(c, "SELECT project_id, code FROM project_products" + of + " ORDER BY project_id, ord",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, args)) {
            products.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return rows(c, "SELECT id, cluster_id, title, trl_now, trl_target, start_on, end_on FROM projects" + where
                + " ORDER BY ord", rs -> {
                    String pid = rs.getString(1);
                    return new Project(pid, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), date(rs, 6),
                            date(rs, 7), partners.getOrDefault(pid, List.of()), budgets.getOrDefault(pid, List.of()),
                            milestones.getOrDefault(pid, List.of()), products.getOrDefault(pid, List.of()));
                }, args);
    }

    private List<Organisation> organisations(Connection c, String inn) throws SQLException {
        String sql = "SELECT inn, ogrn, name, type, okved, region, lat, lon, employees, revenue, final_producer, "
                + "special_territory FROM organisations" + (inn == null ? "" : " WHERE inn = ?") + " ORDER BY ord";
        return rows(c, sql, rs -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3),
                stored(OrganisationType.parse(rs.getString(4)), rs.getString(4)), rs.getString(5),
                rs.getString(6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9), dbl(rs, 10), rs.getBoolean(11),
                rs.getBoolean(12)), inn == null ? new Object[0] : new Object[] {inn});
    }

    private List<Cluster> clusters(Connection c, String id) throws SQLException {
        String sql = "SELECT id, name, type, regions, specialisation, specialised_organisation FROM clusters"
                + (id == null ? "" : " WHERE id = ?") + " ORDER BY ord";
        return rows(c, sql, rs -> new Cluster(rs.getString(1), rs.getString(2), stored(ClusterType.parse(rs.getString(3)),
                rs.getString(3)), list(rs.getString(4)), list(rs.getString(5)), rs.getString(6)),
                id == null ? new Object[0] : new Object[] {id});
    }

    private List<Membership> memberships(Connection c, String cluster, String inn) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT cluster_id, inn, joined, left_on FROM memberships");
        List<Object> args = new ArrayList<>();
        if (cluster != null) {
            sql.append(" WHERE cluster_id = ?");
            args.add(cluster);
        }
        if (inn != null) {
            sql.append(cluster == null ? " WHERE" : " AND").append(" inn = ?");
            args.add(inn);
        }
        sql.append(" ORDER BY ord");
        return rows(c, sql.toString(), rs -> new Membership(rs.getString(1), rs.getString(2), date(rs, 3), date(rs, 4)),
                args.toArray());
    }

    private List<StoredContract> storedContracts(Connection c, String cluster) throws SQLException {
        String sql = "SELECT id, cluster_id, supplier, buyer, type, year, value FROM contracts"
                + (cluster == null ? "" : " WHERE cluster_id = ?") + " ORDER BY ord";
        return rows(c, sql, PlatformStore::storedContract, cluster == null ? new Object[0] : new Object[] {cluster});
    }

    private static StoredContract storedContract(ResultSet rs) throws SQLException {
        return new StoredContract(rs.getString(1), new Contract(rs.getString(2), rs.getString(3), rs.getString(4),
                stored(ContractType.parse(rs.getString(5)), rs.getString(5)), rs.getInt(6), rs.getDouble(7)));
    }

    private List<AnnualFacts> facts(Connection c, String inn) throws SQLException {
        String sql = "SELECT inn, year, output, purchases FROM annual_facts" + (inn == null ? " ORDER BY ord"
                : " WHERE inn = ? ORDER BY year");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (inn != null) ps.setString(1, inn);
            try (ResultSet rs = ps.executeQuery()) {
                List<AnnualFacts> out = new ArrayList<>();
                while (rs.next()) out.add(new AnnualFacts(rs.getString(1), rs.getInt(2), dbl(rs, 3), dbl(rs, 4)));
                return out;
            }
        }
    }

    private List<Offer> offers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT inn, kind, text, codes FROM offers ORDER BY ord");
             ResultSet rs = ps.executeQuery()) {
            List<Offer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Offer(rs.getString(1), stored(Offer.Kind.parse(rs.getString(2)), rs.getString(2)),
                        rs.getString(3), list(rs.getString(4))));
            }
            return out;
        }
    }

    private static <T> T stored(T parsed, String raw) {
        if (parsed == null) throw new StoreException(data("platform.stored.unknown", String.valueOf(raw)));
        return parsed;
    }

    // ================================================================================== registry: writing

    /**
     * Imports a registry in one transaction: organisations upserted by INN, clusters by id; memberships added
     * (one of the same cluster, INN and joined day replaced); contracts and offers added unless an identical
     * one is already stored (so importing a folder twice adds nothing); facts upserted by INN and year. Rows
     * that do not change are not audited; every other row gets an {@code import} entry.
     */
    public void importRegistry(Actor by, Registry r) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(r, "registry");
        tx("import the registry", c -> {
            Set<String> inns = new HashSet<>(column(c, "SELECT inn FROM organisations"));
            Set<String> clusterIds = new HashSet<>(column(c, "SELECT id FROM clusters"));
            Set<String> seen = new HashSet<>();
            for (Organisation o : r.organisations()) {
                check(o);
                if (!seen.add(o.inn())) throw new InvalidRecordException(data("platform.duplicate", "organisation", o.inn()));
                inns.add(o.inn());
            }
            seen.clear();
            for (Cluster k : r.clusters()) {
                check(k, inns);
                if (!seen.add(k.id())) throw new InvalidRecordException(data("platform.duplicate", "cluster", k.id()));
                clusterIds.add(k.id());
            }
            for (Membership m : r.memberships()) check(m, inns, clusterIds);
            for (Contract k : r.contracts()) check(k, inns, clusterIds);
            seen.clear();
            for (AnnualFacts f : r.facts()) {
                check(f, inns);
                if (!seen.add(f.inn() + "/" + f.year())) {
                    throw new InvalidRecordException(data("platform.duplicate", "facts", f.inn() + "/" + f.year()));
                }
            }
            for (Offer o : r.offers()) check(o, inns);
            seen.clear();
            Map<String, String> storedClusterOf = projectClusters(c);
            for (Project p : r.projects()) {
                check(p, inns, clusterIds, storedClusterOf);
                if (!seen.add(p.id())) throw new InvalidRecordException(data("platform.duplicate", "project", p.id()));
            }
            // all checked: now write
            for (Organisation o : r.organisations()) upsertOrganisation(c, by, "import", o);
            for (Cluster k : r.clusters()) upsertCluster(c, by, "import", k);
            for (Membership m : r.memberships()) upsertMembership(c, by, "import", m);
            Map<Contract, Integer> storedContracts = multiset(storedContracts(c, null).stream()
                    .map(StoredContract::contract).toList());
            for (Contract k : r.contracts()) {
                if (takeOne(storedContracts, k)) continue;
                insertContract(c, by, "import", k);
            }
            for (AnnualFacts f : r.facts()) upsertFacts(c, by, "import", f);
            Map<Offer, Integer> storedOffers = multiset(offers(c));
            for (Offer o : r.offers()) {
                if (takeOne(storedOffers, o)) continue;
                update(c, "INSERT INTO offers (ord, inn, kind, text, codes) VALUES (nextval('registry_ord'), ?, ?, ?, ?)",
                        o.inn(), o.kind().code(), o.text(), json(o.codes()));
                audit(c, by, "import", "organisation", o.inn(), null, o.inn(), null, offerJson(o));
            }
            for (Project p : r.projects()) upsertProject(c, by, "import", p);
            return null;
        });
    }

    private static <T> Map<T, Integer> multiset(List<T> items) {
        Map<T, Integer> m = new HashMap<>();
        for (T t : items) m.merge(t, 1, Integer::sum);
        return m;
    }

    private static <T> boolean takeOne(Map<T, Integer> m, T t) {
        Integer n = m.get(t);
        if (n == null || n == 0) return false;
        m.put(t, n - 1);
        return true;
    }

    /** Adds or changes a cluster. */
    public void saveCluster(Actor by, Cluster k) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(k, "cluster");
        tx("save the cluster " + k.id(), c -> {
            check(k, new HashSet<>(k.specialisedOrganisation().isEmpty() ? List.of()
                    : column(c, "SELECT inn FROM organisations WHERE inn = ?", k.specialisedOrganisation())));
            upsertCluster(c, by, null, k);
            return null;
        });
    }

    /**
     * Creates a cluster that does not exist yet and, when {@code managerAccountId} is given, adds it to that
     * cluster manager's clusters — one transaction, so a taken id is refused (never overwritten, even by a
     * concurrent create of the same id) and a cluster is never left without the manager who made it.
     */
    public void createCluster(Actor by, Cluster k, String managerAccountId) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(k, "cluster");
        tx("create the cluster " + k.id(), c -> {
            if (!clusters(c, k.id()).isEmpty()) throw new InvalidRecordException(data("platform.cluster.taken", k.id()));
            check(k, new HashSet<>(k.specialisedOrganisation().isEmpty() ? List.of()
                    : column(c, "SELECT inn FROM organisations WHERE inn = ?", k.specialisedOrganisation())));
            upsertCluster(c, by, "create", k);
            if (managerAccountId != null) {
                Account a = requireAccount(c, managerAccountId);
                Set<String> cl = new TreeSet<>(a.clusters());
                cl.add(k.id());
                roleFields(a.role(), a.organisationInn(), cl);
                update(c, "INSERT INTO account_clusters (account_id, cluster_id) VALUES (?, ?)", a.id(), k.id());
                Account b = new Account(a.id(), a.login(), a.displayName(), a.role(), a.organisationInn(), cl,
                        a.disabled(), a.createdAt());
                audit(c, by, "update", "account", a.id(), null, null, accountJson(a), accountJson(b));
            }
            return null;
        });
    }

    /** Adds or changes an organisation (by INN). */
    public void saveOrganisation(Actor by, Organisation o) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(o, "organisation");
        check(o);
        tx("save the organisation " + o.inn(), c -> {
            upsertOrganisation(c, by, null, o);
            return null;
        });
    }

    /**
     * Adds a membership (one of the same cluster, INN and joined day is replaced); refused when it overlaps
     * another period of the same organisation in the same cluster.
     */
    public void addMembership(Actor by, Membership m) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(m, "membership");
        tx("add a membership", c -> {
            check(m, Set.copyOf(column(c, "SELECT inn FROM organisations WHERE inn = ?", m.inn())),
                    Set.copyOf(column(c, "SELECT id FROM clusters WHERE id = ?", m.cluster())));
            upsertMembership(c, by, null, m);
            return null;
        });
    }

    /**
     * A participant added by hand: the organisation (null when it is stored already — its profile is then its own
     * to edit) and its membership, in one transaction, audited as the changes they are (not as an import).
     */
    public void addParticipant(Actor by, Organisation organisation, Membership m) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(m, "membership");
        tx("add a participant", c -> {
            Set<String> inns = new HashSet<>(column(c, "SELECT inn FROM organisations WHERE inn = ?", m.inn()));
            if (organisation != null) {
                check(organisation);
                if (!organisation.inn().equals(m.inn())) {
                    throw new IllegalArgumentException("the membership is not the organisation's: " + m.inn());
                }
                inns.add(organisation.inn());
            }
            check(m, inns, Set.copyOf(column(c, "SELECT id FROM clusters WHERE id = ?", m.cluster())));
            if (organisation != null) upsertOrganisation(c, by, null, organisation);
            upsertMembership(c, by, null, m);
            return null;
        });
    }

    /** Ends the open membership of an organisation in a cluster on {@code left}. */
    public void endMembership(Actor by, String cluster, String inn, LocalDate left) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(left, "left");
        date("left", left);
        tx("end a membership", c -> {
            requireCluster(c, cluster);
            requireOrganisation(c, inn);
            Membership open = memberships(c, cluster, inn).stream().filter(m -> m.left() == null).findFirst()
                    .orElseThrow(() -> new InvalidRecordException(data("platform.membership.open", inn, cluster)));
            if (left.isBefore(open.joined())) {
                throw new InvalidRecordException(data("platform.membership.left", left.toString(), open.joined().toString()));
            }
            Membership ended = new Membership(cluster, inn, open.joined(), left);
            update(c, "UPDATE memberships SET left_on = ? WHERE cluster_id = ? AND inn = ? AND joined = ?", left,
                    cluster, inn, open.joined());
            audit(c, by, "update", "membership", membershipId(open), cluster, inn, membershipJson(open),
                    membershipJson(ended));
            return null;
        });
    }

    /** Adds a cooperation contract; its id. */
    public String addContract(Actor by, Contract k) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(k, "contract");
        return tx("add a contract", c -> {
            Set<String> inns = new HashSet<>(column(c, "SELECT inn FROM organisations WHERE inn = ?", k.supplier()));
            inns.addAll(column(c, "SELECT inn FROM organisations WHERE inn = ?", k.buyer()));
            check(k, inns, Set.copyOf(column(c, "SELECT id FROM clusters WHERE id = ?", k.cluster())));
            return insertContract(c, by, null, k);
        });
    }

    /** Removes a contract. */
    public void deleteContract(Actor by, String contractId) {
        Objects.requireNonNull(by, "by");
        tx("delete a contract", c -> {
            StoredContract s = null;
            for (StoredContract x : storedContractById(c, contractId)) s = x;
            if (s == null) throw new InvalidRecordException(data("platform.contract.unknown", String.valueOf(contractId)));
            update(c, "DELETE FROM contracts WHERE id = ?", contractId);
            audit(c, by, "delete", "contract", contractId, s.contract().cluster(), null, contractJson(s), null);
            return null;
        });
    }

    private List<StoredContract> storedContractById(Connection c, String id) throws SQLException {
        return rows(c, "SELECT id, cluster_id, supplier, buyer, type, year, value FROM contracts WHERE id = ?",
                PlatformStore::storedContract, id);
    }

    /**
     * Adds a project or replaces it whole (by id): its partners, budget lines, milestones and products with it. A
     * stored project stays in its cluster. Saving it unchanged stores and audits nothing.
     */
    public void saveProject(Actor by, Project p) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(p, "project");
        tx("save a project", c -> {
            Set<String> inns = new HashSet<>();
            for (Project.Partner x : p.partners()) inns.addAll(column(c, "SELECT inn FROM organisations WHERE inn = ?", x.inn()));
            check(p, inns, Set.copyOf(column(c, "SELECT id FROM clusters WHERE id = ?", p.cluster())), projectClusters(c));
            upsertProject(c, by, null, p);
            return null;
        });
    }

    /** Removes a project with its companion rows. */
    public void deleteProject(Actor by, String projectId) {
        Objects.requireNonNull(by, "by");
        tx("delete a project", c -> {
            Project old = projects(c, null, projectId).stream().findFirst().orElseThrow(
                    () -> new InvalidRecordException(data("platform.project.unknown", String.valueOf(projectId))));
            deleteProjectRows(c, projectId, true);
            audit(c, by, "delete", "project", projectId, old.cluster(), old.lead(), projectJson(old), null);
            return null;
        });
    }

    private static Map<String, String> projectClusters(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (Object[] r : rows(c, "SELECT id, cluster_id FROM projects", rs -> new Object[] {rs.getString(1), rs.getString(2)})) {
            out.put((String) r[0], (String) r[1]);
        }
        return out;
    }

    private void upsertProject(Connection c, Actor by, String action, Project p) throws SQLException {
        Optional<Project> old = projects(c, null, p.id()).stream().findFirst();
        if (old.isPresent() && old.get().equals(p)) return;
        if (old.isPresent()) {
            deleteProjectRows(c, p.id(), false);
            update(c, "UPDATE projects SET title = ?, trl_now = ?, trl_target = ?, start_on = ?, end_on = ? WHERE id = ?",
                    p.title(), p.trlNow(), p.trlTarget(), p.start(), p.end(), p.id());
        } else {
            update(c, "INSERT INTO projects (id, ord, cluster_id, title, trl_now, trl_target, start_on, end_on) "
                    + "VALUES (?, nextval('registry_ord'), ?, ?, ?, ?, ?, ?)", p.id(), p.cluster(), p.title(), p.trlNow(),
                    p.trlTarget(), p.start(), p.end());
        }
        int k = 0;
        for (Project.Partner x : p.partners()) {
            update(c, "INSERT INTO project_partners (project_id, ord, inn, role) VALUES (?, ?, ?, ?)", p.id(), k++, x.inn(),
                    x.role().code());
        }
        k = 0;
        for (Project.Budget b : p.budgets()) {
            update(c, "INSERT INTO project_budgets (project_id, ord, inn, year, amount) VALUES (?, ?, ?, ?, ?)", p.id(), k++,
                    b.inn(), b.year(), b.amount());
        }
        k = 0;
        for (Project.Milestone m : p.milestones()) {
            update(c, "INSERT INTO project_milestones (project_id, ord, due_on, text, done) VALUES (?, ?, ?, ?, ?)", p.id(),
                    k++, m.date(), m.text(), m.done());
        }
        k = 0;
        for (String code : p.products()) {
            update(c, "INSERT INTO project_products (project_id, ord, code) VALUES (?, ?, ?)", p.id(), k++, code);
        }
        audit(c, by, action != null ? action : old.isPresent() ? "update" : "create", "project", p.id(), p.cluster(),
                p.lead(), old.map(PlatformStore::projectJson).orElse(null), projectJson(p));
    }

    private static void deleteProjectRows(Connection c, String id, boolean withProject) throws SQLException {
        update(c, "DELETE FROM project_partners WHERE project_id = ?", id);
        update(c, "DELETE FROM project_budgets WHERE project_id = ?", id);
        update(c, "DELETE FROM project_milestones WHERE project_id = ?", id);
        update(c, "DELETE FROM project_products WHERE project_id = ?", id);
        if (withProject) update(c, "DELETE FROM projects WHERE id = ?", id);
    }

    /** Stores an organisation's figures of a year (replacing those of the same INN and year). */
    public void saveFacts(Actor by, AnnualFacts f) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(f, "facts");
        tx("save facts", c -> {
            check(f, Set.copyOf(column(c, "SELECT inn FROM organisations WHERE inn = ?", f.inn())));
            upsertFacts(c, by, null, f);
            return null;
        });
    }

    private void upsertOrganisation(Connection c, Actor by, String action, Organisation o) throws SQLException {
        Optional<Organisation> old = organisations(c, o.inn()).stream().findFirst();
        if (old.isPresent() && old.get().equals(o)) return;
        Object[] fields = {o.ogrn(), o.name(), o.type().code(), o.okved(), o.region(), nan(o.lat()), nan(o.lon()),
            nan(o.employees()), nan(o.revenue()), o.finalProducer(), o.specialTerritory(), o.inn()};
        if (old.isPresent()) {
            update(c, "UPDATE organisations SET ogrn = ?, name = ?, type = ?, okved = ?, region = ?, lat = ?, lon = ?, "
                    + "employees = ?, revenue = ?, final_producer = ?, special_territory = ? WHERE inn = ?", fields);
        } else {
            update(c, "INSERT INTO organisations (ogrn, name, type, okved, region, lat, lon, employees, revenue, "
                    + "final_producer, special_territory, inn, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "nextval('registry_ord'))", fields);
        }
        audit(c, by, action != null ? action : old.isPresent() ? "update" : "create", "organisation", o.inn(), null,
                o.inn(), old.map(PlatformStore::organisationJson).orElse(null), organisationJson(o));
    }

    private void upsertCluster(Connection c, Actor by, String action, Cluster k) throws SQLException {
        Optional<Cluster> old = clusters(c, k.id()).stream().findFirst();
        if (old.isPresent() && old.get().equals(k)) return;
        Object[] fields = {k.name(), k.type().code(), json(k.regions()), json(k.specialisation()),
            k.specialisedOrganisation().isEmpty() ? null : k.specialisedOrganisation(), k.id()};
        if (old.isPresent()) {
            update(c, "UPDATE clusters SET name = ?, type = ?, regions = ?, specialisation = ?, "
                    + "specialised_organisation = ? WHERE id = ?", fields);
        } else {
            update(c, "INSERT INTO clusters (name, type, regions, specialisation, specialised_organisation, id, ord) "
                    + "VALUES (?, ?, ?, ?, ?, ?, nextval('registry_ord'))", fields);
        }
        audit(c, by, action != null ? action : old.isPresent() ? "update" : "create", "cluster", k.id(), k.id(), null,
                old.map(PlatformStore::clusterJson).orElse(null), clusterJson(k));
    }

    private void upsertMembership(Connection c, Actor by, String action, Membership m) throws SQLException {
        Membership old = null;
        for (Membership x : memberships(c, m.cluster(), m.inn())) {
            if (x.joined().equals(m.joined())) {
                old = x;
            } else if (overlap(x, m)) {
                throw new InvalidRecordException(data("platform.membership.overlap", m.inn(), m.cluster(), x.joined().toString()));
            }
        }
        if (m.equals(old)) return;
        if (old != null) {
            update(c, "UPDATE memberships SET left_on = ? WHERE cluster_id = ? AND inn = ? AND joined = ?", m.left(),
                    m.cluster(), m.inn(), m.joined());
        } else {
            update(c, "INSERT INTO memberships (cluster_id, inn, joined, left_on, ord) VALUES (?, ?, ?, ?, "
                    + "nextval('registry_ord'))", m.cluster(), m.inn(), m.joined(), m.left());
        }
        audit(c, by, action != null ? action : old != null ? "update" : "create", "membership", membershipId(m),
                m.cluster(), m.inn(), old == null ? null : membershipJson(old), membershipJson(m));
    }

    private static boolean overlap(Membership a, Membership b) {
        boolean aBefore = a.left() != null && a.left().isBefore(b.joined());
        boolean bBefore = b.left() != null && b.left().isBefore(a.joined());
        return !aBefore && !bBefore;
    }

    private String insertContract(Connection c, Actor by, String action, Contract k) throws SQLException {
        long ord;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('registry_ord')")) {
            rs.next();
            ord = rs.getLong(1);
        }
        String id = Long.toString(ord);
        update(c, "INSERT INTO contracts (id, ord, cluster_id, supplier, buyer, type, year, value) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, ord, k.cluster(), k.supplier(), k.buyer(), k.type().code(),
                k.year(), k.value());
        audit(c, by, action != null ? action : "create", "contract", id, k.cluster(), null, null,
                contractJson(new StoredContract(id, k)));
        return id;
    }

    private void upsertFacts(Connection c, Actor by, String action, AnnualFacts f) throws SQLException {
        Optional<AnnualFacts> old = facts(c, f.inn()).stream().filter(x -> x.year() == f.year()).findFirst();
        if (old.isPresent() && old.get().equals(f)) return;
        if (old.isPresent()) {
            update(c, "UPDATE annual_facts SET output = ?, purchases = ? WHERE inn = ? AND year = ?", nan(f.output()),
                    nan(f.purchases()), f.inn(), f.year());
        } else {
            update(c, "INSERT INTO annual_facts (inn, year, output, purchases, ord) VALUES (?, ?, ?, ?, "
                    + "nextval('registry_ord'))", f.inn(), f.year(), nan(f.output()), nan(f.purchases()));
        }
        audit(c, by, action != null ? action : old.isPresent() ? "update" : "create", "facts",
                f.inn() + "/" + f.year(), null, f.inn(), old.map(PlatformStore::factsJson).orElse(null), factsJson(f));
    }

    // ---------------------------------------------------------------- checks (before any SQL)

    private static void check(Organisation o) {
        if (!Identifiers.validInn(o.inn())) throw new InvalidRecordException(data("platform.inn.invalid", o.inn()));
        String ogrn = o.ogrn() == null ? "" : o.ogrn();
        if (!ogrn.isEmpty() && !Identifiers.validOgrn(ogrn)) {
            throw new InvalidRecordException(data("platform.ogrn.invalid", ogrn, o.inn()));
        }
        text("name", o.name(), MAX_NAME);
        code("okved", o.okved(), true);
        code("region", o.region(), true);
        range("lat", o.lat(), -90, 90);
        range("lon", o.lon(), -180, 180);
        range("employees", o.employees(), 0, Double.MAX_VALUE);
        range("revenue", o.revenue(), 0, Double.MAX_VALUE);
        if (o.ogrn() == null || o.name() == null || o.okved() == null || o.region() == null) {
            throw new InvalidRecordException(data("platform.text.invalid", "organisation", String.valueOf(MAX_NAME), o.inn()));
        }
    }

    private static void check(Cluster k, Set<String> inns) {
        code("cluster", k.id(), false);
        text("name", k.name(), MAX_NAME);
        codes("regions", k.regions());
        codes("specialisation", k.specialisation());
        String org = k.specialisedOrganisation();
        if (!org.isEmpty() && !inns.contains(org)) throw new InvalidRecordException(data("platform.organisation.unknown", org));
    }

    private static void check(Membership m, Set<String> inns, Set<String> clusters) {
        if (!clusters.contains(m.cluster())) throw new InvalidRecordException(data("platform.cluster.unknown", m.cluster()));
        if (!inns.contains(m.inn())) throw new InvalidRecordException(data("platform.organisation.unknown", m.inn()));
        date("joined", m.joined());
        if (m.left() != null) {
            date("left", m.left());
            if (m.left().isBefore(m.joined())) {
                throw new InvalidRecordException(data("platform.membership.left", m.left().toString(), m.joined().toString()));
            }
        }
    }

    private static void check(Contract k, Set<String> inns, Set<String> clusters) {
        if (!clusters.contains(k.cluster())) throw new InvalidRecordException(data("platform.cluster.unknown", k.cluster()));
        if (!inns.contains(k.supplier())) throw new InvalidRecordException(data("platform.organisation.unknown", k.supplier()));
        if (!inns.contains(k.buyer())) throw new InvalidRecordException(data("platform.organisation.unknown", k.buyer()));
        if (k.supplier().equals(k.buyer())) throw new InvalidRecordException(data("platform.contract.self", k.supplier()));
        year(k.year());
        if (!Double.isFinite(k.value()) || k.value() < 0) {
            throw new InvalidRecordException(data("platform.value.invalid", "value", Double.toString(k.value())));
        }
    }

    private static void check(AnnualFacts f, Set<String> inns) {
        if (!inns.contains(f.inn())) throw new InvalidRecordException(data("platform.organisation.unknown", f.inn()));
        year(f.year());
        range("output", f.output(), 0, Double.MAX_VALUE);
        range("purchases", f.purchases(), 0, Double.MAX_VALUE);
    }

    private static void check(Offer o, Set<String> inns) {
        if (!inns.contains(o.inn())) throw new InvalidRecordException(data("platform.organisation.unknown", o.inn()));
        text("text", o.text(), MAX_TEXT);
        codes("codes", o.codes());
    }

    /**
     * A project as {@link ProjectPortfolio#check} has it (one lead, known partners, levels, budgets in its years),
     * in a known cluster and, when stored already, in the cluster it has; texts and codes within the store's bounds.
     */
    private static void check(Project p, Set<String> inns, Set<String> clusters, Map<String, String> storedClusterOf) {
        code("project", p.id(), false);
        if (!clusters.contains(p.cluster())) throw new InvalidRecordException(data("platform.cluster.unknown", p.cluster()));
        String was = storedClusterOf.get(p.id());
        if (was != null && !was.equals(p.cluster())) {
            throw new InvalidRecordException(data("platform.project.cluster", p.id(), was, p.cluster()));
        }
        text("title", p.title(), MAX_NAME);
        for (Project.Partner x : p.partners()) {
            if (!inns.contains(x.inn())) throw new InvalidRecordException(data("platform.organisation.unknown", x.inn()));
        }
        if (p.partners().size() > MAX_LIST || p.budgets().size() > MAX_LIST || p.milestones().size() > MAX_LIST) {
            throw new InvalidRecordException(data("platform.list.long", "project " + p.id(), String.valueOf(MAX_LIST)));
        }
        for (Project.Milestone m : p.milestones()) text("milestone", m.text(), MAX_TEXT);
        codes("products", p.products());
        try {
            ProjectPortfolio.check(p, inns);
        } catch (InvalidParameterException e) {
            throw new InvalidRecordException(e.text());
        }
    }

    private static void text(String field, String v, int max) {
        if (v == null || v.isBlank() || v.length() > max || CONTROL.matcher(v).find()) {
            throw new InvalidRecordException(data("platform.text.invalid", field, String.valueOf(max),
                    v == null ? "" : v.length() > 80 ? v.substring(0, 80) + "…" : v));
        }
    }

    private static void code(String field, String v, boolean emptyAllowed) {
        if (v == null || (!emptyAllowed && v.isBlank()) || v.length() > MAX_CODE || CONTROL.matcher(v).find()) {
            throw new InvalidRecordException(data("platform.code.invalid", field, String.valueOf(MAX_CODE), String.valueOf(v)));
        }
    }

    private static void codes(String field, List<String> codes) {
        if (codes.size() > MAX_LIST) throw new InvalidRecordException(data("platform.list.long", field, String.valueOf(MAX_LIST)));
        for (String s : codes) code(field, s, false);
    }

    private static void range(String field, double v, double min, double max) {
        if (Double.isNaN(v)) return;
        if (!(v >= min && v <= max)) throw new InvalidRecordException(data("platform.value.invalid", field, Double.toString(v)));
    }

    private static void year(int y) {
        if (y < Numbers.MIN_YEAR || y > Numbers.MAX_YEAR) {
            throw new InvalidRecordException(data("platform.year.invalid", Integer.toString(y), String.valueOf(Numbers.MIN_YEAR), String.valueOf(Numbers.MAX_YEAR)));
        }
    }

    private static void date(String field, LocalDate d) {
        if (d.getYear() < Numbers.MIN_YEAR || d.getYear() > Numbers.MAX_YEAR) {
            throw new InvalidRecordException(data("platform.date.invalid", field, d.toString(), String.valueOf(Numbers.MIN_YEAR), String.valueOf(Numbers.MAX_YEAR)));
        }
    }

    private static void hash(String h) {
        if (h == null || h.isBlank() || h.length() > MAX_HASH) throw new InvalidRecordException(data("platform.password.hash"));
    }

    private static void sha256(String h) {
        if (h == null || !SHA256_HEX.matcher(h).matches()) throw new InvalidRecordException(data("platform.sha256"));
    }

    private static void requireOrganisation(Connection c, String inn) throws SQLException {
        if (!exists(c, "SELECT 1 FROM organisations WHERE inn = ?", inn)) {
            throw new InvalidRecordException(data("platform.organisation.unknown", String.valueOf(inn)));
        }
    }

    private static void requireCluster(Connection c, String id) throws SQLException {
        if (!exists(c, "SELECT 1 FROM clusters WHERE id = ?", id)) {
            throw new InvalidRecordException(data("platform.cluster.unknown", String.valueOf(id)));
        }
    }

    // ---------------------------------------------------------------- audit JSON of registry rows

    private static Map<String, Object> organisationJson(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inn", o.inn());
        m.put("ogrn", o.ogrn());
        m.put("name", o.name());
        m.put("type", o.type().code());
        m.put("okved", o.okved());
        m.put("region", o.region());
        m.put("lat", nan(o.lat()));
        m.put("lon", nan(o.lon()));
        m.put("employees", nan(o.employees()));
        m.put("revenue", nan(o.revenue()));
        m.put("final_producer", o.finalProducer());
        m.put("special_territory", o.specialTerritory());
        return m;
    }

    private static Map<String, Object> clusterJson(Cluster k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("type", k.type().code());
        m.put("regions", k.regions());
        m.put("specialisation", k.specialisation());
        m.put("specialised_organisation", k.specialisedOrganisation());
        return m;
    }

    private static String membershipId(Membership m) {
        return m.cluster() + "/" + m.inn() + "/" + m.joined();
    }

    private static Map<String, Object> membershipJson(Membership x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", x.cluster());
        m.put("inn", x.inn());
        m.put("joined", x.joined().toString());
        m.put("left", x.left() == null ? null : x.left().toString());
        return m;
    }

    private static Map<String, Object> contractJson(StoredContract s) {
        Contract k = s.contract();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("cluster", k.cluster());
        m.put("supplier", k.supplier());
        m.put("buyer", k.buyer());
        m.put("type", k.type().code());
        m.put("year", k.year());
        m.put("value", k.value());
        return m;
    }

    private static Map<String, Object> factsJson(AnnualFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inn", f.inn());
        m.put("year", f.year());
        m.put("output", nan(f.output()));
        m.put("purchases", nan(f.purchases()));
        return m;
    }

    private static Map<String, Object> projectJson(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("cluster", p.cluster());
        m.put("title", p.title());
        m.put("trl_now", p.trlNow());
        m.put("trl_target", p.trlTarget());
        m.put("start", p.start().toString());
        m.put("end", p.end() == null ? null : p.end().toString());
        List<Map<String, Object>> partners = new ArrayList<>();
        for (Project.Partner x : p.partners()) partners.add(Map.of("inn", x.inn(), "role", x.role().code()));
        m.put("partners", partners);
        List<Map<String, Object>> budgets = new ArrayList<>();
        for (Project.Budget b : p.budgets()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("inn", b.inn());
            line.put("year", b.year());
            line.put("amount", b.amount());
            budgets.add(line);
        }
        m.put("budgets", budgets);
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (Project.Milestone x : p.milestones()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("date", x.date().toString());
            line.put("text", x.text());
            line.put("done", x.done());
            milestones.add(line);
        }
        m.put("milestones", milestones);
        m.put("products", p.products());
        return m;
    }

    private static Map<String, Object> offerJson(Offer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offer", o.kind().code());
        m.put("inn", o.inn());
        m.put("text", o.text());
        m.put("codes", o.codes());
        return m;
    }

    // ================================================================================== offers (needs, competences)

    /** The needs and competences of an organisation, with their ids, in the order they were stored. */
    public List<StoredOffer> offers(String inn) {
        return read("list offers", c -> rows(c, "SELECT ord, inn, kind, text, codes FROM offers WHERE inn = ? ORDER BY ord",
                PlatformStore::storedOffer, inn));
    }

    /** The offer with this id. */
    public Optional<StoredOffer> offer(String id) {
        return read("read an offer", c -> offerById(c, id).stream().findFirst());
    }

    /** Adds a need or competence of a registered organisation; its id. Codes must be OKPD2/OKVED2 codes. */
    public String addOffer(Actor by, Offer o) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(o, "offer");
        return tx("add an offer", c -> {
            checkOffer(c, o);
            long ord;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('registry_ord')")) {
                rs.next();
                ord = rs.getLong(1);
            }
            update(c, "INSERT INTO offers (ord, inn, kind, text, codes) VALUES (?, ?, ?, ?, ?)", ord, o.inn(), o.kind().code(),
                    o.text(), json(o.codes()));
            String id = Long.toString(ord);
            audit(c, by, "create", "offer", id, null, o.inn(), null, offerJson(o));
            return id;
        });
    }

    /** Replaces the kind, text and codes of a stored offer (it stays the same organisation's). */
    public void saveOffer(Actor by, String id, Offer o) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(o, "offer");
        tx("save an offer", c -> {
            StoredOffer old = requireOffer(c, id);
            if (!old.offer().inn().equals(o.inn())) {
                throw new InvalidRecordException(data("platform.offer.unknown", String.valueOf(id)));
            }
            checkOffer(c, o);
            if (old.offer().equals(o)) return null;
            update(c, "UPDATE offers SET kind = ?, text = ?, codes = ? WHERE ord = ?", o.kind().code(), o.text(),
                    json(o.codes()), Long.parseLong(old.id()));
            audit(c, by, "update", "offer", old.id(), null, o.inn(), offerJson(old.offer()), offerJson(o));
            return null;
        });
    }

    /** Removes a stored offer. */
    public void deleteOffer(Actor by, String id) {
        Objects.requireNonNull(by, "by");
        tx("delete an offer", c -> {
            StoredOffer old = requireOffer(c, id);
            update(c, "DELETE FROM offers WHERE ord = ?", Long.parseLong(old.id()));
            audit(c, by, "delete", "offer", old.id(), null, old.offer().inn(), offerJson(old.offer()), null);
            return null;
        });
    }

    /**
     * A number that grows with every change of the platform store: the last entry of the audit trail, since every
     * change appends one in its own transaction. Cheap, so that what is derived from the registry — the matchmaking
     * index — can be kept until the registry changes: a change by this process shows at once, one by another process
     * (another server on the same PostgreSQL database) within a second.
     */
    public long changeCount() {
        // asked on every matchmaking request: the query runs only after a commit of this process, or once a second
        // for changes made by another process on the same database
        long[] last = counted;
        long seen = commits.get();
        long now = System.nanoTime();
        if (last != null && last[0] == seen && now - last[2] < CHANGE_RECHECK_NANOS) return last[1];
        long v = read("read the change count", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(seq) FROM audit_log")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        counted = new long[] {seen, v, now};
        return v;
    }

    private void checkOffer(Connection c, Offer o) throws SQLException {
        check(o, new HashSet<>(column(c, "SELECT inn FROM organisations WHERE inn = ?", o.inn())));
        // the readers' rule for offers.csv: a code must be written as an OKPD2/OKVED2 code
        for (String code : o.codes()) {
            if (!org.klaster.cooperation.IndustryCodes.valid(code)) {
                throw new InvalidRecordException(data("codes.invalid", org.klaster.data.formats.DataText.quoted(code)));
            }
        }
    }

    private StoredOffer requireOffer(Connection c, String id) throws SQLException {
        List<StoredOffer> found = offerById(c, id);
        if (found.isEmpty()) throw new InvalidRecordException(data("platform.offer.unknown", String.valueOf(id)));
        return found.get(0);
    }

    private List<StoredOffer> offerById(Connection c, String id) throws SQLException {
        if (id == null || !id.matches("\\d{1,18}")) return List.of();
        return rows(c, "SELECT ord, inn, kind, text, codes FROM offers WHERE ord = ?", PlatformStore::storedOffer,
                Long.parseLong(id));
    }

    private static StoredOffer storedOffer(ResultSet rs) throws SQLException {
        return new StoredOffer(Long.toString(rs.getLong(1)), new Offer(rs.getString(2), stored(Offer.Kind.parse(rs.getString(3)),
                rs.getString(3)), rs.getString(4), list(rs.getString(5))));
    }

    // ================================================================================== rules

    /** Saves the rules as a new version ("1", "2", …); its id. */
    public String saveRules(Actor by, RuleSet rules, String note) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(rules, "rules");
        if (rules.rules().isEmpty()) throw new InvalidRecordException(data("platform.rules.empty"));
        String nt = versionNote(note);
        for (Rule r : rules.rules()) {
            if (r.source().length() > MAX_TEXT) throw new InvalidRecordException(data("platform.text.invalid", "source", String.valueOf(MAX_TEXT), r.name()));
            if (!Double.isFinite(r.value())) throw new InvalidRecordException(data("platform.value.invalid", r.name(), Double.toString(r.value())));
            date("valid_from", r.validFrom());
            if (r.validTo() != null) date("valid_to", r.validTo());
        }
        Instant at = now();
        return tx("save rules", c -> {
            int v = latestVersion(c, "rule_versions", 0) + 1;
            update(c, "INSERT INTO rule_versions (version, note, created_by, created_at, rule_count) VALUES (?, ?, ?, ?, ?)",
                    v, nt, by.name(), at, rules.rules().size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rules (version, ord, rule, parameter, value, "
                    + "valid_from, valid_to, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ord = 0;
                for (Rule r : rules.rules()) {
                    bind(ps, v, ord++, r.rule(), r.parameter(), r.value(), r.validFrom(), r.validTo(), r.source(),
                            r.confidence().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return auditVersion(c, by, "rules", v, nt, rules.rules().size(), rules.version());
        });
    }

    /** The rules of a version; {@link RuleSet#version()} is that version's id. */
    public Optional<RuleSet> rules(String version) {
        Integer v = versionNumber(version);
        if (v == null) return Optional.empty();
        return read("read rules", c -> rules(c, v));
    }

    /** The latest version of the rules, empty when none was saved. */
    public Optional<RuleSet> currentRules() {
        return read("read the current rules", c -> {
            Integer v = latestVersion(c, "rule_versions", null);
            return v == null ? Optional.<RuleSet>empty() : rules(c, v);
        });
    }

    private Optional<RuleSet> rules(Connection c, int v) throws SQLException {
        if (!exists(c, "SELECT 1 FROM rule_versions WHERE version = ?", v)) return Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule, parameter, value, valid_from, valid_to, source, "
                + "confidence FROM rules WHERE version = ? ORDER BY ord")) {
            ps.setInt(1, v);
            try (ResultSet rs = ps.executeQuery()) {
                List<Rule> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Rule(rs.getString(1), rs.getString(2), rs.getDouble(3), date(rs, 4), date(rs, 5),
                            rs.getString(6), stored(Confidence.parse(rs.getString(7)), rs.getString(7))));
                }
                return Optional.of(new RuleSet(out, Integer.toString(v)));
            }
        }
    }

    /** Every saved version, oldest first. */
    public List<RuleVersion> ruleVersions() {
        return versions("list rule versions", "rule_versions");
    }

    // ================================================================================== instrument catalogue

    /**
     * Saves a support-instrument catalogue as a new version ("1", "2", …, numbered apart from the compliance rules);
     * its id. Audited as entity {@code instruments}.
     */
    public String saveInstruments(Actor by, Catalogue catalogue, String note) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(catalogue, "catalogue");
        if (catalogue.rules().isEmpty()) throw new InvalidRecordException(data("platform.rules.empty"));
        String nt = versionNote(note);
        for (InstrumentRule r : catalogue.rules()) {
            if (r.source().length() > MAX_TEXT) throw new InvalidRecordException(data("platform.text.invalid", "source", String.valueOf(MAX_TEXT), r.name()));
            if (r.text().length() > MAX_TEXT) throw new InvalidRecordException(data("platform.text.invalid", "value", String.valueOf(MAX_TEXT), r.name()));
            if (Double.isInfinite(r.value())) throw new InvalidRecordException(data("platform.value.invalid", r.name(), Double.toString(r.value())));
            date("valid_from", r.validFrom());
            if (r.validTo() != null) date("valid_to", r.validTo());
        }
        Instant at = now();
        return tx("save instruments", c -> {
            int v = latestVersion(c, "instrument_versions", 0) + 1;
            update(c, "INSERT INTO instrument_versions (version, note, created_by, created_at, rule_count) VALUES (?, ?, ?, ?, ?)",
                    v, nt, by.name(), at, catalogue.rules().size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instrument_rules (version, ord, instrument, parameter, "
                    + "value, text, valid_from, valid_to, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ord = 0;
                for (InstrumentRule r : catalogue.rules()) {
                    bind(ps, v, ord++, r.instrument(), r.parameter(), Double.isNaN(r.value()) ? null : r.value(), r.text(),
                            r.validFrom(), r.validTo(), r.source(), r.confidence().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return auditVersion(c, by, "instruments", v, nt, catalogue.rules().size(), catalogue.version());
        });
    }

    /** The catalogue of a version; {@link Catalogue#version()} is that version's id. */
    public Optional<Catalogue> instruments(String version) {
        Integer v = versionNumber(version);
        if (v == null) return Optional.empty();
        return read("read instruments", c -> instruments(c, v));
    }

    /** The latest version of the catalogue, empty when none was saved. */
    public Optional<Catalogue> currentInstruments() {
        return read("read the current instruments", c -> {
            Integer v = latestVersion(c, "instrument_versions", null);
            return v == null ? Optional.<Catalogue>empty() : instruments(c, v);
        });
    }

    private Optional<Catalogue> instruments(Connection c, int v) throws SQLException {
        if (!exists(c, "SELECT 1 FROM instrument_versions WHERE version = ?", v)) return Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT instrument, parameter, value, text, valid_from, valid_to, "
                + "source, confidence FROM instrument_rules WHERE version = ? ORDER BY ord")) {
            ps.setInt(1, v);
            try (ResultSet rs = ps.executeQuery()) {
                List<InstrumentRule> out = new ArrayList<>();
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    if (rs.wasNull()) value = Double.NaN;
                    out.add(new InstrumentRule(rs.getString(1), rs.getString(2), value, rs.getString(4), date(rs, 5),
                            date(rs, 6), rs.getString(7), stored(Confidence.parse(rs.getString(8)), rs.getString(8))));
                }
                return Optional.of(new Catalogue(out, Integer.toString(v)));
            }
        }
    }

    /** Every saved version of the catalogue, oldest first. */
    public List<RuleVersion> instrumentVersions() {
        return versions("list instrument versions", "instrument_versions");
    }

    // ---------------------------------------------------------------------------------- versioned rule sets

    // the compliance rules and the instrument catalogue are both numbered versions of rows; the table names below
    // are this class's constants, never input

    /** A version's note, stripped; refused when too long or with control characters. */
    private static String versionNote(String note) {
        String nt = note == null ? "" : note.strip();
        if (nt.length() > MAX_NAME || CONTROL.matcher(nt).find()) {
            throw new InvalidRecordException(data("platform.text.invalid", "note", String.valueOf(MAX_NAME), nt.length() > 80 ? nt.substring(0, 80) : nt));
        }
        return nt;
    }

    /** A version id as a number; null when it is not one (then no such version). */
    private static Integer versionNumber(String version) {
        try {
            return Integer.parseInt(String.valueOf(version).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The highest version of a versions table, {@code none} when it is empty. */
    private static Integer latestVersion(Connection c, String versionsTable, Integer none) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(version) FROM " + versionsTable)) {
            if (rs.next()) {
                int x = rs.getInt(1);
                if (!rs.wasNull()) return x;
            }
        }
        return none;
    }

    /** Audits a new version of {@code entity} (rules, instruments); its id. */
    private String auditVersion(Connection c, Actor by, String entity, int v, String note, int rows, String sourceVersion)
            throws SQLException {
        String id = Integer.toString(v);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", id);
        after.put("note", note);
        after.put("rules", rows);
        after.put("source_version", sourceVersion);
        audit(c, by, "create", entity, id, null, null, null, after);
        return id;
    }

    /** Every saved version of a versions table, oldest first. */
    private List<RuleVersion> versions(String what, String versionsTable) {
        return read(what, c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version, note, created_by, created_at, rule_count FROM " + versionsTable
                         + " ORDER BY version")) {
                List<RuleVersion> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RuleVersion(Integer.toString(rs.getInt(1)), rs.getString(2), rs.getString(3),
                            instant(rs, 4), rs.getInt(5)));
                }
                return out;
            }
        });
    }

    // ================================================================================== audit

    /** Appends one entry (inside the caller's transaction: it commits or rolls back with the change). */
    private void audit(Connection c, Actor by, String action, String entity, String entityId, String cluster, String inn,
                       Map<String, Object> before, Map<String, Object> after) throws SQLException {
        audited = true;
        update(c, "INSERT INTO audit_log (seq, logged_at, actor, actor_account, action, entity, entity_id, cluster_id, inn, "
                + "before_json, after_json) VALUES (nextval('audit_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", now(),
                by.name(), by.accountId(), action, entity, entityId, cluster, inn,
                before == null ? null : json(before), after == null ? null : json(after));
    }

    /**
     * The newest {@code limit} entries (1–{@value #MAX_AUDIT}), newest first, of one entity kind and/or row
     * when given.
     */
    public List<AuditEntry> audit(String entity, String entityId, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (entity != null) {
            where.append(" WHERE entity = ?");
            args.add(entity);
        }
        if (entityId != null) {
            where.append(entity == null ? " WHERE" : " AND").append(" entity_id = ?");
            args.add(entityId);
        }
        return auditWhere(where.toString(), args, limit);
    }

    /** The entries of a cluster: the cluster, its memberships and contracts, and its participants' facts. */
    public List<AuditEntry> auditOfCluster(String clusterId, int limit) {
        return auditWhere(" WHERE cluster_id = ? OR (entity = 'facts' AND inn IN "
                + "(SELECT inn FROM memberships WHERE cluster_id = ?))", List.of(clusterId, clusterId), limit);
    }

    private List<AuditEntry> auditWhere(String where, List<Object> args, int limit) {
        int n = Math.max(1, Math.min(MAX_AUDIT, limit));
        return read("read the audit trail", c -> {
            // n is an int within bounds, so writing it into the text is safe and portable
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, logged_at, actor, action, entity, entity_id, "
                    + "before_json, after_json FROM audit_log" + where + " ORDER BY seq DESC LIMIT " + n)) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    List<AuditEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                    return out;
                }
            }
        });
    }

    // ================================================================================== plumbing

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static List<String> list(String json) throws SQLException {
        if (json == null || json.isEmpty()) return List.of();
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored list is not a JSON array: " + e.getOriginalMessage(), e);
        }
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double dbl(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    /** Binds parameters: Instants as UTC LocalDateTime, nulls untyped (the column types them). */
    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int p = i + 1;
            if (a == null) {
                ps.setNull(p, java.sql.Types.NULL); // untyped: the server infers it from the column
            } else if (a instanceof Instant t) {
                ps.setObject(p, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (a instanceof LocalDate d) {
                ps.setObject(p, d);
            } else if (a instanceof String s) {
                ps.setString(p, s);
            } else if (a instanceof Integer n) {
                ps.setInt(p, n);
            } else if (a instanceof Long n) {
                ps.setLong(p, n);
            } else if (a instanceof Double d) {
                ps.setDouble(p, d);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(p, b);
            } else {
                throw new IllegalArgumentException("cannot bind " + a.getClass());
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Reads one row of a result into a value. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of a query, each read by {@code row}. */
    private static <T> List<T> rows(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.read(rs));
                return out;
            }
        }
    }

    private static List<String> column(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        }
    }

    /** The open connection, opened again when it was lost and can be. */
    private Connection connection() throws SQLException {
        if (closed) throw new StoreException(data("platform.closed", location));
        if (conn == null || conn.isClosed()) {
            if (opener == null) throw new StoreException(data("platform.closed", location));
            closeQuietly(conn);
            conn = null;
            conn = opener.open();
        }
        return conn;
    }

    /** Whether the failure was the connection's (SQLSTATE class 08, or it is now closed). */
    private static boolean lost(Connection c, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) return true;
        try {
            return c.isClosed();
        } catch (SQLException x) {
            return true;
        }
    }

    private <T> T read(String what, Work<T> w) {
        return run(what, false, w);
    }

    /**
     * Runs {@code w} as one transaction: committed when it returns, rolled back when it throws. A connection
     * lost before the commit began is opened again and the work retried once (nothing of it was stored).
     */
    private <T> T tx(String what, Work<T> w) {
        return run(what, true, w);
    }

    /** {@link #read} and {@link #tx}: one lock, one retry on a connection lost before anything was committed. */
    private <T> T run(String what, boolean transaction, Work<T> w) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                Connection c = connection();
                boolean committing = false;
                try {
                    if (!transaction) return w.run(c);
                    audited = false;
                    c.setAutoCommit(false);
                    try {
                        T t = w.run(c);
                        committing = true;
                        c.commit();
                        if (audited) commits.incrementAndGet();
                        return t;
                    } catch (Throwable e) {
                        rollbackQuietly(c);
                        throw e;
                    } finally {
                        restoreAutoCommit(c);
                    }
                } catch (SQLException e) {
                    if (attempt == 0 && !committing && opener != null && lost(c, e)) {
                        closeQuietly(c);
                        conn = null;
                        continue;
                    }
                    throw fail(what, e);
                }
            }
        } catch (SQLException e) {
            throw fail(what, e);
        } finally {
            lock.unlock();
        }
    }

    private StoreException fail(String what, SQLException e) {
        // a unique key taken between our check and our insert (another process on the same server): bad input
        if ("23505".equals(e.getSQLState())) {
            return new InvalidRecordException(data("platform.conflict", what));
        }
        return new StoreException(data("platform.sql", location, what, mask(firstLine(e.getMessage()), secret)), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server dropped the transaction with it
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            if (!c.isClosed()) c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a lost connection is replaced on the next call
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }

    static String firstLine(String m) {
        if (m == null) return "unknown error";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
