package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.DependencyAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TradeInput;
import org.klaster.app.analysis.UserException;
import org.klaster.dependency.Thresholds;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster dependency}: the strategic dependency screen of one reporter, one row per
 * product × year ({@link DependencyAnalysis}, docs/methods-dependency.md).
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

    static final class From {
        @Option(names = "--trade", paramLabel = "FILE",
                description = "Trade file year,reporter,partner,product,flow,value (CSV or XLSX; formats.md §3).")
        Path trade;
        @Option(names = "--dataset", paramLabel = "ID",
                description = "A stored trade dataset (see `klaster datasets`), with its production and groups.")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

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

    @Option(names = "--only", paramLabel = "all|dependent|persistent", defaultValue = "all",
            description = "Print only dependent or persistent rows (default: ${DEFAULT-VALUE}).")
    String only;

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
    Table<?> run(StoreAccess access, Names names) {
        DependencyAnalysis.Params p = new DependencyAnalysis.Params(reporter, outside, Param.yearRange("years", years),
                new Thresholds(hhiThreshold, ratioThreshold, relianceThreshold, worldHhiThreshold), only);
        if (outside != null && groups == null && from.trade != null) {
            throw UserException.badParameter("outside", org.klaster.app.analysis.Messages.text("dep.outsideNeedsGroups", outside));
        }
        TradeInput in = TradeInput.load(from.dataset != null ? Source.stored(from.dataset) : Source.file(from.trade, null),
                production, groups, access);
        DependencyAnalysis.Screen s = DependencyAnalysis.screen(in, p, groups != null, access);
        return DependencyAnalysis.table(s, p.only(), names, common.names);
    }
}
