package org.klaster.app.web;

import org.klaster.app.analysis.Reference;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.klaster.app.DemoSetup;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.TestClock;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.klaster.data.store.Store;

/**
 * A workbench on a free port over an in-memory store holding the synthetic demo dataset "demo",
 * exactly as `klaster demo` creates it (and optionally {@link SovereigntyFixtures}). Tests use it through HTTP only.
 */
final class TestServer implements AutoCloseable {

    final Store store;
    final Workbench wb;
    final Javalin app;
    /** The platform store (accounts, sessions, settings) and the clock its sessions and throttling read. */
    final PlatformStore platform;
    private final TestPlatform platformDb;
    final TestClock clock = new TestClock(java.time.Instant.now());
    final Accounts accounts;
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    /** The INN of the organisation test participants act for (Sberbank's, valid check digits). */
    static final String PARTICIPANT_INN = "7707083893";

    TestServer() {
        this(false);
    }

    /** With {@code sovereignty}, also the hand-built tables and trade of {@link SovereigntyFixtures}. */
    TestServer(boolean sovereignty) {
        this(sovereignty, null);
    }

    /** With {@code extra}, also what it stores (e.g. {@link OpportunitiesFixtures#install}) before the workbench opens. */
    TestServer(boolean sovereignty, java.util.function.Consumer<Store> extra) {
        this(sovereignty, extra, Security.Config.local());
    }

    /** With the host names and proxy setting of {@code security} (as {@code klaster serve --allowed-host, --behind-proxy}). */
    TestServer(boolean sovereignty, java.util.function.Consumer<Store> extra, Security.Config security) {
        store = Store.inMemory();
        // the real synthetic demo (activity only: the firm-level dataset is not shown by the pages)
        DemoSetup.install(store, false, phase -> { });
        if (sovereignty) SovereigntyFixtures.install(store);
        if (extra != null) extra.accept(store);
        wb = new Workbench(store, Reference.regions());
        platformDb = TestPlatform.open(PlatformStore::inMemory);
        platform = platformDb.store;
        // the organisation test participants act for (a participant account names one of the registry)
        platform.saveOrganisation(Actor.cli(), org.klaster.registry.Organisation.of(PARTICIPANT_INN,
                org.klaster.registry.OrganisationType.ENTERPRISE, false, false));
        accounts = new Accounts(platform, clock);
        app = WebApp.create(wb, security, accounts).start("127.0.0.1", 0);
    }

    /** An account of this role (a participant of {@code inn}, a manager of {@code clusters}) with a random password. */
    Account account(Role role, String inn, Set<String> clusters, String password) {
        String login = "t-" + role.label().replace('_', '-') + "-" + ACCOUNTS.incrementAndGet();
        return platform.addAccount(Actor.cli(), login, "Test " + role.label(), role, Passwords.hash(password.toCharArray()), inn, clusters);
    }

    /** A browser signed in with a new account of this role. */
    FormClient signedIn(Role role) throws Exception {
        return signedIn(role, role == Role.PARTICIPANT ? PARTICIPANT_INN : null, Set.of());
    }

    FormClient signedIn(Role role, String inn, Set<String> clusters) throws Exception {
        String password = Tokens.newId();
        Account a = account(role, inn, clusters, password);
        FormClient b = new FormClient(base());
        HttpResponse<String> r = b.signIn(a.login(), password);
        assertThat(r.statusCode()).as("sign-in of " + a.login() + ": " + r.body()).isEqualTo(303);
        return b;
    }

    /** A browser that may upload (a ministry analyst), as every upload test needs. */
    FormClient uploader() throws Exception {
        return signedIn(Role.MINISTRY_ANALYST);
    }

    /** A new API token of a new account of this role. */
    String apiToken(Role role) {
        Account a = account(role, role == Role.PARTICIPANT ? PARTICIPANT_INN : null, Set.of(), Tokens.newId());
        String token = Tokens.newApiToken();
        platform.addToken(Actor.cli(), a.id(), "test", Tokens.sha256(token));
        return token;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** GET of a path on this server, body as text. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of an API path that must answer 200 with JSON; the parsed body. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    /** The element of a JSON array whose {@code key} is {@code value}. */
    static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode r : rows) if (r.get(key).asText().equals(value)) return r;
        throw new AssertionError("no row " + key + "=" + value + " in " + rows);
    }

    /** A download's CSV without its first line when that line says the data are synthetic. */
    static String withoutSyntheticLine(String csv) {
        String first = org.klaster.app.analysis.TableWriter.SYNTHETIC_CSV_LINE + "\n";
        return csv.startsWith(first) ? csv.substring(first.length()) : csv;
    }

    @Override
    public void close() {
        app.stop();
        platformDb.close();
        store.close();
    }
}
