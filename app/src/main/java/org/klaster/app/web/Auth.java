package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.klaster.app.analysis.Messages;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.Principal;
import org.klaster.app.auth.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a request is ({@link #user}) and whether it may use its route ({@link #gate}), for every route
 * (docs/security.md, "Accounts, sessions and roles"):
 * <ul>
 *   <li>Under {@code /api/}, an {@code Authorization: Bearer kl_…} token names the account (cookies are then
 *       ignored, and so is the cookie CSRF check, see {@link Security}); any other or an unknown, revoked or
 *       disabled account's token is 401.</li>
 *   <li>Otherwise the {@value #SESSION_COOKIE} cookie (HttpOnly, SameSite=Lax, Path=/, Secure over TLS) names
 *       a session of the store; an expired one is cleared.</li>
 *   <li>The route's {@link Access} rule decides: anonymous where signing in would help → 302 to
 *       {@code /signin?next=…} (pages) or 401 (API); signed in but not allowed → 403 in the user's language;
 *       a route without a rule → 403 (fail closed).</li>
 * </ul>
 */
final class Auth {

    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);

    static final String SESSION_COOKIE = "klaster_session";
    private static final String ATTR = "klaster.auth";
    private static final String ATTR_USER = "klaster.user";

    private final Accounts accounts;

    Auth(Accounts accounts) {
        this.accounts = accounts;
    }

    Accounts accounts() {
        return accounts;
    }

    /** First {@code before} handler after {@link Security#before}: makes {@link #user} available (resolved on first use). */
    void before(Context ctx) {
        ctx.attribute(ATTR, this);
    }

    /** The principal of a request: resolved once (one store read), anonymous when nothing identifies it. */
    static Principal user(Context ctx) {
        Principal p = ctx.attribute(ATTR_USER);
        if (p != null) return p;
        Auth a = ctx.attribute(ATTR);
        p = a == null ? Principal.ANONYMOUS : a.resolve(ctx);
        ctx.attribute(ATTR_USER, p);
        return p;
    }

    /** Whether the request carries an API token (then its cookies play no part). */
    static boolean bearer(Context ctx) {
        return ctx.path().startsWith("/api/") && ctx.header("Authorization") != null;
    }

    private Principal resolve(Context ctx) {
        if (bearer(ctx)) {
            String h = ctx.header("Authorization").strip();
            String token = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
            Optional<Principal> p = accounts.token(token);
            if (p.isEmpty()) {
                ctx.attribute(ATTR_USER, Principal.ANONYMOUS); // the refusal's page must not try again
                ctx.header("WWW-Authenticate", "Bearer realm=\"klaster\", error=\"invalid_token\"");
                throw new Security.Refused(401, Messages.text("auth.badToken"));
            }
            return p.get();
        }
        String sid = ctx.cookie(SESSION_COOKIE);
        if (sid == null) return Principal.ANONYMOUS;
        Optional<Principal> p = accounts.session(sid);
        if (p.isEmpty()) clearSessionCookie(ctx);
        return p.orElse(Principal.ANONYMOUS);
    }

    /**
     * The {@code beforeMatched} handler: the matched route's rule against the request's principal. Runs
     * after {@link Security#before}, so a refused cross-site request never reaches the store.
     */
    void gate(Context ctx) {
        Access rule = Routes.access(ctx.routeRoles());
        if (rule == null && ctx.routeRoles().isEmpty() && staticFile(ctx.path())) return; // the static folders are public
        if (rule == null) {
            LOG.error("route {} {} has no access rule: refused", ctx.method(), ctx.endpoint().path);
            throw new Security.Refused(403, Messages.text("auth.forbidden"));
        }
        if (rule == Access.PUBLIC && !bearer(ctx)) return; // (a token is checked even there: a bad one is 401)
        Principal who = user(ctx);
        boolean publicAnalyses = rule.kind() == Access.Kind.ANALYSES && !who.signedIn() && accounts.publicAnalyses();
        switch (rule.decide(who, name -> ctx.pathParamMap().get(name), publicAnalyses)) {
            case ALLOW -> { }
            case FORBID -> throw new Security.Refused(403, Messages.text("auth.forbidden"));
            case SIGN_IN -> signInFirst(ctx);
        }
    }

    /** The static folders of {@link WebApp} (style sheet, scripts, webjars): served to everybody, as before any route. */
    static boolean staticFile(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    /** An anonymous request to a route that needs an account: the API says 401, a page goes to the sign-in form. */
    private static void signInFirst(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"klaster\"");
            throw new Security.Refused(401, Messages.text("auth.signInApi"));
        }
        String back = "GET".equals(ctx.method().name()) ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/";
        String to = "/signin" + (AccountPages.safeNext(back) == null || back.equals("/") ? "" : "?next=" + Shell.enc(back));
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.header("HX-Redirect", to).status(HttpStatus.NO_CONTENT); // htmx navigates the whole page
        } else {
            ctx.redirect(to, HttpStatus.FOUND);
        }
        ctx.skipRemainingHandlers();
    }

    // ------------------------------------------------------------------ the session cookie

    /** Sets the cookie of a new session (no Max-Age: it ends with the browser, and on the server after 30 idle minutes). */
    static void setSessionCookie(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/; SameSite=Lax; HttpOnly"
                + (Security.https(ctx) ? "; Secure" : ""));
    }

    static void clearSessionCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly"
                + (Security.https(ctx) ? "; Secure" : ""));
    }

    /**
     * What a cached page of this request depends on besides its parameters: nothing for anonymous visitors
     * and the API, the session for a signed-in page (its header names the user and carries a sign-out form
     * whose CSRF token is bound to the session).
     */
    static String cacheKey(Context ctx) {
        if (ctx.path().startsWith("/api/")) return "";
        Principal p = user(ctx);
        if (!p.signedIn()) return "";
        String sid = ctx.cookie(SESSION_COOKIE);
        return sid == null ? "" : Tokens.sha256(sid);
    }
}
