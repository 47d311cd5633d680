package org.klaster.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.ExtractionAnalysis;
import org.klaster.app.analysis.Inputs;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.LocalisationAnalysis;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.MultipliersAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.RegionalisationAnalysis;
import org.klaster.app.analysis.ShockAnalysis;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.data.store.DatasetKind.Content;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster io multipliers|shock|extract}: input–output analysis of a table in the io.csv
 * matrix layout or a stored one ({@link MultipliersAnalysis}, {@link ShockAnalysis},
 * {@link ExtractionAnalysis}); {@code klaster io regionalise} writes a region's table in that layout
 * ({@link RegionalisationAnalysis}). Validation warnings and the largest column gap go to stderr; a malformed
 * table exits 2, a non-productive one exits 1.
 */
@Command(name = "io", mixinStandardHelpOptions = true,
        description = "Input–output analysis of an io.csv table: multipliers and linkages, shocks, hypothetical extraction, regional tables.",
        subcommands = {IoCommand.MultipliersCommand.class, IoCommand.ShockCommand.class, IoCommand.ExtractCommand.class,
                IoCommand.RegionaliseCommand.class, IoCommand.LeakageCommand.class,
                IoCommand.SuppliersCommand.class, IoCommand.LocaliseCommand.class})
public final class IoCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster io needs a subcommand: multipliers, shock, extract, regionalise, leakage, suppliers or localise"
                + " (see klaster io --help)");
    }

    /** The table flags shared by the three subcommands: a file, or a stored dataset. */
    static final class TableOptions {
        static final class From {
            @Option(names = "--table", paramLabel = "FILE", required = true,
                    description = "Input–output table in the io.csv matrix layout (CSV or XLSX; formats.md §2).")
            Path table;

            @Option(names = "--dataset", paramLabel = "ID", required = true,
                    description = "A stored input–output dataset (klaster import io|rosstat-io; the demo's is demo-io).")
            String dataset;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        From from;

        @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX table (default: the first).")
        String sheet;

        @Option(names = "--allow-imbalance",
                description = "A given total_output more than 0.1 %% off its row sum is a warning, not an error.")
        boolean allowImbalance;

        IoModel load(StoreAccess access) {
            return load(access, false);
        }

        /** {@code oneDemandShock}: the table file is read for one demand shock and may be overwritten by its LU. */
        IoModel load(StoreAccess access, boolean oneDemandShock) {
            Source s = from.dataset != null ? Source.stored(from.dataset) : Source.file(from.table, sheet);
            return Inputs.io(s, allowImbalance, access, oneDemandShock && from.table != null);
        }
    }

    @Command(name = "multipliers", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Output multipliers, backward (Rasmussen) and forward (Ghosh) linkages, key sectors,",
                    "import content and value-added multipliers, one row per sector."})
    static final class MultipliersCommand extends TopLevelCommand {
        @Mixin
        TableOptions table;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            return MultipliersAnalysis.run(table.load(access), names, common.names);
        }
    }

    @Command(name = "shock", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Output response to a demand shock (Leontief), a cut of imported inputs (Ghosh) or an",
                    "inoperability perturbation (IIM), one row per sector and a TOTAL row.",
                    "Pairs SECTOR=r are repeated (--demand S1=-0.2 --demand S2=0.1) or comma-separated (--demand S1=-0.2,S2=0.1)."})
    public static final class ShockCommand extends TopLevelCommand {
        @Mixin
        TableOptions table;

        static final class Kind {
            @Option(names = "--demand", paramLabel = "S=±r", split = ",",
                    description = "Scale all final demand for S's product by (1 + r), e.g. S1=-0.2.")
            List<String> demand;
            @Option(names = "--input-cut", paramLabel = "S=r", split = ",",
                    description = "Imported inputs of using sector S fall by share r (supply-driven, Ghosh).")
            List<String> inputCut;
            @Option(names = "--perturb", paramLabel = "S=r", split = ",",
                    description = "Inoperability perturbation r of sector S (Haimes–Jiang IIM).")
            List<String> perturb;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Kind kind;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            IoModel.ShockType type = kind.demand != null ? IoModel.ShockType.demand
                    : kind.inputCut != null ? IoModel.ShockType.input_cut : IoModel.ShockType.perturb;
            List<String> pairs = kind.demand != null ? kind.demand : kind.inputCut != null ? kind.inputCut : kind.perturb;
            // a demand shock on a file needs one LU, built in the table's own memory (a 9 800-sector table: 0.8 GB, not 1.5)
            IoModel m = table.load(access, type == IoModel.ShockType.demand);
            // the parameter is named after the flag, so an error reads "--input-cut: unknown sector …"
            ShockAnalysis.Scenario s = new ShockAnalysis.Scenario(type,
                    Param.pairs(type.flag().substring(2).replace('-', '_'), pairs, m.table(), false));
            return ShockAnalysis.run(m, s, access, names, common.names);
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Hypothetical extraction (Dietzenbacher et al. 1993): the total output lost when a sector",
                    "stops buying (backward) or selling (forward) intermediate inputs, one row per sector."})
    static final class ExtractCommand extends TopLevelCommand {
        @Mixin
        TableOptions table;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            return ExtractionAnalysis.run(table.load(access), names, common.names);
        }
    }

    /**
     * The flags of a regional table, shared by {@code regionalise}, {@code leakage}, {@code suppliers} and
     * {@code localise}: the national table, the employment, the region and the quotient.
     */
    static final class RegionalOptions {
        static final class National {
            @Option(names = "--table", paramLabel = "FILE", required = true,
                    description = "The national input–output table in the io.csv matrix layout (CSV or XLSX; formats.md §2).")
            Path table;

            @Option(names = "--io-dataset", paramLabel = "ID", required = true,
                    description = "A stored national table instead (klaster import io|rosstat-io; the demo's is demo-io).")
            String ioDataset;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        National national;

        static final class Employment {
            @Option(names = "--activity", paramLabel = "FILE", required = true,
                    description = "Regional activity with employment by industry (CSV or XLSX; formats.md §1).")
            Path activity;

            @Option(names = "--dataset", paramLabel = "ID", required = true,
                    description = "A stored activity or firms dataset instead, e.g. demo.")
            String dataset;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Employment employment;

        @Option(names = "--region", paramLabel = "R", required = true, description = "The region, as coded in the activity (e.g. RU-SAM).")
        String region;

        @Option(names = "--year", paramLabel = "Y", description = "Year of the employment (default: the latest in the activity).")
        Integer year;

        @Option(names = "--method", paramLabel = "flq|cilq|slq", defaultValue = "flq",
                description = "Location quotient (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--delta", paramLabel = "D", defaultValue = "0.3",
                description = "Flegg's δ, 0–1, for flq (default: ${DEFAULT-VALUE}).")
        double delta;

        @Option(names = "--sector-map", paramLabel = "FILE",
                description = "sector,industry links from the table's sectors to the activity's industries, for a table of another"
                        + " classification (CSV or XLSX); default: the industries are the sector codes or finer codes of them.")
        Path sectorMap;

        @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX table (default: the first).")
        String sheet;

        @Option(names = "--allow-imbalance",
                description = "A given total_output more than 0.1 %% off its row sum is a warning, not an error.")
        boolean allowImbalance;

        /** What a regional analysis reads: the national model, the activity, the sector map, the checked flags. */
        record Loaded(IoModel nation, ActivityInput activity, RegionalisationAnalysis.SectorLinks links,
                      RegionalisationAnalysis.Params params) {
            RegionalisationAnalysis.Result regionalise(StoreAccess access) {
                return RegionalisationAnalysis.compute(nation, activity, links, params, access);
            }

            java.util.Map<String, List<String>> linkMap() {
                return links == null ? null : links.links();
            }
        }

        Loaded load(StoreAccess access) {
            // the flags first: a bad --method or --delta is refused before any file is read
            RegionalisationAnalysis.Params p = RegionalisationAnalysis.Params.of(region, year, method, delta);
            IoModel nation = national.ioDataset != null
                    ? access.io(access.choose("io_dataset", national.ioDataset, Content.IO_TABLE))
                    : Inputs.io(Source.file(national.table, sheet), allowImbalance, access);
            ActivityInput activity = Inputs.activity(employment.dataset != null
                    ? Source.stored(employment.dataset) : Source.file(employment.activity, null), false, null, access, null);
            RegionalisationAnalysis.SectorLinks links = sectorMap == null ? null
                    : RegionalisationAnalysis.sectorMap(sectorMap, null, nation.table());
            return new Loaded(nation, activity, links, p);
        }
    }

    @Command(name = "regionalise", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"A region's input–output table from the national one and the region's employment, by location",
                    "quotients (SLQ, CILQ or Flegg's FLQ), written in the io.csv layout: io multipliers|shock|extract read it.",
                    "Inputs bought in the region are the sector rows; those from other regions and abroad the import rows;",
                    "sales to other regions the fd:other_regions column. National employment = the sum over all regions.",
                    "Example: klaster io regionalise --io-dataset demo-io --dataset demo --region RU-SAM --out sam.csv"})
    static final class RegionaliseCommand extends TopLevelCommand {
        @Mixin
        RegionalOptions regional;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            RegionalOptions.Loaded in = regional.load(access);
            return RegionalisationAnalysis.run(in.nation(), in.activity(), in.links(), in.params(), access);
        }
    }

    /** The buying sectors: codes, or a cluster of the registry (its members' sectors). */
    static final class BuyerOptions {
        static final class Choice {
            @Option(names = "--buyers", paramLabel = "S", split = ",",
                    description = "Buying sectors of the table (repeated or comma-separated; default: every sector of the region).")
            List<String> sectors;

            @Option(names = "--cluster", paramLabel = "ID",
                    description = "The sectors of a cluster's members in the registry of --db, as of --as-of.")
            String cluster;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Choice choice;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Day of the cluster's membership (default: today).")
        java.time.LocalDate asOf;

        LocalisationAnalysis.Buyers buyers(RegionalOptions.Loaded in, CommonOptions common) {
            if (choice == null) return LocalisationAnalysis.Buyers.all();
            if (choice.sectors != null) return LocalisationAnalysis.Buyers.of(choice.sectors);
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                return LocalisationAnalysis.ofCluster(a.platform().registry(), Param.code("cluster", choice.cluster),
                        asOf != null ? asOf : java.time.LocalDate.now(), in.nation().table(), in.linkMap());
            }
        }
    }

    @Command(name = "leakage", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"What a region's industries (all, --buyers, or a --cluster's) buy outside the region, by supplying",
                    "product: inside, from other regions, from abroad, the outside share; largest first, then TOTAL.",
                    "Example: klaster io leakage --io-dataset demo-io --dataset demo --region RU-SAM --buyers 29"})
    static final class LeakageCommand extends TopLevelCommand {
        @Mixin
        RegionalOptions regional;
        @Mixin
        BuyerOptions buyers;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            RegionalOptions.Loaded in = regional.load(access);
            return LocalisationAnalysis.leakage(in.regionalise(access), in.nation(), buyers.buyers(in, common), names, common.names);
        }
    }

    @Command(name = "localise", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Localisation scenario: a share of the buyers' purchases from outside the region is made in it.",
                    "One row per sector: output change, value added, jobs, imports replaced, not localisable; then TOTAL.",
                    "Example: klaster io localise --io-dataset demo-io --dataset demo --region RU-SAM --buyers 29 --share 30%"})
    static final class LocaliseCommand extends TopLevelCommand {
        @Mixin
        RegionalOptions regional;
        @Mixin
        BuyerOptions buyers;

        @Option(names = "--share", paramLabel = "θ", required = true,
                description = "Share of the outside purchases localised: a fraction (0.3) or a percentage (30%).")
        String share;

        @Option(names = "--from", paramLabel = "abroad|other-regions|both", defaultValue = "abroad",
                description = "Which purchases: from abroad, from other regions, or both (default: ${DEFAULT-VALUE}).")
        String from;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            double theta = Param.shareOrPercent("share", share);
            LocalisationAnalysis.From f = LocalisationAnalysis.From.parse("from", from);
            RegionalOptions.Loaded in = regional.load(access);
            LocalisationAnalysis.Scenario s = new LocalisationAnalysis.Scenario(buyers.buyers(in, common), theta, f);
            return LocalisationAnalysis.localise(in.regionalise(access), in.nation(), s, access, names, common.names);
        }
    }

    @Command(name = "suppliers", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Local candidate suppliers of what a region buys outside: for the largest outside purchases, the",
                    "establishments (firms dataset) and registry organisations (--db) in the supplying industry, the region",
                    "first, then its nearest regions; with size, distance to the buyers and cluster memberships.",
                    "Example: klaster io suppliers --io-dataset demo-io --dataset demo --region RU-SAM --buyers 29"})
    static final class SuppliersCommand extends TopLevelCommand {
        @Mixin
        RegionalOptions regional;
        @Mixin
        BuyerOptions buyers;

        @Option(names = "--firms-dataset", paramLabel = "ID", defaultValue = "demo-firms",
                description = "The firms dataset of the establishments (default: ${DEFAULT-VALUE}; \"none\": registry only).")
        String firmsDataset;

        @Option(names = "--registry", description = "Also the organisations of the registry in --db.")
        boolean registry;

        @Option(names = "--inputs", paramLabel = "N", defaultValue = "5", description = "Leaking inputs (default: ${DEFAULT-VALUE}).")
        int inputs;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Candidates per input in the region, and as many in its nearest regions (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--neighbours", paramLabel = "K", defaultValue = "6",
                description = "Nearest regions searched after the region itself (default: ${DEFAULT-VALUE}).")
        int neighbours;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            LocalisationAnalysis.SupplierOptions opt = new LocalisationAnalysis.SupplierOptions(inputs, top, neighbours);
            RegionalOptions.Loaded in = regional.load(access);
            LocalisationAnalysis.Buyers b = buyers.buyers(in, common);
            RegionalisationAnalysis.Result r = in.regionalise(access);
            java.time.LocalDate day = buyers.asOf != null ? buyers.asOf : java.time.LocalDate.now();
            List<org.klaster.inputoutput.LocalSuppliers.Supplier> fromRegistry = List.of();
            if (registry) {
                try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                    fromRegistry = LocalisationAnalysis.registrySuppliers(a.platform().registry(), day);
                }
            }
            org.klaster.data.store.Dataset firms = "none".equals(firmsDataset) ? null
                    : access.choose("firms_dataset", firmsDataset, Content.ESTABLISHMENTS);
            LocalisationAnalysis.SupplierSources sources = LocalisationAnalysis.sources(access, firms, r.year(), fromRegistry,
                    names.regions());
            return LocalisationAnalysis.suppliers(r, in.nation(), b, opt, sources, in.linkMap(), names, common.names);
        }
    }
}
