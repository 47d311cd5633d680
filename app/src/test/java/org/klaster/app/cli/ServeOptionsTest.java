package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Set;
import org.klaster.app.auth.DemoAccounts;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.Store;

/** {@code klaster serve}'s security options (issues 10 and 11); the server itself is tested in web.SecurityTest and web.SignInTest. */
class ServeOptionsTest {

    /** A malformed {@code --allowed-host} is a usage error (exit 2, one sentence) before anything is opened or created. */
    @Test
    void malformedAllowedHostIsAUsageError(@TempDir Path dir) {
        Path db = dir.resolve("k.duckdb");
        for (String bad : new String[] {"http://klaster.example.org", "evil host", "name:99999", "*.example.org", ""}) {
            CliRun r = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--allowed-host", bad);
            assertThat(r.code()).as(bad + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--allowed-host:").contains("is not a host name").doesNotContain("Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(Files.exists(db)).isFalse();
    }

    /**
     * A server on another address than loopback is shared: without an enabled administrator it does not start
     * (exit 2, one sentence naming the command that makes one), and the demo's accounts never count as one.
     */
    @Test
    void aSharedServerNeedsAnAdministrator(@TempDir Path dir) {
        Path db = dir.resolve("k.duckdb");
        CliRun fresh = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--host", "0.0.0.0");
        assertThat(fresh.code()).as(fresh.err()).isEqualTo(2);
        assertThat(fresh.err()).contains("--host:").contains("klaster users add LOGIN --role administrator").doesNotContain("Exception");
        assertThat(fresh.err().strip().lines()).hasSize(1);
        assertThat(Files.exists(db)).as("nothing is created").isFalse();

        // a database with accounts, none an enabled administrator (the demo's administrator is disabled there)
        try (Store store = Store.open(db); PlatformStore platform = PlatformStore.on(store)) {
            platform.addAccount(Actor.cli(), "viewer1", "Viewer", Role.VIEWER, Passwords.hash(Tokens.newId().toCharArray()), null, Set.of());
            DemoAccounts.open(platform, Actor.cli());
            assertThat(platform.hasAdministrator()).isTrue();
        }
        CliRun none = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--host", "0.0.0.0", "--no-demo");
        assertThat(none.code()).as(none.err()).isEqualTo(2);
        assertThat(none.err()).contains("klaster users add LOGIN --role administrator");
        try (Store store = Store.open(db); PlatformStore platform = PlatformStore.on(store)) {
            assertThat(platform.account(DemoAccounts.login(Role.ADMINISTRATOR)).orElseThrow().disabled()).isTrue();
            assertThat(platform.hasAdministrator()).isFalse();
        }
        // behind a proxy on loopback it is shared too
        CliRun proxied = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--behind-proxy", "--no-demo");
        assertThat(proxied.code()).as(proxied.err()).isEqualTo(2);
        // Russian on request
        CliRun ru = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--host", "0.0.0.0", "--no-demo", "--lang", "ru");
        assertThat(ru.err()).contains("klaster users add ЛОГИН --role administrator");
    }

    @Test
    void helpDocumentsTheOptions() {
        CliRun r = CliRun.ok("serve", "--help");
        assertThat(r.out()).contains("--allowed-host=NAME").contains("--behind-proxy").contains("421");
    }
}
