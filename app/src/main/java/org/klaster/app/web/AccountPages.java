package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.klaster.Text;
import org.klaster.app.analysis.Messages;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.DemoAccounts;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Principal;
import org.klaster.app.web.Pages.Option;
import org.klaster.data.store.Account;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.StoreException;
import org.klaster.registry.Identifiers;

/**
 * Signing in and out ({@code /signin}, {@code /signout}) and the administrator's accounts page
 * ({@code /admin/users}: accounts, adding one, disabling and enabling, the "analyses readable without
 * signing in" switch). Every change goes through {@link PlatformStore}, which writes the audit trail.
 */
public final class AccountPages {

    /** A login: letters, digits and {@code . _ @ -}, 2 to 64 characters, starting with a letter or digit. */
    static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{1,63}");
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int MAX_NAME = 100;
    private static final int MAX_NEXT = 2000;

    private final Workbench wb;
    private final Accounts accounts;
    private final boolean loopbackServer;

    /** @param loopbackServer whether the server listens on loopback only (and not behind a proxy): demo accounts may be shown */
    AccountPages(Workbench wb, Accounts accounts, boolean loopbackServer) {
        this.wb = wb;
        this.accounts = accounts;
        this.loopbackServer = loopbackServer;
    }

    // ------------------------------------------------------------------ sign-in

    /** The sign-in page; {@code demo} lists the demo accounts (loopback only). */
    public record SignInPage(Shell shell, String next, String login, String error, List<DemoAccounts.Demo> demo, String csrf) {
    }

    void signInPage(Context ctx) {
        render(Req.of(ctx, wb), ctx.queryParam("next"), "", null);
    }

    void signIn(Context ctx) {
        Req q = Req.of(ctx, wb);
        String login = ctx.formParam("login");
        String next = ctx.formParam("next");
        Accounts.SignIn r = accounts.signIn(login, ctx.formParam("password"), ctx.ip(), ctx.cookie(Auth.SESSION_COOKIE));
        if (r instanceof Accounts.SignIn.Ok ok) {
            Auth.setSessionCookie(ctx, ok.sessionId());
            Security.rotate(ctx); // the token of the signed-out page is of no use any more
            String to = safeNext(next);
            ctx.redirect(to == null ? "/" : to, HttpStatus.SEE_OTHER);
        } else if (r instanceof Accounts.SignIn.Throttled t) {
            long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toNanosPart() > 0 ? 1 : 0));
            ctx.status(429).header("Retry-After", String.valueOf(seconds));
            render(q, next, login, q.msg.format("auth.throttled", (seconds + 59) / 60));
        } else {
            ctx.status(401);
            render(q, next, login, q.msg.get("auth.refused"));
        }
    }

    void signOut(Context ctx) {
        accounts.signOut(ctx.cookie(Auth.SESSION_COOKIE));
        Auth.clearSessionCookie(ctx);
        Security.rotate(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void render(Req q, String next, String login, String error) {
        Shell shell = Pages.shell(q, Section.ACCOUNT, q.msg.get("auth.signIn"), null, List.of(), "/", Map.of());
        String n = safeNext(next);
        String l = login == null ? "" : login.length() > MAX_NAME ? login.substring(0, MAX_NAME) : login;
        Pages.render(q.ctx, "account/signin.jte", new SignInPage(shell, n == null ? "" : n, l, error,
                showDemo(q.ctx) ? accounts.demo() : List.of(), Security.token(q.ctx)));
    }

    /** Demo accounts are listed only to a visitor on this machine of a server that listens on loopback only. */
    private boolean showDemo(Context ctx) {
        if (!loopbackServer || accounts.demo().isEmpty()) return false;
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Where to go after signing in: a path of this site only (never {@code //host} or a scheme), else null. */
    static String safeNext(String next) {
        if (next == null || next.length() > MAX_NEXT || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c == '\\' || c > '~') return null;
        }
        return next;
    }

    // ------------------------------------------------------------------ accounts (administrator)

    /** A row of the accounts table. */
    public record Row(Account account, String role, String organisation, String clusters, String created, boolean self) {
    }

    /** The accounts page; {@code form} refills the add form after a refusal. */
    public record UsersPage(Shell shell, List<Row> accounts, List<Option> roles, boolean publicAnalyses, String message,
                            boolean ok, Map<String, String> form, String csrf, List<Pages.Tab> tabs) {
    }

    void usersPage(Context ctx) {
        users(Req.of(ctx, wb), null, true, Map.of());
    }

    private void users(Req q, String message, boolean ok, Map<String, String> form) {
        Messages m = q.msg;
        Principal me = Auth.user(q.ctx);
        List<Row> rows = new ArrayList<>();
        for (Account a : accounts.store().accounts()) {
            rows.add(new Row(a, m.get("role." + a.role().label()), a.organisationInn() == null ? "" : a.organisationInn(),
                    String.join(", ", a.clusters()), a.createdAt() == null ? "" : a.createdAt().toString().replace('T', ' ')
                    .replaceAll("\\.\\d+Z$", "Z"), a.id().equals(me.accountId())));
        }
        String chosen = form.getOrDefault("role", Role.VIEWER.label());
        List<Option> roles = new ArrayList<>();
        for (Role r : Role.values()) roles.add(new Option(r.label(), m.get("role." + r.label()), r.label().equals(chosen)));
        Shell shell = Pages.shell(q, Section.ACCOUNT, m.get("admin.users.title"), null, List.of(), "/admin/users", Map.of());
        Pages.render(q.ctx, "account/users.jte", new UsersPage(shell, rows, roles, accounts.publicAnalyses(), message, ok, form,
                Security.token(q.ctx), RulesPages.tabs(m, "/admin/users")));
    }

    /** {@code POST /admin/users}: login, name, role, organisation (participant), clusters (cluster manager), password twice. */
    void addUser(Context ctx) {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : List.of("login", "name", "role", "organisation", "clusters")) {
            String v = ctx.formParam(f);
            form.put(f, v == null ? "" : v.strip().length() > 200 ? v.strip().substring(0, 200) : v.strip());
        }
        Text problem = null;
        String login = form.get("login");
        String name = form.get("name").isEmpty() ? login : form.get("name");
        Optional<Role> role = Role.of(form.get("role"));
        String password = ctx.formParam("password");
        String inn = null;
        Set<String> clusters = new LinkedHashSet<>();
        if (!LOGIN.matcher(login).matches()) {
            problem = Messages.text("admin.badLogin");
        } else if (isDemoLogin(login)) {
            problem = Messages.text("admin.demoLogin", login);
        } else if (name.length() > MAX_NAME) {
            problem = Messages.text("admin.badName", MAX_NAME);
        } else if (role.isEmpty()) {
            problem = Messages.text("admin.badRole");
        } else if (role.get() == Role.PARTICIPANT && !Identifiers.validInn(form.get("organisation"))) {
            problem = Messages.text("admin.badInn");
        } else if (password == null || !password.equals(ctx.formParam("password2"))) {
            problem = Messages.text("admin.passwordsDiffer");
        } else {
            if (role.get() == Role.PARTICIPANT) inn = form.get("organisation");
            if (role.get() == Role.CLUSTER_MANAGER) {
                for (String c : form.get("clusters").split("[,\\s]+")) {
                    if (c.isEmpty()) continue;
                    if (!CLUSTER.matcher(c).matches() || accounts.store().cluster(c).isEmpty()) {
                        problem = Messages.text("admin.unknownCluster", org.klaster.app.analysis.Param.shorten(c));
                        break;
                    }
                    clusters.add(c);
                }
            }
            if (problem == null) problem = Passwords.weakness(login, password.toCharArray()).orElse(null);
        }
        if (problem != null) {
            ctx.status(422);
            users(q, m.text(problem), false, form);
            return;
        }
        try {
            accounts.store().addAccount(Auth.user(ctx).actor(), login, name, role.get(), Passwords.hash(password.toCharArray()), inn, clusters);
        } catch (StoreException e) {
            // a login taken (ignoring case), an organisation not in the registry …: the store's sentence
            ctx.status(422);
            users(q, m.text(e.text()), false, form);
            return;
        }
        ctx.status(201);
        users(q, m.format("admin.added", login, m.get("role." + role.get().label())), true, Map.of());
    }

    /** {@code POST /admin/users/{id}/disable} and {@code …/enable}; an administrator cannot disable themself. */
    void setDisabled(Context ctx, boolean disabled) {
        Req q = Req.of(ctx, wb);
        Principal me = Auth.user(ctx);
        Optional<Account> a = accounts.store().accountById(ctx.pathParam("id"));
        if (a.isEmpty()) throw new NotFound("no account " + org.klaster.app.analysis.Param.shorten(ctx.pathParam("id")));
        if (disabled && a.get().id().equals(me.accountId())) {
            ctx.status(422);
            users(q, q.msg.get("admin.notYourself"), false, Map.of());
            return;
        }
        accounts.store().setDisabled(me.actor(), a.get().id(), disabled);
        users(q, q.msg.format(disabled ? "admin.disabled" : "admin.enabled", a.get().login()), true, Map.of());
    }

    /** {@code POST /admin/settings}: {@code public_analyses} on or off. */
    void settings(Context ctx) {
        Req q = Req.of(ctx, wb);
        boolean allowed = "on".equals(ctx.formParam("public_analyses")) || "true".equals(ctx.formParam("public_analyses"));
        accounts.setPublicAnalyses(Auth.user(ctx), allowed);
        users(q, q.msg.get(allowed ? "admin.publicOn" : "admin.publicOff"), true, Map.of());
    }

    private static boolean isDemoLogin(String login) {
        for (Role r : Role.values()) if (DemoAccounts.login(r).equalsIgnoreCase(login)) return true;
        return false;
    }
}
