package org.klaster.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.Permission;
import org.klaster.data.store.PlatformStore;
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
 *   /sovereignty[/multipliers|/shock|/extraction|/localisation|/dependency]  input–output and trade dependency pages
 *   /sovereignty/localisation                 a region's leakage, localisation scenario and local suppliers
 *   /finance[/loan], /finance/loan/export.csv|.xlsx  the loan calculator (klaster finance loan)
 *   /api/v1/finance/instruments, /api/v1/finance/eligibility  the instrument catalogue and eligibility (JSON only)
 *   /sovereignty/{what}/export.csv|.xlsx  their CLI tables (what = regional-table: a region's io.csv)
 *   /opportunities[/product-space|/region]  product space, ECI, a region's import-substitution opportunities
 *   /opportunities/{complexity|region}/export.csv|.xlsx  the klaster complexity / opportunities tables
 *   /datasets              datasets, uploads (POST /datasets/upload, /datasets/boundaries)
 *   /registry[/clusters/{id}[/compliance|/audit]|/organisations/{inn}]  the cluster registry ({@link RegistryPages#install})
 *   /registry/clusters/{id}/projects  joint R&amp;D projects ({@link ProjectPages#install})
 *   /admin/users, /admin/rules  the administrator's accounts and compliance rules ({@link RulesPages#install})
 *   /api/v1/...            JSON API ({@link Api#ROUTES}); /api/docs Swagger UI
 * </pre>
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Data uploads change what every analysis shows: administrators and ministry analysts. */
    static final Access UPLOADS = Access.of(Permission.UPLOAD_DATASETS);
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private WebApp() {
    }

    /**
     * The workbench on this machine's names only, no proxy ({@link Security.Config#local()}), with a platform
     * store of its own in memory: no accounts, analyses readable without signing in (what tests of the
     * analyses need; {@code klaster serve} passes the real store).
     */
    public static Javalin create(Workbench wb) {
        return create(wb, Security.Config.local(), null, new ResponseCache(wb));
    }

    /** With the given security configuration and an in-memory platform store. */
    static Javalin create(Workbench wb, Security.Config securityConfig) {
        return create(wb, securityConfig, null, new ResponseCache(wb));
    }

    /** With the given response cache (tests look into it). */
    static Javalin create(Workbench wb, ResponseCache cache) {
        return create(wb, Security.Config.local(), null, cache);
    }

    /** With the given security configuration and accounts ({@code klaster serve}). */
    public static Javalin create(Workbench wb, Security.Config securityConfig, Accounts accounts) {
        return create(wb, securityConfig, accounts, new ResponseCache(wb));
    }

    /** {@code accounts} null: a platform store in memory of its own, closed with the server. */
    static Javalin create(Workbench wb, Security.Config securityConfig, Accounts accounts, ResponseCache cache) {
        PlatformStore own = accounts == null ? PlatformStore.inMemory() : null;
        Accounts acc = accounts != null ? accounts : new Accounts(own, Clock.systemUTC());
        Auth auth = new Auth(acc);
        AccountPages account = new AccountPages(wb, acc, loopbackOnly(securityConfig));
        RulesPages rules = new RulesPages(wb);
        Security security = new Security(securityConfig);
        TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
        MappingPages mapping = new MappingPages(wb);
        DataPages data = new DataPages(wb);
        SovereigntyPages sov = new SovereigntyPages(wb);
        OpportunitiesPages opp = new OpportunitiesPages(wb);
        LocalisationPages loc = new LocalisationPages(wb, sov, acc.clock());
        FinancePages finance = new FinancePages(wb);
        Api api = new Api(wb, sov, opp, loc);
        // the registry lives in the platform store beside the accounts
        wb.usePlatform(acc.store());
        RegistryPages registry = new RegistryPages(wb, Auth::user, acc.clock());
        RegistryApi registryApi = new RegistryApi(wb, registry);
        ProjectPages projects = new ProjectPages(wb, registry);
        CooperationPages cooperation = new CooperationPages(wb, registry);

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
            // who is asking (resolved on first use), and the matched route's access rule before its handler
            config.routes.before(auth::before);
            config.routes.beforeMatched(auth::gate);
            if (own != null) config.events.serverStopped(own::close);
            // ---- end security
            // a body announced over the limit is refused unread; the upload routes answer it (and a chunked
            // body that outgrows it) on their own form (DataPages#form)
            config.routes.before(ctx -> {
                if (ctx.req().getContentLengthLong() > DataPages.MAX_REQUEST_BYTES && !ctx.path().startsWith("/datasets/")) {
                    throw new ContentTooLargeResponse();
                }
            });

            // every route with its access rule (Routes makes it a required argument; RoleMatrixTest holds the table)
            Routes routes = new Routes(config.routes);
            // pages: a refused parameter is shown next to its control (Pages.page)
            routes.get("/", Access.ANALYSES, cache.wrap(Pages.page(wb, mapping::overview), false));
            routes.get(Section.MAPPING.path(), Access.ANALYSES, cache.wrap(Pages.page(wb, mapping::overview), false));
            routes.get("/mapping/regions/{iso}", Access.ANALYSES, cache.wrap(Pages.page(wb, mapping::region), false));
            routes.get("/mapping/categories/{code}", Access.ANALYSES, cache.wrap(Pages.page(wb, mapping::category), false));
            routes.get("/mapping/export.csv", Access.ANALYSES, ctx -> mapping.export(Req.of(ctx, wb)));
            routes.get("/mapping/export.xlsx", Access.ANALYSES, ctx -> mapping.export(Req.of(ctx, wb)));
            routes.get(Section.DATA.path(), Access.ANALYSES, Pages.page(wb, data::page));
            routes.post("/datasets/upload", UPLOADS, data::upload);
            routes.post("/datasets/boundaries", UPLOADS, data::uploadBoundaries);
            routes.post("/datasets/boundaries/clear", UPLOADS, data::clearBoundaries);
            routes.post("/datasets/classification", UPLOADS, data::uploadClassification);
            routes.get(Section.SOVEREIGNTY.path(), Access.ANALYSES, cache.wrap(Pages.page(wb, sov::multipliers), false));
            routes.get("/sovereignty/multipliers", Access.ANALYSES, cache.wrap(Pages.page(wb, sov::multipliers), false));
            routes.get("/sovereignty/shock", Access.ANALYSES, cache.wrap(Pages.page(wb, sov::shock), false));
            routes.get("/sovereignty/extraction", Access.ANALYSES, cache.wrap(Pages.page(wb, sov::extraction), false));
            routes.get("/sovereignty/dependency", Access.ANALYSES, cache.wrap(Pages.page(wb, sov::dependency), false));
            // leakage and localisation read the registry as far as the visitor may: not cached (a registry change
            // does not change the workbench's version)
            routes.get("/sovereignty/localisation", Access.ANALYSES, Pages.page(wb, loc::page));
            routes.get(Section.FINANCE.path(), Access.ANALYSES, Pages.page(wb, finance::loanPage));
            routes.get("/finance/loan", Access.ANALYSES, Pages.page(wb, finance::loanPage));
            routes.get("/finance/loan/export.csv", Access.ANALYSES, ctx -> finance.export(Req.of(ctx, wb)));
            routes.get("/finance/loan/export.xlsx", Access.ANALYSES, ctx -> finance.export(Req.of(ctx, wb)));
            routes.get("/sovereignty/{what}/export.csv", Access.ANALYSES, ctx -> export(ctx, wb, sov, loc));
            routes.get("/sovereignty/{what}/export.xlsx", Access.ANALYSES, ctx -> export(ctx, wb, sov, loc));
            routes.get(Section.OPPORTUNITIES.path(), Access.ANALYSES, cache.wrap(Pages.page(wb, opp::productSpace), false));
            routes.get("/opportunities/product-space", Access.ANALYSES, cache.wrap(Pages.page(wb, opp::productSpace), false));
            routes.get("/opportunities/region", Access.ANALYSES, cache.wrap(Pages.page(wb, opp::region), false));
            routes.get("/opportunities/{what}/export.csv", Access.ANALYSES, ctx -> opp.export(Req.of(ctx, wb)));
            routes.get("/opportunities/{what}/export.xlsx", Access.ANALYSES, ctx -> opp.export(Req.of(ctx, wb)));
            registry.install(routes);
            projects.install(routes);
            cooperation.install(routes);
            for (Section s : Section.ALL) {
                if (!s.available()) routes.get(s.path(), Access.PUBLIC, ctx -> comingLater(ctx, wb, s));
            }

            // accounts: signing in and out, the administrator's page
            routes.get("/signin", Access.PUBLIC, account::signInPage);
            routes.post("/signin", Access.PUBLIC, account::signIn);
            routes.post("/signout", Access.PUBLIC, account::signOut);
            routes.get("/admin/users", Access.ADMIN, account::usersPage);
            routes.post("/admin/users", Access.ADMIN, account::addUser);
            routes.post("/admin/users/{id}/disable", Access.ADMIN, ctx -> account.setDisabled(ctx, true));
            routes.post("/admin/users/{id}/enable", Access.ADMIN, ctx -> account.setDisabled(ctx, false));
            routes.post("/admin/settings", Access.ADMIN, account::settings);
            rules.install(routes);

            // API
            routes.get(Api.PREFIX + "/datasets", Access.ANALYSES, cache.wrap(api::datasets, true));
            routes.get(Api.PREFIX + "/datasets/{id}", Access.ANALYSES, api::datasetById);
            routes.get(Api.PREFIX + "/regions", Access.ANALYSES, cache.wrap(api::regions, true));
            routes.get(Api.PREFIX + "/categories", Access.ANALYSES, cache.wrap(api::categories, true));
            routes.get(Api.PREFIX + "/mapping", Access.ANALYSES, cache.wrap(api::mapping, true));
            routes.get(Api.PREFIX + "/mapping/map", Access.ANALYSES, cache.wrap(api::map, true));
            routes.get(Api.PREFIX + "/mapping/regions/{iso}", Access.ANALYSES, cache.wrap(api::region, true));
            routes.get(Api.PREFIX + "/mapping/categories/{code}", Access.ANALYSES, cache.wrap(api::category, true));
            routes.get(Api.PREFIX + "/sovereignty/multipliers", Access.ANALYSES, cache.wrap(api::multipliers, true));
            routes.get(Api.PREFIX + "/sovereignty/shock", Access.ANALYSES, cache.wrap(api::shock, true));
            routes.get(Api.PREFIX + "/sovereignty/extraction", Access.ANALYSES, cache.wrap(api::extraction, true));
            routes.get(Api.PREFIX + "/sovereignty/regional-table", Access.ANALYSES, cache.wrap(api::regionalTable, true));
            routes.get(Api.PREFIX + "/sovereignty/leakage", Access.ANALYSES, api::leakage);
            routes.get(Api.PREFIX + "/sovereignty/localise", Access.ANALYSES, api::localise);
            routes.get(Api.PREFIX + "/sovereignty/suppliers", Access.ANALYSES, api::suppliers);
            routes.get(Api.PREFIX + "/finance/loan", Access.ANALYSES, cache.wrap(api::loan, true));
            routes.get(Api.PREFIX + "/finance/instruments", Access.ANALYSES, api::instruments);
            routes.get(Api.PREFIX + "/finance/eligibility", Access.ANALYSES, api::eligibility);
            routes.get(Api.PREFIX + "/sovereignty/dependency", Access.ANALYSES, cache.wrap(api::dependency, true));
            routes.get(Api.PREFIX + "/sovereignty/dependency/partners", Access.ANALYSES, cache.wrap(api::partners, true));
            routes.get(Api.PREFIX + "/sovereignty/coverage", Access.ANALYSES, cache.wrap(api::coverage, true));
            routes.get(Api.PREFIX + "/opportunities/complexity", Access.ANALYSES, cache.wrap(api::complexity, true));
            routes.get(Api.PREFIX + "/opportunities/product-space", Access.ANALYSES, cache.wrap(api::productSpace, true));
            routes.get(Api.PREFIX + "/opportunities/regions/{iso}", Access.ANALYSES, cache.wrap(api::opportunities, true));
            routes.get(Api.PREFIX + "/opportunities/regions/{iso}/producers", Access.ANALYSES, cache.wrap(api::producers, true));
            routes.get(Api.PREFIX + "/cooperation/skills-gaps", Access.ANALYSES, api::skillsGaps);
            registryApi.install(routes);
            routes.get(Api.PREFIX + "/openapi.json", Access.PUBLIC, api::openapi);
            // the document's short address, as the README gives it
            routes.get("/api/openapi.json", Access.PUBLIC, ctx -> ctx.redirect(Api.PREFIX + "/openapi.json"));
            routes.get("/api/docs", Access.PUBLIC, ctx -> ctx.render("swagger.jte", Map.of()));

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

    /** Whether the server listens on a loopback address only and no proxy forwards to it (demo accounts may be shown). */
    /** A Sovereignty download: leakage, localisation and suppliers from their page, the rest from the section's. */
    private static void export(Context ctx, Workbench wb, SovereigntyPages sov, LocalisationPages loc) throws java.io.IOException {
        String what = ctx.pathParam("what");
        if (LocalisationPages.EXPORTS.contains(what)) loc.export(Req.of(ctx, wb), what);
        else sov.export(Req.of(ctx, wb));
    }

    static boolean loopbackOnly(Security.Config c) {
        if (c.behindProxy() || c.bindHost() == null) return false;
        try {
            return InetAddress.getByName(c.bindHost().strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Parameters that name a thing of a dataset: an unknown one is not found (404), not a bad value (400). */
    private static final java.util.Set<String> NAMED = java.util.Set.of("dataset", "region", "category", "product", "industry",
            "activity", "cluster");

    /**
     * The status of a refusal: a bad value 400, an impossible analysis 422, and 404 when what the request
     * names — a dataset (also a regional table's {@code activity}), region, category, product, industry or cluster — does
     * not exist (docs/web.md, Safety).
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
        Shell shell = new Shell(m, Section.MAPPING, m.get("error.title"), List.of(), null, ctx.path(), "/", Map.of(), wb, Map.of())
                .user(ctx);
        ctx.render("error.jte", Map.of("s", shell, "status", status, "message",
                param == null ? message : m.format("error.param", label(m, param), message)));
    }

    private static String label(Messages m, String param) {
        String key = "param." + param + ".label";
        return m.has(key) ? m.get(key) : param;
    }
}
