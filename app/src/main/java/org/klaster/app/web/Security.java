package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.klaster.Text;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's defences against other sites (docs/security.md), run as the first {@code before}
 * handler of every request, so a route added later is covered without doing anything:
 * <ul>
 *   <li><b>Host allow-list</b> (DNS rebinding): only requests addressed to one of the server's own names
 *       are answered (421 otherwise).</li>
 *   <li><b>Same origin</b>: every method but GET, HEAD and OPTIONS (default-deny) must come from the
 *       server's own origin: {@code Sec-Fetch-Site} (when sent) is same-origin, {@code Origin} (else
 *       {@code Referer}) is the request's own scheme, host and port. A request with neither is
 *       accepted only with the token in a header (scripts; browsers always send one of them).</li>
 *   <li><b>CSRF token</b> (OWASP "signed double-submit"): a random per-browser cookie, and in every form
 *       {@code HMAC-SHA256(per-process secret, cookie)}; htmx sends it as a header ({@code app.js}),
 *       plain forms as a hidden field. A token of another browser, of an earlier server process or
 *       made up does not verify. After sign-in the token is also bound to the session cookie, and the
 *       token cookie is replaced at sign-in and sign-out ({@link #rotate}).</li>
 *   <li><b>API tokens</b>: a request under {@code /api/} with an {@code Authorization} header carries no
 *       ambient credential ({@link Auth} then ignores cookies), so it is not held to the origin and token
 *       checks; a bad token is 401.</li>
 *   <li><b>Headers</b>: CSP, nosniff, frame and referrer policy, Permissions-Policy always; behind a TLS
 *       proxy ({@code --behind-proxy}, {@code X-Forwarded-Proto: https}) HSTS and {@code Secure} cookies.</li>
 * </ul>
 * A refusal is 403 (421 for a foreign host) with one sentence in the page's language, before any
 * handler runs: nothing is read, stored or changed.
 */
final class Security {

    private static final Logger LOG = LoggerFactory.getLogger(Security.class);

    static final String TOKEN_FIELD = "_csrf";
    static final String TOKEN_HEADER = "X-CSRF-Token";
    /** The token cookie over plain HTTP; over TLS the {@code __Host-} prefix also keeps sibling subdomains from setting it. */
    static final String COOKIE = "klaster_csrf";
    static final String TLS_COOKIE = "__Host-klaster_csrf";
    static final String HSTS = "max-age=31536000";
    /** Features the workbench never uses, denied to it and to anything it could embed. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()";

    private static final String ATTR = "klaster.security";
    private static final String ATTR_TOKEN = "klaster.csrf";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-f:.]+]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\\d{1,5}))?");
    private static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "[::1]");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How the server is reached.
     *
     * @param bindHost     the {@code --host} address (answered with the server's port, unless a wildcard)
     * @param allowedHosts more names ({@code --allowed-host}): {@code NAME} (any port) or {@code NAME:PORT}
     * @param behindProxy  trust {@code X-Forwarded-Proto/-Host/-Port} and {@code Forwarded} (a TLS reverse proxy)
     */
    record Config(String bindHost, List<String> allowedHosts, boolean behindProxy) {

        Config {
            allowedHosts = allowedHosts.stream().map(Config::normalise).toList();
        }

        /** This machine only, no proxy: what tests and a plain {@code klaster serve} use. */
        static Config local() {
            return new Config("127.0.0.1", List.of(), false);
        }

        /** A host name as {@code --allowed-host} takes it, lower case, IPv6 in brackets; refused when malformed. */
        static String normalise(String name) {
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (n.indexOf(':') != n.lastIndexOf(':') && !n.startsWith("[")) n = "[" + n + "]"; // a bare IPv6 address
            Matcher m = HOST.matcher(n);
            if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2)) > 65535)) {
                throw UserException.badParameter("allowed_host", Messages.text("security.badAllowedHost", Param.shorten(name)));
            }
            return n;
        }
    }

    /** A refused request: its status and sentence. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Text text;

        Refused(int status, Text text) {
            super(text.toString(), null, false, false);
            this.status = status;
            this.text = text;
        }
    }

    private final Config config;
    private final Set<String> localNames;
    private final byte[] secret = new byte[32];

    Security(Config config) {
        this.config = config;
        List<String> names = new ArrayList<>(LOCAL_NAMES);
        String bind = config.bindHost() == null ? "" : config.bindHost().strip().toLowerCase(Locale.ROOT);
        if (!bind.isEmpty() && !Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0").contains(bind)) {
            try {
                names.add(Config.normalise(bind));
            } catch (UserException e) {
                // a bind address no browser could put in a Host header: nothing to add
            }
        }
        this.localNames = Set.copyOf(names);
        RANDOM.nextBytes(secret); // per process: a restart invalidates the forms of open pages (reload them)
    }

    Config config() {
        return config;
    }

    // ------------------------------------------------------------------ the before handler

    /** Headers for every answer, then the host check, then (unsafe methods) origin and token. */
    void before(Context ctx) {
        ctx.attribute(ATTR, this);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", PERMISSIONS_POLICY);
        if (!ctx.path().startsWith("/api/docs")) ctx.header("Content-Security-Policy", WebApp.CSP);
        if (https(ctx)) ctx.header("Strict-Transport-Security", HSTS);

        if (!hostAllowed(ctx)) {
            refuse(ctx, 421, Messages.text("security.host", Param.shorten(String.valueOf(ctx.req().getServerName()))), "host");
        }
        if (SAFE.contains(ctx.method())) return;
        // an API token in a header is no ambient credential: a cross-site page cannot send one, and cookies then
        // count for nothing (Auth), so there is nothing to forge; an unknown token is 401 before any handler
        if (Auth.bearer(ctx)) return;
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            refuse(ctx, 403, Messages.text("security.crossSite"), "Sec-Fetch-Site " + fetchSite);
        }
        String headerToken = ctx.header(TOKEN_HEADER);
        String origin = ctx.header("Origin");
        String source = origin != null ? origin : ctx.header("Referer");
        if (source == null) {
            if (headerToken == null) refuse(ctx, 403, Messages.text("security.token"), "neither Origin nor Referer, no token header");
        } else if (!sameOrigin(ctx, source, origin != null)) {
            refuse(ctx, 403, Messages.text("security.crossSite"), "origin " + Param.shorten(source));
        }
        String token = headerToken != null ? headerToken : formToken(ctx);
        if (!verifies(ctx, token)) refuse(ctx, 403, Messages.text("security.token"), token == null ? "no token" : "token does not verify");
    }

    private static void refuse(Context ctx, int status, Text text, String why) {
        LOG.info("refused {} {}: {}", ctx.method(), ctx.path(), why);
        throw new Refused(status, text);
    }

    /** Whether the request came over TLS: only a trusted proxy can say so (Jetty's forwarded-header customizer). */
    static boolean https(Context ctx) {
        return ctx.req().isSecure();
    }

    /** The host the request is addressed to (Host, or behind a proxy X-Forwarded-Host) is one of ours. */
    boolean hostAllowed(Context ctx) {
        String name = ctx.req().getServerName();
        if (name == null) return false;
        name = name.toLowerCase(Locale.ROOT);
        if (name.indexOf(':') >= 0 && !name.startsWith("[")) name = "[" + name + "]";
        int port = ctx.req().getServerPort();
        if (localNames.contains(name) && port == ctx.req().getLocalPort()) return true;
        for (String a : config.allowedHosts()) {
            if (a.equals(name) || a.equals(name + ":" + port)) return true;
        }
        return false;
    }

    /** {@code Origin} (or the origin of {@code Referer}) is the request's own scheme, host and port. */
    private static boolean sameOrigin(Context ctx, String source, boolean isOrigin) {
        try {
            URI u = new URI(source.strip());
            if (u.getScheme() == null || u.getHost() == null || (isOrigin && u.getRawPath() != null && !u.getRawPath().isEmpty())) {
                return false; // "null", opaque or malformed origins
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme.equals(ctx.req().getScheme().toLowerCase(Locale.ROOT))
                    && bare(u.getHost()).equals(bare(ctx.req().getServerName())) && port == ctx.req().getServerPort();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The hidden field of a form post (only form bodies are read, and only after the origin check). */
    private static String formToken(Context ctx) {
        if (!ctx.isMultipartFormData() && !ctx.isFormUrlencoded()) return null;
        // the field is in the body: a body too large or malformed to parse is answered as the upload routes do
        Text tooLarge = Messages.text("error.tooLarge", DataPages.MAX_UPLOAD_BYTES / (1024 * 1024));
        if (ctx.req().getContentLengthLong() > DataPages.MAX_REQUEST_BYTES) throw new Refused(413, tooLarge);
        try {
            return ctx.formParam(TOKEN_FIELD);
        } catch (RuntimeException e) {
            throw DataPages.oversize(e) ? new Refused(413, tooLarge) : new Refused(400, Messages.text("upload.malformed"));
        }
    }

    private boolean verifies(Context ctx, String token) {
        String cookie = ctx.cookie(cookieName(ctx));
        if (token == null || cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) return false;
        return MessageDigest.isEqual(sign(cookie, session(ctx)).getBytes(StandardCharsets.US_ASCII),
                token.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The session the token is bound to: the session cookie as the browser sends it (or nothing before sign-in),
     * so a token of the signed-out page, or of another session, does not verify after sign-in.
     */
    private static String session(Context ctx) {
        String sid = ctx.cookie(Auth.SESSION_COOKIE);
        return sid == null || sid.length() > 64 ? "" : sid;
    }

    private String sign(String cookie, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("csrf|" + cookie + "|" + session).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String cookieName(Context ctx) {
        return https(ctx) ? TLS_COOKIE : COOKIE;
    }

    // ------------------------------------------------------------------ tokens for forms

    /**
     * The token for this browser's forms; sets the cookie it is bound to when the browser has none.
     * Only for pages that are never cached (the Data page): a shared cached page would hand one
     * browser's token to another.
     */
    static String token(Context ctx) {
        String done = ctx.attribute(ATTR_TOKEN);
        if (done != null) return done;
        Security s = ctx.attribute(ATTR);
        if (s == null) throw new IllegalStateException("Security#before did not run for " + ctx.path());
        String cookie = ctx.cookie(cookieName(ctx));
        if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) cookie = newCookie(ctx);
        String token = s.sign(cookie, session(ctx));
        ctx.attribute(ATTR_TOKEN, token);
        return token;
    }

    /** Gives the browser a new token cookie (at sign-in and sign-out: the tokens of earlier pages stop working). */
    static void rotate(Context ctx) {
        newCookie(ctx);
        ctx.attribute(ATTR_TOKEN, null);
    }

    private static String newCookie(Context ctx) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        // a session cookie: Lax is enough, since a cross-site POST never carries it
        ctx.res().addHeader("Set-Cookie", cookieName(ctx) + "=" + cookie + "; Path=/; SameSite=Lax; HttpOnly" + (https(ctx) ? "; Secure" : ""));
        return cookie;
    }

    // ------------------------------------------------------------------ the refusal

    /** 421/403 with the sentence: JSON for the API, a fragment for htmx, a page otherwise; plain text for a foreign host. */
    static void answer(Refused e, Context ctx, Workbench wb) {
        boolean api = ctx.path().startsWith("/api/");
        if (e.status == 421 && !api) {
            // a foreign host gets no page of ours (it could be read by the site that rebound its name)
            Lang lang = Lang.parse(ctx.queryParam("lang"));
            if (lang == null) lang = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
            ctx.status(421).contentType("text/plain; charset=utf-8").result(Messages.of(lang).text(e.text) + "\n");
            return;
        }
        if ("true".equals(ctx.header("HX-Request")) && !api) {
            Lang lang = Lang.parse(ctx.queryParam("lang"));
            if (lang == null) lang = Lang.parse(ctx.cookie("lang"));
            if (lang == null) lang = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
            ctx.status(e.status).render("refused.jte", Map.of("message", Messages.of(lang).text(e.text)));
            return;
        }
        WebApp.error(ctx, wb, e.status, e.text, null);
    }
}
