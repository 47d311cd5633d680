package org.klaster.data.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The PostgreSQL server of the tests: {@code KLASTER_TEST_POSTGRES} (e.g.
 * {@code postgresql://klaster:klaster@127.0.0.1:5432/klaster}). Unset, the PostgreSQL tests are skipped with a
 * message — except on CI ({@code CI=true}), where they fail: CI must run the suite on both databases. Each
 * test gets a schema of its own ({@code t_} and random hex), dropped afterwards.
 */
public final class PostgresTestDatabase {

    public static final String ENV = "KLASTER_TEST_POSTGRES";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformStore.PgAddress address;
    private final String schema;

    private PostgresTestDatabase(PlatformStore.PgAddress address, String schema) {
        this.address = address;
        this.schema = schema;
    }

    /** The configured server with a new empty schema, or a skipped (failed on CI) test. */
    public static PostgresTestDatabase create() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(ENV + " is not set, and CI=true: the platform tests must run on PostgreSQL in CI (.ci/run sets it)");
            }
            assumeTrue(false, ENV + " is not set: PostgreSQL platform tests skipped (set it to e.g. "
                    + "postgresql://klaster:klaster@127.0.0.1:5432/klaster to run them)");
        }
        PlatformStore.PgAddress a = PlatformStore.PgAddress.parse(url.strip());
        String schema = "t_" + HexFormat.of().formatHex(bytes());
        PostgresTestDatabase db = new PostgresTestDatabase(a, schema);
        db.execute("CREATE SCHEMA " + schema);
        return db;
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The JDBC URL of the schema, credentials as parameters (what {@link PlatformStore#postgres} takes). */
    public String url() {
        String jdbc = address.jdbcUrl();
        StringBuilder u = new StringBuilder(jdbc).append(jdbc.contains("?") ? "&" : "?").append("currentSchema=").append(schema);
        if (address.user() != null) u.append("&user=").append(enc(address.user()));
        if (address.password() != null) u.append("&password=").append(enc(address.password()));
        return u.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A plain connection to the schema (to do what the store never does). */
    public Connection connect() throws SQLException {
        return new org.postgresql.Driver().connect(url(), new Properties());
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void drop() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
