package org.klaster.app.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.klaster.AnalysisException;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.CoverageAnalysis;
import org.klaster.app.analysis.DependencyAnalysis;
import org.klaster.app.analysis.ExtractionAnalysis;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.MultipliersAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.PartnersAnalysis;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.RegionalisationAnalysis;
import org.klaster.app.analysis.ShockAnalysis;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TradeInput;
import org.klaster.app.analysis.UserException;
import org.klaster.app.analysis.Units;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.Pages.Tab;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.PartnerShares;
import org.klaster.dependency.SovereigntyCoverage;
import org.klaster.dependency.Thresholds;
import org.klaster.inputoutput.HypotheticalExtraction;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.Regionalisation;
import org.klaster.inputoutput.ShockResult;

/**
 * The Sovereignty section (templates under {@code sovereignty/}): input–output multipliers and key
 * sectors, the shock simulator (two scenarios), hypothetical extraction, and the dependency screen of
 * trade with partner concentration and sovereignty coverage. Numbers come from the analyses
 * ({@link MultipliersAnalysis}, {@link ShockAnalysis}, {@link ExtractionAnalysis},
 * {@link DependencyAnalysis}, {@link PartnersAnalysis}, {@link CoverageAnalysis}); handlers only gather
 * page models. Each page works on a dataset of the content it reads; the picker offers only those.
 *
 * <p>The input–output tabs analyse the national table or, with {@code region} (the region picker), that
 * region's table made from it and the employment of an activity dataset ({@code activity}) by the location
 * quotient {@code method} with Flegg's {@code delta} ({@link RegionalisationAnalysis}; the workbench keeps the
 * regional models, {@link Workbench#regional}). The parameters travel in every link and download.
 */
public final class SovereigntyPages {

    static final int TOP = 15;
    /** Rows of sector/rate inputs per scenario in the shock form. */
    static final int SHOCK_ROWS = 4;

    private final Workbench wb;

    public SovereigntyPages(Workbench wb) {
        this.wb = wb;
    }

    public record NoData(Shell shell, List<Tab> tabs, String message) {
    }

    public record MultipliersPage(Shell shell, List<Tab> tabs, TableChoice choice, List<Kpi> kpis, TableModel table,
                                  String scatter, String importChart, String importCaption, List<String> warnings) {
    }

    /** A hidden form field. */
    public record Hidden(String name, String value) {
    }

    /**
     * Which table the input–output tabs show, as drawn above them: the region picker (the whole country first),
     * in "advanced" the method, δ, the activity dataset of the employment and its year; the sentence naming the
     * table shown, its notes, and the regional table's downloads (null for the national table).
     */
    public record TableChoice(String action, List<Hidden> hidden, List<Option> regions, List<Option> methods, String delta,
                              List<Option> activities, List<Option> years, boolean advanced, String shown,
                              List<String> notes, String csv, String xlsx, String noActivity) {
    }

    /** A scenario as the user typed it (for refilling the form). */
    public record ScenarioForm(String key, String label, List<Option> types, List<String> sectors, List<String> rates) {
    }

    public record ShockOutcome(List<Kpi> kpis, String chart, TableModel table, List<String> warnings) {
    }

    public record ShockPage(Shell shell, List<Tab> tabs, TableChoice choice, List<Hidden> keep, List<Option> sectors,
                            List<ScenarioForm> scenarios, String error, ShockOutcome outcome) {
    }

    public record ExtractionPage(Shell shell, List<Tab> tabs, TableChoice choice, List<Kpi> kpis, TableModel table,
                                 String chart, List<String> warnings) {
    }

    public record DependencyPage(Shell shell, List<Tab> tabs, List<Option> reporters, List<Option> fromYears,
                                 List<Option> toYears, List<Option> groups, List<Option> filters, List<Kpi> kpis,
                                 TableModel table, String product, String partnerChart, String partnerCaption,
                                 TableModel coverage, String coverageNote, List<Option> coverageWeighting, List<String> notes,
                                 List<String> warnings) {
    }

    // ------------------------------------------------------------------ shared

    static List<Tab> tabs(Shell s, String current) {
        return tabs(s, current, null);
    }

    /** The tabs; the input–output ones keep the table shown (a region's: {@code view}). */
    static List<Tab> tabs(Shell s, String current, IoView view) {
        List<Tab> t = new ArrayList<>();
        for (String k : List.of("multipliers", "shock", "extraction", "localisation", "dependency")) {
            Object[] kv = view == null || k.equals("dependency") ? new Object[0] : view.kv();
            t.add(new Tab(s.t("sov.tab." + k), s.url("/sovereignty/" + k, kv), k.equals(current)));
        }
        return t;
    }

    Shell shell(Req q, Dataset d, Content content, String tab, Map<String, String> errors) {
        return Pages.shell(q, Section.SOVEREIGNTY, q.msg.get("sov.tab." + tab), d, wb.providing(content),
                "/sovereignty/" + tab, errors).controls("dataset");
    }

    /** The page's dataset of a content, or null after drawing the "nothing to show" page. */
    Dataset dataset(Req q, Content content, String tab, Map<String, String> errors) {
        Dataset d = q.dataset(content);
        if (d == null) {
            Shell s = Pages.shell(q, Section.SOVEREIGNTY, q.msg.get("sov.tab." + tab), null, List.of(), "/sovereignty/" + tab, errors);
            Pages.render(q.ctx, "sovereignty/none.jte", new NoData(s, tabs(s, tab),
                    q.msg.get(content == Content.TRADE ? "sov.noTrade" : "sov.noIo")));
        }
        return d;
    }

    /** The model of a dataset, or the "not productive" reason as a 422 page. */
    private IoModel io(Req q, Dataset d, String tab, Map<String, String> errors) {
        try {
            return wb.io(d);
        } catch (AnalysisException e) {
            Shell s = shell(q, d, Content.IO_TABLE, tab, errors);
            q.ctx.status(422);
            Pages.render(q.ctx, "sovereignty/none.jte", new NoData(s, tabs(s, tab),
                    q.msg.format("sov.notProductive", d.id(), q.msg.text(org.klaster.app.analysis.Texts.of(e)))));
            return null;
        }
    }

    static List<String> texts(Messages m, List<org.klaster.Text> texts) {
        return texts.stream().map(m::text).toList();
    }

    // ------------------------------------------------------------------ the table: national or a region's

    /** The parameters of the regional table; a refusal naming one of them is shown next to its control. */
    static final List<String> REGIONAL = List.of("region", "method", "delta", "activity", "year");

    /**
     * The table the input–output tabs, their downloads and the API analyse: the national table of {@code national},
     * or a region's ({@code regional} non-null, made with the employment of {@code activity}).
     */
    record IoView(Dataset national, IoModel model, Workbench.Regional regional, Dataset activity) {

        RegionalisationAnalysis.Params params() {
            return regional.result().params();
        }

        /** The table's parameters for links: region, method, δ, activity dataset and year (none for the national table). */
        Object[] kv() {
            if (regional == null) return new Object[0];
            return new Object[] {"region", params().region(), "method", params().method().id(), "delta", delta(params().delta()),
                    "activity", activity.id(), "year", regional.result().year()};
        }

        /** The same as hidden fields of a form. */
        List<Hidden> hidden() {
            Object[] kv = kv();
            List<Hidden> h = new ArrayList<>();
            for (int i = 0; i + 1 < kv.length; i += 2) h.add(new Hidden(kv[i].toString(), kv[i + 1].toString()));
            return h;
        }

        /** What a download's file name adds: {@code -RU-SAM-2024-flq-0.3}. */
        String suffix() {
            if (regional == null) return "";
            RegionalisationAnalysis.Params p = params();
            return "-" + p.region() + "-" + regional.result().year() + "-" + p.method().id()
                    + (p.method() == Regionalisation.Method.FLQ ? "-" + delta(p.delta()) : "");
        }

        /**
         * An analysis's table of this view: for a region's table its provenance also names the activity dataset
         * and the regional parameters (region, year, method, δ), and its notes say what the region's table is.
         */
        <R> Table<R> table(Table<R> t) {
            if (regional == null) return t;
            Provenance p = t.provenance();
            Provenance r = regional.result().provenance();
            List<Provenance.Input> inputs = new ArrayList<>(p.inputs());
            for (Provenance.Input in : r.inputs()) {
                if (in.role().equals("io")) continue; // the national table: the model's input names it with the region
                if (!inputs.contains(in)) inputs.add(in);
            }
            Map<String, Object> params = new java.util.LinkedHashMap<>(r.parameters());
            params.putAll(p.parameters());
            List<org.klaster.Text> notes = new ArrayList<>(regional.result().notes());
            notes.addAll(t.notes());
            return new Table<>(t.schema(), t.rows(), t.names(), new Provenance(p.method(), inputs, params, p.moneyUnit()),
                    t.warnings(), notes, t.summary());
        }
    }

    /** δ as written in links and file names: {@code 0.3}, not {@code 0.30000000000000004}. */
    static String delta(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * The table a request asks for on a national dataset: the national one, or with {@code region} that region's,
     * made from the employment of {@code activity} (the remembered or default activity dataset) in {@code year}
     * (default: its latest) by {@code method} (default FLQ) with {@code delta} (default 0.3). The analysis's
     * refusals come as they are (an unknown region is NOT_FOUND; a national table whose sectors get no employment
     * from the activity names the dataset).
     */
    IoView ioView(Req q, Dataset national) {
        IoModel nation = wb.io(national);
        String region = q.code("region");
        if (region == null) return new IoView(national, nation, null, null);
        RegionalisationAnalysis.Params p = RegionalisationAnalysis.Params.of(region, q.year("year"), q.param("method"),
                Param.number("delta", q.param("delta")));
        Dataset activity = q.dataset("activity", Content.ACTIVITY);
        if (activity == null) throw UserException.notFound("region", Messages.text("sov.region.noActivity"));
        Workbench.Regional r = wb.regional(national, activity, p);
        return new IoView(national, r.model(), r, activity);
    }

    /**
     * The page's table: a dataset whose model cannot be made is the 422 page (null returned); a region's table
     * that cannot be made is refused at the region picker with the analysis's sentence, and the page drawn on the
     * national table.
     */
    IoView view(Req q, Dataset d, String tab, Map<String, String> errors) {
        if (io(q, d, tab, errors) == null) return null;
        try {
            return ioView(q, d);
        } catch (UserException e) {
            if (e.param() != null && REGIONAL.contains(e.param())) throw e;
            // the table and the employment do not fit each other, or the region has no employment in the year
            throw UserException.badParameter("region", e.text());
        } catch (AnalysisException e) {
            throw UserException.badParameter("region", org.klaster.app.analysis.Texts.of(e));
        }
    }

    /** The controls above the input–output tabs and the sentence naming the table shown. */
    TableChoice choice(Req q, Shell s, IoView v, String tab, List<Hidden> hidden) {
        Messages m = q.msg;
        Names names = q.names();
        Dataset activity = v.regional() != null ? v.activity() : q.dataset("activity", Content.ACTIVITY);
        String action = "/sovereignty/" + tab;
        if (activity == null) {
            return new TableChoice(action, hidden, List.of(), List.of(), null, List.of(), List.of(), false,
                    m.format("sov.region.national", v.national().id()), List.of(), null, null, m.get("sov.region.noActivity"));
        }
        ActivityInput in = wb.activity(activity);
        String region = v.regional() == null ? null : v.params().region();
        List<Option> regions = new ArrayList<>();
        for (String iso : in.regions()) regions.add(new Option(iso, names.region(iso) + " (" + iso + ")", iso.equals(region)));
        regions.sort(Comparator.comparing(Option::label, java.text.Collator.getInstance(m.lang().locale())));
        regions.add(0, new Option("", m.get("sov.region.country"), region == null));
        Regionalisation.Method method = v.regional() == null ? Regionalisation.Method.FLQ : v.params().method();
        List<Option> methods = new ArrayList<>();
        for (Regionalisation.Method x : Regionalisation.Method.values()) {
            methods.add(new Option(x.id(), m.get("sov.region.method." + x.id()), x == method));
        }
        double delta = v.regional() == null ? Regionalisation.DEFAULT_DELTA : v.params().delta();
        List<Option> activities = wb.providing(Content.ACTIVITY).stream().map(x -> new Option(x.id(),
                x.id() + (x.synthetic() ? " (" + m.get("dataset.demo") + ")" : ""), x.id().equals(activity.id()))).toList();
        int year = v.regional() == null ? in.years().last() : v.regional().result().year();
        List<Option> years = Pages.years(in.years(), year);
        // "advanced" opens when it holds a choice other than the defaults, or a refusal
        boolean advanced = method != Regionalisation.Method.FLQ || delta != Regionalisation.DEFAULT_DELTA
                || year != in.years().last() || !wb.defaultOf(Content.ACTIVITY).map(activity::equals).orElse(true)
                || REGIONAL.stream().skip(1).anyMatch(p -> s.error(p) != null);
        if (v.regional() == null) {
            return new TableChoice(action, hidden, regions, methods, delta(delta), activities, years, advanced,
                    m.format("sov.region.national", v.national().id()), List.of(), null, null, null);
        }
        String how = method == Regionalisation.Method.FLQ ? m.format("sov.region.flq", delta(delta).replace('.', m.lang() == org.klaster.app.analysis.Lang.ru ? ',' : '.'))
                : method.id().toUpperCase(java.util.Locale.ROOT);
        String shown = m.format("sov.region.shown", names.region(region), region, how, v.national().id(), activity.id(), String.valueOf(year));
        Object[] kv = v.kv();
        return new TableChoice(action, hidden, regions, methods, delta(delta), activities, years, advanced, shown,
                texts(m, v.regional().result().notes()), s.url("/sovereignty/regional-table/export.csv", kv),
                s.url("/sovereignty/regional-table/export.xlsx", kv), null);
    }

    // ------------------------------------------------------------------ multipliers

    void multipliers(Req q, Map<String, String> errors) {
        Dataset d = dataset(q, Content.IO_TABLE, "multipliers", errors);
        if (d == null) return;
        IoView view = view(q, d, "multipliers", errors);
        if (view == null) return;
        IoModel v = view.model();
        Messages m = q.msg;
        Names names = q.names();
        Shell s = shell(q, d, Content.IO_TABLE, "multipliers", errors).controls("sort", "dir").controls(REGIONAL.toArray(String[]::new));
        Table<Multipliers.Row> t = view.table(MultipliersAnalysis.run(v, names, false));
        s.shows(t);
        List<Multipliers.Row> rows = t.list();

        long key = rows.stream().filter(r -> Boolean.TRUE.equals(r.keySector())).count();
        double meanMult = rows.stream().mapToDouble(Multipliers.Row::outputMultiplier).filter(Double::isFinite).average().orElse(Double.NaN);
        Multipliers.Row maxImport = rows.stream().filter(r -> Double.isFinite(r.importContent()))
                .max(Comparator.comparingDouble(Multipliers.Row::importContent)).orElse(null);
        List<Kpi> kpis = new ArrayList<>(List.of(
                new Kpi(m.get("sov.kpi.sectors"), m.count(rows.size()), null),
                new Kpi(m.get("sov.kpi.keySectors"), m.count(key), m.get("col.key_sector.help")),
                new Kpi(m.get("sov.kpi.meanMultiplier"), m.num(meanMult, 3), m.get("col.output_multiplier.help"))));
        if (maxImport != null) {
            kpis.add(new Kpi(m.get("sov.kpi.maxImport"), m.percent(maxImport.importContent()) + " · " + maxImport.sector(),
                    names.sectorLabel(v, maxImport.sector()) + " — " + m.get("col.import_content.help")));
        }
        TableModel table = PageTable.of(t, m, "sector", "output", "output_multiplier", "backward_linkage", "forward_linkage",
                        "key_sector", "import_content", "value_added_multiplier")
                .text((r, c) -> c.equals("sector") ? names.sectorLabel(v, r.sector()) : null)
                .build("multipliers", m.get("sov.multipliers.table"));
        table.sort(q, "output_multiplier", true).links(s, Pages.without(q, "sort", "dir"),
                s.url("/sovereignty/multipliers/export.csv", view.kv()), s.url("/sovereignty/multipliers/export.xlsx", view.kv()));

        List<Charts.Point> keyPts = new ArrayList<>();
        List<Charts.Point> other = new ArrayList<>();
        for (Multipliers.Row r : rows) {
            Charts.Point p = new Charts.Point(names.sectorLabel(v, r.sector()), r.backwardLinkage(), r.forwardLinkage());
            (Boolean.TRUE.equals(r.keySector()) ? keyPts : other).add(p);
        }
        String scatter = Charts.scatter(m.get("col.backward_linkage"), m.get("col.forward_linkage"), m.lang().name(),
                List.of(m.get("sov.chart.key"), m.get("sov.chart.other")), List.of(keyPts, other), 1.0, 1.0);

        List<Multipliers.Row> byImport = new ArrayList<>(rows.stream().filter(r -> Double.isFinite(r.importContent())).toList());
        byImport.sort(Comparator.comparingDouble(Multipliers.Row::importContent).reversed());
        String importChart = null;
        String importCaption = null;
        if (!byImport.isEmpty()) {
            int n = Math.min(byImport.size(), 30);
            List<Multipliers.Row> top = byImport.subList(0, n);
            importChart = Charts.groupedBars(m.get("col.import_content") + ", %", "%", m.lang().name(),
                    top.stream().map(r -> names.sectorLabel(v, r.sector())).toList(), List.of(m.get("col.import_content")),
                    List.of(top.stream().mapToDouble(r -> 100 * r.importContent()).toArray()), 1, null);
            importCaption = n < byImport.size() ? m.format("sov.importTop", n, byImport.size()) : m.get("sov.importAll");
        }
        List<String> warnings = new ArrayList<>(texts(m, t.warnings()));
        if (!v.table().hasImports()) warnings.add(m.get("sov.noImports"));
        Pages.render(q.ctx, "sovereignty/multipliers.jte", new MultipliersPage(s, tabs(s, "multipliers", view),
                choice(q, s, view, "multipliers", List.of()), kpis, table, scatter, importChart, importCaption, warnings));
    }

    // ------------------------------------------------------------------ shock

    /** A scenario read from the form: its type and rates (null when no row was filled), as typed. */
    record Parsed(IoModel.ShockType type, ShockAnalysis.Scenario scenario, List<String> sectors, List<String> rateTexts) {
    }

    /**
     * Reads scenario {@code key} ({@code key_type}, repeated {@code key_sector} / {@code key_rate}): rows
     * with neither sector nor rate are skipped; pairs are checked by {@link Param#pairs} (unknown sector,
     * not a number, twice, outside [−1, 1]); an error names the scenario's rates ({@code key_rate}).
     */
    static Parsed parseScenario(Req q, IoModel v, String key) {
        IoModel.ShockType type = IoModel.ShockType.parse(key + "_type", q.param(key + "_type"));
        List<String> sectors = q.params(key + "_sector");
        List<String> rates = q.params(key + "_rate");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < Math.max(sectors.size(), rates.size()); i++) {
            String s = i < sectors.size() ? sectors.get(i).strip() : "";
            String r = i < rates.size() ? rates.get(i).strip() : "";
            if (s.isEmpty() && r.isEmpty()) continue;
            if (s.isEmpty()) throw UserException.badParameter(key + "_rate", Messages.text("sov.shock.noSector", Param.shorten(r)));
            if (r.isEmpty()) throw UserException.badParameter(key + "_rate", Messages.text("sov.shock.noRate", Param.shorten(s)));
            pairs.add(s + "=" + r.replace(',', '.'));
        }
        ShockAnalysis.Scenario sc = pairs.isEmpty() ? null
                : new ShockAnalysis.Scenario(type, Param.pairs(key + "_rate", pairs, v.table(), true));
        return new Parsed(type, sc, sectors, rates);
    }

    private static ScenarioForm form(Messages m, String key, Parsed p) {
        List<Option> types = new ArrayList<>();
        for (IoModel.ShockType t : IoModel.ShockType.values()) {
            types.add(new Option(t.value(), m.get("sov.shock.type." + t.name()), t == p.type()));
        }
        List<String> s = new ArrayList<>(p.sectors());
        List<String> r = new ArrayList<>(p.rateTexts());
        while (s.size() < SHOCK_ROWS) s.add("");
        while (r.size() < s.size()) r.add("");
        while (s.size() < r.size()) s.add("");
        return new ScenarioForm(key, m.get("sov.shock." + key), types, s, r);
    }

    void shock(Req q, Map<String, String> errors) {
        Dataset d = dataset(q, Content.IO_TABLE, "shock", errors);
        if (d == null) return;
        IoView view = view(q, d, "shock", errors);
        if (view == null) return;
        IoModel v = view.model();
        Messages m = q.msg;
        Names names = q.names();
        Shell s = shell(q, d, Content.IO_TABLE, "shock", errors).controls("a_type", "a_rate", "b_type", "b_rate", "ssort", "sdir")
                .controls(REGIONAL.toArray(String[]::new));

        List<Option> sectors = new ArrayList<>();
        for (String c : v.table().sectors()) sectors.add(new Option(c, names.sectorLabel(v, c), false));

        Parsed a;
        Parsed b;
        boolean first = !q.has("a_type") && q.params("a_sector").isEmpty() && !errors.containsKey("a_rate");
        if (first) {
            // first visit: a 10 % fall in final demand for the largest sector, so the page shows a result
            String largest = v.multipliers().stream().max(Comparator.comparingDouble(Multipliers.Row::output))
                    .map(Multipliers.Row::sector).orElseThrow();
            a = new Parsed(IoModel.ShockType.demand, new ShockAnalysis.Scenario(IoModel.ShockType.demand, Map.of(largest, -0.1)),
                    List.of(largest), List.of("-0.1"));
            b = new Parsed(IoModel.ShockType.demand, null, List.of(), List.of());
        } else {
            // a refused scenario stays in the form with its sentence above the result (422), the typed values kept
            String refused = null;
            Parsed pa;
            Parsed pb;
            try {
                pa = parseScenario(q, v, "a");
            } catch (UserException e) {
                refused = m.format("error.param", m.get("sov.shock.a"), m.text(e.text()));
                pa = new Parsed(IoModel.ShockType.parse("a_type", q.param("a_type")), null, q.params("a_sector"), q.params("a_rate"));
            }
            try {
                pb = parseScenario(q, v, "b");
            } catch (UserException e) {
                if (refused == null) refused = m.format("error.param", m.get("sov.shock.b"), m.text(e.text()));
                pb = new Parsed(IoModel.ShockType.parse("b_type", q.param("b_type")), null, q.params("b_sector"), q.params("b_rate"));
            }
            a = pa;
            b = refused == null ? pb : new Parsed(pb.type(), null, pb.sectors(), pb.rateTexts());
            if (refused != null) {
                a = new Parsed(a.type(), null, a.sectors(), a.rateTexts());
                errors.put("shock", refused);
            }
        }
        List<ScenarioForm> forms = List.of(form(m, "a", a), form(m, "b", b));
        String error = errors.remove("shock");
        if (error == null && a.scenario() == null && errors.isEmpty()) error = m.get("sov.shock.empty");
        ShockOutcome outcome = null;
        if (a.scenario() != null) {
            try {
                Table<ShockResult.Row> ta = view.table(ShockAnalysis.run(v, a.scenario(), wb, names, false));
                Table<ShockResult.Row> tb = b.scenario() == null ? null : ShockAnalysis.run(v, b.scenario(), wb, names, false);
                s.shows(ta);
                outcome = outcome(q, m, s, view, names, a.scenario(), ta, tb);
            } catch (AnalysisException e) {
                error = m.text(org.klaster.app.analysis.Texts.of(e));
            }
        }
        if (error != null) q.ctx.status(422);
        // switching the table keeps the scenarios typed
        List<Hidden> scenario = new ArrayList<>();
        for (String k : List.of("a_type", "a_sector", "a_rate", "b_type", "b_sector", "b_rate")) {
            for (String x : q.params(k)) scenario.add(new Hidden(k, x));
        }
        Pages.render(q.ctx, "sovereignty/shock.jte", new ShockPage(s, tabs(s, "shock", view), choice(q, s, view, "shock", scenario),
                view.hidden(), sectors, forms, error, outcome));
    }

    private ShockOutcome outcome(Req q, Messages m, Shell s, IoView view, Names names, ShockAnalysis.Scenario sa,
                                 Table<ShockResult.Row> ta, Table<ShockResult.Row> tb) {
        IoModel v = view.model();
        String unit = Units.money(ta.moneyUnit(), m);
        List<ShockResult.Row> a = ta.list();
        List<ShockResult.Row> b = tb == null ? null : tb.list();
        ShockResult.Row totalA = a.get(a.size() - 1);
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(new Kpi(m.get("sov.kpi.baseline"), m.count(totalA.baselineOutput()) + "\u00a0" + unit, unit));
        kpis.add(new Kpi(m.format("sov.kpi.totalChange", m.get("sov.shock.a")),
                m.signed(totalA.outputChange()) + " (" + m.num(totalA.outputChangePct(), 2) + "\u00a0%)", unit));
        if (b != null) {
            ShockResult.Row totalB = b.get(b.size() - 1);
            kpis.add(new Kpi(m.format("sov.kpi.totalChange", m.get("sov.shock.b")),
                    m.signed(totalB.outputChange()) + " (" + m.num(totalB.outputChangePct(), 2) + "\u00a0%)", unit));
            kpis.add(new Kpi(m.get("sov.kpi.diff"), m.signed(totalB.outputChange() - totalA.outputChange()), unit));
        }
        // one table: scenario A's columns from its analysis table, scenario B's beside them
        TableModel t = PageTable.of(ta, m, "sector", "baseline_output", "output_change", "output_change_pct")
                .text((r, c) -> c.equals("sector") ? (ShockResult.TOTAL.equals(r.sector()) ? m.get("sov.total")
                        : names.sectorLabel(v, r.sector())) : null)
                .footer(r -> ShockResult.TOTAL.equals(r.sector()))
                .build("shock", m.get("sov.shock.table"));
        t.cols().set(2, new TableModel.Col("output_change", m.format("sov.col.changeOf", m.get("sov.shock.a")), true,
                m.get("col.output_change.help"), unit));
        t.cols().set(3, new TableModel.Col("output_change_pct", m.format("sov.col.changePctOf", m.get("sov.shock.a")), true,
                m.get("col.output_change_pct.help"), "%"));
        if (b != null) {
            t.cols().add(new TableModel.Col("b_output_change", m.format("sov.col.changeOf", m.get("sov.shock.b")), true, null, unit));
            t.cols().add(new TableModel.Col("b_output_change_pct", m.format("sov.col.changePctOf", m.get("sov.shock.b")), true, null, "%"));
            t.cols().add(new TableModel.Col("difference", m.get("sov.col.difference"), true, null, unit));
            for (int i = 0; i < t.rows().size(); i++) t.extend(i, b.get(i).outputChange(), b.get(i).outputChangePct(),
                    b.get(i).outputChange() - a.get(i).outputChange(), m);
            ShockResult.Row tb2 = b.get(b.size() - 1);
            t.extendFooter(tb2.outputChange(), tb2.outputChangePct(), tb2.outputChange() - totalA.outputChange(), m);
        }
        // default order: the largest responses first; the TOTAL stays below
        t.param("s");
        if (q.param("ssort") != null) t.sort(q, "output_change", true);
        else t.rows().sort(Comparator.comparingDouble((TableModel.Row r) -> -maxAbs(r.raw(), b != null)));
        t.links(s, Pages.without(q, "ssort", "sdir"), s.url("/sovereignty/shock/export.csv", view.kv()) + scenarioQuery(sa),
                s.url("/sovereignty/shock/export.xlsx", view.kv()) + scenarioQuery(sa));

        // chart: the sectors with the largest response in either scenario
        int n = a.size() - 1;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.max(abs(a.get(i).outputChange()),
                b == null ? 0 : abs(b.get(i).outputChange()))));
        order = order.subList(0, Math.min(TOP, order.size()));
        List<String> labels = new ArrayList<>();
        double[] ca = new double[order.size()];
        double[] cb = new double[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            labels.add(names.sectorLabel(v, a.get(i).sector()));
            ca[k] = a.get(i).outputChange();
            if (b != null) cb[k] = b.get(i).outputChange();
        }
        String chart = Charts.groupedBars(m.format("sov.chart.outputChange", unit), unit, m.lang().name(), labels,
                b == null ? List.of(m.get("sov.shock.a")) : List.of(m.get("sov.shock.a"), m.get("sov.shock.b")),
                b == null ? List.of(ca) : List.of(ca, cb), 1, null);
        List<String> warnings = new ArrayList<>(texts(m, ta.warnings()));
        if (tb != null) warnings.addAll(texts(m, tb.warnings()));
        return new ShockOutcome(kpis, chart, t, warnings.stream().distinct().toList());
    }

    /** Scenario A as the export's query: type and sector/rate pairs. */
    private static String scenarioQuery(ShockAnalysis.Scenario a) {
        StringBuilder b = new StringBuilder("&a_type=").append(a.type().value());
        a.rates().forEach((k, r) -> b.append("&a_sector=").append(Shell.enc(k)).append("&a_rate=").append(r));
        return b.toString();
    }

    private static double abs(double x) {
        return Double.isNaN(x) ? 0 : Math.abs(x);
    }

    private static double maxAbs(Object[] raw, boolean withB) {
        double x = abs((Double) raw[2]);
        return withB && raw.length > 4 ? Math.max(x, abs((Double) raw[4])) : x;
    }

    // ------------------------------------------------------------------ extraction

    void extraction(Req q, Map<String, String> errors) {
        Dataset d = dataset(q, Content.IO_TABLE, "extraction", errors);
        if (d == null) return;
        IoView view = view(q, d, "extraction", errors);
        if (view == null) return;
        IoModel v = view.model();
        Messages m = q.msg;
        Names names = q.names();
        Shell s = shell(q, d, Content.IO_TABLE, "extraction", errors).controls("sort", "dir").controls(REGIONAL.toArray(String[]::new));
        Table<HypotheticalExtraction.Row> t = view.table(ExtractionAnalysis.run(v, names, false));
        s.shows(t);
        List<HypotheticalExtraction.Row> rows = t.list();
        TableModel table = PageTable.of(t, m, "sector", "backward_extraction_loss", "backward_extraction_loss_pct",
                        "forward_extraction_loss", "forward_extraction_loss_pct")
                .text((r, c) -> c.equals("sector") ? names.sectorLabel(v, r.sector()) : null)
                .build("extraction", m.get("sov.extraction.table"));
        table.sort(q, "backward_extraction_loss_pct", true).links(s, Pages.without(q, "sort", "dir"),
                s.url("/sovereignty/extraction/export.csv", view.kv()), s.url("/sovereignty/extraction/export.xlsx", view.kv()));
        List<HypotheticalExtraction.Row> top = new ArrayList<>(rows.stream().filter(r -> Double.isFinite(r.backwardExtractionLossPct())).toList());
        top.sort(Comparator.comparingDouble((HypotheticalExtraction.Row r) -> -Math.max(r.backwardExtractionLossPct(),
                Double.isNaN(r.forwardExtractionLossPct()) ? 0 : r.forwardExtractionLossPct())));
        top = top.subList(0, Math.min(TOP, top.size()));
        String chart = Charts.groupedBars(m.get("sov.chart.lossPct"), "%", m.lang().name(),
                top.stream().map(r -> names.sectorLabel(v, r.sector())).toList(),
                List.of(m.get("sov.chart.backward"), m.get("sov.chart.forward")),
                List.of(top.stream().mapToDouble(HypotheticalExtraction.Row::backwardExtractionLossPct).toArray(),
                        top.stream().mapToDouble(HypotheticalExtraction.Row::forwardExtractionLossPct).toArray()), 2, null);
        HypotheticalExtraction.Row first = top.isEmpty() ? null : top.get(0);
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(new Kpi(m.get("sov.kpi.sectors"), m.count(rows.size()), null));
        if (first != null) {
            kpis.add(new Kpi(m.get("sov.kpi.mostCritical"), names.sectorLabel(v, first.sector()), m.get("sov.help.extraction")));
            kpis.add(new Kpi(m.get("col.backward_extraction_loss_pct"), m.num(first.backwardExtractionLossPct(), 2) + "\u00a0%", null));
            kpis.add(new Kpi(m.get("col.backward_extraction_loss"), m.count(first.backwardExtractionLoss()) + "\u00a0"
                    + Units.money(t.moneyUnit(), m), null));
        }
        Pages.render(q.ctx, "sovereignty/extraction.jte", new ExtractionPage(s, tabs(s, "extraction", view),
                choice(q, s, view, "extraction", List.of()), kpis, table, chart, texts(m, t.warnings())));
    }

    // ------------------------------------------------------------------ dependency

    /** The screen a request asks for: reporter, years {@code from}/{@code to} (or the CLI's {@code years}), group. */
    DependencyAnalysis.Screen screen(Req q, TradeInput in) {
        Integer from = q.year("from");
        Integer to = q.year("to");
        int[] span = Param.yearRange("years", q.param("years"));
        if (span == null && (from != null || to != null)) {
            var ys = in.years(q.code("reporter") != null ? q.code("reporter") : in.defaultReporter());
            int t = to == null ? (ys.isEmpty() ? 0 : ys.last()) : to;
            int f = from == null ? t : from;
            if (f > t) throw UserException.badParameter(from != null ? "from" : "to", Messages.text("param.yearsOrder", f, t));
            span = new int[] {f, t};
        } else if (span == null) {
            var ys = in.years(q.code("reporter") != null ? q.code("reporter") : in.defaultReporter());
            if (!ys.isEmpty()) span = new int[] {ys.last(), ys.last()};
        }
        String outside = q.code("outside");
        String only = q.param("only") != null ? q.param("only") : q.param("filter");
        String reporter = q.code("reporter");
        if (reporter != null && !in.importers().contains(reporter) && in.reporters().contains(reporter)) {
            throw UserException.badParameter("reporter", Messages.text("dep.notImporter", reporter));
        }
        return DependencyAnalysis.screen(in, new DependencyAnalysis.Params(reporter, outside, span, Thresholds.DEFAULTS,
                DependencyAnalysis.Params.only(only)), false, wb);
    }

    static String only(Req q) {
        return DependencyAnalysis.Params.only(q.param("only") != null ? q.param("only") : q.param("filter"));
    }

    void dependency(Req q, Map<String, String> errors) {
        Dataset d = dataset(q, Content.TRADE, "dependency", errors);
        if (d == null) return;
        Messages m = q.msg;
        Names names = q.names();
        TradeInput in = TradeInput.of(d, wb);
        Shell s = shell(q, d, Content.TRADE, "dependency", errors)
                .controls("reporter", "from", "to", "outside", "filter", "only", "years", "product", "year", "weighting");
        DependencyAnalysis.Screen sc = screen(q, in);
        String only = only(q);
        Table<DependencyRow> t = DependencyAnalysis.table(sc, only, names, false);
        s.shows(t);

        List<Option> reporters = in.importers().stream().map(r -> new Option(r, names.country(r) + " (" + r + ")",
                r.equals(sc.reporter()))).toList();
        List<Option> fromYears = new ArrayList<>();
        List<Option> toYears = new ArrayList<>();
        for (int y : in.years(sc.reporter())) {
            // the pickers constrain each other: "from" offers years up to "to", "to" from "from"
            if (y <= sc.to()) fromYears.add(new Option(String.valueOf(y), String.valueOf(y), y == sc.from()));
            if (y >= sc.from()) toYears.add(new Option(String.valueOf(y), String.valueOf(y), y == sc.to()));
        }
        List<Option> groups = new ArrayList<>();
        groups.add(new Option("", m.get("sov.dep.noGroup"), sc.group() == null));
        for (String g : in.data().groups().keySet()) groups.add(new Option(g, m.format("sov.dep.outsideOf", g), g.equals(sc.group())));
        List<Option> filters = new ArrayList<>();
        for (String f : DependencyAnalysis.ONLY) filters.add(new Option(f, m.get("sov.dep.filter." + f), f.equals(only)));

        List<DependencyRow> allTo = sc.year(sc.to());
        List<Kpi> kpis = new ArrayList<>(List.of(
                new Kpi(m.format("sov.kpi.products", sc.to()), m.count(allTo.size()), null),
                new Kpi(m.format("sov.kpi.dependent", sc.to()), m.count(allTo.stream().filter(DependencyRow::dependent).count()), m.get("col.dependent.help")),
                new Kpi(m.format("sov.kpi.persistent", sc.to()), m.count(allTo.stream().filter(DependencyRow::persistent).count()), m.get("col.persistent.help"))));

        TableModel table = PageTable.of(t, m, "product", "year", "imports", "exports", "import_hhi", "world_export_hhi",
                        "import_export_ratio", "import_reliance", "dependent", "persistent", "top_partner", "top_partner_share")
                .text((r, c) -> switch (c) {
                    case "product" -> names.productLabel(r.product());
                    case "top_partner" -> r.topPartner() == null ? "" : names.country(r.topPartner());
                    default -> null;
                })
                .href((r, c) -> c.equals("product") ? s.url("/sovereignty/dependency", "reporter", sc.reporter(), "from", sc.from(),
                        "to", sc.to(), "outside", sc.group(), "only", only, "product", r.product(), "year", r.year()) + "#partners" : null)
                .build("dependency", m.get("sov.dep.table"));
        table.sort(q, "import_hhi", true).links(s, Pages.without(q, "sort", "dir"),
                s.url("/sovereignty/dependency/export.csv", "reporter", sc.reporter(), "from", sc.from(), "to", sc.to(),
                        "outside", sc.group(), "only", only),
                s.url("/sovereignty/dependency/export.xlsx", "reporter", sc.reporter(), "from", sc.from(), "to", sc.to(),
                        "outside", sc.group(), "only", only));

        // partner concentration of one product: the chosen one, else the most concentrated dependent one
        String product = q.code("product");
        Integer year = q.year("year");
        int py = year == null ? sc.to() : year;
        if (product == null) {
            product = allTo.stream().filter(DependencyRow::dependent).max(Comparator.comparingDouble(DependencyRow::importHhi))
                    .or(() -> allTo.stream().filter(r -> Double.isFinite(r.importHhi())).max(Comparator.comparingDouble(DependencyRow::importHhi)))
                    .map(DependencyRow::product).orElse(null);
        }
        String partnerChart = null;
        String partnerCaption = null;
        if (product != null) {
            Table<PartnerShares.Share> pt = PartnersAnalysis.run(sc, product, py, names, false);
            List<PartnerShares.Share> shares = pt.list();
            if (shares.isEmpty() || Double.isNaN(shares.get(0).share())) {
                partnerCaption = m.format("sov.dep.noImports", names.productLabel(product), String.valueOf(py));
            } else {
                List<String> labels = new ArrayList<>();
                List<Double> vals = new ArrayList<>();
                double rest = 0;
                for (int i = 0; i < shares.size(); i++) {
                    if (i < TOP) {
                        labels.add(names.country(shares.get(i).partner()));
                        vals.add(100 * shares.get(i).share());
                    } else rest += 100 * shares.get(i).share();
                }
                if (rest > 0) {
                    labels.add(m.format("sov.dep.others", shares.size() - TOP));
                    vals.add(rest);
                }
                partnerChart = Charts.groupedBars(m.get("sov.chart.importShare"), "%", m.lang().name(), labels,
                        List.of(m.get("sov.chart.importShare")), List.of(vals.stream().mapToDouble(Double::doubleValue).toArray()), 1, null);
                partnerCaption = m.format("sov.dep.partnersCaption", names.productLabel(product), String.valueOf(py),
                        m.num((Double) pt.summary().get("import_hhi"), 3))
                        + (sc.group() == null ? "" : " " + m.format("sov.dep.partnersOutside", sc.group()));
            }
        }

        Table<CoverageAnalysis.Row> cov = CoverageAnalysis.run(in, sc.reporter(), sc.to(), wb, names, false);
        TableModel ct = null;
        String coverageNote = null;
        List<Option> coverageWeighting = List.of();
        if (!cov.list().isEmpty()) {
            ct = PageTable.of(cov, m, "product", "production", "exports", "imports", "coverage", "meets_target")
                    .text((r, c) -> c.equals("product") ? names.productLabel(r.product()) : null)
                    .build("coverage", m.format("sov.cov.table", sc.to()));
            ct.param("c").sort(q, "coverage", false).links(s, Pages.without(q, "csort", "cdir"),
                    s.url("/sovereignty/coverage/export.csv", "reporter", sc.reporter(), "year", sc.to()),
                    s.url("/sovereignty/coverage/export.xlsx", "reporter", sc.reporter(), "year", sc.to()));
            double total = (Double) cov.summary().get("coverage");
            double byCount = (Double) cov.summary().get("share_of_products_meeting_target");
            // both figures, the chosen weighting first (value by default): they can tell opposite stories
            boolean count = "count".equals(Param.oneOf("weighting", q.param("weighting"), List.of("value", "count"), "value"));
            Kpi value = new Kpi(m.format("sov.kpi.coverage", sc.to()), m.percent(total), m.get("sov.cov.valueHelp"));
            Kpi products = new Kpi(m.get("sov.kpi.coverageCount"), m.percent(byCount), m.get("sov.cov.countHelp"));
            kpis.addAll(count ? List.of(products, value) : List.of(value, products));
            coverageNote = m.format("sov.cov.note", m.percent(total), m.percent(SovereigntyCoverage.TARGET),
                    m.count((Long) cov.summary().get("products_meeting_target")), m.count(cov.list().size()));
            Object largest = cov.summary().get("largest_home_market_product");
            if (largest != null) {
                coverageNote += " " + m.format("sov.cov.dominant", names.productLabel(largest.toString()),
                        m.percent((Double) cov.summary().get("largest_home_market_share")));
            }
            coverageNote += " " + m.get(count ? "sov.cov.weighting.count" : "sov.cov.weighting.value");
            coverageWeighting = List.of(new Option("value", m.get("sov.cov.byValue"), !count), new Option("count", m.get("sov.cov.byCount"), count));
        }
        Pages.render(q.ctx, "sovereignty/dependency.jte", new DependencyPage(s, tabs(s, "dependency"), reporters, fromYears,
                toYears, groups, filters, kpis, table, product, partnerChart, partnerCaption, ct, coverageNote, coverageWeighting,
                texts(m, t.notes()), texts(m, t.warnings())));
    }

    // ------------------------------------------------------------------ downloads

    /** {@code /sovereignty/{what}/export.csv|xlsx}: the page's analysis table with names. */
    void export(Req q) throws IOException {
        String what = q.ctx.pathParam("what");
        Names names = q.names();
        switch (what) {
            case "dependency", "coverage" -> {
                Dataset d = q.requireDataset("dataset", Content.TRADE);
                TradeInput in = TradeInput.of(d, wb);
                DependencyAnalysis.Screen sc = screen(q, in);
                if (what.equals("dependency")) {
                    Downloads.send(q.ctx, DependencyAnalysis.table(sc, only(q), names, true),
                            "klaster-dependency-" + d.id() + "-" + sc.reporter(), q.msg);
                } else {
                    Integer y = q.year("year");
                    Downloads.send(q.ctx, CoverageAnalysis.run(in, sc.reporter(), y == null ? sc.to() : y, wb, names, true),
                            "klaster-coverage-" + d.id() + "-" + sc.reporter(), q.msg);
                }
            }
            case "multipliers", "extraction", "shock" -> {
                Dataset d = q.requireDataset("dataset", Content.IO_TABLE);
                IoView view = ioView(q, d);
                IoModel v = view.model();
                String id = d.id() + view.suffix();
                switch (what) {
                    case "multipliers" -> Downloads.send(q.ctx, view.table(MultipliersAnalysis.run(v, names, true)),
                            "klaster-io-multipliers-" + id, q.msg);
                    case "extraction" -> Downloads.send(q.ctx, view.table(ExtractionAnalysis.run(v, names, true)),
                            "klaster-io-extract-" + id, q.msg);
                    default -> {
                        Parsed a = parseScenario(q, v, "a");
                        if (a.scenario() == null) throw UserException.badParameter("a_rate", Messages.text("sov.shock.empty.short"));
                        Downloads.send(q.ctx, view.table(ShockAnalysis.run(v, a.scenario(), wb, names, true)),
                                "klaster-io-shock-" + id, q.msg);
                    }
                }
            }
            case "regional-table" -> {
                // the region's table itself, in the io.csv layout: the CSV is what klaster io regionalise writes
                Dataset d = q.requireDataset("dataset", Content.IO_TABLE);
                if (q.code("region") == null) throw UserException.badParameter("region", Messages.text("param.required"));
                IoView view = ioView(q, d);
                Downloads.send(q.ctx, RegionalisationAnalysis.table(view.regional().result()),
                        "klaster-io-regional-" + d.id() + view.suffix(), q.msg, true);
            }
            default -> throw new NotFound(q.msg.get("error.notFound"));
        }
    }
}
