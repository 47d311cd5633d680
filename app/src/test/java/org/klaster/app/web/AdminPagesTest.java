package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Account;
import org.klaster.data.store.Role;

/** The administrator's accounts page: adding (with the password policy), disabling, CSRF on its forms, the audit trail. */
class AdminPagesTest {

    private static TestServer server;
    private static FormClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(false);
        admin = server.signedIn(Role.ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Map<String, String> add(String login, String role, String password, String again) throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(Security.TOKEN_FIELD, admin.token("/admin/users", "add-user-form"));
        f.put("login", login);
        f.put("name", "Name of " + login);
        f.put("role", role);
        f.put("password", password);
        f.put("password2", again);
        return f;
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return admin.form(path, fields, Map.of("Origin", server.base()));
    }

    @Test
    void addingAnAccountThatCanThenSignIn() throws Exception {
        String password = Tokens.newId();
        HttpResponse<String> r = post("/admin/users?lang=en", add("olga.k", "viewer", password, password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("Account olga.k (Viewer) added.").contains("id=\"account-olga.k\"");
        Account a = server.platform.account("olga.k").orElseThrow();
        assertThat(a.role()).isEqualTo(Role.VIEWER);
        assertThat(a.displayName()).isEqualTo("Name of olga.k");
        assertThat(server.platform.passwordHash(a.id()).orElseThrow()).doesNotContain(password);
        assertThat(new FormClient(server.base()).signIn("olga.k", password).statusCode()).isEqualTo(303);
        // the audit trail names the administrator and never a hash
        var audit = server.platform.audit("account", a.id(), 10);
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).actor()).startsWith("t-administrator-");
        assertThat(audit.get(0).after()).doesNotContain(server.platform.passwordHash(a.id()).orElseThrow());
    }

    @Test
    void refusalsNameWhatIsWrongAndAddNothing() throws Exception {
        int before = server.platform.accounts().size();
        String good = Tokens.newId();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("The two passwords differ.", "x1|viewer|" + good + "|" + good + "x");
        cases.put("A login is 2 to 64 letters", "-bad login|viewer|" + good + "|" + good);
        cases.put("Choose one of the roles.", "x2|emperor|" + good + "|" + good);
        cases.put("kept for the demo", "demo-administrator|administrator|" + good + "|" + good);
        cases.put("needs the INN of their organisation", "x3|participant|" + good + "|" + good);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] v = c.getValue().split("\\|");
            HttpResponse<String> r = post("/admin/users?lang=en", add(v[0], v[1], v[2], v[3]));
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(422);
            assertThat(r.body()).as(c.getKey()).contains(c.getKey());
        }
        // the password policy (Passwords): too short
        HttpResponse<String> weak = post("/admin/users?lang=en", add("x4", "viewer", "short", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        // a participant of an organisation that is not in the registry: refused by the store, nothing added
        Map<String, String> f = add("x5", "participant", good, good);
        f.put("organisation", "500100732259");
        assertThat(post("/admin/users?lang=en", f).statusCode()).isEqualTo(422);
        // a login taken (case-insensitively)
        post("/admin/users?lang=en", add("taken", "viewer", good, good));
        HttpResponse<String> again = post("/admin/users?lang=ru", add("TAKEN", "viewer", good, good));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("логин «TAKEN» уже занят");
        assertThat(server.platform.accounts()).hasSize(before + 1);
    }

    @Test
    void disablingEndsTheSessionsButNotOneself() throws Exception {
        String password = Tokens.newId();
        Account a = server.account(Role.MINISTRY_ANALYST, null, Set.of(), password);
        FormClient them = new FormClient(server.base());
        them.signIn(a.login(), password);
        assertThat(them.get("/datasets?lang=en").body()).contains("id=\"upload-form\"");
        String token = admin.token("/admin/users", "settings-form");
        HttpResponse<String> off = post("/admin/users/" + a.id() + "/disable?lang=en", Map.of(Security.TOKEN_FIELD, token));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("Account " + a.login() + " disabled");
        assertThat(them.get("/datasets?lang=en").body()).doesNotContain("id=\"upload-form\"").contains("id=\"signin-link\"");
        assertThat(new FormClient(server.base()).signIn(a.login(), password).statusCode()).isEqualTo(401);
        assertThat(post("/admin/users/" + a.id() + "/enable?lang=en", Map.of(Security.TOKEN_FIELD, token)).statusCode()).isEqualTo(200);
        assertThat(new FormClient(server.base()).signIn(a.login(), password).statusCode()).isEqualTo(303);

        String me = server.platform.accounts().stream().filter(x -> x.role() == Role.ADMINISTRATOR).findFirst().orElseThrow().id();
        HttpResponse<String> self = post("/admin/users/" + me + "/disable?lang=en", Map.of(Security.TOKEN_FIELD, token));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("You cannot disable your own account");
        assertThat(post("/admin/users/no-such-id/disable?lang=en", Map.of(Security.TOKEN_FIELD, token)).statusCode()).isEqualTo(404);
    }

    /** Every form of the page needs its token and the same origin: nothing changes otherwise. */
    @Test
    void adminFormsNeedTheirTokenAndTheSameOrigin() throws Exception {
        int before = server.platform.accounts().size();
        String password = Tokens.newId();
        Map<String, String> f = add("csrf-victim", "administrator", password, password);
        Map<String, String> noToken = new LinkedHashMap<>(f);
        noToken.remove(Security.TOKEN_FIELD);
        assertThat(post("/admin/users", noToken).statusCode()).isEqualTo(403);
        assertThat(admin.form("/admin/users", f, Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        FormClient other = server.signedIn(Role.ADMINISTRATOR);
        Map<String, String> othersToken = new LinkedHashMap<>(f);
        othersToken.put(Security.TOKEN_FIELD, other.token("/admin/users", "add-user-form"));
        assertThat(post("/admin/users", othersToken).statusCode()).isEqualTo(403);
        assertThat(server.platform.accounts()).hasSize(before + 1); // only the other administrator
        assertThat(server.platform.account("csrf-victim")).isEmpty();

        assertThat(admin.form("/admin/settings", Map.of("public_analyses", ""), Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(server.platform.publicAnalyses()).isTrue();
    }
}
