package org.klaster.app.web;

import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered responses of read-only GET routes, kept until the workbench changes (an upload or new
 * boundaries bump {@link Workbench#version()}). The key is everything a response depends on: path,
 * query, language, chosen dataset, htmx headers and the workbench version. Bounded: when it holds
 * {@value #MAX} entries it starts again empty.
 */
final class ResponseCache {

    static final int MAX = 4000;

    private record Entry(String contentType, String body, String disposition) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Workbench wb;

    ResponseCache(Workbench wb) {
        this.wb = wb;
    }

    /** A page handler with caching; {@code api} routes ignore cookies and Accept-Language. */
    Handler wrap(Handler h, boolean api) {
        return ctx -> {
            Req q = api ? Req.api(ctx, wb) : Req.of(ctx, wb); // validates lang, sets the language cookie
            // a page's dataset may come from a remembered choice (ds_* cookies): they are part of the key
            StringBuilder remembered = new StringBuilder();
            if (!api) ctx.cookieMap().forEach((k, v) -> {
                if (k.startsWith("ds_")) remembered.append(k).append('=').append(v).append(';');
            });
            String key = wb.version() + "|" + q.lang + "|" + remembered + "|" + ctx.path() + "?"
                    + ctx.queryString() + "|" + ctx.header("HX-Request") + "|" + ctx.header("HX-Target");
            Entry e = entries.get(key);
            if (e != null) {
                ctx.contentType(e.contentType());
                if (e.disposition() != null) ctx.header("Content-Disposition", e.disposition());
                ctx.result(e.body());
                return;
            }
            h.handle(ctx);
            // a response that set a cookie (a dataset choice) is not shared with other visitors
            if (ctx.statusCode() == 200 && ctx.result() != null && ctx.header("Content-Disposition") == null
                    && ctx.res().getHeaders("Set-Cookie").stream().noneMatch(c -> c.startsWith("ds_"))) {
                if (entries.size() >= MAX) entries.clear();
                entries.put(key, new Entry(ctx.res().getContentType(), ctx.result(), null));
            }
        };
    }
}
