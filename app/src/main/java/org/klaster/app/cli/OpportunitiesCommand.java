package org.klaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.klaster.AnalysisException;
import org.klaster.activity.ActivityRecord;
import org.klaster.app.Klaster;
import org.klaster.complexity.CandidateProducers;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.Opportunities;
import org.klaster.complexity.RegionalRelatedness;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.Concordance;
import org.klaster.data.formats.ConcordanceReader;
import org.klaster.data.formats.TradeData;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.reference.DemoConcordance;
import org.klaster.data.reference.Okved2;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.DependencyScreen;
import org.klaster.dependency.Thresholds;
import org.klaster.dependency.TradeFlow;
import org.klaster.mapping.CategoryMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster opportunities}: which of the products the country depends on could a region
 * realistically start making, and who there could make them (docs/methods-opportunities.md).
 */
@Command(name = "opportunities", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import-substitution opportunities of a region: the industries that make the products the "
                + "country depends on (dependency screen, methods.md §3), ranked by the region's density, the industry's "
                + "PCI and the region's COG (methods.md §4) — or, with --producers, the region's establishments that "
                + "could make them.",
                "",
                "Rows: one per industry linked to ≥ 1 dependent product through the concordance. 'opportunity' rows "
                + "(M = 0: the region would enter the industry) come first, ranked among themselves; 'specialised' "
                + "rows (M = 1, LQ ≥ threshold: a scale-up question, COG 0 by definition) follow with their own "
                + "ranking. score = weighted mean of the within-group percentiles of density, PCI and COG "
                + "(--weights). Method: docs/methods-opportunities.md.",
                "",
                "Exit 0 also when nothing is dependent or nothing links to an industry: the table is then empty and "
                + "a note on stderr says why. Exit 2 for an unknown region, group or year (the message lists what "
                + "exists). Synthetic datasets are labelled SYNTHETIC on stderr."})
public final class OpportunitiesCommand extends TopLevelCommand {

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region code, e.g. RU-SAM.")
    String region;

    @Option(names = "--year", paramLabel = "Y", description = "Activity year (default: the latest in the activity data).")
    Integer year;

    @Option(names = "--trade-year", paramLabel = "Y", description = "Dependency-screen year (default: the latest in the trade data).")
    Integer tradeYear;

    @Option(names = "--reporter", paramLabel = "C",
            description = "Reporting country of the trade data (default: the only reporter with imports, e.g. RUS).")
    String reporter;

    @Option(names = "--activity", paramLabel = "FILE", description = "Regional activity file (CSV or XLSX; formats.md §1) instead of a dataset.")
    Path activity;

    @Option(names = "--activity-dataset", paramLabel = "ID", defaultValue = "demo",
            description = "Activity dataset in the database (default: ${DEFAULT-VALUE}).")
    String activityDataset;

    @Option(names = "--trade-dataset", paramLabel = "ID", defaultValue = "demo-trade",
            description = "Trade dataset in the database (default: ${DEFAULT-VALUE}).")
    String tradeDataset;

    @Option(names = "--trade", paramLabel = "FILE", description = "Trade file (formats.md §3) instead of a dataset.")
    Path trade;

    @Option(names = "--production", paramLabel = "FILE", description = "Domestic production for --trade (import reliance).")
    Path production;

    @Option(names = "--groups", paramLabel = "FILE", description = "Partner groups group,member for --trade; used with --outside.")
    Path groups;

    @Option(names = "--firms-dataset", paramLabel = "ID", defaultValue = "demo-firms",
            description = "Establishments for --producers (default: ${DEFAULT-VALUE}).")
    String firmsDataset;

    @Option(names = "--concordance", paramLabel = "FILE",
            description = "product,industry file (CSV or XLSX; longest product-code prefix wins). Default: the demo's HS → OKVED2 concordance.")
    Path concordance;

    @Option(names = "--outside", paramLabel = "G", description = "Count only imports from partners outside group G (methods.md §3).")
    String outside;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Rows per status group (opportunity, specialised); default ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--related", paramLabel = "K", defaultValue = "3",
            description = "Related present industries listed per row (default ${DEFAULT-VALUE}).")
    int related;

    @Option(names = "--weights", paramLabel = "D,P,C", split = ",", hideParamSyntax = true, defaultValue = "0.5,0.25,0.25",
            description = "Weights of density, PCI and COG percentiles (default ${DEFAULT-VALUE}).")
    double[] weights;

    /** The regional "exports" of methods.md §4: employment (RCA = LQ) or output by industry. */
    enum Measure { employment, output }

    @Option(names = "--measure", paramLabel = "employment|output", defaultValue = "employment",
            description = "Region × industry values for RCA, density, PCI and COG (default ${DEFAULT-VALUE}); output needs the activity's output column.")
    Measure measure;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "1",
            description = "RCA (= LQ) threshold for M (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--producers",
            description = "Print, instead of the ranking, the region's establishments in the top --top opportunities and their related present industries (largest first).")
    boolean producers;

    @Option(names = "--per-opportunity", paramLabel = "K", defaultValue = "10",
            description = "Establishments per opportunity with --producers (default ${DEFAULT-VALUE}).")
    int perOpportunity;


    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 0 || related < 0 || perOpportunity < 0) {
            throw new IllegalArgumentException("--top, --related and --per-opportunity must be ≥ 0");
        }
        if (weights.length != 3) {
            throw new IllegalArgumentException("--weights needs three numbers (density,PCI,COG), got " + weights.length);
        }
        Opportunities.Weights w = new Opportunities.Weights(weights[0], weights[1], weights[2]);
        CategoryMap conc = concordance();

        if ((production != null || groups != null) && trade == null) {
            throw new IllegalArgumentException("--production and --groups go with --trade FILE (a dataset has its own)");
        }
        // the database is opened only when a dataset is read (files alone need none)
        try (LazyStore store = new LazyStore(common.dbPath())) {
            List<ActivityRecord> rows;
            if (activity != null) {
                ActivityData data = ActivityReader.read(activity);
                data.warnings().forEach(x -> err.println("warning: " + x));
                rows = data.records();
            } else {
                Dataset d = store.get().require(activityDataset);
                synthetic(d, err);
                rows = store.get().activity(d.id());
            }
            TradeData tradeData;
            if (trade != null) {
                TradeReader.Result t = TradeReader.load(trade, production, groups);
                t.warnings().forEach(x -> err.println("warning: " + x));
                tradeData = t.data();
            } else {
                Dataset t = store.get().require(tradeDataset);
                synthetic(t, err);
                tradeData = store.get().trade(t.id());
            }

            int y = year != null ? year : rows.stream().mapToInt(ActivityRecord::year).max()
                    .orElseThrow(() -> new IllegalArgumentException("the activity data has no rows"));
            RegionalRelatedness rel = RegionalRelatedness.of(measured(rows, y), y, threshold);
            if (!rel.regions().contains(region)) {
                throw new IllegalArgumentException("region " + region + " is not in the activity data of " + y
                        + " (regions: " + String.join(", ", rel.regions()) + ")");
            }
            ComplexityResult cx = null;
            try {
                cx = Opportunities.industryComplexity(rel);
            } catch (AnalysisException e) {
                err.println("note: PCI and COG are undefined (" + e.getMessage() + "); ranking by density only");
            }
            List<DependencyRow> screen = DependencyScreen.screen(tradeData.flows(), reporter(tradeData),
                    tradeData.production(), excluded(tradeData), Thresholds.DEFAULTS, null, null);
            Opportunities.Result result = Opportunities.rank(rel, cx, screen, tradeYear, conc, region, w, related);
            explain(result, err);
            ResultTable table = producers ? producerTable(result, store.get(), err) : table(result, top);
            emit(table);
        }
        return Klaster.OK;
    }

    /** The records of year y with the chosen measure in the employment slot that relatedness reads. */
    private List<ActivityRecord> measured(List<ActivityRecord> rows, int y) {
        if (measure == Measure.employment) return rows;
        List<ActivityRecord> out = new ArrayList<>();
        for (ActivityRecord r : rows) {
            if (r.year() != y) continue;
            if (Double.isNaN(r.output())) {
                throw new IllegalArgumentException("--measure output: the activity record of region " + r.region()
                        + ", industry " + r.industry() + ", year " + y + " has no output");
            }
            out.add(ActivityRecord.of(r.region(), r.industry(), y, r.output()));
        }
        return out;
    }

    private CategoryMap concordance() throws java.io.IOException {
        if (concordance == null) {
            return CategoryMap.of(DemoConcordance.productToIndustry(), Map.of());
        }
        Concordance c = ConcordanceReader.read(concordance);
        c.warnings().forEach(x -> spec.commandLine().getErr().println("warning: " + x));
        return CategoryMap.of(c.productToIndustry(), Map.of());
    }

    /** The store, opened on first use. */
    private static final class LazyStore implements AutoCloseable {
        private final Path path;
        private Store store;

        LazyStore(Path path) {
            this.path = path;
        }

        Store get() {
            if (store == null) store = Store.open(path);
            return store;
        }

        @Override
        public void close() {
            if (store != null) store.close();
        }
    }

    private static void synthetic(Dataset d, PrintWriter err) {
        if (d.synthetic()) err.println("note: " + d.id() + " is SYNTHETIC demo data, not official statistics");
    }

    /** The reporter: --reporter (must report something), else the only reporter with imports. */
    private String reporter(TradeData trade) {
        Set<String> importers = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (TradeFlow f : trade.flows()) {
            all.add(f.reporter());
            if (f.flow() == TradeFlow.Flow.IMPORT) importers.add(f.reporter());
        }
        if (reporter != null) {
            if (!all.contains(reporter)) {
                throw new IllegalArgumentException("reporter " + reporter + " has no trade records (reporters: "
                        + String.join(", ", all) + ")");
            }
            return reporter;
        }
        if (importers.size() != 1) {
            throw new IllegalArgumentException("choose the country with --reporter (reporters with imports: "
                    + (importers.isEmpty() ? "none" : String.join(", ", importers)) + ")");
        }
        return importers.iterator().next();
    }

    private Set<String> excluded(TradeData trade) {
        if (outside == null) return Set.of();
        List<String> members = trade.groups().get(outside);
        if (members == null) {
            throw new IllegalArgumentException("no partner group " + outside + " in the trade data (groups: "
                    + (trade.groups().isEmpty() ? "none" : String.join(", ", trade.groups().keySet())) + ")");
        }
        return new LinkedHashSet<>(members);
    }

    /** What the numbers mean, and why a table may be empty (stderr, so CSV/JSON stay clean). */
    private void explain(Opportunities.Result r, PrintWriter err) {
        Opportunities.Weights w = r.weights();
        err.println("note: " + r.region() + ", activity " + r.year() + ", dependent products of "
                + (r.dependencyYear() == null ? "no year (no trade rows)" : r.dependencyYear())
                + (outside == null ? "" : " (imports from outside " + outside + ")") + ": "
                + r.productIndustry().size() + " linked to industries, " + r.unlinked().size() + " unlinked; "
                + "region × industry " + measure + (measure == Measure.employment ? " (RCA = LQ)" : ""));
        err.println("note: density = share of the industry's related industries (by proximity) the region already"
                + " has at RCA ≥ " + threshold + " (feasibility); pci = complexity of the industry across regions;"
                + " cog = how much new complexity entering it would bring within reach (0 if already specialised);"
                + " score = (" + w.density() + "·density + " + w.pci() + "·pci + " + w.cog()
                + "·cog percentiles within the status group) / " + (w.density() + w.pci() + w.cog()));
        if (!r.unlinked().isEmpty()) {
            err.println("note: unlinked dependent products: " + r.unlinked().entrySet().stream().limit(10)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "))
                    + (r.unlinked().size() > 10 ? "; …" : ""));
        }
        if (r.rows().isEmpty()) {
            err.println("note: no opportunities: " + (r.productIndustry().isEmpty() && r.unlinked().isEmpty()
                    ? "no product is dependent in that year" : "no dependent product links to an industry of the"
                    + " activity data (check the concordance)"));
        }
    }

    /** The ranking as printed (and as the web's CSV/XLSX/JSON give it): rows ranked ≤ top in each group. */
    public static ResultTable table(Opportunities.Result r, int top) {
        ResultTable t = new ResultTable("status", "rank", "industry", "industry_name", "score", "density", "pci", "cog",
                "rca", "mcp", "employment", "dependent_products", "products", "dependent_imports",
                "density_percentile", "pci_percentile", "cog_percentile", "related_present");
        for (Opportunities.Row row : r.rows()) {
            if (row.rank() > top) continue;
            t.add(row.status().label(), row.rank(), row.industry(), Okved2.name(row.industry(), "en").orElse(null),
                    row.score(), row.density(), row.pci(), row.cog(), row.rca(), row.mcp(), row.employment(),
                    row.dependentProducts().size(), String.join(" ", row.dependentProducts()), row.dependentImports(),
                    row.densityPercentile(), row.pciPercentile(), row.cogPercentile(),
                    row.relatedPresent().stream().map(x -> x.industry() + " (φ " + round(x.proximity()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        return t;
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Establishments of the region in the top opportunities (M = 0) and their related present industries. */
    private ResultTable producerTable(Opportunities.Result r, Store store, PrintWriter err) {
        Dataset d = store.require(firmsDataset);
        synthetic(d, err);
        List<Opportunities.Row> chosen = r.rows().stream()
                .filter(x -> x.status() == Opportunities.Status.OPPORTUNITY && x.rank() <= top).toList();
        List<CandidateProducers.Establishment> firms = establishments(store, d.id(), r.region(), r.year(), err);
        ResultTable t = new ResultTable("rank", "opportunity", "firm_id", "industry", "via", "proximity", "employment",
                "lat", "lon");
        for (Opportunities.Row row : chosen) {
            for (CandidateProducers.Candidate c : CandidateProducers.of(firms, r.region(), row.industry(),
                    row.relatedPresent(), perOpportunity)) {
                CandidateProducers.Establishment e = c.establishment();
                t.add(row.rank(), row.industry(), e.id(), e.industry(), c.via(), c.proximity(), e.employment(),
                        e.lat(), e.lon());
            }
        }
        if (t.rows().isEmpty()) {
            err.println("note: no establishments of " + r.region() + " in " + d.id() + " for the listed opportunities");
        }
        return t;
    }

    /** The region's establishments of the activity year (else of the latest year the firms data has). */
    static List<CandidateProducers.Establishment> establishments(Store store, String dataset, String region, int year,
                                                                 PrintWriter err) {
        List<Integer> years = store.query("SELECT DISTINCT year FROM firms WHERE dataset_id = ? AND region = ? "
                + "ORDER BY year", List.of(dataset, region), rs -> {
                    List<Integer> out = new ArrayList<>();
                    while (rs.next()) out.add(rs.getInt(1));
                    return out;
                });
        if (years.isEmpty()) return List.of();
        int y = years.contains(year) ? year : years.get(years.size() - 1);
        if (y != year) err.println("note: " + dataset + " has no establishments of " + year + " in " + region + "; using " + y);
        return store.query("SELECT firm_id, region, industry, employment, lat, lon FROM firms WHERE dataset_id = ? "
                + "AND region = ? AND year = ?", List.of(dataset, region, y), rs -> {
                    List<CandidateProducers.Establishment> out = new ArrayList<>();
                    while (rs.next()) {
                        double lat = rs.getDouble(5);
                        if (rs.wasNull()) lat = Double.NaN;
                        double lon = rs.getDouble(6);
                        if (rs.wasNull()) lon = Double.NaN;
                        out.add(new CandidateProducers.Establishment(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getDouble(4), lat, lon));
                    }
                    return out;
                });
    }
}
