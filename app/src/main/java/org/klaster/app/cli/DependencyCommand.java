package org.klaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.klaster.AnalysisException;
import org.klaster.app.Klaster;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.TradeData;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.DependencyScreen;
import org.klaster.dependency.Production;
import org.klaster.dependency.Thresholds;
import org.klaster.dependency.TradeFlow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code klaster dependency}: the strategic dependency screen of one reporter, one row per
 * product × year (formats.md §3 and §5, methods.md §3, docs/methods-dependency.md).
 */
@Command(name = "dependency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Strategic dependency screen (European Commission SWD(2021) 352, CEPII GeoDep): import and"
                + " world export concentration (HHI), import/export ratio, import reliance, dependent and persistent"
                + " flags and the top partner of reporter R, one row per product × year.",
                "",
                "A product-year is dependent when import HHI > --hhi-threshold, imports/exports > --ratio-threshold,"
                        + " import reliance > --reliance-threshold (when known) and world export HHI >"
                        + " --world-hhi-threshold (when known); persistent when dependent in at least 2 of the years"
                        + " t-2, t-1, t.",
                ""})
public final class DependencyCommand extends TopLevelCommand {

    static final List<String> COLUMNS = List.of("product", "year", "imports", "exports", "import_hhi",
            "world_export_hhi", "import_export_ratio", "import_reliance", "dependent", "persistent", "top_partner",
            "top_partner_share");

    static final class Source {
        @Option(names = "--trade", paramLabel = "FILE",
                description = "Trade file year,reporter,partner,product,flow,value (CSV or XLSX; formats.md §3).")
        Path trade;
        @Option(names = "--dataset", paramLabel = "ID",
                description = "A stored trade dataset (see `klaster datasets`), with its production and groups.")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--reporter", paramLabel = "R", required = true, description = "The reporter screened, e.g. RUS.")
    String reporter;

    @Option(names = "--production", paramLabel = "FILE",
            description = "Domestic output year,reporter,product,value: enables import reliance (replaces a dataset's own).")
    Path production;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "Partner groups group,member (replaces a dataset's own); used with --outside.")
    Path groups;

    @Option(names = "--outside", paramLabel = "G",
            description = "Count only imports from partners outside group G (exports and world exports are not filtered).")
    String outside;

    @Option(names = "--years", paramLabel = "Y1-Y2",
            description = "Print only these years (Y or Y1-Y2); persistence still looks at earlier years in the data.")
    String years;

    @Option(names = "--hhi-threshold", paramLabel = "T",
            description = "Import HHI must exceed T (default: ${DEFAULT-VALUE}).")
    double hhiThreshold = Thresholds.DEFAULTS.importHhi();

    @Option(names = "--ratio-threshold", paramLabel = "T",
            description = "Imports / exports must exceed T (default: ${DEFAULT-VALUE}).")
    double ratioThreshold = Thresholds.DEFAULTS.importExportRatio();

    @Option(names = "--reliance-threshold", paramLabel = "T",
            description = "Import reliance, imports / (production + imports - exports), must exceed T when known"
                    + " (default: ${DEFAULT-VALUE}).")
    double relianceThreshold = Thresholds.DEFAULTS.importReliance();

    @Option(names = "--world-hhi-threshold", paramLabel = "T",
            description = "World export HHI must exceed T when known (default: ${DEFAULT-VALUE}).")
    double worldHhiThreshold = Thresholds.DEFAULTS.worldExportHhi();


    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Thresholds thresholds = thresholds();
        int[] span = years();
        if (outside != null && groups == null && source.trade != null) {
            throw usage("--outside " + outside + " needs --groups FILE (the file that defines group " + outside + ")");
        }

        List<String> warnings = new ArrayList<>();
        TradeData data;
        String tradeName;
        if (source.trade != null) {
            TradeReader.Result r = TradeReader.load(source.trade, production, groups);
            r.warnings().forEach(w -> warnings.add(w.toString()));
            data = r.data();
            tradeName = source.trade.getFileName().toString();
        } else {
            try (Store store = Store.open(common.dbPath())) {
                Dataset d = store.require(source.dataset);
                data = store.trade(d.id());
                if (d.synthetic()) err.println("note: " + d.id() + " is SYNTHETIC demo data, not official statistics");
            }
            tradeName = "dataset " + source.dataset;
            List<org.klaster.Text> read = new ArrayList<>();
            List<Production> output = production == null ? data.production()
                    : TradeReader.readProduction(production, read);
            Map<String, List<String>> members = groups == null ? data.groups() : TradeReader.readGroups(groups, read);
            read.forEach(w -> warnings.add(w.toString()));
            data = new TradeData(data.flows(), output, members, data.sha256());
        }
        boolean hasProduction = production != null || (source.dataset != null && !data.production().isEmpty());

        Set<String> excluded = excluded(data);
        checkReporter(data.flows(), tradeName);
        if (outside != null) warnUselessGroup(data.flows(), excluded, warnings);
        if (outside == null && groups != null) warnings.add("--groups is used only with --outside G; it changes nothing here");
        if (hasProduction && data.production().stream().noneMatch(p -> p.reporter().equals(reporter))) {
            warnings.add("the production data has no rows for reporter \"" + reporter + "\", so import_reliance is empty");
        }
        warnings.forEach(w -> err.println("warning: " + w));

        List<DependencyRow> rows = DependencyScreen.screen(data.flows(), reporter, data.production(), excluded,
                thresholds, span == null ? null : span[0], span == null ? null : span[1]);
        if (rows.isEmpty()) {
            IntSummaryStatistics ys = data.flows().stream().filter(f -> f.reporter().equals(reporter))
                    .mapToInt(TradeFlow::year).summaryStatistics();
            throw new AnalysisException("reporter \"" + reporter + "\" has no trade in " + yearText(span[0], span[1])
                    + " (its records in " + tradeName + " cover " + yearText(ys.getMin(), ys.getMax()) + ")");
        }
        long dependent = rows.stream().filter(DependencyRow::dependent).count();
        long persistent = rows.stream().filter(DependencyRow::persistent).count();
        err.println("note: " + rows.size() + " product-years of " + reporter + ": " + dependent + " dependent, "
                + persistent + " persistent" + (outside == null ? "" : " (imports from outside " + outside + " only)"));
        err.flush();
        emit(table(rows));
        return Klaster.OK;
    }

    static ResultTable table(List<DependencyRow> rows) {
        ResultTable t = new ResultTable(COLUMNS);
        for (DependencyRow r : rows) {
            t.add(r.product(), r.year(), r.imports(), r.exports(), r.importHhi(), r.worldExportHhi(),
                    r.importExportRatio(), r.importReliance(), r.dependent(), r.persistent(), r.topPartner(),
                    r.topPartnerShare());
        }
        return t;
    }

    private Thresholds thresholds() {
        share("--hhi-threshold", hhiThreshold);
        share("--reliance-threshold", relianceThreshold);
        share("--world-hhi-threshold", worldHhiThreshold);
        if (!Double.isFinite(ratioThreshold) || ratioThreshold < 0) {
            throw usage("--ratio-threshold must be a finite number ≥ 0, got " + ratioThreshold);
        }
        return new Thresholds(hhiThreshold, ratioThreshold, relianceThreshold, worldHhiThreshold);
    }

    /** HHI and reliance are shares, so their cut-offs lie in [0, 1]. */
    private void share(String flag, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw usage(flag + " must be a share between 0 and 1, got " + v);
        }
    }

    /** {@code --years}: {@code Y} or {@code Y1-Y2} → {first, last}, or null when not given. */
    private int[] years() {
        if (years == null) return null;
        String s = years.strip();
        int dash = s.indexOf('-', 1);
        try {
            int from = Integer.parseInt(dash < 0 ? s : s.substring(0, dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(s.substring(dash + 1).strip());
            if (from > to) throw usage("--years " + years + ": the first year is after the last");
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw usage("--years expects Y or Y1-Y2 such as 2019-2022, got \"" + years + "\"");
        }
    }

    /** The members of group {@code --outside}; empty without it. */
    private Set<String> excluded(TradeData data) {
        if (outside == null) return Set.of();
        List<String> members = data.groups().get(outside);
        if (members != null) return new HashSet<>(members);
        String known = data.groups().isEmpty() ? "none" : String.join(", ", data.groups().keySet());
        if (groups != null) {
            throw InputException.file(groups, "group \"" + outside + "\" of --outside is not defined here (groups: "
                    + known + ")");
        }
        throw usage("--outside " + outside + ": dataset " + source.dataset + " defines no such partner group (groups: "
                + known + "); give --groups FILE");
    }

    private void checkReporter(List<TradeFlow> flows, String tradeName) {
        Set<String> reporters = new TreeSet<>();
        for (TradeFlow f : flows) {
            if (f.reporter().equals(reporter)) return;
            reporters.add(f.reporter());
        }
        String list = reporters.size() <= 10 ? String.join(", ", reporters)
                : reporters.stream().limit(10).collect(Collectors.joining(", ")) + ", … (" + reporters.size() + " in all)";
        throw new AnalysisException("reporter \"" + reporter + "\" has no trade records in " + tradeName
                + " (reporters: " + list + ")");
    }

    /** A group none of whose members is an import partner of R probably uses other codes than the trade file. */
    private void warnUselessGroup(List<TradeFlow> flows, Set<String> excluded, List<String> warnings) {
        Set<String> partners = new LinkedHashSet<>();
        for (TradeFlow f : flows) {
            if (f.reporter().equals(reporter) && f.flow() == TradeFlow.Flow.IMPORT) partners.add(f.partner());
        }
        if (partners.stream().noneMatch(excluded::contains)) {
            warnings.add("no member of group \"" + outside + "\" is an import partner of " + reporter
                    + ", so --outside excludes nothing (do the group file and the trade file use the same partner codes?)");
        }
    }

    private static String yearText(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
