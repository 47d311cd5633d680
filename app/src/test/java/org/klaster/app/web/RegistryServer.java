package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.klaster.app.analysis.Reference;
import org.klaster.data.demo.DemoRegistry;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.Store;
import org.klaster.registry.Registry;

/**
 * A workbench with the SYNTHETIC demo registry in its platform store and one account per role, signed in through
 * the sign-in form as a browser does ({@link #as}). "Today" is that of a fixed clock, 2025-06-30 (sessions do not
 * age).
 *
 * <pre>
 * admin       administrator
 * analyst     ministry analyst
 * viewer      viewer
 * sam         cluster manager of SAM-AUTO
 * sve         cluster manager of SVE-METAL
 * newbie      cluster manager of nothing yet
 * member      participant: the first organisation of SVE-METAL
 * </pre>
 */
final class RegistryServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-06-30T10:00:00Z");

    final Store store;
    final PlatformStore ps;
    private final TestPlatform platformDb;
    final Workbench wb;
    final Accounts accounts;
    final Javalin app;
    final Registry demo;
    final String memberInn;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    RegistryServer() {
        store = Store.inMemory();
        wb = new Workbench(store, Reference.regions());
        platformDb = TestPlatform.open(() -> PlatformStore.on(store));
        ps = platformDb.store;
        demo = DemoRegistry.generate();
        ps.importRegistry(Actor.cli(), demo);
        memberInn = demo.memberships().stream().filter(m -> m.cluster().equals("SVE-METAL")).findFirst().orElseThrow().inn();
        account("admin", Role.ADMINISTRATOR, null, Set.of());
        account("analyst", Role.MINISTRY_ANALYST, null, Set.of());
        account("viewer", Role.VIEWER, null, Set.of());
        account("sam", Role.CLUSTER_MANAGER, null, Set.of("SAM-AUTO"));
        account("sve", Role.CLUSTER_MANAGER, null, Set.of("SVE-METAL"));
        account("newbie", Role.CLUSTER_MANAGER, null, Set.of());
        account("member", Role.PARTICIPANT, memberInn, Set.of());
        accounts = new Accounts(ps, Clock.fixed(NOW, ZoneOffset.UTC));
        app = WebApp.create(wb, Security.Config.local(), accounts, new ResponseCache(wb)).start("127.0.0.1", 0);
    }

    private void account(String login, Role role, String inn, Set<String> clusters) {
        String password = Tokens.newId();
        ps.addAccount(Actor.cli(), login, login, role, Passwords.hash(password.toCharArray()), inn, clusters);
        passwords.put(login, password);
    }

    String password(String login) {
        return passwords.get(login);
    }

    /** An API token of the account (for scripts: {@code Authorization: Bearer}). */
    String apiToken(String login) {
        String token = Tokens.newApiToken();
        ps.addToken(Actor.cli(), ps.account(login).orElseThrow().id(), "test", Tokens.sha256(token));
        return token;
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** A browser signed in as {@code login} through the sign-in form (null: anonymous). */
    Client as(String login) throws Exception {
        Client c = new Client();
        if (login != null) {
            c.get("/signin?lang=en");
            HttpResponse<String> r = c.post("/signin", Map.of("login", login, "password", passwords.get(login)));
            assertThat(r.statusCode()).as("sign-in of " + login + ": " + r.body()).isEqualTo(303);
            c.token = null;
        }
        return c;
    }

    @Override
    public void close() {
        app.stop();
        platformDb.close();
        store.close();
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String token;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(r.body());
            if (m.find()) token = m.group(1);
            return r;
        }

        /** A page that must answer 200. */
        String page(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
            return r.body();
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        /** The token of a page's forms, read as a browser gets it. */
        String token(String path) throws Exception {
            get(path);
            assertThat(token).as("a form with a token on " + path).isNotNull();
            return token;
        }

        /** A form POST as a browser sends it: same origin, the token of the last page with a form (unless given). */
        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> f = new LinkedHashMap<>();
            if (token != null) f.put("_csrf", token);
            f.putAll(fields);
            return form(path, f, Map.of("Origin", base()));
        }

        HttpResponse<String> form(String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            headers.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A multipart POST with the token: fields and files ({@code part} → {filename, content}). */
        HttpResponse<String> multipart(String path, Map<String, String> fields, Map<String, String[]> files) throws Exception {
            String boundary = "----klaster" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> f = new LinkedHashMap<>();
            if (token != null) f.put("_csrf", token);
            f.putAll(fields);
            for (Map.Entry<String, String> e : f.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String[]> e : files.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"; filename=\""
                        + e.getValue()[0] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(e.getValue()[1].getBytes(StandardCharsets.UTF_8));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        }

        /** A JSON POST to the API with the token as a header (a script of this browser). */
        HttpResponse<String> postJson(String path, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                    .header("Origin", base()).POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) b.header(Security.TOKEN_HEADER, token);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static List<String> lines(String csv) {
        return List.of(csv.split("\r?\n"));
    }
}
