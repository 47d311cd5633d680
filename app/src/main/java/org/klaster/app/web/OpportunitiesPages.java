package org.klaster.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.klaster.app.cli.ResultTable;
import org.klaster.app.web.MappingPages.Kpi;
import org.klaster.app.web.MappingPages.Option;
import org.klaster.app.web.SovereigntyPages.Tab;
import org.klaster.complexity.CandidateProducers;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.Opportunities;
import org.klaster.data.formats.TradeData;
import org.klaster.data.reference.DemoConcordance;
import org.klaster.data.reference.Okved2;
import org.klaster.data.store.Dataset;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.TradeFlow;
import org.klaster.mapping.CategoryMap;

/**
 * The Opportunities section (templates under {@code opportunities/}): the product space and ECI ranking
 * of an exports dataset ({@code klaster complexity}), and a region's import-substitution opportunities with
 * their candidate producers ({@code klaster opportunities}, docs/methods-opportunities.md). Numbers come
 * from the core engines through {@link Workbench#complexity} and {@link Opportunities#rank}, wired exactly
 * as the CLI wires them (employment, LQ threshold 1, default weights, the demo HS → OKVED2 concordance,
 * default dependency thresholds); handlers only gather page models.
 */
public final class OpportunitiesPages {

    /** Bars in the ECI chart. */
    static final int ECI_BARS = 30;
    /** Candidate establishments listed for the chosen opportunity. */
    static final int PRODUCERS = 25;
    /** The demo's concordance, as {@code klaster opportunities} uses it without --concordance. */
    static final CategoryMap CONCORDANCE = CategoryMap.of(DemoConcordance.productToIndustry(), Map.of());

    private final Workbench wb;

    public OpportunitiesPages(Workbench wb) {
        this.wb = wb;
    }

    public record NoData(Shell shell, List<Tab> tabs, String message) {
    }

    public record SpacePage(Shell shell, List<Tab> tabs, List<Option> countries, List<Option> years, String country,
                            List<Kpi> kpis, String graph, String graphCaption, String eciChart, String eciCaption,
                            TableModel eci, List<String> warnings) {
    }

    /** One ranking factor explained: name, what it measures, its weight. */
    public record Factor(String name, String text, String weight) {
    }

    public record RegionPage(Shell shell, List<Tab> tabs, List<Option> regions, String region, String regionName,
                             List<Kpi> kpis, List<Factor> factors, String groupsNote, TableModel table, List<String> notes,
                             String industry, String industryLabel, TableModel producers, String producersChart,
                             String producersNote, String mapUrl) {
    }

    static List<Tab> tabs(Shell s, String current) {
        List<Tab> t = new ArrayList<>();
        for (String k : List.of("space", "region")) {
            t.add(new Tab(s.t("opp.tab." + k), "/opportunities/" + (k.equals("space") ? "product-space" : "region"), k.equals(current)));
        }
        return t;
    }

    private void noData(Req q, String tab, String key) {
        Shell s = q.shell(Section.OPPORTUNITIES, q.msg.get("opp.tab." + tab), wb.defaultDataset().orElse(null), wb.datasets());
        q.ctx.render("opportunities/none.jte", Map.of("p", new NoData(s, tabs(s, tab), q.msg.get(key))));
    }

    // ------------------------------------------------------------------ complexity (shared with the API)

    /** A year of an exports dataset's complexity: the requested one (400 if absent), else the latest. */
    static ComplexityTable.Year year(Req q, List<ComplexityTable.Year> years) {
        if (years.isEmpty()) throw new BadRequest("the exports dataset has no rows");
        Integer y = q.intParam("year", 1900, 2100);
        if (y == null) return years.get(years.size() - 1);
        for (ComplexityTable.Year x : years) if (x.year() == y) return x;
        throw new BadRequest("year " + y + " is not in the exports (years: "
                + years.stream().map(x -> String.valueOf(x.year())).collect(Collectors.joining(", ")) + ")");
    }

    /** The country: the requested one (400 if absent), else RUS when present, else the first. */
    static String country(Req q, ComplexityTable.Year y) {
        String c = q.codeParam("country");
        if (c == null) return y.locations().contains("RUS") ? "RUS" : y.locations().get(0);
        if (!y.locations().contains(c)) throw new BadRequest("country " + c + " is not in the exports of " + y.year());
        return c;
    }

    /** A location's ECI rank: 1 + the number of locations with a higher ECI (0 when its ECI is undefined). */
    static int eciRank(double[] eci, int c) {
        if (!Double.isFinite(eci[c])) return 0;
        int rank = 1;
        for (double e : eci) if (Double.isFinite(e) && e > eci[c]) rank++;
        return rank;
    }

    /** The {@code klaster complexity --year Y} table (formats.md §4; M, diversity, ubiquity as whole numbers). */
    static ResultTable complexityTable(ComplexityTable.Year y) {
        ResultTable t = new ResultTable(List.of("year", "location", "product", "value", "rca", "mcp", "diversity",
                "ubiquity", "eci", "pci", "density", "coi", "cog"));
        for (ComplexityTable.Row r : y.rows()) {
            t.add(r.year(), r.location(), r.product(), r.value(), r.rca(), count(r.mcp()), count(r.diversity()),
                    count(r.ubiquity()), r.eci(), r.pci(), r.density(), r.coi(), r.cog());
        }
        return t;
    }

    private static Integer count(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }

    // ------------------------------------------------------------------ product space

    public void productSpace(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = wb.datasetOfKind(q.codeParam("dataset"), Workbench.EXPORTS_KINDS);
        if (d == null) {
            noData(q, "space", "opp.noExports");
            return;
        }
        Messages m = q.msg;
        Shell s = q.shell(Section.OPPORTUNITIES, m.get("opp.tab.space"), d, wb.datasetsOfKind(Workbench.EXPORTS_KINDS));
        List<ComplexityTable.Year> years = wb.complexity(d);
        ComplexityTable.Year y = year(q, years);
        String country = country(q, y);
        ComplexityResult r = y.result();
        int c = y.locations().indexOf(country);

        List<Option> countries = y.locations().stream().map(x -> new Option(x, x, x.equals(country))).toList();
        List<Option> yearOpts = years.stream().map(x -> new Option(String.valueOf(x.year()), String.valueOf(x.year()),
                x.year() == y.year())).toList();

        double[] eci = r.eci();
        int finite = (int) java.util.Arrays.stream(eci).filter(Double::isFinite).count();
        int rank = eciRank(eci, c);
        List<Kpi> kpis = List.of(
                new Kpi(m.get("opp.kpi.eci"), m.num(eci[c], 3), m.get("opp.help.eci")),
                new Kpi(m.get("opp.kpi.eciRank"), rank == 0 ? "—" : m.format("opp.rankOf", rank, finite), m.get("opp.help.eci")),
                new Kpi(m.get("opp.kpi.diversity"), m.count(r.diversity()[c]), m.get("opp.help.diversity")),
                new Kpi(m.get("opp.kpi.coi"), m.num(r.coi()[c], 3), m.get("opp.help.coi")));

        // the graph, nodes coloured by the country's M
        ProductSpace ps = wb.productSpace(d, y);
        Map<String, Integer> col = new HashMap<>();
        for (int p = 0; p < y.products().size(); p++) col.put(y.products().get(p), p);
        double[] mcp = new double[ps.products().size()];
        int held = 0;
        for (int i = 0; i < mcp.length; i++) {
            mcp[i] = r.mcp().get(c, col.get(ps.products().get(i)));
            if (mcp[i] == 1) held++;
        }
        long tree = ps.edges().stream().filter(ProductSpace.Edge::tree).count();
        String graph = ps.chart(mcp, m.format("opp.space.held", country), m.get("opp.space.other"), m.get("opp.unit.trade"),
                m.lang().name(), m.get("opp.col.proximity"));
        String graphCaption = m.format("opp.space.caption", m.count(ps.products().size()), m.count(ps.edges().size()),
                m.count(tree), m.num(ProductSpace.EXTRA_PHI, 2), country, m.count(held));

        // ECI ranking
        String base = SovereigntyPages.withoutSort(ctx, "sort", "dir");
        TableModel t = new TableModel("eci", m.format("opp.eci.table", String.valueOf(y.year())), List.of(
                new TableModel.Col("location", m.get("opp.col.location"), false, null),
                new TableModel.Col("eci", m.get("opp.col.eci"), true, m.get("opp.help.eci")),
                new TableModel.Col("eci_rank", m.get("opp.col.eci_rank"), true, null),
                new TableModel.Col("diversity", m.get("opp.col.diversity"), true, m.get("opp.help.diversity")),
                new TableModel.Col("coi", m.get("opp.col.coi"), true, m.get("opp.help.coi"))));
        for (int i = 0; i < y.locations().size(); i++) {
            String loc = y.locations().get(i);
            int rk = eciRank(eci, i);
            t.add(new Object[] {loc, eci[i], rk == 0 ? null : rk, r.diversity()[i], r.coi()[i]}, List.of(
                    new TableModel.Cell(loc, s.url("/opportunities/product-space", "year", y.year(), "country", loc), loc.equals(country) ? "badge-strong" : null),
                    TableModel.Cell.of(m.num(eci[i], 3)),
                    TableModel.Cell.of(rk == 0 ? "—" : String.valueOf(rk)),
                    TableModel.Cell.of(m.count(r.diversity()[i])),
                    TableModel.Cell.of(m.num(r.coi()[i], 3))));
        }
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "eci", true)
                .links(s, base, s.url("/opportunities/complexity/export.csv", "year", y.year()),
                        s.url("/opportunities/complexity/export.xlsx", "year", y.year()));

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < eci.length; i++) if (Double.isFinite(eci[i])) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -eci[i]).thenComparing(i -> y.locations().get(i)));
        List<Integer> shown = new ArrayList<>(order.subList(0, Math.min(ECI_BARS, order.size())));
        if (rank > ECI_BARS) shown.add(c);
        String eciChart = Charts.bars(m.get("opp.col.eci"), "", m.lang().name(),
                shown.stream().map(i -> (eciRank(eci, i)) + ". " + y.locations().get(i)).toList(),
                shown.stream().mapToDouble(i -> eci[i]).toArray(), 0.0);
        eciChart = highlight(eciChart, shown.indexOf(c));
        String eciCaption = m.format("opp.eci.caption", Math.min(ECI_BARS, order.size()), order.size(), country);

        List<String> warnings = new ArrayList<>(y.warnings().stream().map(Object::toString).toList());
        ctx.render("opportunities/space.jte", Map.of("p", new SpacePage(s, tabs(s, "space"), countries, yearOpts, country,
                kpis, graph, graphCaption, eciChart, eciCaption, t, warnings)));
    }

    /** The bar chart with bar {@code index} (the chosen country) in the accent colour and the 0 line unlabelled. */
    static String highlight(String chart, int index) {
        try {
            var o = (com.fasterxml.jackson.databind.node.ObjectNode) ApiV1.JSON.readTree(chart);
            var series = (com.fasterxml.jackson.databind.node.ObjectNode) o.get("series").get(0);
            if (series.has("markLine")) ((com.fasterxml.jackson.databind.node.ObjectNode) series.get("markLine")).putObject("label").put("show", false);
            if (index >= 0) {
                var data = (com.fasterxml.jackson.databind.node.ArrayNode) series.get("data");
                double v = data.get(index).asDouble();
                data.set(index, ApiV1.JSON.createObjectNode().put("value", v).set("itemStyle",
                        ApiV1.JSON.createObjectNode().put("color", "#d95f02")));
            }
            return o.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ region

    /** What a region request resolves to, shared by the page, the export and the API. */
    record Ranking(Dataset activity, Dataset trade, String reporter, int year, Opportunities.Result result,
                   Workbench.OpportunityInputs inputs) {
    }

    /** Reporters with imports; RUS first when present (the CLI takes the only one). */
    static String reporter(Req q, TradeData t) {
        Set<String> importers = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (TradeFlow f : t.flows()) {
            all.add(f.reporter());
            if (f.flow() == TradeFlow.Flow.IMPORT) importers.add(f.reporter());
        }
        String r = q.codeParam("reporter");
        if (r != null) {
            if (!all.contains(r)) throw new BadRequest("reporter " + r + " has no trade records (reporters: " + String.join(", ", all) + ")");
            return r;
        }
        if (importers.isEmpty()) throw new BadRequest("the trade dataset has no imports, so nothing can be dependent");
        return importers.contains("RUS") ? "RUS" : importers.iterator().next();
    }

    /** The activity dataset of a request (null when none is stored). */
    Dataset activity(Req q) {
        return wb.datasetOfKind(q.codeParam("dataset"), Workbench.ACTIVITY_KINDS);
    }

    Ranking ranking(Req q, Dataset activity, String region) {
        Dataset trade = wb.datasetOfKind(q.codeParam("trade"), Workbench.TRADE_KINDS);
        if (trade == null) throw new NotFound(q.msg.get("opp.noTrade"));
        DatasetData data = wb.data(activity.id());
        if (data.years().isEmpty()) throw new BadRequest("dataset \"" + activity.id() + "\" has no activity rows");
        Integer y = q.intParam("year", 1900, 2100);
        int year = y == null ? data.years().last() : y;
        if (!data.years().contains(year)) {
            throw new BadRequest("year " + year + " is not in dataset \"" + activity.id() + "\" (years: "
                    + data.years().first() + "–" + data.years().last() + ")");
        }
        Workbench.OpportunityInputs in = wb.opportunityInputs(activity, year);
        if (!in.rel().regions().contains(region)) throw new NotFound(q.msg.format("error.noRegion", region));
        String reporter = reporter(q, wb.trade(trade));
        List<DependencyRow> screen = wb.screen(trade, reporter, Set.of());
        Opportunities.Result r = Opportunities.rank(in.rel(), in.complexity(), screen, null, CONCORDANCE, region,
                Opportunities.Weights.DEFAULTS, Opportunities.DEFAULT_RELATED);
        return new Ranking(activity, trade, reporter, year, r, in);
    }

    /** An industry as shown: "name (code)" with the OKVED2 name in the language, else the code. */
    static String industryLabel(String code, Lang lang) {
        return Okved2.name(code, lang.name()).map(n -> n + " (" + code + ")").orElse(code);
    }

    /** The {@code klaster opportunities --top N} table, built by the CLI's own builder so downloads equal its output. */
    static ResultTable rankingTable(Opportunities.Result r, int top) {
        return org.klaster.app.cli.OpportunitiesCommand.table(r, top);
    }

    /** The region of a request: {@code region}, else RU-SAM when present, else the first. */
    String region(Req q, Dataset activity) {
        String r = q.codeParam("region");
        if (r != null) return r;
        DatasetData data = wb.data(activity.id());
        return data.hasRegion("RU-SAM") ? "RU-SAM" : wb.opportunityInputs(activity, data.years().last()).rel().regions().get(0);
    }

    public void region(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = activity(q);
        if (d == null) {
            noData(q, "region", "opp.noActivity");
            return;
        }
        if (wb.datasetOfKind(q.codeParam("trade"), Workbench.TRADE_KINDS) == null) {
            noData(q, "region", "opp.noTrade");
            return;
        }
        Messages m = q.msg;
        Lang lang = m.lang();
        Shell s = q.shell(Section.OPPORTUNITIES, m.get("opp.tab.region"), d, wb.datasetsOfKind(Workbench.ACTIVITY_KINDS));
        String region = region(q, d);
        Ranking rk = ranking(q, d, region);
        Opportunities.Result res = rk.result();

        List<Option> regions = new ArrayList<>();
        for (String iso : rk.inputs().rel().regions()) {
            regions.add(new Option(iso, wb.regions().name(iso, lang) + " (" + iso + ")", iso.equals(region)));
        }
        regions.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(java.util.Locale.forLanguageTag(lang.name()))));
        String regionName = wb.regions().name(region, lang);

        long opps = res.rows().stream().filter(r -> r.status() == Opportunities.Status.OPPORTUNITY).count();
        long spec = res.rows().size() - opps;
        List<Kpi> kpis = List.of(
                new Kpi(m.get("opp.kpi.dependent"), m.count(res.productIndustry().size() + res.unlinked().size()),
                        m.format("opp.help.dependent", rk.reporter(), res.dependencyYear() == null ? "—" : String.valueOf(res.dependencyYear()))),
                new Kpi(m.get("opp.kpi.industries"), m.count(res.rows().size()), m.get("opp.help.industries")),
                new Kpi(m.get("opp.kpi.opportunities"), m.count(opps), m.get("opp.help.opportunity")),
                new Kpi(m.get("opp.kpi.specialised"), m.count(spec), m.get("opp.help.specialised")));

        Opportunities.Weights w = res.weights();
        List<Factor> factors = List.of(
                new Factor(m.get("opp.col.density"), m.get("opp.explain.density"), m.percent(w.density() / sum(w))),
                new Factor(m.get("opp.col.pci"), m.get("opp.explain.pci"), m.percent(w.pci() / sum(w))),
                new Factor(m.get("opp.col.cog"), m.get("opp.explain.cog"), m.percent(w.cog() / sum(w))),
                new Factor(m.get("opp.col.score"), m.get("opp.explain.score"), ""));

        // the chosen opportunity: ?industry, else the best-ranked one
        String industry = q.codeParam("industry");
        Opportunities.Row chosen;
        if (industry != null) {
            chosen = res.row(industry);
            if (chosen == null) throw new NotFound(m.format("opp.noIndustry", industry, region));
        } else {
            chosen = res.rows().isEmpty() ? null : res.rows().get(0);
        }

        String base = SovereigntyPages.withoutSort(ctx, "sort", "dir");
        TableModel t = new TableModel("opportunities", m.format("opp.table", regionName, String.valueOf(rk.year())), List.of(
                new TableModel.Col("industry", m.get("opp.col.industry"), false, null),
                new TableModel.Col("status", m.get("opp.col.status"), false, m.get("opp.help.status")),
                new TableModel.Col("rank", m.get("opp.col.rank"), true, null),
                new TableModel.Col("score", m.get("opp.col.score"), true, m.get("opp.explain.score")),
                new TableModel.Col("density", m.get("opp.col.density"), true, m.get("opp.explain.density")),
                new TableModel.Col("pci", m.get("opp.col.pci"), true, m.get("opp.explain.pci")),
                new TableModel.Col("cog", m.get("opp.col.cog"), true, m.get("opp.explain.cog")),
                new TableModel.Col("rca", m.get("opp.col.rca"), true, m.get("opp.help.rca")),
                new TableModel.Col("dependent_products", m.get("opp.col.dependent_products"), true, null),
                new TableModel.Col("dependent_imports", m.get("opp.col.dependent_imports"), true, m.get("opp.help.imports"))));
        for (Opportunities.Row r : res.rows()) {
            String label = industryLabel(r.industry(), lang);
            boolean opp = r.status() == Opportunities.Status.OPPORTUNITY;
            String href = s.url("/opportunities/region", "region", region, "year", rk.year(), "industry", r.industry()) + "#producers";
            String products = r.dependentProducts().size() > 8
                    ? String.join(" ", r.dependentProducts().subList(0, 8)) + " … (" + r.dependentProducts().size() + ")"
                    : String.join(" ", r.dependentProducts());
            t.add(new Object[] {label, opp ? 0 : 1, opp ? r.rank() : 1000 + r.rank(), r.score(), r.density(), r.pci(), r.cog(), r.rca(),
                    r.dependentProducts().size(), r.dependentImports()}, List.of(
                    new TableModel.Cell(label, href, chosen != null && chosen.industry().equals(r.industry()) ? "selected" : null),
                    new TableModel.Cell(m.get("opp.status." + r.status().label()), null, opp ? "badge-strong" : null),
                    TableModel.Cell.of(String.valueOf(r.rank())),
                    TableModel.Cell.of(m.num(r.score(), 3)),
                    TableModel.Cell.of(m.num(r.density(), 3)),
                    TableModel.Cell.of(m.num(r.pci(), 2)),
                    TableModel.Cell.of(m.num(r.cog(), 2)),
                    TableModel.Cell.of(m.num(r.rca(), 2)),
                    TableModel.Cell.of(products),
                    TableModel.Cell.of(m.count(r.dependentImports()))));
        }
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "rank", false)
                .links(s, base, s.url("/opportunities/region/export.csv", "region", region, "year", rk.year()),
                        s.url("/opportunities/region/export.xlsx", "region", region, "year", rk.year()));

        List<String> notes = new ArrayList<>();
        if (rk.inputs().complexityNote() != null) notes.add(m.format("opp.noComplexity", rk.inputs().complexityNote()));
        if (!res.unlinked().isEmpty()) {
            notes.add(m.format("opp.unlinked", res.unlinked().size(), String.join(", ", res.unlinked().keySet().stream().limit(12).toList())));
        }
        if (res.rows().isEmpty()) notes.add(m.get("opp.empty"));

        // candidate producers of the chosen industry
        TableModel producers = null;
        String producersChart = null;
        String producersNote;
        String industryLabel = chosen == null ? null : industryLabel(chosen.industry(), lang);
        Dataset firms = wb.datasetOfKind(q.codeParam("firms"), Workbench.FIRMS_KINDS);
        if (chosen == null) {
            producersNote = null;
        } else if (firms == null) {
            producersNote = m.get("opp.noFirms");
        } else {
            List<CandidateProducers.Candidate> cands = CandidateProducers.of(wb.establishments(firms, region, rk.year()), region,
                    chosen.industry(), chosen.relatedPresent(), PRODUCERS);
            producersNote = cands.isEmpty() ? m.format("opp.producers.none", firms.id(), regionName)
                    : m.format("opp.producers.note", cands.size(), firms.id());
            if (!cands.isEmpty()) {
                producers = producersTable(m, s, cands);
                producers.param("p").sort(ctx.queryParam("psort"), ctx.queryParam("pdir"), "employment", true)
                        .links(s, SovereigntyPages.withoutSort(ctx, "psort", "pdir"), null, null);
                List<Charts.Point> same = new ArrayList<>();
                List<Charts.Point> via = new ArrayList<>();
                for (CandidateProducers.Candidate cd : cands) {
                    var e = cd.establishment();
                    (cd.sameIndustry() ? same : via).add(new Charts.Point(e.id() + " · " + industryLabel(e.industry(), lang)
                            + " · " + m.count(e.employment()), e.lon(), e.lat()));
                }
                // dashed lines through the regional capital, for orientation
                RegionInfo info = wb.regions().get(region).orElse(null);
                double lon0 = info == null ? cands.get(0).establishment().lon() : info.lon();
                double lat0 = info == null ? cands.get(0).establishment().lat() : info.lat();
                producersChart = Charts.scatter(m.get("opp.col.lon"), m.get("opp.col.lat"), lang.name(),
                        List.of(m.get("opp.producers.same"), m.get("opp.producers.related")), List.of(same, via), lon0, lat0);
            }
        }
        String mapUrl = "/mapping/regions/" + Shell.enc(region) + "?dataset=" + Shell.enc(d.id());
        ctx.render("opportunities/region.jte", Map.of("p", new RegionPage(s, tabs(s, "region"), regions, region, regionName,
                kpis, factors, m.get("opp.explain.groups"), t, notes, chosen == null ? null : chosen.industry(), industryLabel,
                producers, producersChart, producersNote, mapUrl)));
    }

    private static double sum(Opportunities.Weights w) {
        return w.density() + w.pci() + w.cog();
    }

    static TableModel producersTable(Messages m, Shell s, List<CandidateProducers.Candidate> cands) {
        TableModel t = new TableModel("producers", m.get("opp.producers.table"), List.of(
                new TableModel.Col("firm_id", m.get("opp.col.firm"), false, null),
                new TableModel.Col("industry", m.get("opp.col.code"), false, null),
                new TableModel.Col("via", m.get("opp.col.via"), false, m.get("opp.help.via")),
                new TableModel.Col("proximity", m.get("opp.col.proximity"), true, m.get("opp.help.proximity")),
                new TableModel.Col("employment", m.get("opp.col.employment"), true, null),
                new TableModel.Col("lat", m.get("opp.col.lat"), true, null),
                new TableModel.Col("lon", m.get("opp.col.lon"), true, null)));
        for (CandidateProducers.Candidate c : cands) {
            var e = c.establishment();
            t.add(new Object[] {e.id(), e.industry(), c.via(), c.proximity(), e.employment(), e.lat(), e.lon()}, List.of(
                    TableModel.Cell.of(e.id()),
                    TableModel.Cell.of(e.industry()),
                    TableModel.Cell.of(c.sameIndustry() ? m.get("opp.producers.itself") : industryLabel(c.via(), m.lang())),
                    TableModel.Cell.of(m.num(c.proximity(), 2)),
                    TableModel.Cell.of(m.count(e.employment())),
                    TableModel.Cell.of(m.num(e.lat(), 3)),
                    TableModel.Cell.of(m.num(e.lon(), 3))));
        }
        return t;
    }

    // ------------------------------------------------------------------ exports

    /** {@code /opportunities/{complexity|region}/export.csv|xlsx}: the CLI's table, CSV identical to {@code --format csv}. */
    public void export(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        String what = ctx.pathParam("what");
        String ext = ctx.path().endsWith(".xlsx") ? "xlsx" : "csv";
        switch (what) {
            case "complexity" -> {
                Dataset d = wb.datasetOfKind(q.codeParam("dataset"), Workbench.EXPORTS_KINDS);
                if (d == null) throw new NotFound(q.msg.get("opp.noExports"));
                ComplexityTable.Year y = year(q, wb.complexity(d));
                Export.send(ctx, complexityTable(y), "klaster-complexity-" + d.id() + "-" + y.year() + "." + ext, "complexity", d,
                        "klaster complexity --year " + y.year() + " (methods.md §4): RCA, M, diversity, ubiquity, ECI, PCI, "
                                + "density, COI, COG (Atlas / Stata ecomplexity conventions, RCA threshold 1)");
            }
            case "region" -> {
                Dataset d = activity(q);
                if (d == null) throw new NotFound(q.msg.get("opp.noActivity"));
                String region = region(q, d);
                Ranking rk = ranking(q, d, region);
                Integer top = q.intParam("top", 0, 1_000_000);
                Export.send(ctx, rankingTable(rk.result(), top == null ? Integer.MAX_VALUE : top),
                        "klaster-opportunities-" + d.id() + "-" + region + "-" + rk.year() + "." + ext, "opportunities", d,
                        "klaster opportunities --region " + region + " (docs/methods-opportunities.md): dependent products of "
                                + rk.reporter() + " (" + rk.trade().id() + ") by industry, ranked by density, PCI and COG");
            }
            default -> throw new NotFound(q.msg.get("error.notFound"));
        }
    }
}
