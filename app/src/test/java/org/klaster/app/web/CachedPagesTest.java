package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.klaster.app.analysis.Reference;
import org.klaster.data.store.Store;

/**
 * Issue 10, probe 6 (pages under load): the shock page was rendered anew for every request (158 req/s,
 * p99 727 ms under {@code wrk -t2 -c50}, where the cached pages answer thousands) because its route was
 * not in the response cache. Now a scenario is rendered once and the same request is the cached entry; a
 * different scenario is a different entry.
 */
@Tag("load")
class CachedPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Store store;
    private static ResponseCache cache;
    private static Javalin app;

    @BeforeAll
    static void start() {
        store = Store.inMemory();
        SovereigntyFixtures.install(store);
        Workbench wb = new Workbench(store, Reference.regions());
        cache = new ResponseCache(wb, 64L << 20);
        app = WebApp.create(wb, cache).start("127.0.0.1", 0);
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
    void theShockPageIsCachedPerScenario() throws Exception {
        String a = "/sovereignty/shock?dataset=mb-io&a_type=demand&a_sector=S1&a_rate=-0.1";
        long before = cache.size();
        HttpResponse<String> first = get(a);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(cache.size()).isEqualTo(before + 1);
        HttpResponse<String> again = get(a + "&x=1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(cache.size()).isEqualTo(before + 1);
        HttpResponse<String> other = get("/sovereignty/shock?dataset=mb-io&a_type=demand&a_sector=S2&a_rate=-0.1");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isNotEqualTo(first.body());
        assertThat(cache.size()).isEqualTo(before + 2);
    }

    @Test
    void everySovereigntyPageIsCached() throws Exception {
        for (String p : new String[] {"/sovereignty/multipliers?dataset=mb-io", "/sovereignty/extraction?dataset=mb-io",
                "/sovereignty/dependency", "/sovereignty/shock?dataset=four-io"}) {
            long before = cache.size();
            HttpResponse<String> r = get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(200);
            assertThat(cache.size()).as(p).isEqualTo(before + 1);
        }
    }
}
