package org.klaster.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.List;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.data.formats.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web workbench as code: every route, static folder, limit and error handler is written here,
 * in one {@code Javalin.create} block. No container, no scanning, no annotations.
 *
 * <pre>
 *   /                      → the Mapping overview (first screen)
 *   /mapping               overview map + tables          (htmx swaps #panel)
 *   /mapping/regions/{iso} region profile
 *   /mapping/categories/{code} category profile
 *   /mapping/export.csv|.xlsx  the mapping table (CLI columns)
 *   /sovereignty[/multipliers|/shock|/extraction|/dependency]  input–output and trade dependency pages
 *   /sovereignty/{what}/export.csv|.xlsx  their CLI tables
 *   /opportunities[/product-space|/region]  product space, ECI, a region's import-substitution opportunities
 *   /opportunities/{complexity|region}/export.csv|.xlsx  the klaster complexity / opportunities tables
 *   /datasets              datasets, uploads (POST /datasets/upload, /datasets/boundaries)
 *   /registry[/clusters/{id}[/compliance|/audit]|/organisations/{inn}]  the cluster registry ({@link RegistryPages#install})
 *   /api/v1/...            JSON API ({@link Api#ROUTES}); /api/docs Swagger UI
 * </pre>
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private WebApp() {
    }

    /** The workbench on this machine's names only, no proxy ({@link Security.Config#local()}). */
    public static Javalin create(Workbench wb) {
        return create(wb, Security.Config.local(), new ResponseCache(wb));
    }

    /** With the given security configuration ({@code klaster serve}'s options). */
    static Javalin create(Workbench wb, Security.Config securityConfig) {
        return create(wb, securityConfig, new ResponseCache(wb));
    }

    /** With the given response cache (tests look into it). */
    static Javalin create(Workbench wb, ResponseCache cache) {
        return create(wb, Security.Config.local(), cache);
    }

    static Javalin create(Workbench wb, Security.Config securityConfig, ResponseCache cache) {
        // no sign-in yet: the Registry section refuses every visitor until accounts are merged (branch auth)
        return create(wb, securityConfig, cache, ctx -> null, java.time.Clock.systemDefaultZone());
    }

    /**
     * With the signed-in account of a request ({@code who}, null = anonymous) for the Registry section, and the
     * clock whose day is "today" there (the default date of reports).
     */
    static Javalin create(Workbench wb, Security.Config securityConfig, ResponseCache cache,
                          java.util.function.Function<Context, org.klaster.data.store.Account> who, java.time.Clock clock) {
        Security security = new Security(securityConfig);
        TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
        MappingPages mapping = new MappingPages(wb);
        DataPages data = new DataPages(wb);
        SovereigntyPages sov = new SovereigntyPages(wb);
        OpportunitiesPages opp = new OpportunitiesPages(wb);
        Api api = new Api(wb, sov, opp);
        RegistryPages registry = new RegistryPages(wb, who, clock);
        RegistryApi registryApi = new RegistryApi(wb, registry);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.fileRenderer((name, model, ctx) -> {
                StringOutput out = new StringOutput();
                jte.render(name, (Map<String, Object>) model, out);
                return out.toString();
            });
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/org/klaster/app/web/static";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "max-age=3600");
            });
            config.staticFiles.enableWebjars();
            config.http.maxRequestSize = DataPages.MAX_REQUEST_BYTES;
            config.jetty.multipartConfig.maxFileSize(DataPages.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(DataPages.MAX_REQUEST_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            // overload waits (suspended, no thread) or is refused with 503, instead of exhausting the heap
            config.jetty.modifyServer(Overload::install);

            // ---- security (docs/security.md): first before handler of every request — headers, Host allow-list,
            // and for every method but GET/HEAD/OPTIONS (default-deny, also routes added later) same origin + CSRF token
            if (security.config().behindProxy()) {
                // X-Forwarded-Proto/-Host/-Port and Forwarded are believed only when told so (--behind-proxy)
                config.jetty.modifyHttpConfiguration(h -> h.addCustomizer(new ForwardedRequestCustomizer()));
            }
            config.routes.before(security::before);
            config.routes.exception(Security.Refused.class, (e, ctx) -> Security.answer(e, ctx, wb));
            // ---- end security
            // a body announced over the limit is refused unread; the upload routes answer it (and a chunked
            // body that outgrows it) on their own form (DataPages#form)
            config.routes.before(ctx -> {
                if (ctx.req().getContentLengthLong() > DataPages.MAX_REQUEST_BYTES && !ctx.path().startsWith("/datasets/")) {
                    throw new ContentTooLargeResponse();
                }
            });

            // pages: a refused parameter is shown next to its control (Pages.page)
            config.routes.get("/", cache.wrap(Pages.page(wb, mapping::overview), false));
            config.routes.get(Section.MAPPING.path(), cache.wrap(Pages.page(wb, mapping::overview), false));
            config.routes.get("/mapping/regions/{iso}", cache.wrap(Pages.page(wb, mapping::region), false));
            config.routes.get("/mapping/categories/{code}", cache.wrap(Pages.page(wb, mapping::category), false));
            config.routes.get("/mapping/export.csv", ctx -> mapping.export(Req.of(ctx, wb)));
            config.routes.get("/mapping/export.xlsx", ctx -> mapping.export(Req.of(ctx, wb)));
            config.routes.get(Section.DATA.path(), Pages.page(wb, data::page));
            config.routes.post("/datasets/upload", data::upload);
            config.routes.post("/datasets/boundaries", data::uploadBoundaries);
            config.routes.post("/datasets/boundaries/clear", data::clearBoundaries);
            config.routes.post("/datasets/classification", data::uploadClassification);
            config.routes.get(Section.SOVEREIGNTY.path(), cache.wrap(Pages.page(wb, sov::multipliers), false));
            config.routes.get("/sovereignty/multipliers", cache.wrap(Pages.page(wb, sov::multipliers), false));
            config.routes.get("/sovereignty/shock", cache.wrap(Pages.page(wb, sov::shock), false));
            config.routes.get("/sovereignty/extraction", cache.wrap(Pages.page(wb, sov::extraction), false));
            config.routes.get("/sovereignty/dependency", cache.wrap(Pages.page(wb, sov::dependency), false));
            config.routes.get("/sovereignty/{what}/export.csv", ctx -> sov.export(Req.of(ctx, wb)));
            config.routes.get("/sovereignty/{what}/export.xlsx", ctx -> sov.export(Req.of(ctx, wb)));
            config.routes.get(Section.OPPORTUNITIES.path(), cache.wrap(Pages.page(wb, opp::productSpace), false));
            config.routes.get("/opportunities/product-space", cache.wrap(Pages.page(wb, opp::productSpace), false));
            config.routes.get("/opportunities/region", cache.wrap(Pages.page(wb, opp::region), false));
            config.routes.get("/opportunities/{what}/export.csv", ctx -> opp.export(Req.of(ctx, wb)));
            config.routes.get("/opportunities/{what}/export.xlsx", ctx -> opp.export(Req.of(ctx, wb)));
            registry.install(config.routes);
            for (Section s : Section.ALL) {
                if (!s.available()) config.routes.get(s.path(), ctx -> comingLater(ctx, wb, s));
            }

            // API
            config.routes.get(Api.PREFIX + "/datasets", cache.wrap(api::datasets, true));
            config.routes.get(Api.PREFIX + "/datasets/{id}", api::datasetById);
            config.routes.get(Api.PREFIX + "/regions", cache.wrap(api::regions, true));
            config.routes.get(Api.PREFIX + "/categories", cache.wrap(api::categories, true));
            config.routes.get(Api.PREFIX + "/mapping", cache.wrap(api::mapping, true));
            config.routes.get(Api.PREFIX + "/mapping/map", cache.wrap(api::map, true));
            config.routes.get(Api.PREFIX + "/mapping/regions/{iso}", cache.wrap(api::region, true));
            config.routes.get(Api.PREFIX + "/mapping/categories/{code}", cache.wrap(api::category, true));
            config.routes.get(Api.PREFIX + "/sovereignty/multipliers", cache.wrap(api::multipliers, true));
            config.routes.get(Api.PREFIX + "/sovereignty/shock", cache.wrap(api::shock, true));
            config.routes.get(Api.PREFIX + "/sovereignty/extraction", cache.wrap(api::extraction, true));
            config.routes.get(Api.PREFIX + "/sovereignty/dependency", cache.wrap(api::dependency, true));
            config.routes.get(Api.PREFIX + "/sovereignty/dependency/partners", cache.wrap(api::partners, true));
            config.routes.get(Api.PREFIX + "/sovereignty/coverage", cache.wrap(api::coverage, true));
            config.routes.get(Api.PREFIX + "/opportunities/complexity", cache.wrap(api::complexity, true));
            config.routes.get(Api.PREFIX + "/opportunities/product-space", cache.wrap(api::productSpace, true));
            config.routes.get(Api.PREFIX + "/opportunities/regions/{iso}", cache.wrap(api::opportunities, true));
            config.routes.get(Api.PREFIX + "/opportunities/regions/{iso}/producers", cache.wrap(api::producers, true));
            registryApi.install(config.routes);
            config.routes.get(Api.PREFIX + "/openapi.json", api::openapi);
            // the document's short address, as the README gives it
            config.routes.get("/api/openapi.json", ctx -> ctx.redirect(Api.PREFIX + "/openapi.json"));
            config.routes.get("/api/docs", ctx -> ctx.render("swagger.jte", Map.of()));

            // errors: a sentence for the user, in their language, never a stack trace
            config.routes.exception(UserException.class, (e, ctx) -> error(ctx, wb, status(e), e.text(), e.param()));
            config.routes.exception(ContentTooLargeResponse.class, (e, ctx) -> error(ctx, wb, 413,
                    Messages.text("error.tooLarge", DataPages.MAX_UPLOAD_BYTES / (1024 * 1024)), null));
            config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, wb, 404, Texts.of(e), null));
            config.routes.exception(InputException.class, (e, ctx) -> error(ctx, wb, 400, Texts.of(e), null));
            config.routes.exception(AnalysisException.class, (e, ctx) -> error(ctx, wb, 422, Texts.of(e), null));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, wb, 400, Texts.of(e), null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, wb, 500, null, null);
            });
            config.routes.error(404, ctx -> {
                // Javalin's own answers ("Not Found", "Endpoint GET /x not found") become our page or JSON;
                // a 404 a handler already wrote (e.g. an unknown region) is kept
                String r = ctx.result();
                if (r == null || r.isEmpty() || r.equals("Not Found") || r.matches("Endpoint \\S+ \\S+ not found")) {
                    error(ctx, wb, 404, null, null);
                }
            });
        });
    }

    /** Parameters that name a thing of a dataset: an unknown one is not found (404), not a bad value (400). */
    private static final java.util.Set<String> NAMED = java.util.Set.of("dataset", "region", "category", "product", "industry");

    /**
     * The status of a refusal: a bad value 400, an impossible analysis 422, and 404 when what the request
     * names — a dataset, region, category, product or industry — does not exist (docs/web.md, Safety).
     */
    static int status(UserException e) {
        return switch (e.kind()) {
            case BAD_PARAMETER -> 400;
            case NOT_FOUND -> e.param() == null || NAMED.contains(e.param()) || e.param().endsWith("_dataset") ? 404 : 400;
            case IMPOSSIBLE -> 422;
        };
    }

    private static void comingLater(Context ctx, Workbench wb, Section s) {
        Req q = Req.of(ctx, wb);
        ctx.render("later.jte", Map.of("s", Pages.shell(q, s, q.msg.get(s.messageKey()), null, List.of(), "/", Map.of())));
    }

    /** Message page (HTML) or {@code {"status", "error", "param"}} (API), with the status code. */
    static void error(Context ctx, Workbench wb, int status, Text text, String param) {
        ctx.status(status);
        boolean api = ctx.path().startsWith("/api/");
        Lang lang = Lang.parse(ctx.queryParam("lang"));
        if (lang == null && !api) lang = Lang.parse(ctx.cookie("lang"));
        if (lang == null) lang = api ? Lang.en : Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
        Messages m = Messages.of(lang);
        String message = text != null ? m.text(text)
                : m.get(status == 404 ? "error.notFound" : status == 500 ? "error.internal" : "error.bad");
        if (api) {
            ctx.contentType("application/json; charset=utf-8").result(Api.error(status, message, param).toString());
            return;
        }
        Shell shell = new Shell(m, Section.MAPPING, m.get("error.title"), List.of(), null, ctx.path(), "/", Map.of(), wb, Map.of());
        ctx.render("error.jte", Map.of("s", shell, "status", status, "message",
                param == null ? message : m.format("error.param", label(m, param), message)));
    }

    private static String label(Messages m, String param) {
        String key = "param." + param + ".label";
        return m.has(key) ? m.get(key) : param;
    }
}
