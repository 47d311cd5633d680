package org.klaster.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.klaster.AnalysisException;
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
 *   /api/v1/...            JSON API ({@link ApiV1#ROUTES}); /api/docs Swagger UI
 * </pre>
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private WebApp() {
    }

    public static Javalin create(Workbench wb) {
        TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
        MappingPages mapping = new MappingPages(wb);
        DataPages data = new DataPages(wb);
        Export export = new Export(wb);
        ApiV1 api = new ApiV1(wb);
        SovereigntyPages sov = new SovereigntyPages(wb);
        SovereigntyApi sovApi = new SovereigntyApi(wb, sov);
        OpportunitiesPages opp = new OpportunitiesPages(wb);
        OpportunitiesApi oppApi = new OpportunitiesApi(wb, opp);
        ResponseCache cache = new ResponseCache(wb);

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
            config.http.maxRequestSize = DataPages.MAX_UPLOAD_BYTES + 64 * 1024;
            config.jetty.multipartConfig.maxFileSize(DataPages.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(DataPages.MAX_UPLOAD_BYTES + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);

            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("X-Frame-Options", "DENY");
                if (!ctx.path().startsWith("/api/docs")) ctx.header("Content-Security-Policy", CSP);
            });

            // pages
            config.routes.get("/", cache.wrap(mapping::overview, false));
            config.routes.get(Section.MAPPING.path(), cache.wrap(mapping::overview, false));
            config.routes.get("/mapping/regions/{iso}", cache.wrap(mapping::region, false));
            config.routes.get("/mapping/categories/{code}", cache.wrap(mapping::category, false));
            config.routes.get("/mapping/export.csv", export::csv);
            config.routes.get("/mapping/export.xlsx", export::xlsx);
            config.routes.get(Section.DATA.path(), data::page);
            config.routes.post("/datasets/upload", data::upload);
            config.routes.post("/datasets/boundaries", data::uploadBoundaries);
            // sovereignty: not in the response cache (it would set the dataset cookie of another section)
            config.routes.get(Section.SOVEREIGNTY.path(), sov::multipliers);
            config.routes.get("/sovereignty/multipliers", sov::multipliers);
            config.routes.get("/sovereignty/shock", sov::shock);
            config.routes.get("/sovereignty/extraction", sov::extraction);
            config.routes.get("/sovereignty/dependency", sov::dependency);
            config.routes.get("/sovereignty/{what}/export.csv", sov::export);
            config.routes.get("/sovereignty/{what}/export.xlsx", sov::export);
            // opportunities: like sovereignty, not in the response cache
            config.routes.get(Section.OPPORTUNITIES.path(), opp::productSpace);
            config.routes.get("/opportunities/product-space", opp::productSpace);
            config.routes.get("/opportunities/region", opp::region);
            config.routes.get("/opportunities/{what}/export.csv", opp::export);
            config.routes.get("/opportunities/{what}/export.xlsx", opp::export);
            for (Section s : Section.ALL) {
                if (!s.available()) config.routes.get(s.path(), ctx -> comingLater(ctx, wb, s));
            }

            // API
            config.routes.get(ApiV1.PREFIX + "/datasets", cache.wrap(api::datasets, true));
            config.routes.get(ApiV1.PREFIX + "/datasets/{id}", api::datasetById);
            config.routes.get(ApiV1.PREFIX + "/regions", cache.wrap(api::regions, true));
            config.routes.get(ApiV1.PREFIX + "/categories", cache.wrap(api::categories, true));
            config.routes.get(ApiV1.PREFIX + "/mapping", cache.wrap(api::mapping, true));
            config.routes.get(ApiV1.PREFIX + "/mapping/map", cache.wrap(api::map, true));
            config.routes.get(ApiV1.PREFIX + "/mapping/regions/{iso}", cache.wrap(api::region, true));
            config.routes.get(ApiV1.PREFIX + "/mapping/categories/{code}", cache.wrap(api::category, true));
            config.routes.get(SovereigntyApi.BASE + "/multipliers", cache.wrap(sovApi::multipliers, true));
            config.routes.get(SovereigntyApi.BASE + "/shock", cache.wrap(sovApi::shock, true));
            config.routes.get(SovereigntyApi.BASE + "/extraction", cache.wrap(sovApi::extraction, true));
            config.routes.get(SovereigntyApi.BASE + "/dependency", cache.wrap(sovApi::dependency, true));
            config.routes.get(SovereigntyApi.BASE + "/dependency/partners", cache.wrap(sovApi::partners, true));
            config.routes.get(SovereigntyApi.BASE + "/coverage", cache.wrap(sovApi::coverage, true));
            config.routes.get(OpportunitiesApi.BASE + "/complexity", cache.wrap(oppApi::complexity, true));
            config.routes.get(OpportunitiesApi.BASE + "/product-space", cache.wrap(oppApi::productSpace, true));
            config.routes.get(OpportunitiesApi.BASE + "/regions/{iso}", cache.wrap(oppApi::region, true));
            config.routes.get(OpportunitiesApi.BASE + "/regions/{iso}/producers", cache.wrap(oppApi::producers, true));
            config.routes.get(ApiV1.PREFIX + "/openapi.json", api::openapi);
            config.routes.get("/api/docs", ctx -> ctx.render("swagger.jte", Map.of()));

            // errors: a sentence for the user, never a stack trace
            config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, wb, 400, e.getMessage()));
            config.routes.exception(InputException.class, (e, ctx) -> error(ctx, wb, 400, e.getMessage()));
            config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, wb, 404, e.getMessage()));
            config.routes.exception(AnalysisException.class, (e, ctx) -> error(ctx, wb, 422, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, wb, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, wb, 500, null);
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
                    error(ctx, wb, 404, null);
                }
            });
        });
    }

    private static void comingLater(Context ctx, Workbench wb, Section s) {
        Req q = Req.of(ctx, wb);
        ctx.render("later.jte", Map.of("s", q.shell(s, q.msg.get(s.messageKey()))));
    }

    /** Message page (HTML) or {@code {"status", "error"}} (API), with the status code. */
    static void error(Context ctx, Workbench wb, int status, String message) {
        ctx.status(status);
        Lang lang = Lang.parse(ctx.cookie("lang"));
        Messages m = Messages.of(lang == null ? Lang.fromAcceptLanguage(ctx.header("Accept-Language")) : lang);
        String text = message != null ? message : m.get(status == 404 ? "error.notFound" : status == 500 ? "error.internal" : "error.bad");
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json; charset=utf-8").result(ApiV1.error(status, text).toString());
            return;
        }
        Shell shell;
        try {
            shell = Req.of(ctx, wb).shell(Section.MAPPING, m.get("error.title"));
        } catch (RuntimeException e) { // the request itself is what is wrong: a frame without it
            shell = new Shell(m, Section.MAPPING, m.get("error.title"), wb.datasets(), wb.defaultDataset().orElse(null),
                    "/", Map.of(), wb.boundariesSource());
        }
        ctx.render("error.jte", Map.of("s", shell, "status", status, "message", text));
    }
}
