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
import org.klaster.data.store.Store;

/**
 * A workbench on a free port over an in-memory store holding the synthetic demo dataset "demo",
 * exactly as `klaster demo` creates it (and optionally {@link SovereigntyFixtures}). Tests use it through HTTP only.
 */
final class TestServer implements AutoCloseable {

    final Store store;
    final Workbench wb;
    final Javalin app;

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
        app = WebApp.create(wb, security).start("127.0.0.1", 0);
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
        store.close();
    }
}
