package org.klaster.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.UserException;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;

/**
 * One request seen by a handler: its language (query {@code lang}, else cookie, else Accept-Language;
 * the API: {@code lang} or English), its query parameters (a copy the error handling may drop a bad
 * value from, see {@link Pages}), and the dataset it works on. Parameters are parsed with the analysis
 * layer's {@link Param}, so a bad value is a {@link UserException} naming the parameter.
 *
 * <p>Datasets are chosen per content (a page needs activity, an IO table, trade …): the {@code dataset}
 * parameter when it provides that content, else the one remembered for that content (a cookie set only
 * after a valid choice), else the default of that content. A wrong choice is an error and is never
 * remembered.
 *
 * <p>Every parameter a handler reads (and every dataset cookie it consults) is recorded for the request
 * ({@link #read(Context)}): {@link ResponseCache} keys a response on those names only, so a parameter no
 * handler reads ({@code &x=1}) can neither change a page nor make a new cache entry. Links that keep the
 * current view ({@link #query()}, {@link #fullQuery()}) carry only parameters the workbench knows
 * ({@link #KNOWN}), and count as reading them.
 */
final class Req {

    private static final Pattern COOKIE_VALUE = Pattern.compile("[\\p{L}\\p{N}._:\\-]{1,64}");
    private static final int COOKIE_AGE = 365 * 24 * 3600;

    final Context ctx;
    final Workbench wb;
    final Lang lang;
    final Messages msg;
    final boolean api;
    private final Map<String, List<String>> query;
    private final java.util.Set<String> read;

    /**
     * The parameter names the pages and the API read. Links keep only these; a name read but missing here
     * is still read correctly and added on first use ({@link #unlisted()}, which a test keeps empty).
     */
    static final java.util.Set<String> KNOWN = java.util.Set.of("lang", "dataset", "trade", "firms", "region", "category",
            "year", "base_year", "metric", "country", "industry", "product", "reporter", "from", "to", "years", "outside",
            "filter", "only", "top", "type", "rates", "a_type", "a_sector", "a_rate", "b_type", "b_sector", "b_rate",
            "sort", "dir", "csort", "cdir", "psort", "pdir", "ssort", "sdir", "trade_year", "measure", "threshold",
            "as_of", "specialisation", "compliance", "unconfirmed", "print", "done", "ksort", "kdir", "ysort", "ydir", "version",
            "activity", "method", "delta", "buyers", "cluster", "share", "inputs", "neighbours", "lsort", "ldir", "amount", "rate", "then", "grace_years", "payments_per_year", "market_rate", "weighting", "edit", "view",
            "inn", "okved", "revenue", "sme", "technology_company", "mtk", "cluster_member", "budget", "own_funds", "loan", "term",
            "purpose", "products", "priority_products", "russian_equipment_share", "date");
    /** The Cooperation section's parameters (kept apart so that sections adding names do not edit one line). */
    static final java.util.Set<String> COOPERATION = java.util.Set.of("kind", "text", "need", "competence", "codes", "inn",
            "cluster", "weights", "decay_km");
    private static final java.util.Set<String> LEARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Names learned beyond {@link #KNOWN}, at most this many (names come from code, not from visitors). */
    private static final int LEARNED_MAX = 64;
    private static final String READ = "klaster.read";

    private Req(Context ctx, Workbench wb, Lang lang, boolean api) {
        this.ctx = ctx;
        this.wb = wb;
        this.lang = lang;
        this.msg = Messages.of(lang);
        this.api = api;
        this.query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
        this.read = read(ctx);
    }

    /**
     * The names read so far while answering this request, by every {@code Req} of it: parameter names, and
     * {@code cookie:NAME} for the dataset cookies consulted.
     */
    static java.util.Set<String> read(Context ctx) {
        java.util.Set<String> r = ctx.attribute(READ);
        if (r == null) {
            r = new java.util.LinkedHashSet<>();
            ctx.attribute(READ, r);
        }
        return r;
    }

    /** Names read that are not in {@link #KNOWN} (empty unless a new parameter was added without listing it). */
    static java.util.Set<String> unlisted() {
        return java.util.Set.copyOf(LEARNED);
    }

    private void reading(String name) {
        read.add(name);
        if (!listed(name) && LEARNED.size() < LEARNED_MAX) LEARNED.add(name);
    }

    private static boolean known(String name) {
        return listed(name) || LEARNED.contains(name);
    }

    private static boolean listed(String name) {
        return KNOWN.contains(name) || COOPERATION.contains(name);
    }

    /** A page request. */
    static Req of(Context ctx, Workbench wb) {
        String q = ctx.queryParam("lang");
        Lang l = Lang.parse(q);
        if (l != null) setCookie(ctx, "lang", l.name());
        if (l == null) l = Lang.parse(ctx.cookie("lang"));
        if (l == null) l = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
        Req r = new Req(ctx, wb, l, false);
        if (q != null && Lang.parse(q) == null) throw UserException.badParameter("lang", Messages.text("param.lang", Param.shorten(q)));
        return r;
    }

    /** An API request: English unless {@code lang} is given (no cookies, no Accept-Language guessing). */
    static Req api(Context ctx, Workbench wb) {
        String q = ctx.queryParam("lang");
        Lang l = Lang.parse(q);
        if (q != null && l == null) throw UserException.badParameter("lang", Messages.text("param.lang", Param.shorten(q)));
        return new Req(ctx, wb, l == null ? Lang.en : l, true);
    }

    /** A remembered choice: whole site, Lax (not sent by cross-site POSTs), invisible to scripts, Secure over TLS. */
    static void setCookie(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + COOKIE_AGE + "; SameSite=Lax; HttpOnly"
                + (Security.https(ctx) ? "; Secure" : ""));
    }

    // ------------------------------------------------------------------ parameters

    /** The first value of a parameter, or null. */
    String param(String name) {
        reading(name);
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> params(String name) {
        reading(name);
        return query.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        reading(name);
        return query.containsKey(name);
    }

    /** Drops a parameter (its value was refused; the page is drawn again without it). */
    void drop(String name) {
        query.remove(name);
    }

    /** The query as it stands (after drops), first values only, known parameters only. */
    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        fullQuery().forEach((k, v) -> {
            if (!v.isEmpty()) q.put(k, v.get(0));
        });
        return q;
    }

    /** The query with every value, for links that keep repeated parameters (the shock form); known parameters only. */
    Map<String, List<String>> fullQuery() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (known(k)) {
                read.add(k);
                q.put(k, v);
            }
        });
        return q;
    }

    Integer year(String name) {
        return Param.year(name, param(name));
    }

    Integer integer(String name, int min, int max) {
        return Param.integer(name, param(name), min, max);
    }

    String code(String name) {
        return Param.code(name, param(name));
    }

    boolean htmx() {
        return "true".equals(ctx.header("HX-Request"));
    }

    Names names() {
        return wb.names(lang);
    }

    // ------------------------------------------------------------------ datasets

    /**
     * The dataset a page works on, of a content: {@code dataset} (refused when it does not provide the
     * content), else the remembered one for that content, else the default; null when none is stored.
     */
    Dataset dataset(Content content) {
        return dataset("dataset", content);
    }

    /** As {@link #dataset(Content)} for another parameter (the opportunities page's {@code trade}, {@code firms}). */
    Dataset dataset(String param, Content content) {
        String id = code(param);
        if (id != null) {
            Dataset d = wb.choose(param, id, content);
            if (!api) setCookie(ctx, cookie(param, content), d.id());
            return d;
        }
        String name = cookie(param, content);
        if (!api) read.add("cookie:" + name);
        String c = api ? null : ctx.cookie(name);
        if (c != null && COOKIE_VALUE.matcher(c).matches()) {
            Optional<Dataset> d = wb.dataset(c);
            if (d.isPresent() && d.get().kind().provides(content)) return d.get();
        }
        return wb.defaultOf(content).orElse(null);
    }

    private static String cookie(String param, Content content) {
        return "ds_" + content.name().toLowerCase(java.util.Locale.ROOT) + (param.equals("dataset") ? "" : "_" + param);
    }

    /** The dataset of a content, or NOT_FOUND saying none is stored. */
    Dataset requireDataset(String param, Content content) {
        Dataset d = dataset(param, content);
        if (d == null) {
            throw UserException.notFound(Messages.text("dataset.noneOf",
                    Messages.text("content." + content.name().toLowerCase(java.util.Locale.ROOT))));
        }
        return d;
    }
}
