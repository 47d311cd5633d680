package org.klaster.app.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.LocalisationAnalysis;
import org.klaster.app.analysis.LocalisationAnalysis.LeakageRow;
import org.klaster.app.analysis.LocalisationAnalysis.LocaliseRow;
import org.klaster.app.analysis.LocalisationAnalysis.SupplierRow;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.UserException;
import org.klaster.app.analysis.Units;
import org.klaster.app.auth.Principal;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.Pages.Tab;
import org.klaster.app.web.SovereigntyPages.Hidden;
import org.klaster.app.web.SovereigntyPages.IoView;
import org.klaster.app.web.SovereigntyPages.TableChoice;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.inputoutput.LocalSuppliers;
import org.klaster.registry.Cluster;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * The Sovereignty section's "Localisation" tab (template {@code sovereignty/localisation.jte}), its downloads and
 * the API's {@code leakage}, {@code localise} and {@code suppliers}: on a region's table (the region picker of the
 * input–output tabs), what the buyers (every sector, chosen sectors, or a cluster's members) buy outside the
 * region, a scenario localising a share of it, and the candidate suppliers of the largest outside purchases. The
 * three tables are {@link LocalisationAnalysis}'s, read from the request once ({@link #ask}) for page, files and
 * API alike.
 *
 * <p>The registry is read only as far as the visitor may: a cluster as buyers only when they may read that
 * cluster, registry organisations among the candidates only those whose profile they may read ({@link RegistryAccess}).
 */
public final class LocalisationPages {

    /** The share localised when the form has not been sent. */
    static final String DEFAULT_SHARE = "30%";
    /** The downloads of this page ({@code /sovereignty/WHAT/export.csv|xlsx}). */
    static final java.util.Set<String> EXPORTS = java.util.Set.of("leakage", "localise", "suppliers");

    private final Workbench wb;
    private final SovereigntyPages sov;
    private final Clock clock;

    LocalisationPages(Workbench wb, SovereigntyPages sov, Clock clock) {
        this.wb = wb;
        this.sov = sov;
        this.clock = clock;
    }

    public record LocalisationPage(Shell shell, List<Tab> tabs, TableChoice choice, String prompt, List<Hidden> keep,
                                   List<Option> sectors, List<Option> clusters, String share, List<Option> froms,
                                   List<Kpi> kpis, String chart, TableModel leakage, TableModel localise, TableModel suppliers,
                                   List<String> notes, List<String> warnings) {
    }

    /**
     * What a request asks on a region's table: the buyers ({@code buyers}: sector codes, repeated or
     * comma-separated; or {@code cluster}: a registry cluster's members, as of {@code as_of}), the scenario
     * ({@code share}: 0.3 or 30 %, {@code from}: abroad | other-regions | both) and the supplier options
     * ({@code inputs}, {@code top}, {@code neighbours}).
     */
    record Ask(IoView view, LocalisationAnalysis.Buyers buyers, LocalisationAnalysis.Scenario scenario,
               LocalisationAnalysis.SupplierOptions options, LocalDate asOf, Principal who) {
    }

    Ask ask(Req q, IoView view) {
        if (view.regional() == null) throw UserException.badParameter("region", Messages.text("param.required"));
        Principal who = Auth.user(q.ctx);
        LocalDate asOf = q.param("as_of") == null ? LocalDate.now(clock) : org.klaster.app.analysis.ComplianceAnalysis.date("as_of", q.param("as_of"));
        List<String> codes = new ArrayList<>();
        for (String v : q.params("buyers")) {
            for (String c : v.split(",")) if (!c.isBlank()) codes.add(c.strip());
        }
        String cluster = Param.code("cluster", q.param("cluster"));
        LocalisationAnalysis.Buyers buyers;
        if (cluster != null) {
            if (!codes.isEmpty()) throw UserException.badParameter("cluster", Messages.text("sov.loc.bothBuyers"));
            Registry r = wb.platform().registry();
            // a cluster the visitor may not read is as unknown as one that does not exist
            if (r.cluster(cluster) == null || !RegistryAccess.canRead(who, r, cluster)) {
                throw UserException.notFound("cluster", Messages.text("io.localise.noCluster", cluster));
            }
            buyers = LocalisationAnalysis.ofCluster(r, cluster, asOf, view.regional().result().table(), null);
        } else {
            buyers = LocalisationAnalysis.Buyers.of(codes);
        }
        String shareText = q.param("share");
        double share = Param.shareOrPercent("share", shareText == null || shareText.isBlank() ? DEFAULT_SHARE : shareText);
        LocalisationAnalysis.From from = q.param("from") == null ? LocalisationAnalysis.From.abroad
                : LocalisationAnalysis.From.parse("from", q.param("from"));
        LocalisationAnalysis.SupplierOptions opt = new LocalisationAnalysis.SupplierOptions(
                integer(q, "inputs", 5, 1, 100), integer(q, "top", 10, 1, 1000), integer(q, "neighbours", 6, 0, 20));
        return new Ask(view, buyers, new LocalisationAnalysis.Scenario(buyers, share, from), opt, asOf, who);
    }

    private static int integer(Req q, String name, int def, int min, int max) {
        Integer v = q.integer(name, min, max);
        return v == null ? def : v;
    }

    Table<LeakageRow> leakage(Ask a, Names names) {
        return a.view().table(LocalisationAnalysis.leakage(a.view().regional().result(), nation(a), a.buyers(), names, true));
    }

    Table<LocaliseRow> localise(Ask a, Names names) {
        return a.view().table(LocalisationAnalysis.localise(a.view().regional().result(), nation(a), a.scenario(), wb, names, true));
    }

    /**
     * The candidates: the establishments of the default (or chosen, {@code firms}) firms dataset, and the registry
     * organisations the visitor may read.
     */
    Table<SupplierRow> suppliers(Req q, Ask a, Names names) {
        Dataset firms = q.dataset("firms", Content.ESTABLISHMENTS);
        List<LocalSuppliers.Supplier> registry = List.of();
        if (RegistryAccess.signedIn(a.who())) {
            Registry r = wb.platform().registry();
            List<String> readable = r.organisations().stream().map(Organisation::inn)
                    .filter(inn -> RegistryAccess.canReadOrganisation(a.who(), r, inn)).toList();
            registry = LocalisationAnalysis.registrySuppliers(r, a.asOf()).stream()
                    .filter(s -> readable.contains(s.id())).toList();
        }
        var result = a.view().regional().result();
        LocalisationAnalysis.SupplierSources sources = LocalisationAnalysis.sources(wb, firms, result.year(), registry, names.regions());
        return a.view().table(LocalisationAnalysis.suppliers(result, nation(a), a.buyers(), a.options(), sources, null, names, true));
    }

    private IoModel nation(Ask a) {
        return wb.io(a.view().national());
    }

    // ------------------------------------------------------------------ the page

    void page(Req q, Map<String, String> errors) {
        String tab = "localisation";
        Dataset d = sov.dataset(q, Content.IO_TABLE, tab, errors);
        if (d == null) return;
        IoView view = sov.view(q, d, tab, errors);
        if (view == null) return;
        Messages m = q.msg;
        Names names = q.names();
        Shell s = sov.shell(q, d, Content.IO_TABLE, tab, errors)
                .controls("buyers", "cluster", "share", "from", "sort", "dir", "lsort", "ldir", "ssort", "sdir")
                .controls(SovereigntyPages.REGIONAL.toArray(String[]::new));
        TableChoice choice = sov.choice(q, s, view, tab, List.of());
        List<Tab> tabs = SovereigntyPages.tabs(s, tab, view);
        if (view.regional() == null) {
            Pages.render(q.ctx, "sovereignty/localisation.jte", new LocalisationPage(s, tabs, choice, m.get("sov.loc.chooseRegion"),
                    List.of(), List.of(), List.of(), null, List.of(), List.of(), null, null, null, null, List.of(), List.of()));
            return;
        }
        IoModel v = view.model();
        Ask a = ask(q, view);
        Table<LeakageRow> leak = leakage(a, names);
        Table<LocaliseRow> loc = localise(a, names);
        Table<SupplierRow> sup = suppliers(q, a, names);
        s.shows(leak);
        String unit = Units.money(leak.moneyUnit(), m);

        List<LeakageRow> rows = leak.list();
        LeakageRow total = rows.get(rows.size() - 1);
        LocaliseRow change = loc.list().get(loc.list().size() - 1);
        // the unit in the label: values of a regional table in millions are long enough on their own
        List<Kpi> kpis = new ArrayList<>();
        String per = ", " + unit;
        kpis.add(new Kpi(m.get("sov.loc.kpi.outside") + per, m.count(total.outside())
                + (Double.isFinite(total.outsideShare()) ? " (" + m.percent(total.outsideShare()) + ")" : ""), m.get("col.outside.help")));
        kpis.add(new Kpi(m.get("col.from_abroad") + per, Double.isFinite(total.abroad()) ? m.count(total.abroad()) : "—",
                m.get("col.from_abroad.help")));
        kpis.add(new Kpi(m.get("sov.loc.kpi.output") + per, m.signed(change.outputChange()), m.get("col.output_change.help")));
        kpis.add(new Kpi(m.get("sov.loc.kpi.valueAdded") + per, Double.isFinite(change.valueAddedChange()) ? m.signed(change.valueAddedChange()) : "—",
                m.get("col.value_added_change.help")));
        kpis.add(new Kpi(m.get("sov.loc.kpi.jobs"), m.signed(change.jobsChange()), m.get("col.jobs_change.help")));
        kpis.add(new Kpi(m.get("sov.loc.kpi.replaced") + per, m.count(change.replaced()), m.get("col.imports_replaced.help")));

        Object[] kv = kv(view, q);
        TableModel leakTable = PageTable.of(leak, m, "sector", "bought_in_region", "from_other_regions", "from_abroad", "outside", "outside_share")
                .text((r, c) -> c.equals("sector") ? label(m, names, v, r.sector()) : null)
                .footer(r -> LocalisationAnalysis.TOTAL.equals(r.sector()))
                .build("leakage", m.get("sov.loc.leakage.table"));
        leakTable.sort(q, "outside", true).links(s, Pages.without(q, "sort", "dir"),
                s.url("/sovereignty/leakage/export.csv", kv), s.url("/sovereignty/leakage/export.xlsx", kv));
        TableModel locTable = PageTable.of(loc, m, "sector", "output", "output_change", "output_change_pct", "value_added_change",
                        "jobs_change", "imports_replaced", "not_localisable")
                .text((r, c) -> c.equals("sector") ? label(m, names, v, r.sector()) : null)
                .footer(r -> LocalisationAnalysis.TOTAL.equals(r.sector()))
                .build("localise", m.get("sov.loc.localise.table"));
        locTable.param("l").sort(q, "output_change", true).links(s, Pages.without(q, "lsort", "ldir"),
                s.url("/sovereignty/localise/export.csv", kv), s.url("/sovereignty/localise/export.xlsx", kv));
        TableModel supTable = PageTable.of(sup, m, "input", "rank", "name", "region", "industry", "employment", "distance_km", "clusters")
                .text((r, c) -> switch (c) {
                    case "input" -> names.sectorLabel(v, r.input());
                    case "name" -> r.candidate().supplier().name() != null ? r.candidate().supplier().name() : r.candidate().supplier().id();
                    case "region" -> names.region(r.candidate().supplier().region());
                    default -> null;
                })
                .href((r, c) -> c.equals("name") && r.candidate().supplier().registry()
                        ? "/registry/organisations/" + r.candidate().supplier().id() : null)
                .build("suppliers", m.get("sov.loc.suppliers.table"));
        // the analysis's order (inputs by outside purchases, then ring and size) unless a column is chosen
        supTable.param("s");
        if (q.param("ssort") != null) supTable.sort(q, "rank", false);
        supTable.links(s, Pages.without(q, "ssort", "sdir"),
                s.url("/sovereignty/suppliers/export.csv", kv), s.url("/sovereignty/suppliers/export.xlsx", kv));

        // the largest outside purchases, by where they come from
        List<LeakageRow> top = rows.stream().filter(r -> !LocalisationAnalysis.TOTAL.equals(r.sector()))
                .filter(r -> Double.isFinite(r.outside()) ? r.outside() > 0 : r.otherRegions() > 0)
                .sorted(Comparator.comparingDouble((LeakageRow r) -> -(Double.isFinite(r.outside()) ? r.outside() : r.otherRegions())))
                .limit(SovereigntyPages.TOP).toList();
        String chart = null;
        if (!top.isEmpty()) {
            chart = Charts.stackedBars(unit, unit, m.lang().name(), top.stream().map(r -> names.sectorLabel(v, r.sector())).toList(),
                    List.of(m.get("col.from_other_regions"), m.get("col.from_abroad")),
                    List.of(top.stream().mapToDouble(LeakageRow::otherRegions).toArray(),
                            top.stream().mapToDouble(r -> Double.isFinite(r.abroad()) ? r.abroad() : 0).toArray()));
        }

        // the form: the buyers, the share and where the localised purchases came from
        List<String> chosen = a.buyers().cluster() == null ? a.buyers().sectors() : List.of();
        List<Option> sectors = new ArrayList<>();
        for (String c : v.table().sectors()) sectors.add(new Option(c, names.sectorLabel(v, c), chosen.contains(c)));
        List<Option> clusters = new ArrayList<>();
        if (RegistryAccess.signedIn(a.who())) {
            Registry r = wb.platform().registry();
            for (Cluster c : r.clusters()) {
                if (RegistryAccess.canRead(a.who(), r, c.id())) {
                    clusters.add(new Option(c.id(), c.name() + " (" + c.id() + ")", c.id().equals(a.buyers().cluster())));
                }
            }
            if (!clusters.isEmpty()) clusters.add(0, new Option("", m.get("sov.loc.noCluster"), a.buyers().cluster() == null));
        }
        List<Option> froms = new ArrayList<>();
        for (LocalisationAnalysis.From f : LocalisationAnalysis.From.values()) {
            froms.add(new Option(f.value(), m.get("sov.loc.from." + f.value()), f == a.scenario().from()));
        }
        String share = q.param("share") == null || q.param("share").isBlank() ? DEFAULT_SHARE : q.param("share").strip();

        List<String> notes = new ArrayList<>();
        for (Table<?> t : List.of(leak, loc, sup)) {
            for (String n : SovereigntyPages.texts(m, t.notes())) if (!notes.contains(n) && !choice.notes().contains(n)) notes.add(n);
        }
        List<String> warnings = new ArrayList<>(SovereigntyPages.texts(m, leak.warnings()));
        if (!v.table().hasImports()) warnings.add(m.get("sov.noImports"));
        Pages.render(q.ctx, "sovereignty/localisation.jte", new LocalisationPage(s, tabs, choice, null, view.hidden(),
                sectors, clusters, share, froms, kpis, chart, leakTable, locTable, supTable, notes, warnings));
    }

    private static String label(Messages m, Names names, IoModel v, String sector) {
        return LocalisationAnalysis.TOTAL.equals(sector) ? m.get("sov.total") : names.sectorLabel(v, sector);
    }

    /** The links of the page's downloads: the table, the buyers and the scenario. */
    private static Object[] kv(IoView view, Req q) {
        List<Object> kv = new ArrayList<>(List.of(view.kv()));
        for (String name : List.of("cluster", "share", "from", "as_of")) {
            String x = q.param(name);
            if (x != null && !x.isBlank()) {
                kv.add(name);
                kv.add(x);
            }
        }
        List<String> buyers = q.params("buyers").stream().filter(b -> !b.isBlank()).toList();
        if (!buyers.isEmpty()) {
            kv.add("buyers");
            kv.add(String.join(",", buyers));
        }
        return kv.toArray();
    }

    // ------------------------------------------------------------------ downloads

    /** {@code /sovereignty/leakage|localise|suppliers/export.csv|xlsx}. */
    void export(Req q, String what) throws java.io.IOException {
        Dataset d = q.requireDataset("dataset", Content.IO_TABLE);
        IoView view = sov.ioView(q, d);
        Ask a = ask(q, view);
        Names names = q.names();
        String id = d.id() + view.suffix();
        switch (what) {
            case "leakage" -> Downloads.send(q.ctx, leakage(a, names), "klaster-io-leakage-" + id, q.msg);
            case "localise" -> Downloads.send(q.ctx, localise(a, names), "klaster-io-localise-" + id, q.msg);
            default -> Downloads.send(q.ctx, suppliers(q, a, names), "klaster-io-suppliers-" + id, q.msg);
        }
    }
}
