package org.klaster.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.ComplexityAnalysis;
import org.klaster.app.analysis.CoverageAnalysis;
import org.klaster.app.analysis.DatasetsAnalysis;
import org.klaster.app.analysis.DependencyAnalysis;
import org.klaster.app.analysis.ExtractionAnalysis;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.JsonRows;
import org.klaster.app.analysis.MappingAnalysis;
import org.klaster.app.analysis.MappingView;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Metric;
import org.klaster.app.analysis.MultipliersAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.OpportunitiesAnalysis;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.PartnersAnalysis;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.analysis.ShockAnalysis;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TradeInput;
import org.klaster.app.analysis.UserException;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.Opportunities;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.mapping.MappingRow;

/**
 * The JSON API under {@code /api/v1}, described by {@code openapi.json} (paths written by hand, row
 * schemas generated from the analyses' columns: {@link OpenApi}). Every answer is an analysis's
 * {@link Table} serialised by {@link JsonRows}: provenance of the datasets used ({@code synthetic},
 * {@code notice}), the run's parameters, warnings and notes in the request's language ({@code lang},
 * default English), and {@code rows} with the CLI's column names plus name columns.
 */
public final class Api {

    public static final String PREFIX = "/api/v1";
    /** The routes, for registration and for the contract test: {@code {method, path}}. */
    public static final List<String[]> ROUTES = List.of(
            new String[] {"get", PREFIX + "/datasets"},
            new String[] {"get", PREFIX + "/datasets/{id}"},
            new String[] {"get", PREFIX + "/regions"},
            new String[] {"get", PREFIX + "/categories"},
            new String[] {"get", PREFIX + "/mapping"},
            new String[] {"get", PREFIX + "/mapping/map"},
            new String[] {"get", PREFIX + "/mapping/regions/{iso}"},
            new String[] {"get", PREFIX + "/mapping/categories/{code}"},
            new String[] {"get", PREFIX + "/sovereignty/multipliers"},
            new String[] {"get", PREFIX + "/sovereignty/shock"},
            new String[] {"get", PREFIX + "/sovereignty/extraction"},
            new String[] {"get", PREFIX + "/sovereignty/regional-table"},
            new String[] {"get", PREFIX + "/sovereignty/leakage"},
            new String[] {"get", PREFIX + "/sovereignty/localise"},
            new String[] {"get", PREFIX + "/sovereignty/suppliers"},
            new String[] {"get", PREFIX + "/finance/loan"},
            new String[] {"get", PREFIX + "/finance/instruments"},
            new String[] {"get", PREFIX + "/finance/eligibility"},
            new String[] {"get", PREFIX + "/sovereignty/dependency"},
            new String[] {"get", PREFIX + "/sovereignty/dependency/partners"},
            new String[] {"get", PREFIX + "/sovereignty/coverage"},
            new String[] {"get", PREFIX + "/opportunities/complexity"},
            new String[] {"get", PREFIX + "/opportunities/product-space"},
            new String[] {"get", PREFIX + "/opportunities/regions/{iso}"},
            new String[] {"get", PREFIX + "/opportunities/regions/{iso}/producers"},
            new String[] {"get", PREFIX + "/cooperation/skills-gaps"},
            new String[] {"get", PREFIX + "/openapi.json"});

    private final Workbench wb;
    private final SovereigntyPages sov;
    private final OpportunitiesPages opp;
    private final LocalisationPages loc;
    private final byte[] openApi;

    Api(Workbench wb, SovereigntyPages sov, OpportunitiesPages opp, LocalisationPages loc) {
        this.wb = wb;
        this.sov = sov;
        this.opp = opp;
        this.loc = loc;
        this.openApi = OpenApi.document();
    }

    private static void send(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }

    static ObjectNode error(int status, String message, String param) {
        ObjectNode o = JsonRows.JSON.createObjectNode();
        o.put("status", status);
        o.put("error", message);
        if (param != null) o.put("param", param);
        return o;
    }

    public void openapi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    // ------------------------------------------------------------------ datasets, regions

    public void datasets(Context ctx) {
        Req q = Req.api(ctx, wb);
        ObjectNode o = JsonRows.JSON.createObjectNode();
        ArrayNode a = o.putArray("datasets");
        for (Dataset d : DatasetsAnalysis.run(wb.datasets()).list()) a.add(JsonRows.dataset(d));
        send(ctx, o);
    }

    public void datasetById(Context ctx) {
        Req q = Req.api(ctx, wb);
        String id = Param.code("id", ctx.pathParam("id"));
        Dataset meta = wb.dataset(id).orElseThrow(() -> new NotFound(q.msg.format("error.noDataset", id)));
        ObjectNode o = JsonRows.JSON.createObjectNode();
        o.set("dataset", JsonRows.dataset(meta));
        o.put("synthetic", meta.synthetic());
        if (meta.synthetic()) o.put("notice", q.msg.get("synthetic.badge"));
        if (meta.kind().provides(Content.ACTIVITY)) {
            ActivityInput d = wb.activity(meta);
            ArrayNode years = o.putArray("years");
            d.years().forEach(years::add);
            o.put("regions", d.regions().size());
            o.put("categories", d.categories().size());
        }
        send(ctx, o);
    }

    public void regions(Context ctx) {
        Req.api(ctx, wb);
        ObjectNode o = JsonRows.JSON.createObjectNode();
        ArrayNode a = o.putArray("regions");
        for (RegionInfo r : wb.regions().all()) {
            ObjectNode x = a.addObject();
            x.put("region", r.iso());
            x.put("name_ru", r.nameRu());
            x.put("name_en", r.nameEn());
            x.put("federal_district_ru", r.districtRu());
            x.put("federal_district_en", r.districtEn());
            x.put("lat", r.lat());
            x.put("lon", r.lon());
            x.put("population", r.population());
            x.put("grid_row", r.gridRow());
            x.put("grid_col", r.gridCol());
        }
        o.put("boundaries", wb.shapes() != null);
        send(ctx, o);
    }

    // ------------------------------------------------------------------ mapping

    private ActivityInput activity(Req q) {
        return wb.activity(q.requireDataset("dataset", Content.ACTIVITY));
    }

    /** The year and base year of a request (default base: the first year before the year). */
    private static MappingAnalysis.Years years(Req q, ActivityInput in, boolean shift) {
        Integer y = q.year("year");
        Integer b = q.year("base_year");
        int year = MappingAnalysis.years(in, y, null).year();
        if (shift && b == null && in.years().first() < year) b = in.years().first();
        return MappingAnalysis.years(in, year, shift ? b : null);
    }

    public void categories(Context ctx) {
        Req q = Req.api(ctx, wb);
        ActivityInput in = activity(q);
        MappingView v = MappingAnalysis.view(in, years(q, in, false), wb);
        Table<MappingAnalysis.CategorySummary> t = MappingAnalysis.categories(in, v, q.names(), true);
        ObjectNode o = JsonRows.envelope(t, q.msg);
        o.set("categories", JsonRows.rows(t));
        send(ctx, o);
    }

    public void mapping(Context ctx) {
        Req q = Req.api(ctx, wb);
        ActivityInput in = activity(q);
        MappingView v = MappingAnalysis.view(in, years(q, in, true), wb);
        String region = q.code("region");
        String category = q.code("category");
        List<MappingRow> rows = MappingAnalysis.select(in, v, region, category);
        send(ctx, JsonRows.of(MappingAnalysis.table(in, v.result(), rows, q.names(), true), q.msg));
    }

    public void map(Context ctx) {
        Req q = Req.api(ctx, wb);
        ActivityInput in = activity(q);
        MappingView v = MappingAnalysis.view(in, years(q, in, false), wb);
        Metric metric = Metric.parse(q.param("metric"));
        String category = q.code("category");
        if (category != null && !in.hasCategory(category)) {
            throw UserException.notFound("category", Messages.text("error.noCategory", category));
        }
        if (metric.needsCategory() && category == null) {
            throw UserException.badParameter("category", Messages.text("map.metricNeedsCategory", metric.name()));
        }
        Table<MappingAnalysis.RegionValue> t = MappingAnalysis.regions(in, v, metric, category, q.names(), true);
        ObjectNode o = JsonRows.envelope(t, q.msg);
        ArrayNode values = o.putArray("values");
        for (MappingAnalysis.RegionValue r : t.list()) {
            values.addObject().put("region", r.region()).set("value", JsonRows.value(r.value()));
        }
        o.set("rows", JsonRows.rows(t));
        send(ctx, o);
    }

    public void region(Context ctx) {
        Req q = Req.api(ctx, wb);
        ActivityInput in = activity(q);
        String iso = Param.code("iso", ctx.pathParam("iso"));
        if (!in.hasRegion(iso)) throw new NotFound(q.msg.format("error.noRegionIn", iso, in.id()));
        MappingView v = MappingAnalysis.view(in, years(q, in, true), wb);
        Table<MappingRow> t = MappingAnalysis.table(in, v.result(), v.region(iso), q.names(), true);
        ObjectNode o = JsonRows.envelope(t, q.msg);
        o.put("region", iso);
        o.put("region_name", q.names().region(iso));
        o.put("employment", v.regionEmployment(iso));
        o.put("strong_clusters", v.strongCount(iso));
        ArrayNode trend = o.putArray("trend");
        for (ActivityInput.Point p : in.regionTrend(iso, null)) trend.addObject().put("year", p.year()).put("employment", p.employment());
        o.set("rows", JsonRows.rows(t));
        send(ctx, o);
    }

    public void category(Context ctx) {
        Req q = Req.api(ctx, wb);
        ActivityInput in = activity(q);
        String code = Param.code("code", ctx.pathParam("code"));
        if (!in.hasCategory(code)) throw new NotFound(q.msg.format("error.noCategoryIn", code, in.id()));
        MappingView v = MappingAnalysis.view(in, years(q, in, true), wb);
        Table<MappingRow> t = MappingAnalysis.table(in, v.result(), v.category(code), q.names(), true);
        ObjectNode o = JsonRows.envelope(t, q.msg);
        o.put("category", code);
        o.put("category_name", q.names().category(code, in.categoryNames()));
        o.put("employment", v.categoryEmployment(code));
        o.put("strong_clusters", v.strongInCategory(code));
        ArrayNode trend = o.putArray("trend");
        for (ActivityInput.Point p : in.nationalTrend(code)) trend.addObject().put("year", p.year()).put("employment", p.employment());
        o.set("rows", JsonRows.rows(t));
        send(ctx, o);
    }

    // ------------------------------------------------------------------ sovereignty

    /** The national table of {@code dataset}, or with {@code region} that region's ({@link SovereigntyPages#ioView}). */
    private SovereigntyPages.IoView io(Req q) {
        return sov.ioView(q, q.requireDataset("dataset", Content.IO_TABLE));
    }

    /** The region's name beside its code, when the answer is about a region's table. */
    private static void regionName(ObjectNode o, SovereigntyPages.IoView view, Names names) {
        if (view.regional() != null) o.put("region_name", names.region(view.params().region()));
    }

    private static void sectors(ObjectNode o, IoModel v, Names names) {
        ArrayNode a = o.putArray("sectors");
        for (String c : v.table().sectors()) a.addObject().put("sector", c).put("name", v.name(c)).put("label", names.sectorLabel(v, c));
    }

    public void multipliers(Context ctx) {
        Req q = Req.api(ctx, wb);
        SovereigntyPages.IoView view = io(q);
        IoModel v = view.model();
        ObjectNode o = JsonRows.of(view.table(MultipliersAnalysis.run(v, q.names(), true)), q.msg);
        regionName(o, view, q.names());
        sectors(o, v, q.names());
        send(ctx, o);
    }

    public void extraction(Context ctx) {
        Req q = Req.api(ctx, wb);
        SovereigntyPages.IoView view = io(q);
        IoModel v = view.model();
        ObjectNode o = JsonRows.of(view.table(ExtractionAnalysis.run(v, q.names(), true)), q.msg);
        regionName(o, view, q.names());
        sectors(o, v, q.names());
        send(ctx, o);
    }

    /**
     * {@code region} (required), {@code activity, year, method, delta}: the region's table in the io.csv layout, one
     * row per line of the file ({@code klaster io regionalise}), with λ and the sectors.
     */
    public void regionalTable(Context ctx) {
        Req q = Req.api(ctx, wb);
        if (q.code("region") == null) throw UserException.badParameter("region", Messages.text("param.required"));
        SovereigntyPages.IoView view = io(q);
        org.klaster.app.analysis.RegionalisationAnalysis.Result r = view.regional().result();
        ObjectNode o = JsonRows.of(org.klaster.app.analysis.RegionalisationAnalysis.table(r), q.msg);
        regionName(o, view, q.names());
        o.put("lambda", r.regional().lambda());
        sectors(o, view.model(), q.names());
        send(ctx, o);
    }

    /**
     * {@code region} (required) and the regional table's parameters; {@code buyers} (sector codes, comma-separated;
     * default every sector) or {@code cluster} (a cluster the caller may read): what the buyers buy in the region,
     * from other regions and from abroad, by supplying product ({@code klaster io leakage}).
     */
    public void leakage(Context ctx) {
        Req q = Req.api(ctx, wb);
        LocalisationPages.Ask a = loc.ask(q, io(q));
        ObjectNode o = JsonRows.of(loc.leakage(a, q.names()), q.msg);
        regionName(o, a.view(), q.names());
        send(ctx, o);
    }

    /**
     * As {@link #leakage}, with {@code share} (0.3 or 30%; default 30%) and {@code from} (abroad | other-regions |
     * both; default abroad): the localisation scenario by sector with its TOTAL also as {@code total}
     * ({@code klaster io localise}).
     */
    public void localise(Context ctx) {
        Req q = Req.api(ctx, wb);
        LocalisationPages.Ask a = loc.ask(q, io(q));
        ObjectNode o = JsonRows.of(loc.localise(a, q.names()), q.msg);
        regionName(o, a.view(), q.names());
        com.fasterxml.jackson.databind.JsonNode rows = o.get("rows");
        o.set("total", rows.get(rows.size() - 1));
        send(ctx, o);
    }

    /**
     * As {@link #leakage}, with {@code inputs} (5), {@code top} (10), {@code neighbours} (6) and {@code firms} (the
     * firms dataset; default the default one): candidate suppliers of the largest outside purchases — establishments,
     * and the registry organisations the caller may read ({@code klaster io suppliers}).
     */
    public void suppliers(Context ctx) {
        Req q = Req.api(ctx, wb);
        LocalisationPages.Ask a = loc.ask(q, io(q));
        ObjectNode o = JsonRows.of(loc.suppliers(q, a, q.names()), q.msg);
        regionName(o, a.view(), q.names());
        send(ctx, o);
    }

    /**
     * {@code amount, rate, years} (required), {@code then} (RATE@YEAR, comma-separated), {@code grace_years, method,
     * payments_per_year, market_rate}: the schedule of {@code klaster finance loan}, its TOTAL row also as {@code total}.
     */
    public void loan(Context ctx) {
        Req q = Req.api(ctx, wb);
        FinancePages.Asked a = FinancePages.loan(q, false);
        ObjectNode o = JsonRows.of(org.klaster.app.analysis.LoanAnalysis.run(a.terms(), a.marketRate(), true), q.msg);
        com.fasterxml.jackson.databind.JsonNode rows = o.get("rows");
        o.set("total", rows.get(rows.size() - 1));
        send(ctx, o);
    }

    /**
     * {@code as_of} (default today): the support-instrument catalogue in force on that day ({@code klaster finance
     * instruments}), with the rates tied to the key rate computed; the platform store's latest catalogue version, else
     * the project's.
     */
    public void instruments(Context ctx) {
        Req q = Req.api(ctx, wb);
        String asOf = q.param("as_of");
        java.time.LocalDate d = asOf == null || asOf.isBlank() ? java.time.LocalDate.now()
                : org.klaster.app.analysis.ComplianceAnalysis.date("as_of", asOf);
        send(ctx, JsonRows.of(org.klaster.app.analysis.InstrumentsAnalysis.run(org.klaster.app.analysis.EligibilityAnalysis.latest(wb.platform()), null, d, false, q.names(), true), q.msg));
    }

    /**
     * The application's fields as query parameters, named as the keys of the application file ({@code date} required):
     * every instrument in force on the date with each rule's verdict and reason ({@code klaster finance eligibility}).
     */
    public void eligibility(Context ctx) {
        Req q = Req.api(ctx, wb);
        org.klaster.finance.Eligibility.Application a = org.klaster.app.analysis.EligibilityAnalysis.application(q::param);
        send(ctx, JsonRows.of(org.klaster.app.analysis.EligibilityAnalysis.run(a,
                org.klaster.app.analysis.EligibilityAnalysis.latest(wb.platform()), org.klaster.app.analysis.EligibilityAnalysis.keyRate(null),
                q.names(), true, List.of(), null), q.msg));
    }

    /** {@code type=demand|input-cut|perturb&rates=S1=-0.2,S2=0.1} (the CLI's pairs; shares in [−1, 1]). */
    public void shock(Context ctx) {
        Req q = Req.api(ctx, wb);
        SovereigntyPages.IoView view = io(q);
        IoModel v = view.model();
        IoModel.ShockType type = IoModel.ShockType.parse("type", q.param("type"));
        String raw = q.param("rates");
        if (raw == null || raw.isBlank()) throw UserException.badParameter("rates", Messages.text("param.pairNone"));
        ShockAnalysis.Scenario s = new ShockAnalysis.Scenario(type, Param.pairs("rates", List.of(raw.split(",")), v.table(), true));
        Table<org.klaster.inputoutput.ShockResult.Row> t = view.table(ShockAnalysis.run(v, s, wb, q.names(), true));
        ObjectNode o = JsonRows.of(t, q.msg);
        regionName(o, view, q.names());
        // the TOTAL row again on its own, as the last row of the table
        com.fasterxml.jackson.databind.JsonNode rows = o.get("rows");
        o.set("total", rows.get(rows.size() - 1));
        send(ctx, o);
    }

    private DependencyAnalysis.Screen screen(Req q, TradeInput in) {
        return sov.screen(q, in);
    }

    /** {@code reporter, years=Y1-Y2 | from, to, outside=GROUP, only|filter=all|dependent|persistent}. */
    public void dependency(Context ctx) {
        Req q = Req.api(ctx, wb);
        TradeInput in = TradeInput.of(q.requireDataset("dataset", Content.TRADE), wb);
        DependencyAnalysis.Screen sc = screen(q, in);
        ObjectNode o = JsonRows.of(DependencyAnalysis.table(sc, SovereigntyPages.only(q), q.names(), true), q.msg);
        o.put("filter", SovereigntyPages.only(q));
        ArrayNode g = o.putObject("groups").putArray("names");
        in.data().groups().keySet().forEach(g::add);
        send(ctx, o);
    }

    /** Import shares by partner of one product: {@code reporter, product (required), year, outside}. */
    public void partners(Context ctx) {
        Req q = Req.api(ctx, wb);
        TradeInput in = TradeInput.of(q.requireDataset("dataset", Content.TRADE), wb);
        DependencyAnalysis.Screen sc = screen(q, in);
        String product = q.code("product");
        if (product == null) throw UserException.badParameter("product", Messages.text("param.required"));
        if (in.data().flows().stream().noneMatch(f -> f.product().equals(product))) {
            throw UserException.notFound("product", Messages.text("error.noProductIn", product, in.input().id()));
        }
        Integer year = q.year("year");
        Table<org.klaster.dependency.PartnerShares.Share> t = PartnersAnalysis.run(sc, product, year == null ? sc.to() : year,
                q.names(), true);
        ObjectNode o = JsonRows.envelope(t, q.msg);
        o.put("product_name", q.names().productOrNull(product));
        o.set("partners", JsonRows.rows(t));
        send(ctx, o);
    }

    /** Sovereignty coverage per product with production: {@code reporter, year} (default: the last year). */
    public void coverage(Context ctx) {
        Req q = Req.api(ctx, wb);
        TradeInput in = TradeInput.of(q.requireDataset("dataset", Content.TRADE), wb);
        DependencyAnalysis.Screen sc = screen(q, in);
        Integer year = q.year("year");
        send(ctx, JsonRows.of(CoverageAnalysis.run(in, sc.reporter(), year == null ? sc.to() : year, wb, q.names(), true), q.msg));
    }

    // ------------------------------------------------------------------ opportunities

    private ComplexityAnalysis.Exports exports(Req q) {
        return ComplexityAnalysis.load(Source.stored(q.requireDataset("dataset", Content.EXPORTS).id()), wb);
    }

    /** {@code dataset, year}: ECI, its rank, diversity and COI per country; PCI, ubiquity and world exports per product. */
    public void complexity(Context ctx) {
        Req q = Req.api(ctx, wb);
        ComplexityAnalysis.Exports in = exports(q);
        ComplexityTable.Year y = ComplexityAnalysis.year(ComplexityAnalysis.compute(in, null,
                ComplexityAnalysis.DEFAULT_THRESHOLD, wb), q.year("year"));
        Table<ComplexityAnalysis.Location> locs = ComplexityAnalysis.locations(in, y, q.names(), true);
        ObjectNode o = JsonRows.envelope(locs, q.msg);
        o.set("locations", JsonRows.rows(locs));
        o.set("products", JsonRows.rows(ComplexityAnalysis.products(in, y, q.names(), true)));
        send(ctx, o);
    }

    /** {@code dataset, year, country}: the graph drawn on the page (nodes with layout and the country's RCA/M, edges). */
    public void productSpace(Context ctx) {
        Req q = Req.api(ctx, wb);
        ComplexityAnalysis.Exports in = exports(q);
        ComplexityTable.Year y = ComplexityAnalysis.year(ComplexityAnalysis.compute(in, null,
                ComplexityAnalysis.DEFAULT_THRESHOLD, wb), q.year("year"));
        String country = OpportunitiesPages.country(q, y);
        int c = y.locations().indexOf(country);
        ComplexityResult r = y.result();
        ProductSpace ps = wb.memo(List.of("product-space", in.input(), y.year()), () -> ProductSpace.of(y));
        Map<String, Integer> col = new HashMap<>();
        for (int p = 0; p < y.products().size(); p++) col.put(y.products().get(p), p);
        ObjectNode o = JsonRows.envelope(ComplexityAnalysis.locations(in, y, q.names(), true), q.msg);
        o.put("country", country);
        o.put("country_name", q.names().locationOrNull(country));
        o.put("extra_edge_min_proximity", ProductSpace.EXTRA_PHI);
        ArrayNode nodes = o.putArray("nodes");
        for (int i = 0; i < ps.products().size(); i++) {
            int p = col.get(ps.products().get(i));
            ObjectNode x = nodes.addObject().put("product", ps.products().get(i))
                    .put("product_name", q.names().productOrNull(ps.products().get(i))).put("x", ps.x()[i]).put("y", ps.y()[i])
                    .put("world_exports", ps.worldTrade()[i]).put("value", y.values().get(c, p));
            x.set("rca", JsonRows.value(r.rca().get(c, p)));
            x.set("mcp", JsonRows.value(r.mcp().get(c, p)));
            x.set("density", JsonRows.value(r.density().get(c, p)));
            x.set("pci", JsonRows.value(r.pci()[p]));
            x.set("cog", JsonRows.value(r.cog().get(c, p)));
        }
        ArrayNode edges = o.putArray("edges");
        for (ProductSpace.Edge e : ps.edges()) {
            edges.addObject().put("source", ps.products().get(e.a())).put("target", ps.products().get(e.b()))
                    .put("proximity", e.proximity()).put("tree", e.tree());
        }
        send(ctx, o);
    }

    private OpportunitiesAnalysis.Ranking ranking(Req q) {
        Dataset activity = q.requireDataset("dataset", Content.ACTIVITY);
        String region = Param.code("iso", q.ctx.pathParam("iso"));
        ActivityInput in = wb.activity(activity);
        if (!in.hasRegion(region)) throw new NotFound(q.msg.format("error.noRegionIn", region, activity.id()));
        return opp.ranking(q, activity, region);
    }

    /** {@code /regions/{iso}?dataset, trade, reporter, year}: the ranking with the CLI's columns, weights and unlinked products. */
    public void opportunities(Context ctx) {
        Req q = Req.api(ctx, wb);
        OpportunitiesAnalysis.Ranking rk = ranking(q);
        ObjectNode o = JsonRows.of(OpportunitiesAnalysis.table(rk, Integer.MAX_VALUE, q.names(), true), q.msg);
        Opportunities.Weights w = rk.result().weights();
        o.putObject("weights").put("density", w.density()).put("pci", w.pci()).put("cog", w.cog());
        o.put("complexity_defined", rk.inputs().complexity() != null);
        ObjectNode un = o.putObject("unlinked");
        rk.result().unlinked().forEach((k, v) -> un.put(k, q.msg.text(v)));
        send(ctx, o);
    }

    /** {@code /regions/{iso}/producers?industry (required), firms, dataset, trade, year, top}: candidate establishments. */
    public void producers(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset firms = q.requireDataset("firms", Content.ESTABLISHMENTS);
        String industry = q.code("industry");
        if (industry == null) throw UserException.badParameter("industry", Messages.text("param.required"));
        Integer top = q.integer("top", 0, 1000);
        OpportunitiesAnalysis.Ranking rk = ranking(q);
        Opportunities.Row row = rk.result().row(industry);
        if (row == null) throw new NotFound(q.msg.format("opp.noIndustry", industry, rk.result().region()));
        ObjectNode o = JsonRows.of(OpportunitiesAnalysis.producers(rk, firms, industry, 0,
                top == null ? OpportunitiesPages.PRODUCERS : top, wb, q.names(), true), q.msg);
        o.put("status", row.status().label());
        o.put("rank", row.rank());
        ArrayNode rel = o.putArray("related_present");
        for (Opportunities.Related x : row.relatedPresent()) {
            rel.addObject().put("industry", x.industry()).put("proximity", x.proximity()).put("rca", x.rca());
        }
        send(ctx, o);
    }

    // ------------------------------------------------------------------ cooperation

    /**
     * {@code region} (required), {@code available}, {@code top}: demand, supply and gap by occupation and year
     * ({@code klaster skills gaps}) on the workbench's skills inputs (the SYNTHETIC demo's unless the server was given
     * files). Not cached: the inputs can be replaced while the server runs.
     */
    public void skillsGaps(Context ctx) {
        Req q = Req.api(ctx, wb);
        org.klaster.app.analysis.SkillsAnalysis.Params p = org.klaster.app.analysis.SkillsAnalysis.Params.of(q.param("region"),
                q.param("available"), q.param("top"), null, null);
        send(ctx, JsonRows.of(org.klaster.app.analysis.SkillsAnalysis.gaps(wb.skills(), p, q.names(), true), q.msg));
    }

    /** Rows per analysis for {@link OpenApi}: schema name → the analysis's schema (built with placeholder names). */
    static List<org.klaster.app.analysis.Schema<?>> schemas(Names names) {
        List<org.klaster.app.analysis.Schema<?>> all = new ArrayList<>();
        all.add(DatasetsAnalysis.schema());
        all.add(MappingAnalysis.schema(true, names, Map.of()));
        all.add(MappingAnalysis.regionSchema(Metric.lq, names));
        all.add(MappingAnalysis.categorySchema(names, Map.of()));
        all.add(MultipliersAnalysis.schema(null, names));
        all.add(ShockAnalysis.schema(null, names));
        all.add(ExtractionAnalysis.schema(null, names));
        all.add(org.klaster.app.analysis.LocalisationAnalysis.leakageSchema(null, names));
        all.add(org.klaster.app.analysis.LocalisationAnalysis.localiseSchema(null, names));
        all.add(org.klaster.app.analysis.LocalisationAnalysis.suppliersSchema(null, names));
        all.add(org.klaster.app.analysis.LoanAnalysis.schema(true));
        all.add(org.klaster.app.analysis.InstrumentsAnalysis.schema(names));
        all.add(org.klaster.app.analysis.EligibilityAnalysis.schema(names));
        all.add(DependencyAnalysis.schema(names));
        all.add(PartnersAnalysis.schema(names));
        all.add(CoverageAnalysis.schema(names));
        all.add(ComplexityAnalysis.schema(names));
        all.add(ComplexityAnalysis.locationSchema(names));
        all.add(ComplexityAnalysis.productSchema(names));
        all.add(OpportunitiesAnalysis.schema(names));
        all.add(OpportunitiesAnalysis.producerSchema(names));
        all.add(org.klaster.app.analysis.RegistryAnalysis.schema(names));
        all.add(org.klaster.app.analysis.RegistryAnalysis.yearSchema());
        all.add(org.klaster.app.analysis.RegistryAnalysis.contractSchema(Map.of()));
        all.add(org.klaster.app.analysis.ParticipantsAnalysis.schema(names));
        all.add(org.klaster.app.analysis.ComplianceAnalysis.schema(names));
        all.add(org.klaster.app.analysis.SkillsAnalysis.gapsSchema(names));
        all.add(org.klaster.app.analysis.ProjectsAnalysis.trlSchema(names));
        all.add(org.klaster.app.analysis.ProjectsAnalysis.productSchema(names));
        all.add(org.klaster.app.analysis.ProjectsAnalysis.gapSchema(names));
        all.add(org.klaster.app.analysis.MatchAnalysis.schema(names));
        return all;
    }
}
