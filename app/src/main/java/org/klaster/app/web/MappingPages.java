package org.klaster.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.web.map.ColorScale;
import org.klaster.app.web.map.MapModel;
import org.klaster.mapping.MappingRow;
import org.klaster.mapping.ShiftShareRow;

/**
 * The Mapping section: overview map, region profile, category profile and the full table
 * (templates under {@code mapping/}). Handlers only gather a page model; templates draw it.
 */
public final class MappingPages {

    private final Workbench wb;

    public MappingPages(Workbench wb) {
        this.wb = wb;
    }

    /** A labelled choice for a select box. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A headline number. */
    public record Kpi(String label, String value, String help) {
    }

    public record Overview(Shell shell, List<Option> years, List<Option> baseYears, List<Option> metrics,
                           List<Option> categories, Metric metric, String category, String categoryName,
                           MapModel map, List<Kpi> kpis, TableModel regions, TableModel categoriesTable,
                           List<String> warnings) {
    }

    public record RegionProfile(Shell shell, String iso, String name, String district, List<Kpi> kpis,
                                TableModel table, String trendChart, String shiftChart, String shiftCaption,
                                MapModel map, List<Option> years, List<Option> baseYears) {
    }

    public record CategoryProfile(Shell shell, String code, String name, List<Kpi> kpis, TableModel table,
                                  String trendChart, String lqChart, MapModel map, List<Option> years) {
    }

    // ------------------------------------------------------------------ overview

    public void overview(Context ctx) {
        Req q = Req.of(ctx, wb);
        DatasetData d = q.data();
        Integer year = q.intParam("year", 1900, 2100);
        MappingView v = wb.mapping(d, year, q.intParam("base_year", 1900, 2100));
        Metric metric = Metric.parse(ctx.queryParam("metric"));
        String category = q.codeParam("category");
        if (category != null && !d.hasCategory(category)) {
            throw new BadRequest(q.msg.format("error.noCategory", category));
        }
        if (metric.needsCategory() && category == null) category = defaultCategory(v);
        Messages m = q.msg;
        Shell shell = q.shell(Section.MAPPING, m.get("overview.title"));
        String catName = category == null ? null : wb.categoryName(d, category, m.lang());

        Map<String, Double> values = new HashMap<>();
        for (String r : v.regions()) values.put(r, metric.value(v, r, category));
        ColorScale scale = scale(metric, values, m);
        String caption = caption(m, metric, catName, v.year());
        final String cat = category;
        MapModel map = Maps.build(wb, m, caption, values, scale, x -> valueText(m, metric, x),
                iso -> shell.url("/mapping/regions/" + iso, "year", year), null);

        List<Kpi> kpis = List.of(
                new Kpi(m.get("kpi.employment"), m.count(v.totalEmployment()), m.format("kpi.employmentHelp", v.year())),
                new Kpi(m.get("kpi.regions"), m.count(v.regions().size()), null),
                new Kpi(m.get("kpi.categories"), m.count(v.categories().size()), null),
                new Kpi(m.get("kpi.strong"), m.count(v.rows().stream().filter(MappingRow::strong).count()), m.get("kpi.strongHelp")));

        String valueLabel = metricLabel(m, metric);
        TableModel regions = new TableModel("regions", m.get("overview.regionsTable"), List.of(
                new TableModel.Col("region", m.get("col.region"), false, null),
                new TableModel.Col("value", valueLabel, true, caption),
                new TableModel.Col("employment", m.get("col.employment"), true, m.get("unit.persons")),
                new TableModel.Col("strong_clusters", m.get("col.strongClusters"), true, m.get("kpi.strongHelp"))));
        for (String r : v.regions()) {
            double val = values.getOrDefault(r, Double.NaN);
            regions.add(new Object[] {wb.regions().name(r, m.lang()), val, v.regionEmployment(r), v.strongCount(r)}, List.of(
                    new TableModel.Cell(wb.regions().name(r, m.lang()), shell.url("/mapping/regions/" + r, "year", year), null),
                    TableModel.Cell.of(Double.isNaN(val) ? "" : metric == Metric.share ? m.percent(val) : m.num(val, metric.digits())),
                    TableModel.Cell.of(m.count(v.regionEmployment(r))),
                    TableModel.Cell.of(m.count(v.strongCount(r)))));
        }
        regions.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "value", true)
                .links(shell, shell.url("/mapping", "year", year, "metric", metric.name(), "category", cat), null, null);

        TableModel cats = categoriesTable(shell, d, v, m, year);
        Overview page = new Overview(shell, yearOptions(d, v.year(), m), baseYearOptions(d, v, m), metricOptions(m, metric),
                categoryOptions(d, v, m, category), metric, category, catName, map, kpis, regions, cats,
                v.result().warnings().stream().map(Object::toString).toList());
        ctx.render(q.htmx() && "panel".equals(ctx.header("HX-Target")) ? "mapping/overview_panel.jte" : "mapping/overview.jte",
                Map.of("p", page));
    }

    private TableModel categoriesTable(Shell shell, DatasetData d, MappingView v, Messages m, Integer year) {
        TableModel t = new TableModel("categories", m.get("overview.categoriesTable"), List.of(
                new TableModel.Col("category", m.get("col.category"), false, null),
                new TableModel.Col("employment", m.get("col.employment"), true, m.get("unit.persons")),
                new TableModel.Col("regions", m.get("col.regions"), true, null),
                new TableModel.Col("strong", m.get("col.strongRegions"), true, m.get("kpi.strongHelp"))));
        for (String c : v.categories()) {
            String name = wb.categoryName(d, c, m.lang());
            t.add(new Object[] {name, v.categoryEmployment(c), v.category(c).size(), v.strongInCategory(c)}, List.of(
                    new TableModel.Cell(name, shell.url("/mapping/categories/" + c, "year", year), null),
                    TableModel.Cell.of(m.count(v.categoryEmployment(c))),
                    TableModel.Cell.of(m.count(v.category(c).size())),
                    TableModel.Cell.of(m.count(v.strongInCategory(c)))));
        }
        return t.sort(null, null, "employment", true).links(shell, shell.url("/mapping"), null, null);
    }

    // ------------------------------------------------------------------ region

    public void region(Context ctx) {
        Req q = Req.of(ctx, wb);
        DatasetData d = q.data();
        String iso = Req.code("region", ctx.pathParam("iso"));
        Messages m = q.msg;
        if (!d.hasRegion(iso) && !wb.regions().contains(iso)) throw new NotFound(m.format("error.noRegion", iso));
        Integer year = q.intParam("year", 1900, 2100);
        MappingView v = wb.mapping(d, year, q.intParam("base_year", 1900, 2100));
        String name = wb.regions().name(iso, m.lang());
        Shell shell = q.shell(Section.MAPPING, name);
        List<MappingRow> rows = v.region(iso);

        List<Kpi> kpis = List.of(
                new Kpi(m.get("kpi.employment"), m.count(v.regionEmployment(iso)), m.format("kpi.employmentHelp", v.year())),
                new Kpi(m.get("kpi.strong"), m.count(v.strongCount(iso)), m.get("kpi.strongHelp")),
                new Kpi(m.get("kpi.starred"), m.count(rows.stream().filter(r -> r.stars() > 0).count()), m.get("kpi.starredHelp")),
                new Kpi(m.get("kpi.categories"), m.count(rows.size()), null));

        TableModel t = mappingTable("profile", m.get("region.table"), shell, d, v, rows, m, true, year);
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "stars", true)
                .links(shell, shell.url("/mapping/regions/" + iso, "year", year, "base_year", ctx.queryParam("base_year")),
                        shell.url("/mapping/export.csv", "year", v.year(), "base_year", v.baseYear(), "region", iso),
                        shell.url("/mapping/export.xlsx", "year", v.year(), "base_year", v.baseYear(), "region", iso));

        // employment trend: the region's total and its three strongest categories
        List<Integer> years = new ArrayList<>(d.years());
        List<String> names = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        names.add(m.get("chart.allCategories"));
        series.add(d.regionTrend(iso, null).stream().mapToDouble(DatasetData.Point::employment).toArray());
        List<MappingRow> ranked = v.regionRanked(iso);
        for (int i = 0; i < Math.min(3, ranked.size()); i++) {
            String c = ranked.get(i).category();
            names.add(wb.categoryName(d, c, m.lang()));
            series.add(d.regionTrend(iso, c).stream().mapToDouble(DatasetData.Point::employment).toArray());
        }
        String trend = Charts.lines(m.get("chart.employment"), m.get("unit.persons"), m.lang().name(), years, names, series);

        String shift = null;
        String shiftCaption = null;
        if (v.baseYear() != null) {
            List<MappingRow> top = new ArrayList<>(rows);
            top.sort(Comparator.comparingDouble((MappingRow r) -> -Math.abs(r.shift().change())));
            top = top.subList(0, Math.min(12, top.size()));
            List<String> labels = new ArrayList<>();
            double[] nat = new double[top.size()], mix = new double[top.size()], reg = new double[top.size()];
            for (int i = 0; i < top.size(); i++) {
                ShiftShareRow s = top.get(i).shift();
                labels.add(wb.categoryName(d, top.get(i).category(), m.lang()));
                nat[i] = s.nationalEffect();
                mix[i] = s.industryMix();
                reg[i] = s.regionalEffect();
            }
            shift = Charts.stackedBars(m.get("chart.change"), m.get("unit.persons"), m.lang().name(), labels,
                    List.of(m.get("col.national_effect"), m.get("col.industry_mix"), m.get("col.regional_effect")),
                    List.of(nat, mix, reg));
            shiftCaption = m.format("region.shiftCaption", v.baseYear(), v.year());
        }

        Map<String, Double> values = new HashMap<>();
        for (String r : v.regions()) values.put(r, (double) v.strongCount(r));
        MapModel map = Maps.build(wb, m, caption(m, Metric.strong, null, v.year()), values,
                scale(Metric.strong, values, m), x -> valueText(m, Metric.strong, x),
                r -> shell.url("/mapping/regions/" + r, "year", year), iso);
        RegionInfo info = wb.regions().get(iso).orElse(null);
        ctx.render("mapping/region.jte", Map.of("p", new RegionProfile(shell, iso, name,
                info == null ? "" : info.district(m.lang()), kpis, t, trend, shift, shiftCaption, map,
                yearOptions(d, v.year(), m), baseYearOptions(d, v, m))));
    }

    // ------------------------------------------------------------------ category

    public void category(Context ctx) {
        Req q = Req.of(ctx, wb);
        DatasetData d = q.data();
        String code = Req.code("category", ctx.pathParam("code"));
        Messages m = q.msg;
        if (!d.hasCategory(code)) throw new NotFound(m.format("error.noCategory", code));
        Integer year = q.intParam("year", 1900, 2100);
        MappingView v = wb.mapping(d, year, q.intParam("base_year", 1900, 2100));
        String name = wb.categoryName(d, code, m.lang());
        Shell shell = q.shell(Section.MAPPING, name);
        List<MappingRow> rows = v.category(code);

        List<Kpi> kpis = List.of(
                new Kpi(m.get("kpi.employment"), m.count(v.categoryEmployment(code)), m.format("kpi.employmentHelp", v.year())),
                new Kpi(m.get("kpi.nationalShare"), m.percent(v.categoryEmployment(code) / v.totalEmployment()), null),
                new Kpi(m.get("col.regions"), m.count(rows.size()), null),
                new Kpi(m.get("col.strongRegions"), m.count(v.strongInCategory(code)), m.get("kpi.strongHelp")));

        TableModel t = mappingTable("profile", m.get("category.table"), shell, d, v, rows, m, false, year);
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "lq", true)
                .links(shell, shell.url("/mapping/categories/" + code, "year", year),
                        shell.url("/mapping/export.csv", "year", v.year(), "base_year", v.baseYear(), "category", code),
                        shell.url("/mapping/export.xlsx", "year", v.year(), "base_year", v.baseYear(), "category", code));

        List<Integer> years = new ArrayList<>(d.years());
        String trend = Charts.lines(m.get("chart.employment"), m.get("unit.persons"), m.lang().name(), years,
                List.of(m.get("chart.national")), List.of(d.nationalTrend(code).stream().mapToDouble(DatasetData.Point::employment).toArray()));
        List<MappingRow> byLq = new ArrayList<>(rows);
        byLq.sort(Comparator.comparingDouble(MappingRow::lq).reversed());
        byLq = byLq.subList(0, Math.min(15, byLq.size()));
        String lqChart = Charts.bars(m.get("col.lq"), "", m.lang().name(),
                byLq.stream().map(r -> wb.regions().name(r.region(), m.lang())).toList(),
                byLq.stream().mapToDouble(MappingRow::lq).toArray(), 1.0);

        Map<String, Double> values = new HashMap<>();
        for (String r : v.regions()) values.put(r, Metric.lq.value(v, r, code));
        MapModel map = Maps.build(wb, m, caption(m, Metric.lq, name, v.year()), values, scale(Metric.lq, values, m),
                x -> valueText(m, Metric.lq, x), r -> shell.url("/mapping/regions/" + r, "year", year), null);
        ctx.render("mapping/category.jte", Map.of("p", new CategoryProfile(shell, code, name, kpis, t, trend, lqChart, map,
                yearOptions(d, v.year(), m))));
    }

    // ------------------------------------------------------------------ shared parts

    /** The mapping rows as a table; {@code byCategory} for a region profile, else by region. */
    TableModel mappingTable(String id, String caption, Shell shell, DatasetData d, MappingView v, List<MappingRow> rows,
                            Messages m, boolean byCategory, Integer year) {
        boolean shift = v.baseYear() != null;
        List<TableModel.Col> cols = new ArrayList<>();
        cols.add(byCategory ? new TableModel.Col("category", m.get("col.category"), false, null)
                : new TableModel.Col("region", m.get("col.region"), false, null));
        cols.add(new TableModel.Col("employment", m.get("col.employment"), true, m.get("unit.persons")));
        cols.add(new TableModel.Col("share", m.get("col.share"), true, m.get("help.share")));
        cols.add(new TableModel.Col("lq", m.get("col.lq"), true, m.get("help.lq")));
        cols.add(new TableModel.Col("stars", m.get("col.stars"), true, m.get("help.stars")));
        cols.add(new TableModel.Col("strong", m.get("col.strong"), true, m.get("kpi.strongHelp")));
        if (shift) cols.add(new TableModel.Col("change", m.format("col.changeSince", v.baseYear()), true, m.get("unit.persons")));
        TableModel t = new TableModel(id, caption, cols);
        for (MappingRow r : rows) {
            String label = byCategory ? wb.categoryName(d, r.category(), m.lang()) : wb.regions().name(r.region(), m.lang());
            String href = byCategory ? shell.url("/mapping/categories/" + r.category(), "year", year)
                    : shell.url("/mapping/regions/" + r.region(), "year", year);
            List<TableModel.Cell> cells = new ArrayList<>(List.of(
                    new TableModel.Cell(label, href, null),
                    TableModel.Cell.of(m.count(r.employment())),
                    TableModel.Cell.of(m.percent(r.share())),
                    TableModel.Cell.of(m.num(r.lq(), 2)),
                    new TableModel.Cell(starText(r), null, "stars stars-" + r.stars()),
                    new TableModel.Cell(r.strong() ? m.get("yes") : "", null, r.strong() ? "badge-strong" : null)));
            List<Object> raw = new ArrayList<>(List.of(label, r.employment(), r.share(), r.lq(), r.stars(), r.strong()));
            if (shift) {
                cells.add(TableModel.Cell.of(m.signed(r.shift().change())));
                raw.add(r.shift().change());
            }
            t.add(raw.toArray(), cells);
        }
        return t;
    }

    static String starText(MappingRow r) {
        return "\u2605".repeat(r.stars()) + "\u2606".repeat(3 - r.stars());
    }

    private static String defaultCategory(MappingView v) {
        String best = null;
        double e = -1;
        for (String c : v.categories()) {
            if (v.categoryEmployment(c) > e) {
                e = v.categoryEmployment(c);
                best = c;
            }
        }
        return best;
    }

    static ColorScale scale(Metric metric, Map<String, Double> values, Messages m) {
        return switch (metric) {
            case strong, stars -> {
                int max = (int) values.values().stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1);
                yield ColorScale.counts(metric == Metric.stars ? 3 : Math.max(1, max), x -> m.num(x, 0));
            }
            case lq -> ColorScale.locationQuotient(x -> m.num(x, 2));
            case employment -> ColorScale.quantiles(values.values().stream().mapToDouble(Double::doubleValue).toArray(), m::count);
            case share -> ColorScale.quantiles(values.values().stream().mapToDouble(Double::doubleValue).toArray(), m::percent);
        };
    }

    static String valueText(Messages m, Metric metric, double x) {
        if (Double.isNaN(x)) return m.get("map.noData");
        return switch (metric) {
            case strong -> m.format("value.strong", m.num(x, 0));
            case stars -> m.format("value.stars", m.num(x, 0));
            case lq -> m.format("value.lq", m.num(x, 2));
            case employment -> m.format("value.employment", m.count(x));
            case share -> m.percent(x);
        };
    }

    static String metricLabel(Messages m, Metric metric) {
        return m.get("metric." + metric.name());
    }

    static String caption(Messages m, Metric metric, String categoryName, int year) {
        return categoryName == null ? m.format("caption." + metric.name(), year)
                : m.format("caption." + metric.name() + ".category", year, categoryName);
    }

    private List<Option> yearOptions(DatasetData d, int year, Messages m) {
        List<Option> o = new ArrayList<>();
        for (int y : new java.util.TreeSet<>(d.years()).descendingSet()) o.add(new Option(String.valueOf(y), String.valueOf(y), y == year));
        return o;
    }

    private List<Option> baseYearOptions(DatasetData d, MappingView v, Messages m) {
        List<Option> o = new ArrayList<>();
        for (int y : d.years()) {
            if (y < v.year()) o.add(new Option(String.valueOf(y), String.valueOf(y), v.baseYear() != null && y == v.baseYear()));
        }
        return o;
    }

    private static List<Option> metricOptions(Messages m, Metric selected) {
        List<Option> o = new ArrayList<>();
        for (Metric x : Metric.values()) o.add(new Option(x.name(), metricLabel(m, x), x == selected));
        return o;
    }

    private List<Option> categoryOptions(DatasetData d, MappingView v, Messages m, String selected) {
        List<Option> o = new ArrayList<>();
        for (String c : v.categories()) o.add(new Option(c, wb.categoryName(d, c, m.lang()), c.equals(selected)));
        o.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(m.lang().locale())));
        return o;
    }
}
