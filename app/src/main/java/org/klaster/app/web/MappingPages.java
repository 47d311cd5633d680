package org.klaster.app.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.MappingAnalysis;
import org.klaster.app.analysis.MappingView;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Metric;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.UserException;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.map.ColorScale;
import org.klaster.app.web.map.MapModel;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.mapping.MappingRow;
import org.klaster.mapping.ShiftShareRow;

/**
 * The Mapping section: overview map, region profile, category profile and the downloads (templates
 * under {@code mapping/}). Numbers come from {@link MappingAnalysis}; handlers gather a page model,
 * templates draw it.
 */
public final class MappingPages {

    private final Workbench wb;

    public MappingPages(Workbench wb) {
        this.wb = wb;
    }

    public record Overview(Shell shell, List<Option> years, List<Option> metrics, List<Option> categories, boolean allCategories,
                           Metric metric, String category, String categoryName, MapModel map, List<Kpi> kpis,
                           TableModel regions, TableModel categoriesTable, List<String> warnings, String hint) {
    }

    public record RegionProfile(Shell shell, String iso, String name, String district, List<Kpi> kpis,
                                TableModel table, String trendChart, String shiftChart, String shiftCaption, String noShift,
                                MapModel map, List<Option> years, List<Option> baseYears) {
    }

    public record CategoryProfile(Shell shell, String code, String name, List<Kpi> kpis, TableModel table,
                                  String trendChart, String lqChart, MapModel map, List<Option> years) {
    }

    /** The activity dataset of a request (NOT_FOUND when none is stored) and its input. */
    private ActivityInput input(Req q) {
        return wb.activity(q.requireDataset("dataset", Content.ACTIVITY));
    }

    private Shell shell(Req q, ActivityInput in, String title, Map<String, String> errors) {
        return Pages.shell(q, Section.MAPPING, title, in.meta(), wb.providing(Content.ACTIVITY), "/mapping", errors);
    }

    /**
     * The years a page asks for: year (null = latest), base year (null = the first year when before it).
     * A base year not before the year is dropped quietly: the base-year picker offers only earlier years,
     * and changing the year must not break the page.
     */
    private MappingAnalysis.Years years(Req q, ActivityInput in) {
        Integer year = q.year("year");
        Integer base = q.year("base_year");
        int y = MappingAnalysis.years(in, year, null).year();
        if (base != null && base >= y) base = null;
        if (base == null && in.years().first() < y) base = in.years().first();
        return MappingAnalysis.years(in, y, base);
    }

    // ------------------------------------------------------------------ overview

    void overview(Req q, Map<String, String> errors) {
        ActivityInput in = input(q);
        Messages m = q.msg;
        Names names = q.names();
        MappingAnalysis.Years ys = years(q, in);
        MappingView v = MappingAnalysis.view(in, ys, wb);
        Metric metric = Metric.parse(q.param("metric"));
        String category = q.code("category");
        if (category != null && !in.hasCategory(category)) {
            throw UserException.notFound("category", Messages.text("error.noCategory", category));
        }
        // LQ, stars and share belong to one category: the largest is chosen, and the picker shows it
        if (metric.needsCategory() && category == null) category = largestCategory(v);
        Shell shell = shell(q, in, m.get("overview.title"), errors).controls("metric", "category", "year", "dataset");
        String catName = category == null ? null : names.category(category, in.categoryNames());

        Table<MappingAnalysis.RegionValue> regions = MappingAnalysis.regions(in, v, metric, category, names, false);
        shell.shows(regions);
        Map<String, Double> values = new HashMap<>();
        for (MappingAnalysis.RegionValue r : regions.list()) values.put(r.region(), r.value());
        ColorScale scale = scale(metric, values, m);
        String caption = caption(m, metric, catName, v.year());
        final Integer year = q.year("year");
        MapModel map = Maps.build(wb, m, caption, values, scale, x -> valueText(m, metric, x),
                iso -> shell.url("/mapping/regions/" + iso, "year", year), null);

        List<Kpi> kpis;
        if (category == null) {
            kpis = List.of(
                    new Kpi(m.get("kpi.employment"), m.count(v.totalEmployment()), m.format("kpi.employmentHelp", v.year())),
                    new Kpi(m.get("kpi.regions"), m.count(v.regions().size()), null),
                    new Kpi(m.get("kpi.categories"), m.count(v.categories().size()), null),
                    new Kpi(m.get("kpi.strong"), m.count(v.rows().stream().filter(MappingRow::strong).count()), m.get("kpi.strongHelp")));
        } else {
            double e = v.categoryEmployment(category);
            kpis = List.of(
                    new Kpi(m.format("kpi.employmentOf", catName), m.count(e), m.format("kpi.employmentHelp", v.year())),
                    new Kpi(m.get("kpi.nationalShare"), m.percent(e / v.totalEmployment()), null),
                    new Kpi(m.get("kpi.regionsWith"), m.count(v.category(category).size()), null),
                    new Kpi(m.get("kpi.strongIn"), m.count(v.strongInCategory(category)), m.get("kpi.strongHelp")));
        }

        final String cat = category;
        // the value column already counts strong clusters when that is the indicator
        String[] regionCols = metric == Metric.strong ? new String[] {"region", "value", "employment"}
                : new String[] {"region", "value", "employment", "strong_clusters"};
        TableModel regionsTable = PageTable.of(regions, m, regionCols)
                .text((r, c) -> c.equals("region") ? names.region(r.region()) : null)
                .href((r, c) -> c.equals("region") ? shell.url("/mapping/regions/" + r.region(), "year", year) : null)
                .build("regions", category == null ? m.get("overview.regionsTable") : m.format("overview.regionsTableOf", catName));
        regionsTable.cols().set(1, new TableModel.Col("value", metricLabel(m, metric), true, caption,
                regionsTable.cols().get(1).unit()));
        regionsTable.sort(q, "value", true)
                .links(shell, Pages.without(q, "sort", "dir", "csort", "cdir"), null, null);

        Table<MappingAnalysis.CategorySummary> cats = MappingAnalysis.categories(in, v, names, false);
        TableModel catsTable = PageTable.of(cats, m, "category", "employment", "regions", "strong_clusters")
                .text((r, c) -> c.equals("category") ? names.category(r.category(), in.categoryNames()) : null)
                .href((r, c) -> c.equals("category") ? shell.url("/mapping/categories/" + r.category(), "year", year) : null)
                .build("categories", m.get("overview.categoriesTable"));
        catsTable.param("c").sort(q, "employment", true).links(shell, Pages.without(q, "csort", "cdir"), null, null);

        List<String> warnings = new ArrayList<>();
        v.result().warnings().forEach(w -> warnings.add(m.text(org.klaster.app.analysis.Texts.of(w))));
        Overview page = new Overview(shell, Pages.years(in.years(), v.year()), metricOptions(m, metric),
                categoryOptions(in, v, names, category), !metric.needsCategory(), metric, category, catName, map, kpis,
                regionsTable, catsTable, warnings, metric.needsCategory() && q.code("category") == null
                        ? m.format("overview.categoryChosen", catName) : null);
        boolean panel = q.htmx() && "panel".equals(q.ctx.header("HX-Target"));
        Pages.render(q.ctx, panel ? "mapping/overview_panel.jte" : "mapping/overview.jte", page);
    }

    // ------------------------------------------------------------------ region

    void region(Req q, Map<String, String> errors) {
        ActivityInput in = input(q);
        String iso = org.klaster.app.analysis.Param.code("iso", q.ctx.pathParam("iso"));
        Messages m = q.msg;
        Names names = q.names();
        if (!in.hasRegion(iso)) throw new NotFound(m.format("error.noRegion", iso));
        MappingAnalysis.Years ys = years(q, in);
        MappingView v = MappingAnalysis.view(in, ys, wb);
        String name = names.region(iso);
        Shell shell = shell(q, in, name, errors).controls("year", "base_year", "dataset", "sort", "dir");
        List<MappingRow> rows = v.region(iso);

        List<Kpi> kpis = List.of(
                new Kpi(m.get("kpi.employment"), m.count(v.regionEmployment(iso)), m.format("kpi.employmentHelp", v.year())),
                new Kpi(m.get("kpi.strong"), m.count(v.strongCount(iso)), m.get("kpi.strongHelp")),
                new Kpi(m.get("kpi.starred"), m.count(rows.stream().filter(r -> r.stars() > 0).count()), m.get("kpi.starredHelp")),
                new Kpi(m.get("kpi.categories"), m.count(rows.size()), null));

        Table<MappingRow> t = MappingAnalysis.table(in, v.result(), rows, names, false);
        shell.shows(t);
        final Integer year = q.year("year");
        List<String> cols = new ArrayList<>(List.of("category", "employment", "share", "lq", "stars", "strong"));
        if (v.baseYear() != null) cols.add("change");
        TableModel table = PageTable.of(t, m, cols.toArray(String[]::new))
                .text((r, c) -> c.equals("category") ? names.category(r.category(), in.categoryNames()) : null)
                .href((r, c) -> c.equals("category") ? shell.url("/mapping/categories/" + r.category(), "year", year) : null)
                .build("profile", m.get("region.table"));
        if (v.baseYear() != null) {
            int last = table.cols().size() - 1;
            table.cols().set(last, new TableModel.Col("change", m.format("col.changeSince", v.baseYear()), true,
                    m.get("col.change.help"), table.cols().get(last).unit()));
        }
        table.sort(q, "stars", true).links(shell, Pages.without(q, "sort", "dir"),
                shell.url("/mapping/export.csv", "year", v.year(), "base_year", v.baseYear(), "region", iso),
                shell.url("/mapping/export.xlsx", "year", v.year(), "base_year", v.baseYear(), "region", iso));

        // employment trend: the region's total (own axis) and its three strongest categories
        List<Integer> years = new ArrayList<>(in.years());
        List<String> labels = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        labels.add(m.get("chart.allCategories"));
        series.add(in.regionTrend(iso, null).stream().mapToDouble(ActivityInput.Point::employment).toArray());
        List<MappingRow> ranked = v.regionRanked(iso);
        for (int i = 0; i < Math.min(3, ranked.size()); i++) {
            String c = ranked.get(i).category();
            labels.add(names.category(c, in.categoryNames()));
            series.add(in.regionTrend(iso, c).stream().mapToDouble(ActivityInput.Point::employment).toArray());
        }
        String trend = Charts.linesWithTotal(m.get("chart.employmentCategories"), m.get("chart.employmentTotal"),
                m.get("unit.persons"), m.lang().name(), years, labels, series);

        String shift = null;
        String shiftCaption = null;
        String noShift = null;
        if (v.baseYear() != null) {
            List<MappingRow> top = new ArrayList<>(rows);
            top.sort(Comparator.comparingDouble((MappingRow r) -> -Math.abs(r.shift().change())));
            top = top.subList(0, Math.min(12, top.size()));
            List<String> cl = new ArrayList<>();
            double[] nat = new double[top.size()], mix = new double[top.size()], reg = new double[top.size()];
            for (int i = 0; i < top.size(); i++) {
                ShiftShareRow s = top.get(i).shift();
                cl.add(names.category(top.get(i).category(), in.categoryNames()));
                nat[i] = s.nationalEffect();
                mix[i] = s.industryMix();
                reg[i] = s.regionalEffect();
            }
            shift = Charts.stackedBars(m.get("chart.change"), m.get("unit.persons"), m.lang().name(), cl,
                    List.of(m.get("col.national_effect"), m.get("col.industry_mix"), m.get("col.regional_effect")),
                    List.of(nat, mix, reg));
            shiftCaption = m.format("region.shiftCaption", v.baseYear(), v.year());
        } else {
            noShift = in.years().size() < 2 ? m.get("region.noShift") : m.format("region.noShiftFirst", v.year());
        }

        Map<String, Double> values = new HashMap<>();
        for (String r : v.regions()) values.put(r, (double) v.strongCount(r));
        MapModel map = Maps.build(wb, m, caption(m, Metric.strong, null, v.year()), values,
                scale(Metric.strong, values, m), x -> valueText(m, Metric.strong, x),
                r -> shell.url("/mapping/regions/" + r, "year", year), iso);
        RegionInfo info = wb.regions().get(iso).orElse(null);
        List<Option> baseYears = new ArrayList<>();
        for (int y : in.years()) {
            if (y < v.year()) baseYears.add(new Option(String.valueOf(y), String.valueOf(y), v.baseYear() != null && y == v.baseYear()));
        }
        Pages.render(q.ctx, "mapping/region.jte", new RegionProfile(shell, iso, name, info == null ? m.get("region.otherTerritory")
                : info.district(m.lang()), kpis, table, trend, shift, shiftCaption, noShift, map,
                Pages.years(in.years(), v.year()), baseYears));
    }

    // ------------------------------------------------------------------ category

    void category(Req q, Map<String, String> errors) {
        ActivityInput in = input(q);
        String code = org.klaster.app.analysis.Param.code("code", q.ctx.pathParam("code"));
        Messages m = q.msg;
        Names names = q.names();
        if (!in.hasCategory(code)) throw new NotFound(m.format("error.noCategory", code));
        MappingAnalysis.Years ys = years(q, in);
        MappingView v = MappingAnalysis.view(in, ys, wb);
        String name = names.category(code, in.categoryNames());
        Shell shell = shell(q, in, name, errors).controls("year", "dataset", "sort", "dir");
        List<MappingRow> rows = v.category(code);

        List<Kpi> kpis = List.of(
                new Kpi(m.get("kpi.employment"), m.count(v.categoryEmployment(code)), m.format("kpi.employmentHelp", v.year())),
                new Kpi(m.get("kpi.nationalShare"), m.percent(v.categoryEmployment(code) / v.totalEmployment()), null),
                new Kpi(m.get("kpi.regionsWith"), m.count(rows.size()), null),
                new Kpi(m.get("kpi.strongIn"), m.count(v.strongInCategory(code)), m.get("kpi.strongHelp")));

        Table<MappingRow> t = MappingAnalysis.table(in, v.result(), rows, names, false);
        shell.shows(t);
        final Integer year = q.year("year");
        TableModel table = PageTable.of(t, m, "region", "employment", "share", "lq", "stars", "strong")
                .text((r, c) -> c.equals("region") ? names.region(r.region()) : null)
                .href((r, c) -> c.equals("region") ? shell.url("/mapping/regions/" + r.region(), "year", year) : null)
                .build("profile", m.get("category.table"));
        table.sort(q, "lq", true).links(shell, Pages.without(q, "sort", "dir"),
                shell.url("/mapping/export.csv", "year", v.year(), "base_year", v.baseYear(), "category", code),
                shell.url("/mapping/export.xlsx", "year", v.year(), "base_year", v.baseYear(), "category", code));

        List<Integer> years = new ArrayList<>(in.years());
        String trend = Charts.lines(m.get("chart.employment"), m.get("unit.persons"), m.lang().name(), years,
                List.of(m.get("chart.national")), List.of(in.nationalTrend(code).stream().mapToDouble(ActivityInput.Point::employment).toArray()));
        List<MappingRow> byLq = new ArrayList<>(rows);
        byLq.sort(Comparator.comparingDouble(MappingRow::lq).reversed());
        byLq = byLq.subList(0, Math.min(15, byLq.size()));
        String lqChart = Charts.bars(m.get("col.lq"), "", m.lang().name(),
                byLq.stream().map(r -> names.region(r.region())).toList(),
                byLq.stream().mapToDouble(MappingRow::lq).toArray(), 1.0);

        Map<String, Double> values = new HashMap<>();
        for (String r : v.regions()) values.put(r, Metric.lq.value(v, r, code));
        MapModel map = Maps.build(wb, m, caption(m, Metric.lq, name, v.year()), values, scale(Metric.lq, values, m),
                x -> valueText(m, Metric.lq, x), r -> shell.url("/mapping/regions/" + r, "year", year), null);
        Pages.render(q.ctx, "mapping/category.jte", new CategoryProfile(shell, code, name, kpis, table, trend, lqChart, map,
                Pages.years(in.years(), v.year())));
    }

    // ------------------------------------------------------------------ downloads

    /** {@code /mapping/export.csv|xlsx?year&base_year&region&category}: {@code klaster map} with names. */
    void export(Req q) throws IOException {
        ActivityInput in = input(q);
        // the years of the page it is downloaded from (a base year by default, as the page shows shift-share)
        MappingAnalysis.Years ys = years(q, in);
        MappingView v = MappingAnalysis.view(in, ys, wb);
        String region = q.code("region");
        String category = q.code("category");
        List<MappingRow> rows = MappingAnalysis.select(in, v, region, category);
        Table<MappingRow> t = MappingAnalysis.table(in, v.result(), rows, q.names(), true);
        Downloads.send(q.ctx, t, "klaster-map-" + in.id() + "-" + v.year() + (region != null ? "-" + region : "")
                + (category != null ? "-" + category : ""), q.msg);
    }

    // ------------------------------------------------------------------ shared parts

    private static String largestCategory(MappingView v) {
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

    private static List<Option> metricOptions(Messages m, Metric selected) {
        List<Option> o = new ArrayList<>();
        for (Metric x : Metric.values()) o.add(new Option(x.name(), metricLabel(m, x), x == selected));
        return o;
    }

    private static List<Option> categoryOptions(ActivityInput in, MappingView v, Names names, String selected) {
        List<Option> o = new ArrayList<>();
        for (String c : v.categories()) o.add(new Option(c, names.category(c, in.categoryNames()), c.equals(selected)));
        o.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(names.lang().locale())));
        return o;
    }

    /** Datasets for the picker of Mapping pages. */
    List<Dataset> choices() {
        return wb.providing(Content.ACTIVITY);
    }
}
