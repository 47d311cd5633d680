package org.klaster.app.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.klaster.data.store.Dataset;

/**
 * One request seen by a handler: language (query {@code lang}, else cookie, else Accept-Language),
 * the chosen dataset (query {@code dataset}, else cookie, else the default) and strict parsing of
 * query parameters — a bad value is a {@link BadRequest} with a message, never a stack trace.
 */
final class Req {

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._:\\-]{1,64}");
    private static final int COOKIE_AGE = 365 * 24 * 3600;

    final Context ctx;
    final Workbench wb;
    final Lang lang;
    final Messages msg;
    private boolean api;

    private Req(Context ctx, Workbench wb, Lang lang) {
        this.ctx = ctx;
        this.wb = wb;
        this.lang = lang;
        this.msg = Messages.of(lang);
    }

    static Req of(Context ctx, Workbench wb) {
        String q = ctx.queryParam("lang");
        Lang l = Lang.parse(q);
        if (q != null && l == null) throw new BadRequest("lang must be ru or en (was \"" + q + "\")");
        if (l != null) setCookie(ctx, "lang", l.name());
        if (l == null) l = Lang.parse(ctx.cookie("lang"));
        if (l == null) l = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
        return new Req(ctx, wb, l);
    }

    /** For the API: English unless {@code lang} is given (no cookies, no Accept-Language guessing). */
    static Req api(Context ctx, Workbench wb) {
        String q = ctx.queryParam("lang");
        Lang l = Lang.parse(q);
        if (q != null && l == null) throw new BadRequest("lang must be ru or en (was \"" + shorten(q) + "\")");
        Req r = new Req(ctx, wb, l == null ? Lang.en : l);
        r.api = true;
        return r;
    }

    static void setCookie(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + COOKIE_AGE + "; SameSite=Lax; HttpOnly");
    }

    /** The chosen dataset, or the default one; {@code null} when the store holds none. */
    Dataset dataset() {
        String id = ctx.queryParam("dataset");
        if (id != null && !id.isBlank()) {
            code("dataset", id);
            Dataset d = wb.dataset(id).orElseThrow(() -> new NotFound(msg.format("error.noDataset", id)));
            if (!api && !id.equals(ctx.cookie("dataset"))) setCookie(ctx, "dataset", id);
            return d;
        }
        String c = api ? null : ctx.cookie("dataset");
        if (c != null && CODE.matcher(c).matches()) {
            var d = wb.dataset(c);
            if (d.isPresent()) return d.get();
        }
        return wb.defaultDataset().orElse(null);
    }

    /** The chosen dataset's data; a 404 page explains when the store is empty. */
    DatasetData data() {
        Dataset d = dataset();
        if (d == null) throw new NotFound(msg.get("error.noDatasets"));
        return wb.data(d.id());
    }

    Integer intParam(String name, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number between " + min + " and " + max + " (was \"" + shorten(v) + "\")");
        }
    }

    /** An optional code-like parameter (category, region): letters, digits, . _ : - only. */
    String codeParam(String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        return code(name, v.trim());
    }

    static String code(String name, String v) {
        if (!CODE.matcher(v).matches()) {
            throw new BadRequest(name + " has characters that are not allowed (letters, digits, '.', '_', ':', '-'; at most 64)");
        }
        return v;
    }

    static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    boolean htmx() {
        return "true".equals(ctx.header("HX-Request"));
    }

    /**
     * A frame for a page about a dataset already chosen (by kind), offering only {@code choices} in the
     * picker; sets no cookie, so other sections keep their own dataset.
     */
    Shell shell(Section section, String title, Dataset chosen, java.util.List<Dataset> choices) {
        Map<String, String> q = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) q.put(k, v.get(0));
        });
        return new Shell(msg, section, title, choices, chosen, ctx.path(), q, wb.boundariesSource());
    }

    Shell shell(Section section, String title) {
        Map<String, String> q = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) q.put(k, v.get(0));
        });
        // the Mapping picker offers only activity data (input–output tables and trade have their own section)
        java.util.List<Dataset> choices = section.equals(Section.MAPPING)
                ? wb.datasets().stream().filter(d -> !Workbench.IO_KINDS.contains(d.kind()) && !Workbench.TRADE_KINDS.contains(d.kind())).toList()
                : wb.datasets();
        return new Shell(msg, section, title, choices, dataset(), ctx.path(), q, wb.boundariesSource());
    }
}
