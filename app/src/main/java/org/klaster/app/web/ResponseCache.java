package org.klaster.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered responses of read-only GET routes, kept until the workbench changes (an upload or new
 * boundaries bump {@link Workbench#version()}).
 *
 * <p>Keyed on what a response depends on, and nothing else: path, language, htmx headers, the workbench
 * version, the session of a signed-in page (its header names the user; {@link Auth#cacheKey}), and the query parameters and dataset cookies the route's handler <em>read</em> ({@link Req}
 * records them). Each route learns the names it reads (a handful, named in code); a request is looked up
 * by the values of those names only, so {@code &x=1}, {@code &x=2} … are one entry, not thousands.
 *
 * <p>Bounded in bytes, not entries: one {@code /api/v1/mapping} answer is ~0.9 MB, so 4 000 entries could
 * hold 3.7 GB. The budget ({@link #budget}) is 1/16 of the heap, between 16 and 128 MB; the least
 * recently and frequently used entries are evicted first (Caffeine, W-TinyLFU).
 */
final class ResponseCache {

    /** Bytes of rendered responses kept at most, from the heap the JVM may use. */
    static long budget(long maxHeap) {
        return Math.max(16L << 20, Math.min(128L << 20, maxHeap / 16));
    }

    /** Approximate bytes of an entry besides its body (key string, entry object, map node). */
    private static final int OVERHEAD = 256;

    private record Entry(String contentType, byte[] body, List<String> cookies) {
    }

    private final Cache<String, Entry> entries;
    private final Workbench wb;

    ResponseCache(Workbench wb) {
        this(wb, budget(Runtime.getRuntime().maxMemory()));
    }

    ResponseCache(Workbench wb, long budgetBytes) {
        this.wb = wb;
        this.entries = Caffeine.newBuilder().maximumWeight(budgetBytes)
                .weigher((String k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, 2L * k.length() + e.body().length + OVERHEAD))
                .build();
    }

    /** A page handler with caching; {@code api} routes ignore cookies and Accept-Language. */
    Handler wrap(Handler h, boolean api) {
        // the names this route's handler has read so far (grows to the few it reads, then stays)
        Set<String> names = ConcurrentHashMap.newKeySet();
        return ctx -> {
            Req q = api ? Req.api(ctx, wb) : Req.of(ctx, wb); // validates lang, sets the language cookie
            String prefix = wb.version() + "|" + q.lang + "|" + ctx.path() + "|" + ctx.header("HX-Request") + "|"
                    + ctx.header("HX-Target") + "|" + Auth.cacheKey(ctx) + "|";
            Entry e = entries.getIfPresent(prefix + values(ctx, names));
            if (e != null) {
                ctx.contentType(e.contentType());
                for (String c : e.cookies()) ctx.res().addHeader("Set-Cookie", c);
                ctx.result(e.body());
                return;
            }
            h.handle(ctx);
            names.addAll(Req.read(ctx));
            if (ctx.statusCode() != 200 || ctx.header("Content-Disposition") != null) return;
            // the app's own cookies follow from the request: dataset choices are replayed with the entry, the
            // language cookie is set by Req.of above on every request; a response that sets any other cookie
            // (anything per visitor) is not shared
            List<String> all = ctx.res().getHeaders("Set-Cookie").stream().toList();
            if (!all.stream().allMatch(c -> c.startsWith("lang=") || c.startsWith("ds_"))) return;
            List<String> cookies = all.stream().filter(c -> c.startsWith("ds_")).toList();
            String body = ctx.result();
            if (body == null) return;
            entries.put(prefix + values(ctx, names), new Entry(ctx.res().getContentType(),
                    body.getBytes(StandardCharsets.UTF_8), cookies));
        };
    }

    /** The values of the names a route reads, in name order; a dataset cookie only when it names a dataset. */
    private String values(Context ctx, Set<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : new TreeSet<>(names)) {
            b.append(n).append('=');
            if (n.startsWith("cookie:")) {
                String v = ctx.cookie(n.substring("cookie:".length()));
                b.append(v != null && wb.dataset(v).isPresent() ? v : "-");
            } else {
                List<String> v = ctx.queryParams(n);
                if (v.isEmpty()) b.append('-');
                else for (String x : v) b.append('"').append(x.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            b.append('&');
        }
        return b.toString();
    }

    /** Entries now held (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Bytes now held, as weighed (for tests). */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }
}
