package org.klaster.app.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.UserException;
import org.klaster.data.store.Dataset;

/**
 * What every page handler shares: the request/frame objects, the page parts (select options, headline
 * numbers, tabs) and the rule for refused parameters — a page is never replaced by an error page
 * because one control holds a bad value: the value is dropped, the page is drawn again with its
 * defaults, and the sentence is shown next to that control (status 400; htmx swaps it in as well).
 */
public final class Pages {

    private Pages() {
    }

    /** A labelled choice for a select box. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A headline number. */
    public record Kpi(String label, String value, String help) {
    }

    /** A tab of a section's sub-navigation. */
    public record Tab(String label, String href, boolean current) {
    }

    /** A page handler that reads its parameters through {@link Req}. */
    interface Page {
        void render(Req q, Map<String, String> errors) throws Exception;
    }

    /** At most this many refused parameters are dropped before the error page is shown instead. */
    static final int RETRIES = 4;

    /** Runs a page; a refused parameter that the request carried is dropped and the page drawn again. */
    static io.javalin.http.Handler page(Workbench wb, Page page) {
        return ctx -> {
            Req q = Req.of(ctx, wb);
            Map<String, String> errors = new LinkedHashMap<>();
            int status = 400;
            for (int attempt = 0; ; attempt++) {
                try {
                    page.render(q, errors);
                    if (!errors.isEmpty()) ctx.status(status);
                    return;
                } catch (UserException e) {
                    String p = e.param();
                    if (attempt >= RETRIES || p == null || !q.has(p) || e.kind() == UserException.Kind.IMPOSSIBLE) throw e;
                    if (WebApp.status(e) == 404) status = 404; // an unknown dataset, region, category…: drawn, but not found
                    errors.put(p, q.msg.text(e.text()));
                    q.drop(p);
                    if (p.equals("dataset")) errors.put("dataset", q.msg.text(e.text()));
                }
            }
        };
    }

    /** The frame of a page whose dataset has been chosen (the picker offers {@code choices}). */
    static Shell shell(Req q, Section section, String title, Dataset chosen, List<Dataset> choices, String pickerAction,
                       Map<String, String> errors) {
        return new Shell(q.msg, section, title, choices, chosen, q.ctx.path(), pickerAction, q.query(), q.wb, errors).user(q.ctx);
    }

    /** The current page's URL without the given parameters (the sort links of one table). */
    static String without(Req q, String... drop) {
        Map<String, List<String>> all = new LinkedHashMap<>(q.fullQuery());
        for (String d : drop) all.remove(d);
        all.remove("lang");
        StringBuilder b = new StringBuilder(q.ctx.path());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : all.entrySet()) {
            for (String v : e.getValue()) {
                b.append(sep).append(Shell.enc(e.getKey())).append('=').append(Shell.enc(v));
                sep = '&';
            }
        }
        return b.toString();
    }

    /** Year options, newest first. */
    static List<Option> years(Iterable<Integer> years, int selected) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        years.forEach(s::add);
        return s.descendingSet().stream().map(y -> new Option(String.valueOf(y), String.valueOf(y), y == selected)).toList();
    }

    static void render(Context ctx, String template, Object page) {
        ctx.render(template, Map.of("p", page));
    }
}
