package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, probe 1 (the server fell over under a flood and never answered again): requests beyond those
 * being worked on wait, and beyond the waiting room they are refused at once with 503, Retry-After and one
 * sentence in the visitor's language. Before, Jetty took every request on a thread of its own (up to 250)
 * and nothing was ever refused. Small limits here (one at work, one waiting); the server's are in
 * {@link Overload}. The bounds on waits only keep a broken build from hanging; nothing measures time.
 */
@Tag("load")
class OverloadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void beyondTheWaitingRoomRequestsAreRefusedWith503() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QoSHandler[] qos = new QoSHandler[1];
        Javalin app = Javalin.create(c -> {
            c.jetty.modifyServer(server -> qos[0] = Overload.install(server, 1, 1, java.time.Duration.ofSeconds(60)));
            c.routes.get("/slow", ctx -> {
                inside.countDown();
                release.await();
                ctx.result("done");
            });
        }).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        try {
            CompletableFuture<HttpResponse<String>> first = send(base + "/slow");
            assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<String>> second = send(base + "/slow");
            for (int i = 0; i < 600 && qos[0].getSuspendedRequestCount() < 1; i++) Thread.sleep(100);
            assertThat(qos[0].getSuspendedRequestCount()).isEqualTo(1);

            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/regions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("retry-after")).hasValue("5");
            assertThat(api.body()).isEqualTo("{\"status\":503,\"error\":\"The workbench is busy; please try again in a few seconds.\"}");
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mapping"))
                    .header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Сервер сейчас перегружен").doesNotContain("Service Unavailable");

            release.countDown();
            // the one at work and the one waiting are both answered
            assertThat(first.get(60, TimeUnit.SECONDS).body()).isEqualTo("done");
            assertThat(second.get(60, TimeUnit.SECONDS).body()).isEqualTo("done");
        } finally {
            release.countDown();
            app.stop();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(String url) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
