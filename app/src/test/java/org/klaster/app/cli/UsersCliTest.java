package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Account;
import org.klaster.data.store.AuditEntry;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.PostgresTestDatabase;
import org.klaster.data.store.Store;

/**
 * {@code klaster users …} end to end on a DuckDB file — and, in the build's second platform run
 * ({@code -Dklaster.test.platform=postgresql}), on a fresh PostgreSQL schema: exit codes, nothing written on
 * refusal, output columns.
 */
class UsersCliTest {

    static final String PASSWORD = "Tver-river-bridge-1987";

    @TempDir
    Path dir;
    Path db;
    /** What {@code --db} says: the DuckDB file, or the PostgreSQL schema's address. */
    String dbArg;
    private PostgresTestDatabase pg;
    private InputStream savedIn;
    private java.util.function.Supplier<java.io.Console> savedConsole;

    @BeforeEach
    void setUp() {
        db = dir.resolve("k.duckdb");
        if ("postgresql".equals(System.getProperty("klaster.test.platform"))) {
            pg = PostgresTestDatabase.create();
            dbArg = pg.url();
        } else {
            dbArg = db.toString();
        }
        savedIn = UsersCommand.stdin;
        savedConsole = UsersCommand.console;
        UsersCommand.console = () -> null; // as under a test runner or a pipe: no console
    }

    @AfterEach
    void restore() {
        UsersCommand.stdin = savedIn;
        UsersCommand.console = savedConsole;
        if (pg != null) pg.drop();
    }

    static void stdin(String text) {
        UsersCommand.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    CliRun add(String login, String password, String... more) {
        stdin(password + "\n");
        List<String> a = new java.util.ArrayList<>(List.of("users", "add", login, "--password-stdin", "--db", dbArg));
        a.addAll(List.of(more));
        return klaster(a.toArray(String[]::new));
    }

    <T> T withStore(java.util.function.Function<PlatformStore, T> f) {
        if (pg != null) {
            try (PlatformStore p = PlatformStore.postgres(pg.url())) {
                return f.apply(p);
            }
        }
        try (Store s = Store.open(db); PlatformStore p = PlatformStore.on(s)) {
            return f.apply(p);
        }
    }

    java.util.Optional<Account> byToken(String token) {
        return withStore(p -> p.accountByToken(Tokens.sha256(token), Instant.now()));
    }

    @Test
    void anAdministratorIsAddedWithAnArgon2idHashOfThePassword() {
        CliRun r = add("olga", PASSWORD, "--role", "administrator", "--name", "Olga Petrova");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("added the account olga (administrator)");
        Account a = withStore(p -> p.account("OLGA").orElseThrow());
        assertThat(a.displayName()).isEqualTo("Olga Petrova");
        String hash = withStore(p -> p.passwordHash(a.id()).orElseThrow());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify(PASSWORD.toCharArray(), hash)).isTrue();
        assertThat(withStore(PlatformStore::hasAdministrator)).isTrue();
        AuditEntry e = withStore(p -> p.audit("account", a.id(), 1).get(0));
        assertThat(e.actor()).isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(e.after()).doesNotContain("argon2");
        // a Windows line end is not part of the password
        assertThat(add("ivan", PASSWORD + "\r", "--role", "viewer").code()).isZero();
        String ivan = withStore(p -> p.passwordHash(p.account("ivan").orElseThrow().id()).orElseThrow());
        assertThat(Passwords.verify(PASSWORD.toCharArray(), ivan)).isTrue();
    }

    @Test
    void refusedAccountsExitTwoAndWriteNothing() {
        CliRun weak = add("olga", "short", "--role", "viewer");
        assertThat(weak.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(weak.err()).contains("--password: the password is too short: at least 12 characters");
        assertThat(add("olga", "Password1234", "--role", "viewer").err()).contains("well-known");
        assertThat(add("olga.petrova", "olga.petrova2025", "--role", "viewer").err()).contains("must not be the login");
        CliRun role = add("olga", PASSWORD, "--role", "root");
        assertThat(role.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(role.err()).contains("unknown role \"root\" (roles: administrator, ministry_analyst, cluster_manager,"
                + " participant, viewer)");
        CliRun empty = add("olga", "", "--role", "viewer");
        assertThat(empty.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(empty.err()).contains("no password on standard input");
        CliRun noConsole = klaster("users", "add", "olga", "--role", "viewer", "--db", dbArg);
        assertThat(noConsole.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(noConsole.err()).contains("--password-stdin");
        // the store refuses: unknown organisation, cluster; the database file it would have created is gone again
        CliRun org = add("alpha", PASSWORD, "--role", "participant", "--organisation", "7707083893");
        assertThat(org.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(org.err()).contains("no organisation with INN 7707083893 in the registry");
        CliRun cluster = add("mgr", PASSWORD, "--role", "cluster_manager", "--cluster", "AUTO");
        assertThat(cluster.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(cluster.err()).contains("no cluster AUTO");
        if (pg == null) assertThat(db).doesNotExist();
        assertThat(withStore(PlatformStore::accounts)).isEmpty();
    }

    @Test
    void loginsAreUniqueIgnoringCase() {
        ok(addArgs("olga", "--role", "viewer"));
        CliRun again = add("OLGA", PASSWORD, "--role", "viewer");
        assertThat(again.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(again.err()).contains("the login \"OLGA\" is already taken");
        assertThat(withStore(PlatformStore::accounts)).hasSize(1);
    }

    String[] addArgs(String login, String... more) {
        stdin(PASSWORD + "\n");
        List<String> a = new java.util.ArrayList<>(List.of("users", "add", login, "--password-stdin", "--db", dbArg));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void theListHasOneRowPerAccount() {
        ok(addArgs("viewer1", "--role", "viewer"));
        ok(addArgs("Admin", "--role", "administrator", "--name", "The Admin"));
        CliRun r = ok("users", "list", "--db", dbArg, "--format", "csv");
        assertThat(r.header()).isEqualTo("login,display_name,role,organisation_inn,clusters,disabled,created_at");
        List<Map<String, String>> rows = r.csv();
        assertThat(rows).extracting(x -> x.get("login")).containsExactly("Admin", "viewer1");
        assertThat(rows.get(0).get("display_name")).isEqualTo("The Admin");
        assertThat(rows.get(0).get("role")).isEqualTo("administrator");
        assertThat(rows.get(1).get("disabled")).isEqualTo("false");
        CliRun missing = klaster("users", "list", "--db", dir.resolve("none.duckdb").toString());
        assertThat(missing.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(dir.resolve("none.duckdb")).doesNotExist();
    }

    @Test
    void passwdSetsANewHashAndEndsSessions() {
        ok(addArgs("olga", "--role", "viewer"));
        String id = withStore(p -> p.account("olga").orElseThrow().id());
        withStore(p -> {
            p.createSession(Tokens.sha256("session-1"), id, Instant.parse("2025-01-01T00:00:00Z"));
            return null;
        });
        stdin("Another-long-passphrase-42\n");
        CliRun r = ok("users", "passwd", "olga", "--password-stdin", "--db", dbArg);
        assertThat(r.err()).contains("the password of olga was changed");
        String hash = withStore(p -> p.passwordHash(id).orElseThrow());
        assertThat(Passwords.verify("Another-long-passphrase-42".toCharArray(), hash)).isTrue();
        assertThat(Passwords.verify(PASSWORD.toCharArray(), hash)).isFalse();
        boolean live = withStore(p -> p.session(Tokens.sha256("session-1")).isPresent());
        assertThat(live).isFalse();
        stdin("short\n");
        assertThat(klaster("users", "passwd", "olga", "--password-stdin", "--db", dbArg).code())
                .isEqualTo(Klaster.BAD_INPUT);
        String unchanged = withStore(p -> p.passwordHash(id).orElseThrow());
        assertThat(unchanged).isEqualTo(hash);
        CliRun unknown = klaster("users", "passwd", "nobody", "--password-stdin", "--db", dbArg);
        assertThat(unknown.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(unknown.err()).contains("--login: no account \"nobody\"");
    }

    @Test
    void tokensArePrintedOnceStoredHashedAndRevocable() {
        ok(addArgs("robot", "--role", "ministry_analyst"));
        CliRun r = ok("users", "token", "robot", "--name", "nightly export", "--db", dbArg);
        String token = r.out().strip();
        assertThat(token).matches("kl_[A-Za-z0-9_-]{43}");
        assertThat(r.err()).contains("printed above, once");
        assertThat(byToken(token)).isPresent();
        if (pg == null) try (var in = Files.newInputStream(db)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain(token);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        CliRun list = ok("users", "list", "--tokens", "--db", dbArg, "--format", "csv");
        assertThat(list.header()).isEqualTo("id,login,name,created_at,revoked_at,last_used");
        Map<String, String> row = list.csv().get(0);
        assertThat(row.get("login")).isEqualTo("robot");
        assertThat(row.get("name")).isEqualTo("nightly export");
        assertThat(row.get("revoked_at")).isEmpty();
        ok("users", "revoke-token", row.get("id"), "--db", dbArg);
        assertThat(byToken(token)).isEmpty();
        assertThat(ok("users", "list", "--tokens", "--db", dbArg, "--format", "csv").csv().get(0).get("revoked_at"))
                .isNotEmpty();
        CliRun unknown = klaster("users", "revoke-token", "no-such-id", "--db", dbArg);
        assertThat(unknown.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(unknown.err()).contains("no API token no-such-id");
    }

    @Test
    void disabledAccountsLoseTheirTokensUntilEnabled() {
        ok(addArgs("robot", "--role", "viewer"));
        String token = ok("users", "token", "robot", "--name", "t", "--db", dbArg).out().strip();
        ok("users", "disable", "robot", "--db", dbArg);
        boolean disabled = withStore(p -> p.account("robot").orElseThrow().disabled());
        assertThat(disabled).isTrue();
        assertThat(byToken(token)).isEmpty();
        assertThat(ok("users", "list", "--db", dbArg, "--format", "csv").csv().get(0).get("disabled")).isEqualTo("true");
        ok("users", "enable", "robot", "--db", dbArg);
        assertThat(byToken(token)).isPresent();
        assertThat(klaster("users", "disable", "nobody", "--db", dbArg).code()).isEqualTo(Klaster.BAD_INPUT);
    }

    @Test
    void aDatasetCommandRefusesAPostgresAddress() {
        CliRun r = klaster("datasets", "--db", "postgresql://u:secret-pw@127.0.0.1:1/none");
        assertThat(r.code()).isEqualTo(Klaster.BAD_INPUT);
        assertThat(r.err()).contains("datasets are kept only in the embedded DuckDB file").doesNotContain("secret-pw");
        CliRun users = klaster("users", "list", "--db", "postgresql://u:secret-pw@127.0.0.1:1/none");
        assertThat(users.code()).isEqualTo(Klaster.IMPOSSIBLE);
        assertThat(users.err()).contains("cannot open the platform database postgresql://u:***@127.0.0.1:1/none")
                .doesNotContain("secret-pw");
    }
}
