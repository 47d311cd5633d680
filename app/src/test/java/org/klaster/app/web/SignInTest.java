package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.DemoAccounts;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.Role;

/**
 * Signing in and out over HTTP (issue 11, "Accounts and roles"): session cookie flags, a new session id at
 * every sign-in (fixation), idle and absolute timeouts on the server's clock, throttling without telling
 * which logins exist, CSRF on the sign-in and sign-out forms, API tokens and their revocation, and the
 * header of a signed-in page. Time is the test server's clock, moved by hand.
 */
class SignInTest {

    private static final HttpClient PLAIN = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(false);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private Account analyst(String password) {
        return server.account(Role.MINISTRY_ANALYST, null, Set.of(), password);
    }

    /** Whether this browser is signed in: the accounts page answers a page for an admin, else the header says so. */
    private static boolean signedIn(FormClient b) throws Exception {
        return b.get("/datasets?lang=en").body().contains("id=\"signout-form\"");
    }

    private static HttpResponse<String> getWithSession(TestServer server, String path, String session) throws Exception {
        return PLAIN.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", Auth.SESSION_COOKIE + "=" + session)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signingInSetsASessionCookieWithItsFlagsAndTheHeaderNamesTheUser() throws Exception {
        String password = Tokens.newId();
        Account a = analyst(password);
        FormClient b = new FormClient(server.base());
        HttpResponse<String> r = b.signIn(a.login(), password);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/");
        String cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Auth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Path=/").contains("; SameSite=Lax").contains("; HttpOnly").doesNotContain("Max-Age");
        assertThat(cookie.split(";")[0].substring(Auth.SESSION_COOKIE.length() + 1)).matches("[A-Za-z0-9_-]{43}");
        // the store keeps only the hash of the id
        String id = b.cookie(Auth.SESSION_COOKIE);
        assertThat(server.platform.session(id)).isEmpty();
        assertThat(server.platform.session(Tokens.sha256(id))).isPresent();

        String page = b.get("/mapping?lang=en").body();
        assertThat(page).contains("id=\"who\"").contains(a.displayName()).contains("Ministry analyst").contains("id=\"signout-form\"")
                .doesNotContain("id=\"signin-link\"");
        assertThat(b.get("/mapping?lang=ru").body()).contains("Аналитик министерства").contains("Выйти");
        assertThat(server.get("/mapping?lang=en").body()).contains("id=\"signin-link\"").doesNotContain("id=\"who\"")
                .doesNotContain(a.displayName());
    }

    @Test
    void aSignInToAPageComesBackToIt() throws Exception {
        String password = Tokens.newId();
        Account admin = server.account(Role.ADMINISTRATOR, null, Set.of(), password);
        FormClient b = new FormClient(server.base());
        HttpResponse<String> refused = b.get("/admin/users?lang=en");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).contains("/signin?next=%2Fadmin%2Fusers%3Flang%3Den");
        String token = b.token("/signin?next=%2Fadmin%2Fusers", "signin-form");
        HttpResponse<String> in = b.form("/signin", Map.of("login", admin.login(), "password", password, "next", "/admin/users",
                Security.TOKEN_FIELD, token), Map.of("Origin", server.base()));
        assertThat(in.headers().firstValue("Location")).contains("/admin/users");
        // never to another site
        for (String evil : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            FormClient c = new FormClient(server.base());
            String t = c.token("/signin", "signin-form");
            HttpResponse<String> r = c.form("/signin", Map.of("login", admin.login(), "password", password, "next", evil,
                    Security.TOKEN_FIELD, t), Map.of("Origin", server.base()));
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(evil).contains("/");
        }
    }

    /** Session fixation: the id the browser had before signing in is not the one after, and no longer works. */
    @Test
    void signingInGivesANewSessionIdAndTheOldOneStopsWorking() throws Exception {
        String password = Tokens.newId();
        Account admin = server.account(Role.ADMINISTRATOR, null, Set.of(), password);
        FormClient b = new FormClient(server.base());
        assertThat(b.signIn(admin.login(), password).statusCode()).isEqualTo(303);
        String first = b.cookie(Auth.SESSION_COOKIE);
        assertThat(getWithSession(server, "/admin/users?lang=en", first).statusCode()).isEqualTo(200);

        // signing in again (same browser, cookie sent along): a new id, the old one is gone
        assertThat(b.signIn(admin.login(), password).statusCode()).isEqualTo(303);
        String second = b.cookie(Auth.SESSION_COOKIE);
        assertThat(second).isNotEqualTo(first);
        assertThat(getWithSession(server, "/admin/users?lang=en", first).statusCode()).isEqualTo(302);
        assertThat(getWithSession(server, "/admin/users?lang=en", second).statusCode()).isEqualTo(200);
        assertThat(server.platform.session(Tokens.sha256(first))).isEmpty();

        // an id planted by somebody else before sign-in is neither kept nor made valid
        FormClient victim = new FormClient(server.base());
        String planted = Tokens.newId();
        ((java.net.CookieManager) victim.http.cookieHandler().orElseThrow()).getCookieStore().add(URI.create(server.base()),
                cookie(Auth.SESSION_COOKIE, planted));
        HttpResponse<String> in = victim.signIn(admin.login(), password);
        assertThat(in.statusCode()).isEqualTo(303);
        String given = in.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Auth.SESSION_COOKIE + "="))
                .findFirst().orElseThrow().split(";")[0].substring(Auth.SESSION_COOKIE.length() + 1);
        assertThat(given).isNotEqualTo(planted).matches("[A-Za-z0-9_-]{43}");
        assertThat(getWithSession(server, "/admin/users?lang=en", planted).statusCode()).isEqualTo(302);
        assertThat(getWithSession(server, "/admin/users?lang=en", given).statusCode()).isEqualTo(200);
    }

    private static java.net.HttpCookie cookie(String name, String value) {
        java.net.HttpCookie c = new java.net.HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesAndTwelveHoursAtMost() throws Exception {
        String password = Tokens.newId();
        Account a = analyst(password);
        FormClient b = new FormClient(server.base());
        b.signIn(a.login(), password);
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(signedIn(b)).as("29 idle minutes").isTrue();
        server.clock.advance(Duration.ofMinutes(29)); // 29 since the last request
        assertThat(signedIn(b)).as("again 29 idle minutes").isTrue();
        server.clock.advance(Duration.ofMinutes(30));
        assertThat(signedIn(b)).as("30 idle minutes").isFalse();
        // and the browser is told to forget the cookie
        assertThat(b.cookie(Auth.SESSION_COOKIE)).isNull();

        // busy, but 12 hours after signing in
        b.signIn(a.login(), password);
        for (int i = 0; i < 12 * 3 - 1; i++) {
            server.clock.advance(Duration.ofMinutes(20));
            assertThat(signedIn(b)).as("after " + (i + 1) * 20 + " minutes").isTrue();
        }
        server.clock.advance(Duration.ofMinutes(20)); // 12 h
        assertThat(signedIn(b)).isFalse();
        assertThat(Accounts.IDLE).isEqualTo(Duration.ofMinutes(30));
        assertThat(Accounts.ABSOLUTE).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        String password = Tokens.newId();
        Account a = analyst(password);
        FormClient b = new FormClient(server.base());
        b.signIn(a.login(), password);
        String id = b.cookie(Auth.SESSION_COOKIE);
        String token = b.token("/datasets", "signout-form");
        // without the token (or from another site) nothing happens
        assertThat(b.form("/signout", Map.of(), Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(b.form("/signout", Map.of(Security.TOKEN_FIELD, token), Map.of("Origin", "http://evil.example")).statusCode())
                .isEqualTo(403);
        assertThat(signedIn(b)).isTrue();
        HttpResponse<String> out = b.form("/signout", Map.of(Security.TOKEN_FIELD, token), Map.of("Origin", server.base()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(signedIn(b)).isFalse();
        assertThat(server.platform.session(Tokens.sha256(id))).isEmpty();
        assertThat(getWithSession(server, "/datasets?lang=en", id).body()).doesNotContain("id=\"signout-form\"");
    }

    /** CSRF on the sign-in form (login CSRF): no token, another browser's token or another origin → 403, not signed in. */
    @Test
    void theSignInFormNeedsItsTokenAndTheSameOrigin() throws Exception {
        String password = Tokens.newId();
        Account a = analyst(password);
        FormClient b = new FormClient(server.base());
        FormClient other = new FormClient(server.base());
        String theirs = other.token("/signin", "signin-form");
        String mine = b.token("/signin", "signin-form");
        assertThat(b.form("/signin", Map.of("login", a.login(), "password", password), Map.of("Origin", server.base())).statusCode())
                .isEqualTo(403);
        assertThat(b.form("/signin", Map.of("login", a.login(), "password", password, Security.TOKEN_FIELD, theirs),
                Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(b.form("/signin", Map.of("login", a.login(), "password", password, Security.TOKEN_FIELD, mine),
                Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(b.cookie(Auth.SESSION_COOKIE)).isNull();
        // the token of the signed-out page stops working once signed in: it is bound to the session, and rotated
        assertThat(b.form("/signin", Map.of("login", a.login(), "password", password, Security.TOKEN_FIELD, mine),
                Map.of("Origin", server.base())).statusCode()).isEqualTo(303);
        String after = b.token("/signin", "signout-form");
        assertThat(after).isNotEqualTo(mine);
        assertThat(b.form("/signout", Map.of(Security.TOKEN_FIELD, mine), Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(signedIn(b)).isTrue();
    }

    /** The 6th wrong attempt is refused even with the right password; an unknown login gets the same answer as a wrong password. */
    @Test
    void throttlingAfterFiveFailuresAndNoAccountEnumeration() throws Exception {
        String password = Tokens.newId();
        Account a = analyst(password);
        FormClient b = new FormClient(server.base());
        String wrong = null;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = b.signIn(a.login(), "wrong-password-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            wrong = message(r.body());
        }
        HttpResponse<String> sixth = b.signIn(a.login(), password);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).contains("60");
        assertThat(message(sixth.body())).isEqualTo("Too many failed attempts: try again in 1 min.");
        assertThat(b.cookie(Auth.SESSION_COOKIE)).isNull();
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(b.signIn(a.login(), password).statusCode()).isEqualTo(303);
        server.clock.advance(Duration.ofMinutes(31)); // this address's failures are forgiven too

        // an unknown login: the very same sentence as a wrong password
        HttpResponse<String> unknown = new FormClient(server.base()).signIn("nobody-" + Tokens.newId().substring(0, 8), "whatever-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(message(unknown.body())).isEqualTo(wrong).isEqualTo("Wrong login or password.");
        // a disabled account with its right password: the same again
        String p2 = Tokens.newId();
        Account off = analyst(p2);
        server.platform.setDisabled(Actor.cli(), off.id(), true);
        HttpResponse<String> disabled = new FormClient(server.base()).signIn(off.login(), p2);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(message(disabled.body())).isEqualTo(wrong);
    }

    private static String message(String page) {
        return page.replaceAll("(?s).*<div class=\"alert err\" role=\"alert\" id=\"signin-error\"><p class=\"msg\">([^<]*)</p>.*", "$1");
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        server.platform.setPublicAnalyses(Actor.cli(), false);
        server.clock.advance(Duration.ofSeconds(10));
        Account a = analyst(Tokens.newId());
        String token = Tokens.newApiToken();
        var stored = server.platform.addToken(Actor.cli(), a.id(), "script", Tokens.sha256(token));
        assertThat(bearer("/api/v1/datasets", token).statusCode()).isEqualTo(200);
        HttpResponse<String> none = bearer("/api/v1/datasets", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(none.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        server.platform.revokeToken(Actor.cli(), stored.id());
        HttpResponse<String> revoked = bearer("/api/v1/datasets", token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("unknown, revoked or of a disabled account");
        // a token is never taken from a made-up or malformed header, even on a public route
        assertThat(bearer("/api/v1/openapi.json", "kl_" + Tokens.newId()).statusCode()).isEqualTo(401);
        assertThat(bearer("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
        // a disabled account's token stops working as well
        String t2 = Tokens.newApiToken();
        server.platform.addToken(Actor.cli(), a.id(), "other", Tokens.sha256(t2));
        assertThat(bearer("/api/v1/datasets", t2).statusCode()).isEqualTo(200);
        server.platform.setDisabled(Actor.cli(), a.id(), true);
        assertThat(bearer("/api/v1/datasets", t2).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An API token holder's write needs no cookie CSRF token (there is no cookie); a cookie-carrying request still does. */
    @Test
    void tokenRequestsAreNotHeldToTheCookieCsrfCheck() throws Exception {
        String token = server.apiToken(Role.VIEWER);
        // no POST route under /api yet: an unknown route is 404 after the token was accepted, not 403
        HttpResponse<String> post = PLAIN.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/datasets"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isNotEqualTo(403);
        HttpResponse<String> cookieOnly = PLAIN.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/datasets"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cookieOnly.statusCode()).isEqualTo(403);
    }

    /** The administrator's switch: anonymous GET /mapping 200, then 302 to the sign-in page; the API 401. */
    @Test
    void thePublicAnalysesSwitch() throws Exception {
        assertThat(server.get("/mapping?lang=en").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/regions").statusCode()).isEqualTo(200);
        FormClient admin = server.signedIn(Role.ADMINISTRATOR);
        String token = admin.token("/admin/users", "settings-form");
        HttpResponse<String> off = admin.form("/admin/settings?lang=en", Map.of(Security.TOKEN_FIELD, token), Map.of("Origin", server.base()));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("Analyses now need signing in.");
        HttpResponse<String> page = server.get("/mapping?lang=en");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/signin?next=%2Fmapping%3Flang%3Den");
        assertThat(server.get("/api/v1/regions").statusCode()).isEqualTo(401);
        assertThat(server.get("/signin?lang=en").statusCode()).isEqualTo(200);
        assertThat(admin.get("/mapping?lang=en").statusCode()).isEqualTo(200);
        Map<String, String> on = new LinkedHashMap<>();
        on.put(Security.TOKEN_FIELD, token);
        on.put("public_analyses", "on");
        assertThat(admin.form("/admin/settings?lang=en", on, Map.of("Origin", server.base())).body())
                .contains("Analyses are now readable without signing in.");
        assertThat(server.get("/mapping?lang=en").statusCode()).isEqualTo(200);
        // the audit trail has both changes, by the administrator
        assertThat(server.platform.audit("setting", null, 10)).hasSize(2);
    }

    /** Signed in but not allowed: 403 with the sentence in the user's language; anonymous: to the sign-in page. */
    @Test
    void refusalsSpeakTheUsersLanguage() throws Exception {
        FormClient viewer = server.signedIn(Role.VIEWER);
        String token = viewer.token("/signin", "signout-form");
        HttpResponse<String> en = viewer.form("/datasets/boundaries/clear?lang=en", Map.of(Security.TOKEN_FIELD, token),
                Map.of("Origin", server.base()));
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(en.body()).contains("Your account's role does not allow this; nothing was changed.");
        HttpResponse<String> ru = viewer.form("/datasets/boundaries/clear?lang=ru", Map.of(Security.TOKEN_FIELD, token),
                Map.of("Origin", server.base()));
        assertThat(ru.statusCode()).isEqualTo(403);
        assertThat(ru.body()).contains("Роль вашей учётной записи этого не позволяет");
        assertThat(viewer.get("/admin/users?lang=ru").body()).contains("Роль вашей учётной записи этого не позволяет");
        // the Data page offers uploads only to those who may
        assertThat(viewer.get("/datasets?lang=en").body()).doesNotContain("id=\"upload-form\"").contains("id=\"uploads-need-role\"");
        assertThat(server.uploader().get("/datasets?lang=en").body()).contains("id=\"upload-form\"");
    }

    /** Demo accounts are listed on the sign-in page only to loopback visitors of a loopback server, and work. */
    @Test
    void demoAccountsOnLoopbackOnly() throws Exception {
        server.accounts.setDemo(DemoAccounts.open(server.platform, Actor.cli()));
        String page = server.get("/signin?lang=en").body();
        assertThat(page).contains("id=\"demo-accounts\"");
        for (DemoAccounts.Demo d : server.accounts.demo()) {
            assertThat(page).contains(d.login()).contains(d.password());
            assertThat(d.password()).hasSizeGreaterThanOrEqualTo(12);
        }
        DemoAccounts.Demo admin = server.accounts.demo().stream().filter(d -> d.role() == Role.ADMINISTRATOR).findFirst().orElseThrow();
        FormClient b = new FormClient(server.base());
        assertThat(b.signIn(admin.login(), admin.password()).statusCode()).isEqualTo(303);
        assertThat(b.get("/admin/users?lang=en").statusCode()).isEqualTo(200);

        // a new start: new passwords, the old ones fail
        var again = DemoAccounts.open(server.platform, Actor.cli());
        assertThat(again.get(0).password()).isNotEqualTo(server.accounts.demo().get(0).password());
        assertThat(new FormClient(server.base()).signIn(admin.login(), admin.password()).statusCode()).isEqualTo(401);
        // a start on another address disables them
        DemoAccounts.close(server.platform, Actor.cli());
        assertThat(server.platform.hasAdministrator()).isFalse();
        DemoAccounts.Demo now = again.stream().filter(d -> d.role() == Role.ADMINISTRATOR).findFirst().orElseThrow();
        assertThat(new FormClient(server.base()).signIn(now.login(), now.password()).statusCode()).isEqualTo(401);

        // behind a proxy (a shared server) they are never shown
        try (TestServer proxied = new TestServer(false, null, new Security.Config("127.0.0.1", List.of(), true))) {
            proxied.accounts.setDemo(DemoAccounts.open(proxied.platform, Actor.cli()));
            assertThat(proxied.get("/signin?lang=en").body()).doesNotContain("id=\"demo-accounts\"");
        }
    }
}
