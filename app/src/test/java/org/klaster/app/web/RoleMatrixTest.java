package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Accounts;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;

/**
 * The role matrix (issue 11): every route the running app has, for an anonymous visitor and each role,
 * allowed or refused as {@link #MATRIX} says — sent over HTTP, as a browser or a script would. The set of
 * routes must equal the table's: a route added without a row here fails, and so does a row for a route
 * that is gone. (A route cannot be registered without a rule at all: {@link Routes} requires one.)
 */
class RoleMatrixTest {

    /**
     * METHOD path | who may: {@code a} anonymous while analyses are public, {@code A} anonymous always, {@code D}
     * administrator, {@code M} ministry analyst, {@code C} cluster manager, {@code P} participant, {@code V} viewer.
     */
    static final String MATRIX = """
            GET  /                                          | a D M C P V
            GET  /mapping                                   | a D M C P V
            GET  /mapping/regions/{iso}                     | a D M C P V
            GET  /mapping/categories/{code}                 | a D M C P V
            GET  /mapping/export.csv                        | a D M C P V
            GET  /mapping/export.xlsx                       | a D M C P V
            GET  /datasets                                  | a D M C P V
            POST /datasets/upload                           | D M
            POST /datasets/boundaries                       | D M
            POST /datasets/boundaries/clear                 | D M
            POST /datasets/classification                   | D M
            GET  /sovereignty                               | a D M C P V
            GET  /sovereignty/multipliers                   | a D M C P V
            GET  /sovereignty/shock                         | a D M C P V
            GET  /sovereignty/extraction                    | a D M C P V
            GET  /sovereignty/localisation                  | a D M C P V
            GET  /finance/loan                              | a D M C P V
            GET  /finance/loan/export.csv                   | a D M C P V
            GET  /finance/loan/export.xlsx                  | a D M C P V
            GET  /sovereignty/dependency                    | a D M C P V
            GET  /sovereignty/{what}/export.csv             | a D M C P V
            GET  /sovereignty/{what}/export.xlsx            | a D M C P V
            GET  /opportunities                             | a D M C P V
            GET  /opportunities/product-space               | a D M C P V
            GET  /opportunities/region                      | a D M C P V
            GET  /opportunities/{what}/export.csv           | a D M C P V
            GET  /opportunities/{what}/export.xlsx          | a D M C P V
            GET  /registry                                  | D M C P V
            GET  /registry/export.csv                       | D M C P V
            GET  /registry/export.xlsx                      | D M C P V
            GET  /registry/clusters/new                     | D C
            POST /registry/clusters                         | D C
            GET  /registry/clusters/{id}                    | D M C P V
            GET  /registry/clusters/{id}/{what}/export.csv  | D M C P V
            GET  /registry/clusters/{id}/{what}/export.xlsx | D M C P V
            GET  /registry/clusters/{id}/compliance         | D M C P V
            POST /registry/clusters/{id}/participants       | D
            POST /registry/clusters/{id}/import             | D
            POST /registry/clusters/{id}/contracts          | D
            POST /registry/clusters/{id}/contracts/{contract}/delete | D
            POST /registry/clusters/{id}/facts              | D
            GET  /registry/clusters/{id}/audit              | D
            GET  /registry/clusters/{id}/projects           | D M C P V
            POST /registry/clusters/{id}/projects           | D
            POST /registry/clusters/{id}/projects/{project}/delete | D
            GET  /registry/organisations/{inn}              | D M P V
            POST /registry/organisations/{inn}              | D P
            POST /registry/organisations/{inn}/facts        | D P
            POST /registry/organisations/{inn}/offers       | D P
            POST /registry/organisations/{inn}/offers/{offer} | D P
            POST /registry/organisations/{inn}/offers/{offer}/delete | D P
            GET  /cooperation                               | D M C P V
            GET  /cooperation/partners                      | D M C P V
            GET  /cooperation/partners/export.csv           | D M C P V
            GET  /cooperation/partners/export.xlsx          | D M C P V
            GET  /finance                                   | a D M C P V
            GET  /logistics                                 | A D M C P V
            GET  /signin                                    | A D M C P V
            POST /signin                                    | A D M C P V
            POST /signout                                   | A D M C P V
            GET  /admin/users                               | D
            POST /admin/users                               | D
            POST /admin/users/{id}/disable                  | D
            POST /admin/users/{id}/enable                   | D
            POST /admin/settings                            | D
            GET  /admin/rules                               | D
            POST /admin/rules                               | D
            POST /admin/rules/upload                        | D
            POST /admin/rules/project                       | D
            GET  /api/v1/datasets                           | a D M C P V
            GET  /api/v1/datasets/{id}                      | a D M C P V
            GET  /api/v1/regions                            | a D M C P V
            GET  /api/v1/categories                         | a D M C P V
            GET  /api/v1/mapping                            | a D M C P V
            GET  /api/v1/mapping/map                        | a D M C P V
            GET  /api/v1/mapping/regions/{iso}              | a D M C P V
            GET  /api/v1/mapping/categories/{code}          | a D M C P V
            GET  /api/v1/sovereignty/multipliers            | a D M C P V
            GET  /api/v1/sovereignty/shock                  | a D M C P V
            GET  /api/v1/sovereignty/extraction             | a D M C P V
            GET  /api/v1/sovereignty/regional-table         | a D M C P V
            GET  /api/v1/sovereignty/leakage                | a D M C P V
            GET  /api/v1/sovereignty/localise               | a D M C P V
            GET  /api/v1/sovereignty/suppliers              | a D M C P V
            GET  /api/v1/finance/loan                       | a D M C P V
            GET  /api/v1/finance/instruments                | a D M C P V
            GET  /api/v1/finance/eligibility                | a D M C P V
            GET  /api/v1/sovereignty/dependency             | a D M C P V
            GET  /api/v1/sovereignty/dependency/partners    | a D M C P V
            GET  /api/v1/sovereignty/coverage               | a D M C P V
            GET  /api/v1/opportunities/complexity           | a D M C P V
            GET  /api/v1/opportunities/product-space        | a D M C P V
            GET  /api/v1/opportunities/regions/{iso}        | a D M C P V
            GET  /api/v1/opportunities/regions/{iso}/producers | a D M C P V
            GET  /api/v1/cooperation/skills-gaps            | a D M C P V
            GET  /api/v1/registry/clusters                  | D M C P V
            GET  /api/v1/registry/clusters/{id}             | D M C P V
            GET  /api/v1/registry/clusters/{id}/participants | D M C P V
            GET  /api/v1/registry/clusters/{id}/contracts   | D M C P V
            GET  /api/v1/registry/clusters/{id}/compliance  | D M C P V
            GET  /api/v1/registry/clusters/{id}/projects    | D M C P V
            GET  /api/v1/registry/organisations/{inn}       | D M P V
            GET  /api/v1/registry/organisations/{inn}/offers | D M P V
            POST /api/v1/registry/organisations/{inn}/offers | D P
            GET  /api/v1/cooperation/match                  | D M C P V
            POST /api/v1/registry/clusters/{id}/contracts   | D
            POST /api/v1/registry/clusters/{id}/facts       | D
            GET  /api/v1/openapi.json                       | A D M C P V
            GET  /api/openapi.json                          | A D M C P V
            GET  /api/docs                                  | A D M C P V
            """;

    private static final Map<Character, Role> LETTERS = Map.of('D', Role.ADMINISTRATOR, 'M', Role.MINISTRY_ANALYST,
            'C', Role.CLUSTER_MANAGER, 'P', Role.PARTICIPANT, 'V', Role.VIEWER);
    /**
     * Values for path parameters (an unknown one is the handler's 404, which is still "allowed"). The registry's rows
     * name cluster "demo", which no manager of the test manages (their own clusters: RegistryPagesTest), and the
     * organisation the test participants act for, which no cluster has: a cluster manager may not read it.
     */
    private static final Map<String, String> SAMPLES = Map.of("iso", "RU-SAM", "code", "29", "what", "multipliers", "id", "demo",
            "inn", TestServer.PARTICIPANT_INN, "contract", "1", "project", "P1", "offer", "1");

    private static TestServer server;
    private static final Map<Role, FormClient> BROWSERS = new EnumMap<>(Role.class);
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static Account target;
    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    record Row(String method, String path, boolean anonymousPublic, boolean anonymousAlways, Set<Role> roles) {
        String key() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] mp = line.split("\\|");
            String[] route = mp[0].strip().split("\\s+");
            Set<Role> roles = new TreeSet<>();
            boolean a = false;
            boolean always = false;
            for (String w : mp[1].strip().split("\\s+")) {
                char c = w.charAt(0);
                if (c == 'a') a = true;
                else if (c == 'A') always = true;
                else roles.add(LETTERS.get(c));
            }
            out.add(new Row(route[0], route[1], a || always, always, roles));
        }
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(false);
        for (Role r : Role.values()) {
            BROWSERS.put(r, r == Role.CLUSTER_MANAGER ? server.signedIn(r, null, Set.of()) : server.signedIn(r));
            TOKENS.put(r, server.apiToken(r));
        }
        target = server.account(Role.VIEWER, null, Set.of(), org.klaster.app.auth.Tokens.newId());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Every route registered in the app, as {@code METHOD path}, with its access rule (null when it has none or several). */
    static Map<String, Access> routes(Javalin app) {
        Map<String, Access> out = new LinkedHashMap<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint e = p.endpoint;
            if (!e.method.isHttpMethod()) continue; // before/after handlers are no routes
            Roles roles = e.metadata(Roles.class);
            out.put(e.method.name() + " " + e.path, Routes.access(roles == null ? Set.of() : roles.getRoles()));
        }
        return out;
    }

    @Test
    void everyRouteHasExactlyOneRuleAndARowInTheTable() {
        Map<String, Access> routes = routes(server.app);
        assertThat(routes).isNotEmpty();
        routes.forEach((route, rule) -> assertThat(rule).as(route + " has no (single) access rule").isNotNull());
        assertThat(new TreeSet<>(routes.keySet())).as("the routes of the app vs the rows of MATRIX")
                .isEqualTo(new TreeSet<>(rows().stream().map(Row::key).toList()));
    }

    /** What the table says, for every route and every role, signed in by session (pages) and by API token (API). */
    @Test
    void everyRoleGetsWhatTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Row> rows = new ArrayList<>(rows());
        // signing out ends the session the other rows use: last
        rows.sort((x, y) -> Boolean.compare(x.path().equals("/signout"), y.path().equals("/signout")));
        for (Row row : rows) {
            for (Role role : Role.values()) {
                HttpResponse<String> r = send(row, role);
                boolean allowed = row.roles().contains(role);
                check(wrong, row, role.label(), r, allowed, true);
            }
        }
        assertThat(wrong).as("routes whose answer differs from the table").isEmpty();
    }

    /** Anonymous visitors, with analyses public (the default) and after the administrator switched them off. */
    @Test
    void anonymousVisitorsGetWhatTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) check(wrong, row, "anonymous", send(row, null), row.anonymousPublic(), false);
        PlatformStore platform = server.platform;
        platform.setPublicAnalyses(Actor.cli(), false);
        server.clock.advance(java.time.Duration.ofSeconds(10)); // past the few seconds the setting is remembered
        try {
            for (Row row : rows()) check(wrong, row, "anonymous, analyses not public", send(row, null), row.anonymousAlways(), false);
        } finally {
            platform.setPublicAnalyses(Actor.cli(), true);
            server.clock.advance(java.time.Duration.ofSeconds(10));
        }
        assertThat(wrong).as("routes whose answer differs from the table").isEmpty();
    }

    /**
     * A refusal by the access check: anonymous → 302 to the sign-in page (pages) or 401 with WWW-Authenticate
     * (API); signed in → 403 with the role sentence. Anything else is the handler's own answer: allowed.
     */
    private static void check(List<String> wrong, Row row, String who, HttpResponse<String> r, boolean allowed, boolean signedIn) {
        boolean toSignIn = r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith("/signin");
        boolean unauthorized = r.statusCode() == 401 && r.headers().firstValue("WWW-Authenticate").isPresent();
        boolean forbidden = r.statusCode() == 403 && r.body().contains("role does not allow this");
        boolean refused = toSignIn || unauthorized || forbidden;
        String expectedRefusal = signedIn ? "403" : row.path().startsWith("/api/") ? "401" : "302 to /signin";
        // an anonymous script's POST to the API carries neither a token nor a form's CSRF token: Security refuses it
        // before the access check (403, nothing read), which is as much a refusal as the 401
        boolean csrf = !signedIn && row.method().equals("POST") && r.statusCode() == 403 && r.body().contains("security token");
        boolean rightRefusal = signedIn ? forbidden : row.path().startsWith("/api/") ? unauthorized || csrf : toSignIn;
        if (allowed && (refused || r.statusCode() == 403 || r.statusCode() >= 500)) {
            wrong.add(row.key() + " " + who + ": expected allowed, got " + r.statusCode() + " " + abbreviate(r.body()));
        } else if (!allowed && !rightRefusal) {
            wrong.add(row.key() + " " + who + ": expected " + expectedRefusal + ", got " + r.statusCode() + " " + abbreviate(r.body()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static String path(Row row) {
        String p = row.path();
        if (p.contains("/admin/users/{id}")) return p.replace("{id}", target.id());
        for (Map.Entry<String, String> e : SAMPLES.entrySet()) p = p.replace("{" + e.getKey() + "}", e.getValue());
        return p;
    }

    /** The request a browser (pages) or a script with the role's API token (API) sends; anonymous when {@code role} is null. */
    private static HttpResponse<String> send(Row row, Role role) throws Exception {
        String path = path(row) + (path(row).contains("?") ? "&" : "?") + "lang=en";
        boolean api = row.path().startsWith("/api/");
        if (api) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).method(row.method(), HttpRequest.BodyPublishers.noBody());
            if (role != null) b.header("Authorization", "Bearer " + TOKENS.get(role));
            return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        FormClient browser = role == null ? new FormClient(server.base()) : BROWSERS.get(role);
        if (row.method().equals("GET")) return browser.get(path);
        // a form as the page sends it: same origin, the token of this browser (read where every browser has a form)
        String token = role == null ? browser.token("/signin", "signin-form") : browser.token("/signin", "signout-form");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Security.TOKEN_FIELD, token);
        if (row.path().equals("/admin/settings")) fields.put("public_analyses", "on"); // keep analyses public for the other rows
        return browser.form(path, fields, Map.of("Origin", server.base()));
    }

    /** A route registered past {@link Routes}, without a rule, is refused (fail closed), not served. */
    @Test
    void aRouteWithoutARuleIsRefused() throws Exception {
        try (PlatformStore platform = PlatformStore.inMemory()) {
            Auth auth = new Auth(new Accounts(platform, java.time.Clock.systemUTC()));
            Javalin app = Javalin.create(c -> {
                c.routes.before(auth::before);
                c.routes.beforeMatched(auth::gate);
                c.routes.exception(Security.Refused.class, (e, ctx) -> ctx.status(e.status).result("refused"));
                c.routes.get("/raw", ctx -> ctx.result("served"));
                new Routes(c.routes).get("/ruled", Access.PUBLIC, ctx -> ctx.result("served"));
            }).start("127.0.0.1", 0);
            try {
                HttpResponse<String> raw = PLAIN.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/raw")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(raw.statusCode()).isEqualTo(403);
                assertThat(raw.body()).isEqualTo("refused");
                assertThat(routes(app).get("GET /raw")).isNull();
                HttpResponse<String> ruled = PLAIN.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ruled")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ruled.body()).isEqualTo("served");
            } finally {
                app.stop();
            }
        }
    }
}
