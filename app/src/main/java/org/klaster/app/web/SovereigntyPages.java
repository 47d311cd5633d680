package org.klaster.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.klaster.AnalysisException;
import org.klaster.app.cli.IoCommand;
import org.klaster.app.cli.ResultTable;
import org.klaster.app.web.MappingPages.Kpi;
import org.klaster.app.web.MappingPages.Option;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.PartnerShares;
import org.klaster.dependency.Production;
import org.klaster.dependency.SovereigntyCoverage;
import org.klaster.dependency.TradeFlow;
import org.klaster.inputoutput.HypotheticalExtraction;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.ShockResult;

/**
 * The Sovereignty section (templates under {@code sovereignty/}): input–output multipliers and key
 * sectors, the shock simulator (two scenarios), hypothetical extraction, and the dependency screen
 * of trade. Numbers come from the core engines through {@link IoView} and
 * {@link Workbench#screen}; handlers only gather page models. Each page works on a dataset of its
 * kind: the requested one when it fits, else the first of that kind (the picker offers only those).
 */
public final class SovereigntyPages {

    static final int TOP = 15;
    /** Rows of sector/rate inputs per scenario in the shock form. */
    static final int SHOCK_ROWS = 4;

    private final Workbench wb;

    public SovereigntyPages(Workbench wb) {
        this.wb = wb;
    }

    /** A tab of the section's sub-navigation. */
    public record Tab(String label, String href, boolean current) {
    }

    public record NoData(Shell shell, List<Tab> tabs, String message) {
    }

    public record MultipliersPage(Shell shell, List<Tab> tabs, List<Kpi> kpis, TableModel table, String scatter,
                                  String importChart, String importCaption, List<String> warnings) {
    }

    /** A scenario as the user typed it (for refilling the form). */
    public record ScenarioForm(String key, String label, List<Option> types, List<String> sectors, List<String> rates) {
    }

    public record ShockOutcome(List<Kpi> kpis, String chart, TableModel table, List<String> warnings) {
    }

    public record ShockPage(Shell shell, List<Tab> tabs, List<Option> sectors, List<ScenarioForm> scenarios,
                            String error, ShockOutcome outcome) {
    }

    public record ExtractionPage(Shell shell, List<Tab> tabs, List<Kpi> kpis, TableModel table, String chart) {
    }

    public record DependencyPage(Shell shell, List<Tab> tabs, List<Option> reporters, List<Option> fromYears,
                                 List<Option> toYears, List<Option> groups, List<Option> filters, List<Kpi> kpis,
                                 TableModel table, String product, String partnerChart, String partnerCaption,
                                 TableModel coverage, String coverageNote) {
    }

    // ------------------------------------------------------------------ shared

    static List<Tab> tabs(Shell s, String current) {
        List<Tab> t = new ArrayList<>();
        for (String k : List.of("multipliers", "shock", "extraction", "dependency")) {
            t.add(new Tab(s.t("sov.tab." + k), s.url("/sovereignty/" + k), k.equals(current)));
        }
        return t;
    }

    /** The page's IO dataset, or null after rendering the "no data" page. */
    private Dataset ioDataset(Req q, String tab) {
        Dataset d = wb.datasetOfKind(requested(q), Workbench.IO_KINDS);
        if (d == null) noData(q, tab, "sov.noIo", Workbench.IO_KINDS);
        return d;
    }

    private Dataset tradeDataset(Req q) {
        Dataset d = wb.datasetOfKind(requested(q), Workbench.TRADE_KINDS);
        if (d == null) noData(q, "dependency", "sov.noTrade", Workbench.TRADE_KINDS);
        return d;
    }

    private static String requested(Req q) {
        return q.codeParam("dataset");
    }

    private void noData(Req q, String tab, String key, Set<String> kinds) {
        Dataset fallback = wb.defaultDataset().orElse(null);
        Shell s = q.shell(Section.SOVEREIGNTY, q.msg.get("sov.tab." + tab), fallback, wb.datasets());
        q.ctx.render("sovereignty/none.jte", Map.of("p", new NoData(s, tabs(s, tab), q.msg.get(key))));
    }

    private Shell shell(Req q, Dataset d, Set<String> kinds, String tab) {
        return q.shell(Section.SOVEREIGNTY, q.msg.get("sov.tab." + tab), d, wb.datasetsOfKind(kinds));
    }

    /** The model of a dataset, or the "not productive" reason as a 422 page. */
    private IoView io(Req q, Dataset d, String tab) {
        try {
            return wb.io(d);
        } catch (AnalysisException e) {
            Shell s = shell(q, d, Workbench.IO_KINDS, tab);
            q.ctx.status(422);
            q.ctx.render("sovereignty/none.jte", Map.of("p", new NoData(s, tabs(s, tab),
                    q.msg.format("sov.notProductive", d.id(), e.getMessage()))));
            return null;
        }
    }

    /**
     * A sector as shown: its name and code. A table that names OKVED2 divisions by their Russian
     * reference names (the demo) is shown with the reference name in the page's language; other
     * names (e.g. Rosstat's product names) are shown as the table gives them.
     */
    static String label(IoView v, Lang lang, String code) {
        String own = v.name(code);
        String ref = Reference.divisionName(code, lang);
        if (ref != null && (own.equals(code) || own.equals(Reference.divisionName(code, Lang.ru)))) own = ref;
        return own.equals(code) ? code : own + " (" + code + ")";
    }

    // ------------------------------------------------------------------ multipliers

    public void multipliers(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = ioDataset(q, "multipliers");
        if (d == null) return;
        IoView v = io(q, d, "multipliers");
        if (v == null) return;
        Messages m = q.msg;
        Shell s = shell(q, d, Workbench.IO_KINDS, "multipliers");
        List<Multipliers.Row> rows = v.multipliers();

        long key = rows.stream().filter(r -> Boolean.TRUE.equals(r.keySector())).count();
        double meanMult = rows.stream().mapToDouble(Multipliers.Row::outputMultiplier).filter(Double::isFinite).average().orElse(Double.NaN);
        Multipliers.Row maxImport = rows.stream().filter(r -> Double.isFinite(r.importContent()))
                .max(Comparator.comparingDouble(Multipliers.Row::importContent)).orElse(null);
        List<Kpi> kpis = new ArrayList<>(List.of(
                new Kpi(m.get("sov.kpi.sectors"), m.count(rows.size()), null),
                new Kpi(m.get("sov.kpi.keySectors"), m.count(key), m.get("sov.help.key")),
                new Kpi(m.get("sov.kpi.meanMultiplier"), m.num(meanMult, 3), m.get("sov.help.multiplier"))));
        if (maxImport != null) {
            kpis.add(new Kpi(m.get("sov.kpi.maxImport"), m.percent(maxImport.importContent()) + " · " + maxImport.sector(),
                    label(v, m.lang(), maxImport.sector()) + " — " + m.get("sov.help.import")));
        }

        TableModel t = new TableModel("multipliers", m.get("sov.multipliers.table"), List.of(
                new TableModel.Col("sector", m.get("sov.col.sector"), false, null),
                new TableModel.Col("output", m.get("sov.col.output"), true, m.get("sov.unit.table")),
                new TableModel.Col("output_multiplier", m.get("sov.col.output_multiplier"), true, m.get("sov.help.multiplier")),
                new TableModel.Col("backward_linkage", m.get("sov.col.backward_linkage"), true, m.get("sov.help.bl")),
                new TableModel.Col("forward_linkage", m.get("sov.col.forward_linkage"), true, m.get("sov.help.fl")),
                new TableModel.Col("key_sector", m.get("sov.col.key_sector"), true, m.get("sov.help.key")),
                new TableModel.Col("import_content", m.get("sov.col.import_content"), true, m.get("sov.help.import")),
                new TableModel.Col("value_added_multiplier", m.get("sov.col.value_added_multiplier"), true, m.get("sov.help.va"))));
        for (Multipliers.Row r : rows) {
            boolean k = Boolean.TRUE.equals(r.keySector());
            String name = label(v, m.lang(), r.sector());
            t.add(new Object[] {name, r.output(), r.outputMultiplier(), r.backwardLinkage(), r.forwardLinkage(), k,
                    r.importContent(), r.valueAddedMultiplier()}, List.of(
                    TableModel.Cell.of(name),
                    TableModel.Cell.of(m.count(r.output())),
                    TableModel.Cell.of(m.num(r.outputMultiplier(), 3)),
                    TableModel.Cell.of(m.num(r.backwardLinkage(), 3)),
                    TableModel.Cell.of(m.num(r.forwardLinkage(), 3)),
                    new TableModel.Cell(k ? m.get("yes") : "", null, k ? "badge-strong" : null),
                    TableModel.Cell.of(m.percent(r.importContent())),
                    TableModel.Cell.of(m.num(r.valueAddedMultiplier(), 3))));
        }
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "output_multiplier", true)
                .links(s, s.url("/sovereignty/multipliers"), s.url("/sovereignty/multipliers/export.csv"),
                        s.url("/sovereignty/multipliers/export.xlsx"));

        List<Charts.Point> keyPts = new ArrayList<>();
        List<Charts.Point> other = new ArrayList<>();
        for (Multipliers.Row r : rows) {
            Charts.Point p = new Charts.Point(label(v, m.lang(), r.sector()), r.backwardLinkage(), r.forwardLinkage());
            (Boolean.TRUE.equals(r.keySector()) ? keyPts : other).add(p);
        }
        String scatter = Charts.scatter(m.get("sov.col.backward_linkage"), m.get("sov.col.forward_linkage"), m.lang().name(),
                List.of(m.get("sov.chart.key"), m.get("sov.chart.other")), List.of(keyPts, other), 1.0, 1.0);

        List<Multipliers.Row> byImport = new ArrayList<>(rows.stream().filter(r -> Double.isFinite(r.importContent())).toList());
        byImport.sort(Comparator.comparingDouble(Multipliers.Row::importContent).reversed());
        String importChart = null;
        String importCaption = null;
        if (!byImport.isEmpty()) {
            int n = Math.min(byImport.size(), 30);
            List<Multipliers.Row> top = byImport.subList(0, n);
            importChart = Charts.groupedBars(m.get("sov.col.import_content") + ", %", "%", m.lang().name(),
                    top.stream().map(r -> label(v, m.lang(), r.sector())).toList(), List.of(m.get("sov.col.import_content")),
                    List.of(top.stream().mapToDouble(r -> 100 * r.importContent()).toArray()), 1, null);
            importCaption = n < byImport.size() ? m.format("sov.importTop", n, byImport.size()) : m.get("sov.importAll");
        }
        List<String> warnings = new ArrayList<>();
        if (!v.table().hasImports()) warnings.add(m.get("sov.noImports"));
        ctx.render("sovereignty/multipliers.jte", Map.of("p", new MultipliersPage(s, tabs(s, "multipliers"), kpis, t,
                scatter, importChart, importCaption, warnings)));
    }

    /** The {@code klaster io multipliers} table (formats.md §5). */
    static ResultTable multipliersTable(IoView v) {
        ResultTable t = new ResultTable(Multipliers.COLUMNS);
        for (Multipliers.Row r : v.multipliers()) {
            t.add(r.sector(), r.output(), r.outputMultiplier(), r.backwardLinkage(), r.forwardLinkage(), r.keySector(),
                    r.importContent(), r.valueAddedMultiplier());
        }
        return t;
    }

    /** The {@code klaster io extract} table (formats.md §5). */
    static ResultTable extractionTable(IoView v) {
        ResultTable t = new ResultTable(HypotheticalExtraction.COLUMNS);
        for (HypotheticalExtraction.Row r : v.extraction()) {
            t.add(r.sector(), r.backwardExtractionLoss(), r.backwardExtractionLossPct(), r.forwardExtractionLoss(),
                    r.forwardExtractionLossPct());
        }
        return t;
    }

    /** The {@code klaster io shock} table (formats.md §5): sector rows and TOTAL. */
    static ResultTable shockTable(ShockResult result) {
        ResultTable t = new ResultTable(ShockResult.COLUMNS);
        for (ShockResult.Row r : result.rowsWithTotal()) {
            t.add(r.sector(), r.baselineOutput(), r.outputChange(), r.outputChangePct());
        }
        return t;
    }

    /** The {@code klaster dependency} table (formats.md §5). */
    static ResultTable dependencyTable(List<DependencyRow> rows) {
        ResultTable t = new ResultTable(List.of("product", "year", "imports", "exports", "import_hhi", "world_export_hhi",
                "import_export_ratio", "import_reliance", "dependent", "persistent", "top_partner", "top_partner_share"));
        for (DependencyRow r : rows) {
            t.add(r.product(), r.year(), r.imports(), r.exports(), r.importHhi(), r.worldExportHhi(), r.importExportRatio(),
                    r.importReliance(), r.dependent(), r.persistent(), r.topPartner(), r.topPartnerShare());
        }
        return t;
    }

    // ------------------------------------------------------------------ exports

    /** {@code /sovereignty/{what}/export.csv|xlsx}: the CLI's table of the page, CSV identical to {@code --format csv}. */
    public void export(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        String what = ctx.pathParam("what");
        String ext = ctx.path().endsWith(".xlsx") ? "xlsx" : "csv";
        if (what.equals("dependency")) {
            Dataset d = wb.datasetOfKind(requested(q), Workbench.TRADE_KINDS);
            if (d == null) throw new NotFound(q.msg.get("sov.noTrade"));
            Screen sc = screen(q, d);
            Export.send(ctx, dependencyTable(sc.rows()), "klaster-dependency-" + d.id() + "-" + sc.reporter() + "." + ext,
                    "dependency", d, "klaster dependency (methods.md §3): import HHI, world export HHI, import/export ratio, "
                            + "import reliance, dependent and persistent flags (European Commission SWD(2021) 352 thresholds)");
            return;
        }
        Dataset d = wb.datasetOfKind(requested(q), Workbench.IO_KINDS);
        if (d == null) throw new NotFound(q.msg.get("sov.noIo"));
        IoView v = wb.io(d);
        switch (what) {
            case "multipliers" -> Export.send(ctx, multipliersTable(v), "klaster-io-multipliers-" + d.id() + "." + ext,
                    "multipliers", d, "klaster io multipliers (methods.md §2): Leontief output multipliers, Rasmussen backward "
                            + "and Ghosh forward linkages, key sectors, import content, value-added multipliers");
            case "extraction" -> Export.send(ctx, extractionTable(v), "klaster-io-extract-" + d.id() + "." + ext,
                    "extraction", d, "klaster io extract (methods.md §2): hypothetical extraction, backward and forward");
            case "shock" -> {
                Parsed a = parseScenario(q, v, "a", q.msg.get("sov.shock.a"));
                if (a.error() != null) throw new BadRequest(a.error());
                if (a.rates() == null) throw new BadRequest("the shock needs at least one sector with a rate (a_sector, a_rate)");
                Export.send(ctx, shockTable(v.shock(a.type(), a.rates())), "klaster-io-shock-" + d.id() + "." + ext, "shock", d,
                        "klaster io shock " + a.type().flag + " " + pairs(a.rates()) + " (methods.md §2)");
            }
            default -> throw new NotFound(q.msg.get("error.notFound"));
        }
    }

    static String pairs(Map<String, Double> rates) {
        StringBuilder b = new StringBuilder();
        rates.forEach((k, x) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(x));
        return b.toString();
    }

    // ------------------------------------------------------------------ shock

    /** A scenario read from the form: type, rates (null when no row was filled) or an error sentence. */
    record Parsed(IoView.ShockType type, Map<String, Double> rates, String error, List<String> sectors, List<String> rateTexts) {
    }

    /**
     * Reads scenario {@code key} ({@code key_type}, repeated {@code key_sector} / {@code key_rate}):
     * rows with neither sector nor rate are skipped; pairs are checked like the CLI's
     * (unknown sector, not a number, twice), and rates must be shares in [−1, 1].
     */
    static Parsed parseScenario(Req q, IoView v, String key, String label) {
        IoView.ShockType type = IoView.ShockType.parse(q.ctx.queryParam(key + "_type"));
        List<String> sectors = q.ctx.queryParams(key + "_sector");
        List<String> rates = q.ctx.queryParams(key + "_rate");
        List<String> pairs = new ArrayList<>();
        String error = null;
        for (int i = 0; i < Math.max(sectors.size(), rates.size()); i++) {
            String s = i < sectors.size() ? sectors.get(i).strip() : "";
            String r = i < rates.size() ? rates.get(i).strip() : "";
            if (s.isEmpty() && r.isEmpty()) continue;
            if (s.isEmpty()) {
                error = q.msg.format("sov.shock.noSector", label, Req.shorten(r));
                break;
            }
            if (r.isEmpty()) {
                error = q.msg.format("sov.shock.noRate", label, Req.shorten(s));
                break;
            }
            pairs.add(s + "=" + r.replace(',', '.'));
        }
        Map<String, Double> parsed = null;
        if (error == null && !pairs.isEmpty()) {
            try {
                parsed = IoCommand.ShockCommand.parsePairs(label, pairs, v.table());
                for (Map.Entry<String, Double> e : parsed.entrySet()) {
                    if (Math.abs(e.getValue()) > 1) {
                        error = q.msg.format("sov.shock.range", label, e.getKey(), String.valueOf(e.getValue()));
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        return new Parsed(type, error == null ? parsed : null, error, sectors, rates);
    }

    private static ScenarioForm form(Messages m, String key, String label, IoView.ShockType type, List<String> sectors,
                                     List<String> rates) {
        List<Option> types = new ArrayList<>();
        for (IoView.ShockType t : IoView.ShockType.values()) {
            types.add(new Option(t.value(), m.get("sov.shock.type." + t.name()), t == type));
        }
        List<String> s = new ArrayList<>(sectors);
        List<String> r = new ArrayList<>(rates);
        while (s.size() < SHOCK_ROWS) s.add("");
        while (r.size() < s.size()) r.add("");
        while (s.size() < r.size()) s.add("");
        return new ScenarioForm(key, label, types, s, r);
    }

    public void shock(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = ioDataset(q, "shock");
        if (d == null) return;
        IoView v = io(q, d, "shock");
        if (v == null) return;
        Messages m = q.msg;
        Shell s = shell(q, d, Workbench.IO_KINDS, "shock");

        List<Option> sectors = new ArrayList<>();
        for (String c : v.table().sectors()) sectors.add(new Option(c, label(v, m.lang(), c), false));

        Parsed a;
        Parsed b;
        if (ctx.queryParam("a_type") == null && ctx.queryParams("a_sector").isEmpty()) {
            // first visit: a 10 % fall in final demand for the largest sector, so the page shows a result
            String largest = v.multipliers().stream().max(Comparator.comparingDouble(Multipliers.Row::output))
                    .map(Multipliers.Row::sector).orElseThrow();
            a = new Parsed(IoView.ShockType.demand, Map.of(largest, -0.1), null, List.of(largest), List.of("-0.1"));
            b = new Parsed(IoView.ShockType.demand, null, null, List.of(), List.of());
        } else {
            a = parseScenario(q, v, "a", m.get("sov.shock.a"));
            b = parseScenario(q, v, "b", m.get("sov.shock.b"));
        }
        List<ScenarioForm> forms = List.of(form(m, "a", m.get("sov.shock.a"), a.type(), a.sectors(), a.rateTexts()),
                form(m, "b", m.get("sov.shock.b"), b.type(), b.sectors(), b.rateTexts()));
        String error = a.error() != null ? a.error() : b.error();
        if (error == null && a.rates() == null) error = m.get("sov.shock.empty");
        ShockOutcome outcome = null;
        if (error == null) {
            try {
                ShockResult ra = v.shock(a.type(), a.rates());
                ShockResult rb = b.rates() == null ? null : v.shock(b.type(), b.rates());
                outcome = outcome(ctx, m, s, v, a, ra, rb);
            } catch (AnalysisException | IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        if (error != null) ctx.status(422);
        ctx.render("sovereignty/shock.jte", Map.of("p", new ShockPage(s, tabs(s, "shock"), sectors, forms, error, outcome)));
    }

    private ShockOutcome outcome(Context ctx, Messages m, Shell s, IoView v, Parsed pa, ShockResult a, ShockResult b) {
        String unit = m.get("sov.unit.table");
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(new Kpi(m.get("sov.kpi.baseline"), m.count(a.total().baselineOutput()), unit));
        kpis.add(new Kpi(m.format("sov.kpi.totalChange", m.get("sov.shock.a")),
                m.signed(a.total().outputChange()) + " (" + m.num(a.total().outputChangePct(), 2) + " %)", unit));
        if (b != null) {
            kpis.add(new Kpi(m.format("sov.kpi.totalChange", m.get("sov.shock.b")),
                    m.signed(b.total().outputChange()) + " (" + m.num(b.total().outputChangePct(), 2) + " %)", unit));
            kpis.add(new Kpi(m.get("sov.kpi.diff"), m.signed(b.total().outputChange() - a.total().outputChange()), unit));
        }
        List<TableModel.Col> cols = new ArrayList<>(List.of(
                new TableModel.Col("sector", m.get("sov.col.sector"), false, null),
                new TableModel.Col("baseline_output", m.get("sov.col.baseline_output"), true, unit),
                new TableModel.Col("output_change", m.format("sov.col.changeOf", m.get("sov.shock.a")), true, unit),
                new TableModel.Col("output_change_pct", m.format("sov.col.changePctOf", m.get("sov.shock.a")), true, "%")));
        if (b != null) {
            cols.add(new TableModel.Col("b_output_change", m.format("sov.col.changeOf", m.get("sov.shock.b")), true, unit));
            cols.add(new TableModel.Col("b_output_change_pct", m.format("sov.col.changePctOf", m.get("sov.shock.b")), true, "%"));
            cols.add(new TableModel.Col("difference", m.get("sov.col.difference"), true, unit));
        }
        TableModel t = new TableModel("shock", m.get("sov.shock.table"), cols);
        for (int i = 0; i < a.rows().size(); i++) {
            ShockResult.Row ra = a.rows().get(i);
            String name = label(v, m.lang(), ra.sector());
            List<Object> raw = new ArrayList<>(List.of(name, ra.baselineOutput(), ra.outputChange(), ra.outputChangePct()));
            List<TableModel.Cell> cells = new ArrayList<>(List.of(TableModel.Cell.of(name), TableModel.Cell.of(m.count(ra.baselineOutput())),
                    TableModel.Cell.of(m.num(ra.outputChange(), 1)), TableModel.Cell.of(m.num(ra.outputChangePct(), 2))));
            if (b != null) {
                ShockResult.Row rb = b.rows().get(i);
                raw.addAll(List.of(rb.outputChange(), rb.outputChangePct(), rb.outputChange() - ra.outputChange()));
                cells.addAll(List.of(TableModel.Cell.of(m.num(rb.outputChange(), 1)), TableModel.Cell.of(m.num(rb.outputChangePct(), 2)),
                        TableModel.Cell.of(m.num(rb.outputChange() - ra.outputChange(), 1))));
            }
            t.add(raw.toArray(), cells);
        }
        List<TableModel.Cell> foot = new ArrayList<>(List.of(TableModel.Cell.of(m.get("sov.total")),
                TableModel.Cell.of(m.count(a.total().baselineOutput())), TableModel.Cell.of(m.num(a.total().outputChange(), 1)),
                TableModel.Cell.of(m.num(a.total().outputChangePct(), 2))));
        if (b != null) {
            foot.addAll(List.of(TableModel.Cell.of(m.num(b.total().outputChange(), 1)), TableModel.Cell.of(m.num(b.total().outputChangePct(), 2)),
                    TableModel.Cell.of(m.num(b.total().outputChange() - a.total().outputChange(), 1))));
        }
        // default order: the largest responses first; the TOTAL stays below
        t.param("s");
        if (ctx.queryParam("ssort") != null) t.sort(ctx.queryParam("ssort"), ctx.queryParam("sdir"), "output_change", true);
        else t.rows().sort(Comparator.comparingDouble((TableModel.Row r) -> -maxAbs(r.raw(), b != null)));
        t.links(s, withoutSort(ctx, "ssort", "sdir"), s.url("/sovereignty/shock/export.csv", "a_type", pa.type().value()) + scenarioQuery(pa),
                s.url("/sovereignty/shock/export.xlsx", "a_type", pa.type().value()) + scenarioQuery(pa));
        t.footer(foot);

        // chart: the sectors with the largest response in either scenario
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < a.rows().size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.max(abs(a.rows().get(i).outputChange()),
                b == null ? 0 : abs(b.rows().get(i).outputChange()))));
        order = order.subList(0, Math.min(TOP, order.size()));
        List<String> labels = new ArrayList<>();
        double[] ca = new double[order.size()];
        double[] cb = new double[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            labels.add(label(v, m.lang(), a.rows().get(i).sector()));
            ca[k] = a.rows().get(i).outputChange();
            if (b != null) cb[k] = b.rows().get(i).outputChange();
        }
        String chart = Charts.groupedBars(m.get("sov.chart.outputChange"), unit, m.lang().name(), labels,
                b == null ? List.of(m.get("sov.shock.a")) : List.of(m.get("sov.shock.a"), m.get("sov.shock.b")),
                b == null ? List.of(ca) : List.of(ca, cb), 1, null);
        List<String> warnings = new ArrayList<>(a.warnings().stream().map(Object::toString).toList());
        if (b != null) b.warnings().forEach(w -> warnings.add(w.toString()));
        return new ShockOutcome(kpis, chart, t, warnings);
    }

    /** The current page's URL without the given parameters (the sort links of one table). */
    static String withoutSort(Context ctx, String... drop) {
        Map<String, List<String>> q = new java.util.LinkedHashMap<>(ctx.queryParamMap());
        for (String d : drop) q.remove(d);
        q.remove("lang");
        StringBuilder b = new StringBuilder(ctx.path());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            for (String v : e.getValue()) {
                b.append(sep).append(Shell.enc(e.getKey())).append('=').append(Shell.enc(v));
                sep = '&';
            }
        }
        return b.toString();
    }

    /** Scenario A's sector/rate pairs as query parameters (for the export links). */
    private static String scenarioQuery(Parsed a) {
        StringBuilder b = new StringBuilder();
        a.rates().forEach((k, r) -> b.append("&a_sector=").append(Shell.enc(k)).append("&a_rate=").append(r));
        return b.toString();
    }

    private static double abs(double x) {
        return Double.isNaN(x) ? 0 : Math.abs(x);
    }

    private static double maxAbs(Object[] raw, boolean withB) {
        double x = abs((Double) raw[2]);
        return withB ? Math.max(x, abs((Double) raw[4])) : x;
    }

    // ------------------------------------------------------------------ extraction

    public void extraction(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = ioDataset(q, "extraction");
        if (d == null) return;
        IoView v = io(q, d, "extraction");
        if (v == null) return;
        Messages m = q.msg;
        Shell s = shell(q, d, Workbench.IO_KINDS, "extraction");
        List<HypotheticalExtraction.Row> rows = v.extraction();
        String unit = m.get("sov.unit.table");
        TableModel t = new TableModel("extraction", m.get("sov.extraction.table"), List.of(
                new TableModel.Col("sector", m.get("sov.col.sector"), false, null),
                new TableModel.Col("backward_extraction_loss", m.get("sov.col.backward_extraction_loss"), true, unit),
                new TableModel.Col("backward_extraction_loss_pct", m.get("sov.col.backward_extraction_loss_pct"), true, m.get("sov.help.pctBaseline")),
                new TableModel.Col("forward_extraction_loss", m.get("sov.col.forward_extraction_loss"), true, unit),
                new TableModel.Col("forward_extraction_loss_pct", m.get("sov.col.forward_extraction_loss_pct"), true, m.get("sov.help.pctBaseline"))));
        for (HypotheticalExtraction.Row r : rows) {
            String name = label(v, m.lang(), r.sector());
            t.add(new Object[] {name, r.backwardExtractionLoss(), r.backwardExtractionLossPct(), r.forwardExtractionLoss(),
                    r.forwardExtractionLossPct()}, List.of(TableModel.Cell.of(name),
                    TableModel.Cell.of(m.num(r.backwardExtractionLoss(), 1)), TableModel.Cell.of(m.num(r.backwardExtractionLossPct(), 2)),
                    TableModel.Cell.of(m.num(r.forwardExtractionLoss(), 1)), TableModel.Cell.of(m.num(r.forwardExtractionLossPct(), 2))));
        }
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "backward_extraction_loss_pct", true)
                .links(s, s.url("/sovereignty/extraction"), s.url("/sovereignty/extraction/export.csv"),
                        s.url("/sovereignty/extraction/export.xlsx"));
        List<HypotheticalExtraction.Row> top = new ArrayList<>(rows.stream().filter(r -> Double.isFinite(r.backwardExtractionLossPct())).toList());
        top.sort(Comparator.comparingDouble((HypotheticalExtraction.Row r) -> -Math.max(r.backwardExtractionLossPct(),
                Double.isNaN(r.forwardExtractionLossPct()) ? 0 : r.forwardExtractionLossPct())));
        top = top.subList(0, Math.min(TOP, top.size()));
        String chart = Charts.groupedBars(m.get("sov.chart.lossPct"), "%", m.lang().name(),
                top.stream().map(r -> label(v, m.lang(), r.sector())).toList(),
                List.of(m.get("sov.chart.backward"), m.get("sov.chart.forward")),
                List.of(top.stream().mapToDouble(HypotheticalExtraction.Row::backwardExtractionLossPct).toArray(),
                        top.stream().mapToDouble(HypotheticalExtraction.Row::forwardExtractionLossPct).toArray()), 2, null);
        HypotheticalExtraction.Row first = top.isEmpty() ? null : top.get(0);
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(new Kpi(m.get("sov.kpi.sectors"), m.count(rows.size()), null));
        if (first != null) {
            kpis.add(new Kpi(m.get("sov.kpi.mostCritical"), label(v, m.lang(), first.sector()), m.get("sov.help.extraction")));
            kpis.add(new Kpi(m.get("sov.col.backward_extraction_loss_pct"), m.num(first.backwardExtractionLossPct(), 2) + " %", null));
        }
        ctx.render("sovereignty/extraction.jte", Map.of("p", new ExtractionPage(s, tabs(s, "extraction"), kpis, t, chart)));
    }

    // ------------------------------------------------------------------ dependency

    /** The screen a request asks for: reporter, years, excluded group, filter. */
    record Screen(String reporter, int from, int to, String group, Set<String> excluded, String filter,
                  List<DependencyRow> rows, List<String> reporters, TreeSet<Integer> years, TradeData data) {
    }

    /** Reporters by number of records, most first (ties by code). */
    static List<String> reporters(TradeData t) {
        Map<String, Integer> n = new TreeMap<>();
        for (TradeFlow f : t.flows()) n.merge(f.reporter(), 1, Integer::sum);
        List<String> r = new ArrayList<>(n.keySet());
        r.sort(Comparator.comparingInt((String x) -> -n.get(x)).thenComparing(x -> x));
        return r;
    }

    Screen screen(Req q, Dataset d) {
        TradeData t = wb.trade(d);
        List<String> reporters = reporters(t);
        if (reporters.isEmpty()) throw new BadRequest(q.msg.format("sov.noFlows", d.id()));
        String reporter = q.codeParam("reporter");
        if (reporter == null) reporter = reporters.contains("RUS") ? "RUS" : reporters.get(0);
        else if (!reporters.contains(reporter)) throw new BadRequest(q.msg.format("sov.noReporter", reporter, d.id()));
        TreeSet<Integer> years = new TreeSet<>();
        for (TradeFlow f : t.flows()) years.add(f.year());
        Integer from = q.intParam("from", 1900, 2100);
        Integer to = q.intParam("to", 1900, 2100);
        String range = q.ctx.queryParam("years"); // the CLI's --years Y1-Y2
        if (range != null && !range.isBlank()) {
            var mt = java.util.regex.Pattern.compile("\\s*(\\d{4})\\s*[-–]\\s*(\\d{4})\\s*").matcher(range);
            if (!mt.matches()) throw new BadRequest("years must look like 2021-2023 (was \"" + Req.shorten(range) + "\")");
            from = Integer.parseInt(mt.group(1));
            to = Integer.parseInt(mt.group(2));
        }
        int y1 = to == null ? years.last() : to;
        int y0 = from == null ? (to == null ? years.last() : y1) : from;
        if (y0 > y1) throw new BadRequest(q.msg.format("sov.badYears", y0, y1));
        String group = q.codeParam("outside");
        Set<String> excluded = Set.of();
        if (group != null) {
            List<String> members = t.groups().get(group);
            if (members == null) throw new BadRequest(q.msg.format("sov.noGroup", group, String.join(", ", t.groups().keySet())));
            excluded = Set.copyOf(members);
        }
        String filter = q.ctx.queryParam("filter");
        if (filter == null || filter.isBlank()) filter = "all";
        if (!List.of("all", "dependent", "persistent").contains(filter)) {
            throw new BadRequest("filter must be all, dependent or persistent (was \"" + Req.shorten(filter) + "\")");
        }
        List<DependencyRow> rows = new ArrayList<>();
        for (DependencyRow r : wb.screen(d, reporter, excluded)) {
            if (r.year() < y0 || r.year() > y1) continue;
            if (filter.equals("dependent") && !r.dependent()) continue;
            if (filter.equals("persistent") && !r.persistent()) continue;
            rows.add(r);
        }
        return new Screen(reporter, y0, y1, group, excluded, filter, rows, reporters, years, t);
    }

    /** One product's coverage of the home market in a year (methods.md §3). */
    record Coverage(String product, int year, double production, double exports, double imports, double coverage, boolean meetsTarget) {
    }

    /**
     * Coverage of every product with production of the reporter in the year: imports from all partners
     * (the whole home market, so no group is excluded); NaN when exports exceed production.
     */
    List<Coverage> coverage(Dataset d, TradeData t, String reporter, int year) {
        Map<String, Double> production = new TreeMap<>();
        for (Production p : t.production()) {
            if (p.year() == year && p.reporter().equals(reporter)) production.merge(p.product(), p.value(), Double::sum);
        }
        if (production.isEmpty()) return List.of();
        Map<String, DependencyRow> all = new HashMap<>();
        for (DependencyRow r : wb.screen(d, reporter, Set.of())) if (r.year() == year) all.put(r.product(), r);
        List<Coverage> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : production.entrySet()) {
            DependencyRow r = all.get(e.getKey());
            double imports = r == null ? 0 : r.imports();
            double exports = r == null ? 0 : r.exports();
            double c = coverageOrNaN(e.getValue(), exports, imports);
            out.add(new Coverage(e.getKey(), year, e.getValue(), exports, imports, c, SovereigntyCoverage.meetsTarget(c)));
        }
        return out;
    }

    static double coverageOrNaN(double production, double exports, double imports) {
        try {
            return SovereigntyCoverage.of(production, exports, imports);
        } catch (IllegalArgumentException e) { // exports above production: undefined, not clamped
            return Double.NaN;
        }
    }

    public void dependency(Context ctx) {
        Req q = Req.of(ctx, wb);
        Dataset d = tradeDataset(q);
        if (d == null) return;
        Messages m = q.msg;
        Shell s = shell(q, d, Workbench.TRADE_KINDS, "dependency");
        Screen sc = screen(q, d);

        List<Option> reporters = sc.reporters().stream().map(r -> new Option(r, r, r.equals(sc.reporter()))).toList();
        List<Option> fromYears = new ArrayList<>();
        List<Option> toYears = new ArrayList<>();
        for (int y : sc.years()) {
            fromYears.add(new Option(String.valueOf(y), String.valueOf(y), y == sc.from()));
            toYears.add(new Option(String.valueOf(y), String.valueOf(y), y == sc.to()));
        }
        List<Option> groups = new ArrayList<>();
        groups.add(new Option("", m.get("sov.dep.noGroup"), sc.group() == null));
        for (String g : sc.data().groups().keySet()) groups.add(new Option(g, g, g.equals(sc.group())));
        List<Option> filters = new ArrayList<>();
        for (String f : List.of("all", "dependent", "persistent")) filters.add(new Option(f, m.get("sov.dep.filter." + f), f.equals(sc.filter())));

        List<DependencyRow> allTo = wb.screen(d, sc.reporter(), sc.excluded()).stream().filter(r -> r.year() == sc.to()).toList();
        List<Kpi> kpis = new ArrayList<>(List.of(
                new Kpi(m.format("sov.kpi.products", sc.to()), m.count(allTo.size()), null),
                new Kpi(m.format("sov.kpi.dependent", sc.to()), m.count(allTo.stream().filter(DependencyRow::dependent).count()), m.get("sov.help.dependent")),
                new Kpi(m.format("sov.kpi.persistent", sc.to()), m.count(allTo.stream().filter(DependencyRow::persistent).count()), m.get("sov.help.persistent"))));

        String base = withoutSort(ctx, "sort", "dir");
        TableModel t = new TableModel("dependency", m.get("sov.dep.table"), List.of(
                new TableModel.Col("product", m.get("sov.col.product"), false, null),
                new TableModel.Col("year", m.get("control.year"), true, null),
                new TableModel.Col("imports", m.get("sov.col.imports"), true, m.get("sov.help.outside")),
                new TableModel.Col("exports", m.get("sov.col.exports"), true, null),
                new TableModel.Col("import_hhi", m.get("sov.col.import_hhi"), true, m.get("sov.help.hhi")),
                new TableModel.Col("world_export_hhi", m.get("sov.col.world_export_hhi"), true, m.get("sov.help.worldHhi")),
                new TableModel.Col("import_export_ratio", m.get("sov.col.import_export_ratio"), true, null),
                new TableModel.Col("import_reliance", m.get("sov.col.import_reliance"), true, m.get("sov.help.reliance")),
                new TableModel.Col("dependent", m.get("sov.col.dependent"), true, m.get("sov.help.dependent")),
                new TableModel.Col("persistent", m.get("sov.col.persistent"), true, m.get("sov.help.persistent")),
                new TableModel.Col("top_partner", m.get("sov.col.top_partner"), false, null),
                new TableModel.Col("top_partner_share", m.get("sov.col.top_partner_share"), true, null)));
        for (DependencyRow r : sc.rows()) {
            String href = s.url("/sovereignty/dependency", "reporter", sc.reporter(), "from", sc.from(), "to", sc.to(),
                    "outside", sc.group(), "filter", sc.filter(), "product", r.product(), "year", r.year()) + "#partners";
            t.add(new Object[] {r.product(), r.year(), r.imports(), r.exports(), r.importHhi(), r.worldExportHhi(),
                    r.importExportRatio(), r.importReliance(), r.dependent(), r.persistent(), r.topPartner(), r.topPartnerShare()}, List.of(
                    new TableModel.Cell(r.product(), href, null),
                    TableModel.Cell.of(String.valueOf(r.year())),
                    TableModel.Cell.of(m.count(r.imports())),
                    TableModel.Cell.of(m.count(r.exports())),
                    TableModel.Cell.of(m.num(r.importHhi(), 3)),
                    TableModel.Cell.of(m.num(r.worldExportHhi(), 3)),
                    TableModel.Cell.of(m.num(r.importExportRatio(), 2)),
                    TableModel.Cell.of(m.percent(r.importReliance())),
                    new TableModel.Cell(r.dependent() ? m.get("yes") : "", null, r.dependent() ? "badge-strong" : null),
                    new TableModel.Cell(r.persistent() ? m.get("yes") : "", null, r.persistent() ? "badge-strong" : null),
                    TableModel.Cell.of(r.topPartner() == null ? "" : r.topPartner()),
                    TableModel.Cell.of(m.percent(r.topPartnerShare()))));
        }
        t.sort(ctx.queryParam("sort"), ctx.queryParam("dir"), "import_hhi", true)
                .links(s, base, s.url("/sovereignty/dependency/export.csv", "reporter", sc.reporter(), "from", sc.from(),
                        "to", sc.to(), "outside", sc.group(), "filter", sc.filter()),
                        s.url("/sovereignty/dependency/export.xlsx", "reporter", sc.reporter(), "from", sc.from(),
                                "to", sc.to(), "outside", sc.group(), "filter", sc.filter()));

        // partner concentration of one product: the chosen one, else the most concentrated dependent one
        String product = q.codeParam("product");
        Integer year = q.intParam("year", 1900, 2100);
        int py = year == null ? sc.to() : year;
        if (product == null) {
            product = allTo.stream().filter(DependencyRow::dependent).max(Comparator.comparingDouble(DependencyRow::importHhi))
                    .or(() -> allTo.stream().filter(r -> Double.isFinite(r.importHhi())).max(Comparator.comparingDouble(DependencyRow::importHhi)))
                    .map(DependencyRow::product).orElse(null);
        }
        String partnerChart = null;
        String partnerCaption = null;
        if (product != null) {
            List<PartnerShares.Share> shares = PartnerShares.of(sc.data().flows(), sc.reporter(), product, py, sc.excluded());
            if (shares.isEmpty() || Double.isNaN(shares.get(0).share())) {
                partnerCaption = m.format("sov.dep.noImports", product, String.valueOf(py));
            } else {
                List<String> labels = new ArrayList<>();
                List<Double> vals = new ArrayList<>();
                double rest = 0;
                for (int i = 0; i < shares.size(); i++) {
                    if (i < TOP) {
                        labels.add(shares.get(i).partner());
                        vals.add(100 * shares.get(i).share());
                    } else rest += 100 * shares.get(i).share();
                }
                if (rest > 0) {
                    labels.add(m.format("sov.dep.others", shares.size() - TOP));
                    vals.add(rest);
                }
                double hhi = shares.stream().mapToDouble(x -> x.share() * x.share()).sum();
                partnerChart = Charts.groupedBars(m.get("sov.chart.importShare"), "%", m.lang().name(), labels,
                        List.of(m.get("sov.chart.importShare")), List.of(vals.stream().mapToDouble(Double::doubleValue).toArray()), 1, null);
                partnerCaption = m.format("sov.dep.partnersCaption", product, String.valueOf(py), m.num(hhi, 3));
            }
        }

        List<Coverage> cov = coverage(d, sc.data(), sc.reporter(), sc.to());
        TableModel ct = null;
        String coverageNote = null;
        if (!cov.isEmpty()) {
            ct = new TableModel("coverage", m.format("sov.cov.table", sc.to()), List.of(
                    new TableModel.Col("product", m.get("sov.col.product"), false, null),
                    new TableModel.Col("production", m.get("sov.col.production"), true, null),
                    new TableModel.Col("exports", m.get("sov.col.exports"), true, null),
                    new TableModel.Col("imports", m.get("sov.col.importsAll"), true, null),
                    new TableModel.Col("coverage", m.get("sov.col.coverage"), true, m.get("sov.help.coverage")),
                    new TableModel.Col("meets_target", m.get("sov.col.meets_target"), true, null)));
            double prod = 0;
            double exp = 0;
            double imp = 0;
            for (Coverage c : cov) {
                prod += c.production();
                exp += c.exports();
                imp += c.imports();
                ct.add(new Object[] {c.product(), c.production(), c.exports(), c.imports(), c.coverage(), c.meetsTarget()}, List.of(
                        TableModel.Cell.of(c.product()), TableModel.Cell.of(m.count(c.production())), TableModel.Cell.of(m.count(c.exports())),
                        TableModel.Cell.of(m.count(c.imports())), TableModel.Cell.of(m.percent(c.coverage())),
                        new TableModel.Cell(c.meetsTarget() ? m.get("yes") : "", null, c.meetsTarget() ? "badge-strong" : null)));
            }
            ct.param("c").sort(ctx.queryParam("csort"), ctx.queryParam("cdir"), "coverage", false)
                    .links(s, withoutSort(ctx, "csort", "cdir"), null, null);
            double total = coverageOrNaN(prod, exp, imp);
            kpis.add(new Kpi(m.format("sov.kpi.coverage", sc.to()), m.percent(total), m.get("sov.help.coverage")));
            coverageNote = m.format("sov.cov.note", m.percent(total), m.percent(SovereigntyCoverage.TARGET),
                    m.count(cov.stream().filter(Coverage::meetsTarget).count()), m.count(cov.size()));
        }
        ctx.render("sovereignty/dependency.jte", Map.of("p", new DependencyPage(s, tabs(s, "dependency"), reporters, fromYears,
                toYears, groups, filters, kpis, t, product, partnerChart, partnerCaption, ct, coverageNote)));
    }
}
