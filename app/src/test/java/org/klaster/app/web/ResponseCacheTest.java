package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.klaster.app.analysis.Reference;
import org.klaster.data.store.Store;

/**
 * Issue 10, probe 1 (cache flood): {@code /api/v1/mapping?year=2024&x=N} for thousands of N filled a cache
 * bounded in entries (~0.93 MB each) until the heap was gone. The response cache now keys a response on
 * the parameters its handler read, so unknown parameters make no new entry, and holds at most a budget of
 * bytes. Before: one entry (and one handler run) per distinct query string, up to 4 000 entries whatever
 * their size.
 */
@Tag("load")
class ResponseCacheTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BODY = 100_000;
    private static final long BUDGET = 1_000_000;

    private static Store store;
    private static Workbench wb;
    private static ResponseCache cache;
    private static Javalin app;
    private static final AtomicInteger runs = new AtomicInteger();
    private static final AtomicInteger pageRuns = new AtomicInteger();

    @BeforeAll
    static void start() {
        store = Store.inMemory();
        wb = new Workbench(store, Reference.regions());
        cache = new ResponseCache(wb, BUDGET);
        // a route that reads one parameter and answers ~100 kB, like a small /api/v1/mapping
        app = Javalin.create(c -> {
            c.routes.get("/r", cache.wrap(ctx -> {
                Req q = Req.api(ctx, wb);
                runs.incrementAndGet();
                ctx.contentType("text/plain").result("year " + q.param("year") + " " + "x".repeat(BODY));
            }, true));
            // a page whose explicit choice is remembered in a dataset cookie, as Req#dataset does
            c.routes.get("/p", cache.wrap(ctx -> {
                Req q = Req.of(ctx, wb);
                pageRuns.incrementAndGet();
                String choice = q.param("dataset");
                if (choice != null) Req.setCookie(ctx, "ds_activity", choice);
                ctx.contentType("text/html").result("<p>" + choice + " " + q.query() + "</p>");
            }, false));
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownParametersMakeNoNewEntries() throws Exception {
        int before = runs.get();
        for (int x = 0; x < 300; x++) {
            HttpResponse<String> r = get("/r?year=1999&x=" + x + "&y" + x + "=z");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("year 1999 ");
        }
        // the handler ran once; every other request was the same entry
        assertThat(runs.get() - before).isEqualTo(1);
        // a parameter the handler reads still makes a different answer
        assertThat(get("/r?year=2001&x=5").body()).startsWith("year 2001 ");
        assertThat(get("/r?x=5").body()).startsWith("year null ");
    }

    @Test
    void heldBytesStayWithinTheBudget() throws Exception {
        for (int y = 0; y < 60; y++) {
            HttpResponse<String> r = get("/r?year=" + (3000 + y));
            assertThat(r.body()).startsWith("year " + (3000 + y) + " ");
        }
        // 60 answers of 100 kB were made; at most the 1 MB budget of them is kept
        assertThat(cache.weight()).isLessThanOrEqualTo(BUDGET);
        assertThat(cache.size()).isLessThan(60).isGreaterThan(0);
    }

    /**
     * A page that remembers an explicit dataset choice in a cookie was never cached (probe 6: every
     * {@code ?dataset=…} request ran the page again); it is now, the cookie replayed with it. Links keep
     * known parameters only, so an unknown one neither shows in the page nor splits the entry.
     */
    @Test
    void pagesThatRememberAChoiceAreCachedWithTheirCookie() throws Exception {
        int before = pageRuns.get();
        for (int x = 0; x < 20; x++) {
            HttpResponse<String> r = get("/p?dataset=demo&x=" + x);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("<p>demo {dataset=demo}</p>");
            assertThat(r.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("ds_activity=demo;"));
        }
        assertThat(pageRuns.get() - before).isEqualTo(1);
    }

    @Test
    void theBudgetFollowsTheHeapWithinBounds() {
        assertThat(ResponseCache.budget(256L << 20)).isEqualTo(16L << 20);
        assertThat(ResponseCache.budget(1L << 30)).isEqualTo(64L << 20);
        assertThat(ResponseCache.budget(6L << 30)).isEqualTo(128L << 20);
    }
}
