package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, probe 4 ("cross-site writes"): a page of another site must not be able to change the
 * workbench through its visitor's browser, and a name that some other site rebinds to 127.0.0.1 must
 * not be answered. Before {@link Security}, every POST here was accepted from any origin without a
 * token (a GeoJSON posted from another site replaced the map for everybody) and a foreign {@code Host}
 * was served; each test below fails on that code.
 */
class SecurityTest {

    private static final String EVIL = "http://evil.example";
    private static final String GEO = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"shapeISO":"RU-SAM"},"geometry":{"type":"Polygon","coordinates":[[[49,53],[51,53],[51,54.5],[49,54.5],[49,53]]]}}]}
            """;
    private static final String ACTIVITY = """
            region,industry,year,employment
            RU-SAM,29,2022,100
            RU-MOW,29,2022,50
            """;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int datasets() throws Exception {
        return server.json("/api/v1/datasets").get("datasets").size();
    }

    private static boolean boundariesReplaced() throws Exception {
        return server.get("/mapping?lang=en").body().contains("map.geojson");
    }

    private static Map<String, String> fields(String token) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "activity");
        if (token != null) f.put(Security.TOKEN_FIELD, token);
        return f;
    }

    private static int uploads;

    /** An activity file that differs from every earlier one (the same content would be the same dataset). */
    private static Map<String, String[]> activity() {
        return Map.of("file", new String[] {"mine.csv", ACTIVITY.replace("50", String.valueOf(51 + uploads++))});
    }

    /** Probe 4: a form on another site posting to us, even with a token it somehow got, is refused; nothing stored. */
    @Test
    void crossSitePostsAreRefusedAndNothingIsStored() throws Exception {
        FormClient victim = server.uploader();
        String token = victim.token("upload-form");
        int before = datasets();

        HttpResponse<String> upload = victim.multipart("/datasets/upload?lang=en", fields(token), activity(), Map.of("Origin", EVIL));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);
        assertThat(upload.body()).contains("This request was sent from another site and was refused; nothing was changed.");

        HttpResponse<String> geo = victim.multipart("/datasets/boundaries?lang=en", fields(token),
                Map.of("file", new String[] {"map.geojson", GEO}), Map.of("Origin", EVIL));
        assertThat(geo.statusCode()).isEqualTo(403);
        // no Origin, a foreign Referer; the opaque origin of a sandboxed frame; a sibling on another port
        assertThat(victim.multipart("/datasets/upload", fields(token), activity(), Map.of("Referer", EVIL + "/page.html"))
                .statusCode()).isEqualTo(403);
        assertThat(victim.multipart("/datasets/upload", fields(token), activity(), Map.of("Origin", "null")).statusCode()).isEqualTo(403);
        assertThat(victim.multipart("/datasets/upload", fields(token), activity(), Map.of("Origin", "http://127.0.0.1:1"))
                .statusCode()).isEqualTo(403);
        // a browser that says so itself (Fetch Metadata), whatever Origin claims
        assertThat(victim.multipart("/datasets/upload", fields(token), activity(),
                Map.of("Origin", server.base(), "Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(victim.form("/datasets/boundaries/clear", Map.of(Security.TOKEN_FIELD, token), Map.of("Origin", EVIL))
                .statusCode()).isEqualTo(403);

        assertThat(datasets()).isEqualTo(before);
        assertThat(boundariesReplaced()).isFalse();
    }

    /** Probe 4: a same-origin POST without the token, with a made-up one, or with another browser's or server's, is refused. */
    @Test
    void postsWithoutAValidTokenAreRefused() throws Exception {
        FormClient alice = server.uploader();
        FormClient mallory = server.uploader();
        String alicesToken = alice.token("upload-form");
        String mallorysToken = mallory.token("upload-form");
        assertThat(alicesToken).isNotEqualTo(mallorysToken);
        int before = datasets();

        HttpResponse<String> none = alice.multipart("/datasets/upload?lang=en", fields(null), activity());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("security token is missing or out of date");
        assertThat(alice.multipart("/datasets/upload", fields("forged-" + alicesToken), activity()).statusCode()).isEqualTo(403);
        assertThat(alice.multipart("/datasets/upload", fields(mallorysToken), activity()).statusCode()).isEqualTo(403);
        // a browser without the cookie the token is bound to
        assertThat(server.uploader().multipart("/datasets/upload", fields(alicesToken), activity()).statusCode())
                .isEqualTo(403);
        // neither Origin nor Referer: a token in the form is not enough (only in the header, as scripts send it)
        assertThat(alice.multipart("/datasets/upload", fields(alicesToken), activity(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(alice.form("/datasets/boundaries/clear", Map.of(), Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(datasets()).isEqualTo(before);

        // the token of an earlier (or another) server process: its secret is gone
        try (TestServer other = new TestServer(false)) {
            FormClient elsewhere = other.uploader();
            String foreign = elsewhere.token("upload-form");
            assertThat(alice.multipart("/datasets/upload", fields(foreign), activity()).statusCode()).isEqualTo(403);
        }
        assertThat(datasets()).isEqualTo(before);
    }

    /** The forms as the Data page sends them (hidden field + Origin, Referer only, htmx's header, a script's header) are accepted. */
    @Test
    void sameOriginFormsWithTheirTokenAreAccepted() throws Exception {
        FormClient browser = server.uploader();
        String token = browser.token("upload-form");
        int before = datasets();
        HttpResponse<String> plain = browser.multipart("/datasets/upload?lang=en", fields(token), activity());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        HttpResponse<String> referer = browser.multipart("/datasets/upload", fields(token), activity(),
                Map.of("Referer", server.base() + "/datasets?lang=en"));
        assertThat(referer.statusCode()).as(referer.body()).isEqualTo(201);
        HttpResponse<String> htmx = browser.multipart("/datasets/upload", fields(null), activity(),
                Map.of("Origin", server.base(), Security.TOKEN_HEADER, token, "HX-Request", "true", "Sec-Fetch-Site", "same-origin"));
        assertThat(htmx.statusCode()).as(htmx.body()).isEqualTo(201);
        HttpResponse<String> script = browser.multipart("/datasets/upload", fields(null), activity(), Map.of(Security.TOKEN_HEADER, token));
        assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
        assertThat(datasets()).isEqualTo(before + 4);

        HttpResponse<String> geo = browser.multipart("/datasets/boundaries", fields(browser.token("boundaries-form")),
                Map.of("file", new String[] {"map.geojson", GEO}));
        assertThat(geo.statusCode()).as(geo.body()).isEqualTo(201);
        assertThat(boundariesReplaced()).isTrue();
        HttpResponse<String> clear = browser.form("/datasets/boundaries/clear",
                Map.of(Security.TOKEN_FIELD, browser.token("boundaries-clear")), Map.of("Origin", server.base()));
        assertThat(clear.statusCode()).isEqualTo(303);
        assertThat(boundariesReplaced()).isFalse();
    }

    /**
     * Default-deny: every registered route with a method other than GET/HEAD/OPTIONS, every other route's
     * path and an unknown path refuse unsafe methods without origin and token — a route added later is
     * covered without anyone remembering to.
     */
    @Test
    void everyUnsafeMethodOnEveryRouteNeedsOriginAndToken() throws Exception {
        Set<String> unsafe = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>(List.of("/no-such-page", "/api/v1/no-such"));
        for (var ep : server.app.unsafe.internalRouter.allHttpHandlers()) {
            String path = ep.endpoint.path.replaceAll("\\{[^}]+}", "x").replace("<", "").replace(">", "");
            HandlerType m = ep.endpoint.method;
            if (!m.isHttpMethod() || !path.startsWith("/")) continue; // before/after handlers
            if (m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS) unsafe.add(m.name() + " " + path);
            paths.add(path);
        }
        assertThat(unsafe).contains("POST /datasets/upload", "POST /datasets/boundaries", "POST /datasets/boundaries/clear",
                "POST /datasets/classification");
        List<String> accepted = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : paths) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "QUERY")) {
                for (Map<String, String> h : List.of(Map.of("Origin", EVIL), Map.of("Origin", server.base()))) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                            .method(method, HttpRequest.BodyPublishers.ofString("x=1"))
                            .header("Content-Type", "application/x-www-form-urlencoded");
                    h.forEach(b::header);
                    int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 403) accepted.add(method + " " + path + " " + h + " → " + status);
                }
            }
        }
        for (String route : unsafe) {
            String[] mp = route.split(" ", 2);
            int status = http.send(HttpRequest.newBuilder(URI.create(server.base() + mp[1])).method(mp[0],
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 403) accepted.add(route + " (no headers) → " + status);
        }
        assertThat(accepted).as("unsafe requests not refused").isEmpty();
        assertThat(paths.size()).isGreaterThan(40);
    }

    /** The refusal speaks the page's language; the API answers with its JSON error; htmx gets a fragment to swap in. */
    @Test
    void refusalsAreOneSentenceInTheRightShape() throws Exception {
        FormClient browser = server.uploader();
        browser.token("upload-form");
        HttpResponse<String> ru = browser.multipart("/datasets/upload?lang=ru", fields(null), activity(), Map.of("Origin", EVIL));
        assertThat(ru.statusCode()).isEqualTo(403);
        assertThat(ru.body()).contains("Запрос отправлен с другого сайта и отклонён; ничего не изменено.").doesNotContain("Exception");
        HttpResponse<String> htmx = browser.multipart("/datasets/upload?lang=en", fields(null), activity(),
                Map.of("Origin", server.base(), "HX-Request", "true"));
        assertThat(htmx.statusCode()).isEqualTo(403);
        assertThat(htmx.body()).startsWith("<div class=\"alert err\" role=\"alert\" id=\"refused\">").doesNotContain("<html");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/datasets"))
                .header("Origin", EVIL).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
        JsonNode err = new ObjectMapper().readTree(api.body());
        assertThat(err.get("status").asInt()).isEqualTo(403);
        assertThat(err.get("error").asText()).isEqualTo("This request was sent from another site and was refused; nothing was changed.");
    }

    /** A raw HTTP/1.1 request, so the Host header can be anything (HttpClient will not send a foreign one). */
    private static String[] raw(int port, String method, String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept-Language: en\r\nConnection: close\r\n"
                    + (method.equals("POST") ? "Content-Length: 0\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            return new String[] {all.substring(9, 12), all.substring(0, end), all.substring(end + 4)};
        }
    }

    /** Probe 4 (DNS rebinding): only the server's own names are answered; others get 421 with a sentence and no page. */
    @Test
    void onlyTheServersOwnHostNamesAreAnswered() throws Exception {
        int port = server.app.port();
        for (String own : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            assertThat(raw(port, "GET", "/?lang=en", own)[0]).as(own).isEqualTo("200");
        }
        for (String foreign : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "127.0.0.1:1",
                "localhost")) {
            String[] r = raw(port, "GET", "/?lang=en", foreign);
            assertThat(r[0]).as(foreign).isEqualTo("421");
            assertThat(r[2]).as(foreign).startsWith("This server does not answer to the address").doesNotContain("<");
        }
        String[] api = raw(port, "GET", "/api/v1/datasets", "evil.example:" + port);
        assertThat(api[0]).isEqualTo("421");
        assertThat(api[2]).contains("\"status\":421");
        assertThat(raw(port, "GET", "/static/app.js", "evil.example:" + port)[0]).isEqualTo("421");

        // more names by --allowed-host: NAME (any port), NAME:PORT (that port only)
        try (TestServer named = new TestServer(false, null, new Security.Config("127.0.0.1",
                List.of("Klaster.Example.org", "intranet:8443"), false))) {
            int p = named.app.port();
            assertThat(raw(p, "GET", "/?lang=en", "klaster.example.org")[0]).isEqualTo("200");
            assertThat(raw(p, "GET", "/?lang=en", "klaster.example.org:" + p)[0]).isEqualTo("200");
            assertThat(raw(p, "GET", "/?lang=en", "intranet:8443")[0]).isEqualTo("200");
            assertThat(raw(p, "GET", "/?lang=en", "intranet:" + p)[0]).isEqualTo("421");
            assertThat(raw(p, "GET", "/?lang=en", "localhost:" + p)[0]).isEqualTo("200");
            assertThat(raw(p, "POST", "/datasets/boundaries/clear", "evil.example")[0]).isEqualTo("421");
        }
    }

    /** Every cookie the app sets is SameSite=Lax, HttpOnly, whole-site, and not Secure over plain HTTP. */
    @Test
    void cookiesAreSameSiteAndHttpOnly() throws Exception {
        HttpResponse<String> r = server.get("/datasets?lang=ru");
        List<String> cookies = new ArrayList<>(r.headers().allValues("set-cookie"));
        cookies.addAll(server.get("/mapping?lang=en&dataset=demo").headers().allValues("set-cookie"));
        assertThat(cookies).extracting(c -> c.substring(0, c.indexOf('='))).contains("lang", "ds_activity", Security.COOKIE);
        for (String c : cookies) {
            assertThat(c).as(c).contains("; Path=/").contains("; SameSite=Lax").contains("; HttpOnly").doesNotContain("Secure");
        }
        assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        // cached pages never carry a token (a cache shared by every visitor would hand one browser's token to another)
        assertThat(server.get("/mapping?lang=en").body()).doesNotContain(Security.TOKEN_FIELD);
    }

    /**
     * TLS ends at a reverse proxy: with {@code --behind-proxy}, an HTTPS request gets HSTS and Secure cookies
     * (the token's as {@code __Host-}), and its origin is the proxy's; without the option the same headers
     * are ignored, so nobody can claim HTTPS or a host name by sending them.
     */
    @Test
    void behindATlsProxyHstsAndSecureCookies() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> viaProxy = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "klaster.example.org");
        try (TestServer proxied = new TestServer(false, null, new Security.Config("127.0.0.1", List.of("klaster.example.org"), true))) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxied.base() + "/datasets?lang=en&dataset=demo"));
            viaProxy.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains(Security.HSTS);
            List<String> cookies = r.headers().allValues("set-cookie");
            assertThat(cookies).anyMatch(c -> c.startsWith(Security.TLS_COOKIE + "="));
            for (String c : cookies) assertThat(c).as(c).contains("; Secure").contains("; SameSite=Lax");

            // the proxy's plain HTTP requests (or a client reaching the port directly) get neither
            HttpResponse<String> plain = proxied.get("/datasets?lang=en");
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(plain.headers().allValues("set-cookie")).noneMatch(c -> c.contains("Secure"));

            // a form posted through the proxy: its origin is https://klaster.example.org
            FormClient browser = proxied.uploader();
            HttpRequest.Builder page = HttpRequest.newBuilder(URI.create(proxied.base() + "/datasets?lang=en"));
            viaProxy.forEach(page::header);
            HttpResponse<String> form = browser.http.send(page.build(), HttpResponse.BodyHandlers.ofString());
            String token = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            // the test's client talks plain HTTP to the proxy's side, so it would keep a Secure cookie to itself: send it as the browser does
            String cookie = form.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Security.TLS_COOKIE))
                    .findFirst().orElseThrow().split(";")[0];
            Map<String, String> good = new LinkedHashMap<>(viaProxy);
            good.put("Cookie", cookie);
            good.put("Origin", "https://klaster.example.org");
            assertThat(browser.multipart("/datasets/upload", fields(token), activity(), good).statusCode()).isEqualTo(201);
            Map<String, String> downgraded = new LinkedHashMap<>(good);
            downgraded.put("Origin", "http://klaster.example.org");
            assertThat(browser.multipart("/datasets/upload", fields(token), activity(), downgraded).statusCode()).isEqualTo(403);
        }
        // without --behind-proxy the forwarded headers mean nothing
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/datasets?lang=en"));
        viaProxy.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(r.headers().allValues("set-cookie")).noneMatch(c -> c.contains("Secure") || c.startsWith("__Host-"));
    }
}
