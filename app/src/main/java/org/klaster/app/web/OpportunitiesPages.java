package org.klaster.app.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.ComplexityAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.OpportunitiesAnalysis;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TradeInput;
import org.klaster.app.analysis.UserException;
import org.klaster.app.analysis.Units;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.Pages.Tab;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.Opportunities;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;

/**
 * The Opportunities section (templates under {@code opportunities/}): the product space and ECI ranking
 * of an exports dataset ({@link ComplexityAnalysis}), and a region's import-substitution opportunities
 * with their candidate producers ({@link OpportunitiesAnalysis}, docs/methods-opportunities.md) — the
 * same analyses as {@code klaster complexity} and {@code klaster opportunities}, with their defaults.
 */
public final class OpportunitiesPages {

    /** Bars in the ECI chart. */
    static final int ECI_BARS = 30;
    /** Candidate establishments listed for the chosen opportunity. */
    static final int PRODUCERS = 25;

    private final Workbench wb;

    public OpportunitiesPages(Workbench wb) {
        this.wb = wb;
    }

    public record NoData(Shell shell, List<Tab> tabs, String message) {
    }

    public record SpacePage(Shell shell, List<Tab> tabs, List<Option> countries, List<Option> years, String country,
                            String countryName, List<Kpi> kpis, String graph, String graphCaption, String eciChart,
                            String eciCaption, TableModel eci, List<String> warnings) {
    }

    /** One ranking factor explained: name, what it measures, its weight. */
    public record Factor(String name, String text, String weight) {
    }

    public record RegionPage(Shell shell, List<Tab> tabs, List<Option> regions, List<Option> trades, String region,
                             String regionName, List<Kpi> kpis, List<Factor> factors, String groupsNote, TableModel table,
                             List<String> notes, String industry, String industryLabel, TableModel producers,
                             String producersChart, String producersNote, String mapUrl, String tradeNote) {
    }

    static List<Tab> tabs(Shell s, String current) {
        List<Tab> t = new ArrayList<>();
        for (String k : List.of("space", "region")) {
            t.add(new Tab(s.t("opp.tab." + k), "/opportunities/" + (k.equals("space") ? "product-space" : "region"), k.equals(current)));
        }
        return t;
    }

    private void noData(Req q, String tab, String key, Map<String, String> errors) {
        Shell s = Pages.shell(q, Section.OPPORTUNITIES, q.msg.get("opp.tab." + tab), null, List.of(),
                tab.equals("space") ? "/opportunities/product-space" : "/opportunities/region", errors);
        Pages.render(q.ctx, "opportunities/none.jte", new NoData(s, tabs(s, tab), q.msg.get(key)));
    }

    // ------------------------------------------------------------------ product space

    /** The country: the requested one (BAD_PARAMETER if absent), else RUS when present, else the first. */
    static String country(Req q, ComplexityTable.Year y) {
        String c = q.code("country");
        if (c == null) return y.locations().contains("RUS") ? "RUS" : y.locations().get(0);
        if (!y.locations().contains(c)) {
            throw UserException.badParameter("country", Messages.text("opp.noCountry", c, y.year()));
        }
        return c;
    }

    void productSpace(Req q, Map<String, String> errors) {
        Dataset d = q.dataset(Content.EXPORTS);
        if (d == null) {
            noData(q, "space", "opp.noExports", errors);
            return;
        }
        Messages m = q.msg;
        Names names = q.names();
        Shell s = Pages.shell(q, Section.OPPORTUNITIES, m.get("opp.tab.space"), d, wb.providing(Content.EXPORTS),
                "/opportunities/product-space", errors).controls("dataset", "country", "year", "sort", "dir");
        ComplexityAnalysis.Exports in = ComplexityAnalysis.load(Source.stored(d.id()), wb);
        List<ComplexityTable.Year> years = ComplexityAnalysis.compute(in, null, ComplexityAnalysis.DEFAULT_THRESHOLD, wb);
        ComplexityTable.Year y = ComplexityAnalysis.year(years, q.year("year"));
        String country = country(q, y);
        ComplexityResult r = y.result();
        int c = y.locations().indexOf(country);
        String countryName = names.locationOrNull(country) == null ? country : names.locationOrNull(country);

        List<Option> countries = new ArrayList<>(y.locations().stream().map(x -> new Option(x,
                (names.locationOrNull(x) == null ? x : names.locationOrNull(x) + " (" + x + ")"), x.equals(country))).toList());
        countries.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(m.lang().locale())));
        List<Option> yearOpts = Pages.years(years.stream().map(ComplexityTable.Year::year).toList(), y.year());

        Table<ComplexityAnalysis.Location> locs = ComplexityAnalysis.locations(in, y, names, false);
        s.shows(locs);
        double[] eci = r.eci();
        int finite = (int) java.util.Arrays.stream(eci).filter(Double::isFinite).count();
        int rank = ComplexityAnalysis.eciRank(eci, c);
        List<Kpi> kpis = List.of(
                new Kpi(m.get("opp.kpi.eci"), m.num(eci[c], 3), m.get("col.eci.help")),
                new Kpi(m.get("opp.kpi.eciRank"), rank == 0 ? "—" : m.format("opp.rankOf", rank, finite), m.get("col.eci.help")),
                new Kpi(m.get("opp.kpi.diversity"), m.count(r.diversity()[c]), m.get("col.diversity.help")),
                new Kpi(m.get("opp.kpi.coi"), m.num(r.coi()[c], 3), m.get("col.coi.help")));

        // the graph, nodes coloured by the country's M
        ProductSpace ps = wb.memo(List.of("product-space", in.input(), y.year()), () -> ProductSpace.of(y));
        Map<String, Integer> col = new HashMap<>();
        for (int p = 0; p < y.products().size(); p++) col.put(y.products().get(p), p);
        double[] mcp = new double[ps.products().size()];
        int held = 0;
        for (int i = 0; i < mcp.length; i++) {
            mcp[i] = r.mcp().get(c, col.get(ps.products().get(i)));
            if (mcp[i] == 1) held++;
        }
        long tree = ps.edges().stream().filter(ProductSpace.Edge::tree).count();
        String unit = Units.money(in.units(), m);
        String graph = ps.chart(mcp, m.format("opp.space.held", countryName), m.format("opp.space.other", countryName), unit,
                m.lang().name(), m.get("col.proximity"), names::productLabel, m.get("opp.space.world"));
        String graphCaption = m.format("opp.space.caption", m.count(ps.products().size()), m.count(ps.edges().size()),
                m.count(tree), m.num(ProductSpace.EXTRA_PHI, 2), countryName, m.count(held));

        TableModel t = PageTable.of(locs, m, "location", "eci", "eci_rank", "diversity", "coi")
                .text((x, k) -> k.equals("location") ? (names.locationOrNull(x.location()) == null ? x.location()
                        : names.locationOrNull(x.location()) + " (" + x.location() + ")") : null)
                .href((x, k) -> k.equals("location") ? s.url("/opportunities/product-space", "year", y.year(), "country", x.location()) : null)
                .cls((x, k) -> k.equals("location") && x.location().equals(country) ? "badge-strong" : null)
                .build("eci", m.format("opp.eci.table", String.valueOf(y.year())));
        t.sort(q, "eci", true).links(s, Pages.without(q, "sort", "dir"),
                s.url("/opportunities/complexity/export.csv", "year", y.year()),
                s.url("/opportunities/complexity/export.xlsx", "year", y.year()));

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < eci.length; i++) if (Double.isFinite(eci[i])) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -eci[i]).thenComparing(i -> y.locations().get(i)));
        List<Integer> shown = new ArrayList<>(order.subList(0, Math.min(ECI_BARS, order.size())));
        if (rank > ECI_BARS) shown.add(c);
        String eciChart = Charts.bars(m.get("col.eci"), "", m.lang().name(),
                shown.stream().map(i -> ComplexityAnalysis.eciRank(eci, i) + ". " + (names.locationOrNull(y.locations().get(i)) == null
                        ? y.locations().get(i) : names.locationOrNull(y.locations().get(i)))).toList(),
                shown.stream().mapToDouble(i -> eci[i]).toArray(), 0.0);
        eciChart = highlight(eciChart, shown.indexOf(c));
        String eciCaption = m.format("opp.eci.caption", Math.min(ECI_BARS, order.size()), order.size(), countryName);

        List<String> warnings = locs.warnings().stream().map(m::text).toList();
        Pages.render(q.ctx, "opportunities/space.jte", new SpacePage(s, tabs(s, "space"), countries, yearOpts, country,
                countryName, kpis, graph, graphCaption, eciChart, eciCaption, t, warnings));
    }

    /** The bar chart with bar {@code index} (the chosen country) in the accent colour and the 0 line unlabelled. */
    static String highlight(String chart, int index) {
        var o = (com.fasterxml.jackson.databind.node.ObjectNode) Charts.read(chart);
        var series = (com.fasterxml.jackson.databind.node.ObjectNode) o.get("series").get(0);
        if (series.has("markLine")) ((com.fasterxml.jackson.databind.node.ObjectNode) series.get("markLine")).putObject("label").put("show", false);
        if (index >= 0) {
            var data = (com.fasterxml.jackson.databind.node.ArrayNode) series.get("data");
            double v = data.get(index).asDouble();
            var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            data.set(index, f.objectNode().put("value", v).set("itemStyle", f.objectNode().put("color", "#d95f02")));
        }
        return o.toString();
    }

    // ------------------------------------------------------------------ region

    /** The ranking a request asks for: activity {@code dataset}, {@code trade}, {@code region}, {@code year}. */
    OpportunitiesAnalysis.Ranking ranking(Req q, Dataset activity, String region) {
        Dataset trade = q.requireDataset("trade", Content.TRADE);
        ActivityInput in = wb.activity(activity);
        OpportunitiesAnalysis.Params p = new OpportunitiesAnalysis.Params(region, q.year("year"), null, q.code("reporter"),
                null, null, Opportunities.DEFAULT_RELATED, OpportunitiesAnalysis.Measure.employment, 1.0);
        return OpportunitiesAnalysis.rank(in, TradeInput.of(trade, wb), OpportunitiesAnalysis.concordance(null), p, wb);
    }

    /** The region of a request: {@code region}, else RU-SAM when present, else the first. */
    String region(Req q, Dataset activity) {
        String r = q.code("region");
        if (r != null) return r;
        ActivityInput in = wb.activity(activity);
        return in.hasRegion("RU-SAM") ? "RU-SAM" : in.regions().get(0);
    }

    void region(Req q, Map<String, String> errors) {
        Dataset d = q.dataset(Content.ACTIVITY);
        if (d == null) {
            noData(q, "region", "opp.noActivity", errors);
            return;
        }
        if (q.dataset("trade", Content.TRADE) == null) {
            noData(q, "region", "opp.noTrade", errors);
            return;
        }
        Messages m = q.msg;
        Names names = q.names();
        Shell s = Pages.shell(q, Section.OPPORTUNITIES, m.get("opp.tab.region"), d, wb.providing(Content.ACTIVITY),
                "/opportunities/region", errors).controls("dataset", "region", "trade", "year", "industry", "sort", "dir");
        String region = region(q, d);
        OpportunitiesAnalysis.Ranking rk = ranking(q, d, region);
        Opportunities.Result res = rk.result();
        Table<Opportunities.Row> table = OpportunitiesAnalysis.table(rk, Integer.MAX_VALUE, names, false);
        s.shows(table);

        List<Option> regions = new ArrayList<>();
        for (String iso : rk.inputs().rel().regions()) {
            regions.add(new Option(iso, names.region(iso) + " (" + iso + ")", iso.equals(region)));
        }
        regions.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(m.lang().locale())));
        List<Option> trades = wb.providing(Content.TRADE).stream().map(x -> new Option(x.id(),
                x.id() + (x.synthetic() ? " (" + m.get("dataset.demo") + ")" : ""), x.id().equals(rk.trade().input().id()))).toList();
        String regionName = names.region(region);

        long opps = res.rows().stream().filter(r -> r.status() == Opportunities.Status.OPPORTUNITY).count();
        long spec = res.rows().size() - opps;
        List<Kpi> kpis = List.of(
                new Kpi(m.get("opp.kpi.dependent"), m.count(res.productIndustry().size() + res.unlinked().size()),
                        m.format("opp.help.dependent", names.country(rk.reporter()), res.dependencyYear() == null ? "—" : String.valueOf(res.dependencyYear()))),
                new Kpi(m.get("opp.kpi.industries"), m.count(res.rows().size()), m.get("opp.help.industries")),
                new Kpi(m.get("opp.kpi.opportunities"), m.count(opps), m.get("opp.help.opportunity")),
                new Kpi(m.get("opp.kpi.specialised"), m.count(spec), m.get("opp.help.specialised")));

        Opportunities.Weights w = res.weights();
        double sum = w.density() + w.pci() + w.cog();
        List<Factor> factors = List.of(
                new Factor(m.get("col.density"), m.get("opp.explain.density"), m.percent(w.density() / sum)),
                new Factor(m.get("col.pci"), m.get("opp.explain.pci"), m.percent(w.pci() / sum)),
                new Factor(m.get("col.cog"), m.get("opp.explain.cog"), m.percent(w.cog() / sum)),
                new Factor(m.get("col.score"), m.get("opp.explain.score"), ""));

        // the chosen opportunity: ?industry, else the best-ranked one
        String industry = q.code("industry");
        Opportunities.Row chosen;
        if (industry != null) {
            chosen = res.row(industry);
            if (chosen == null) throw new NotFound(m.format("opp.noIndustry", industry, region));
        } else {
            chosen = res.rows().isEmpty() ? null : res.rows().get(0);
        }
        final Opportunities.Row sel = chosen;
        TableModel t = PageTable.of(table, m, "industry", "status", "rank", "score", "density", "pci", "cog", "rca",
                        "dependent_products", "dependent_imports")
                .text((r, c) -> switch (c) {
                    case "industry" -> names.industryLabel(r.industry());
                    case "status" -> m.get("opp.status." + r.status().label());
                    default -> null;
                })
                .href((r, c) -> c.equals("industry") ? s.url("/opportunities/region", "region", region, "year", rk.year(),
                        "trade", q.param("trade"), "industry", r.industry()) + "#producers" : null)
                .cls((r, c) -> c.equals("industry") && sel != null && sel.industry().equals(r.industry()) ? "selected"
                        : c.equals("status") && r.status() == Opportunities.Status.OPPORTUNITY ? "badge-strong" : null)
                .build("opportunities", m.format("opp.table", regionName, String.valueOf(rk.year())));
        // the rank column orders opportunities before specialised industries
        List<Opportunities.Row> ranked = table.list(); // the page table's rows are built in this order
        for (int i = 0; i < t.rows().size(); i++) {
            Opportunities.Row r = ranked.get(i);
            t.rows().get(i).raw()[2] = r.status() == Opportunities.Status.OPPORTUNITY ? r.rank() : 1000 + r.rank();
        }
        t.sort(q, "rank", false).links(s, Pages.without(q, "sort", "dir"),
                s.url("/opportunities/region/export.csv", "region", region, "year", rk.year(), "trade", q.param("trade")),
                s.url("/opportunities/region/export.xlsx", "region", region, "year", rk.year(), "trade", q.param("trade")));

        List<String> notes = new ArrayList<>();
        if (rk.inputs().complexityNote() != null) notes.add(m.format("opp.noComplexity", m.text(rk.inputs().complexityNote())));
        if (!res.unlinked().isEmpty()) {
            notes.add(m.format("opp.unlinked", res.unlinked().size(), String.join(", ",
                    res.unlinked().keySet().stream().limit(12).map(names::productLabel).toList())));
        }
        if (res.rows().isEmpty()) notes.add(m.get("opp.empty"));
        table.warnings().forEach(x -> notes.add(m.text(x)));

        // candidate producers of the chosen industry
        TableModel producers = null;
        String producersChart = null;
        String producersNote = null;
        String industryLabel = chosen == null ? null : names.industryLabel(chosen.industry());
        Dataset firms = q.dataset("firms", Content.ESTABLISHMENTS);
        if (chosen != null && firms == null) {
            producersNote = m.get("opp.noFirms");
        } else if (chosen != null) {
            Table<OpportunitiesAnalysis.Producer> pt = OpportunitiesAnalysis.producers(rk, firms, chosen.industry(), 0, PRODUCERS,
                    wb, names, false);
            s.shows(pt);
            List<OpportunitiesAnalysis.Producer> cands = pt.list();
            producersNote = cands.isEmpty() ? m.format("opp.producers.none", firms.id(), regionName)
                    : m.format("opp.producers.note", cands.size(), firms.id());
            if (!cands.isEmpty()) {
                producers = PageTable.of(pt, m, "firm_id", "industry", "via", "proximity", "employment", "lat", "lon")
                        .text((x, c) -> switch (c) {
                            case "firm_id" -> x.name() == null ? x.candidate().establishment().id()
                                    : x.name() + " (" + x.candidate().establishment().id() + ")";
                            case "industry" -> names.industryLabel(x.candidate().establishment().industry());
                            case "via" -> x.candidate().sameIndustry() ? m.get("opp.producers.itself") : names.industryLabel(x.candidate().via());
                            default -> null;
                        })
                        .build("producers", m.get("opp.producers.table"));
                producers.param("p").sort(q, "employment", true).links(s, Pages.without(q, "psort", "pdir"),
                        s.url("/opportunities/producers/export.csv", "region", region, "year", rk.year(), "trade", q.param("trade"),
                                "industry", chosen.industry()),
                        s.url("/opportunities/producers/export.xlsx", "region", region, "year", rk.year(), "trade", q.param("trade"),
                                "industry", chosen.industry()));
                List<Charts.Point> same = new ArrayList<>();
                List<Charts.Point> via = new ArrayList<>();
                for (OpportunitiesAnalysis.Producer p : cands) {
                    var e = p.candidate().establishment();
                    (p.candidate().sameIndustry() ? same : via).add(new Charts.Point((p.name() == null ? e.id() : p.name())
                            + " · " + names.industryLabel(e.industry()) + " · " + m.count(e.employment()), e.lon(), e.lat()));
                }
                // dashed lines through the regional capital, for orientation
                RegionInfo info = wb.regions().get(region).orElse(null);
                double lon0 = info == null ? cands.get(0).candidate().establishment().lon() : info.lon();
                double lat0 = info == null ? cands.get(0).candidate().establishment().lat() : info.lat();
                producersChart = Charts.scatter(m.get("col.lon"), m.get("col.lat"), m.lang().name(),
                        List.of(m.get("opp.producers.same"), m.get("opp.producers.related")), List.of(same, via), lon0, lat0);
            }
        }
        String mapUrl = "/mapping/regions/" + Shell.enc(region) + "?dataset=" + Shell.enc(d.id());
        String tradeNote = m.format("opp.tradeNote", rk.trade().input().id(), names.country(rk.reporter()),
                res.dependencyYear() == null ? "—" : String.valueOf(res.dependencyYear()));
        Pages.render(q.ctx, "opportunities/region.jte", new RegionPage(s, tabs(s, "region"), regions, trades, region, regionName,
                kpis, factors, m.get("opp.explain.groups"), t, notes, chosen == null ? null : chosen.industry(), industryLabel,
                producers, producersChart, producersNote, mapUrl, tradeNote));
    }

    // ------------------------------------------------------------------ downloads

    /** {@code /opportunities/{complexity|region|producers}/export.csv|xlsx}: the analysis's table with names. */
    void export(Req q) throws IOException {
        String what = q.ctx.pathParam("what");
        Names names = q.names();
        switch (what) {
            case "complexity" -> {
                Dataset d = q.requireDataset("dataset", Content.EXPORTS);
                ComplexityAnalysis.Exports in = ComplexityAnalysis.load(Source.stored(d.id()), wb);
                List<ComplexityTable.Year> years = ComplexityAnalysis.compute(in, null, ComplexityAnalysis.DEFAULT_THRESHOLD, wb);
                ComplexityTable.Year y = ComplexityAnalysis.year(years, q.year("year"));
                Downloads.send(q.ctx, ComplexityAnalysis.table(in, List.of(y), ComplexityAnalysis.DEFAULT_THRESHOLD, names, true),
                        "klaster-complexity-" + d.id() + "-" + y.year(), q.msg);
            }
            case "region", "producers" -> {
                Dataset d = q.requireDataset("dataset", Content.ACTIVITY);
                String region = region(q, d);
                OpportunitiesAnalysis.Ranking rk = ranking(q, d, region);
                if (what.equals("region")) {
                    Integer top = q.integer("top", 0, 1_000_000);
                    Downloads.send(q.ctx, OpportunitiesAnalysis.table(rk, top == null ? Integer.MAX_VALUE : top, names, true),
                            "klaster-opportunities-" + d.id() + "-" + region + "-" + rk.year(), q.msg);
                } else {
                    Dataset firms = q.requireDataset("firms", Content.ESTABLISHMENTS);
                    Downloads.send(q.ctx, OpportunitiesAnalysis.producers(rk, firms, q.code("industry"), 20, PRODUCERS, wb, names, true),
                            "klaster-producers-" + d.id() + "-" + region + "-" + rk.year(), q.msg);
                }
            }
            default -> throw new NotFound(q.msg.get("error.notFound"));
        }
    }
}
