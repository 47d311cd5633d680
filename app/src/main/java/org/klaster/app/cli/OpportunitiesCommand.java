package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.Inputs;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.OpportunitiesAnalysis;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TradeInput;
import org.klaster.app.analysis.UserException;
import org.klaster.complexity.Opportunities;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster opportunities}: which of the products the country depends on could a region
 * realistically start making, and who there could make them ({@link OpportunitiesAnalysis},
 * docs/methods-opportunities.md).
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
            description = "Reporting country of the trade data (default: RUS when it imports, else the reporter with most import records).")
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

    @Option(names = "--outside", paramLabel = "G", description = "Count only imports from partners outside group G (docs/methods-dependency.md).")
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

    @Option(names = "--measure", paramLabel = "employment|output", defaultValue = "employment",
            description = "Region × industry values for RCA, density, PCI and COG (default ${DEFAULT-VALUE}); output needs the activity's output column.")
    OpportunitiesAnalysis.Measure measure;

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
    Table<?> run(StoreAccess access, Names names) {
        if (top < 0) throw UserException.badParameter("top", Messages.text("param.nonNegative", top));
        if (perOpportunity < 0) throw UserException.badParameter("per_opportunity", Messages.text("param.nonNegative", perOpportunity));
        if (weights.length != 3) throw UserException.badParameter("weights", Messages.text("opp.weights", weights.length));
        Opportunities.Weights w;
        try {
            w = new Opportunities.Weights(weights[0], weights[1], weights[2]);
        } catch (IllegalArgumentException e) {
            throw UserException.badParameter("weights", org.klaster.app.analysis.Texts.of(e instanceof org.klaster.Localizable l ? l.text() : e.getMessage()));
        }
        if ((production != null || groups != null) && trade == null) {
            throw UserException.badParameter("production", Messages.text("opp.filesNeedTrade"));
        }
        OpportunitiesAnalysis.Params p = new OpportunitiesAnalysis.Params(region, year, tradeYear, reporter, outside, w,
                related, measure, threshold);
        OpportunitiesAnalysis.Concordances conc = OpportunitiesAnalysis.concordance(concordance);
        ActivityInput act = Inputs.activity(activity != null ? Source.file(activity, null) : Source.stored(activityDataset),
                false, null, access, null);
        TradeInput tr = TradeInput.load(trade != null ? Source.file(trade, null) : Source.stored(tradeDataset), production,
                groups, access);
        OpportunitiesAnalysis.Ranking rk = OpportunitiesAnalysis.rank(act, tr, conc, p, access);
        if (!producers) return OpportunitiesAnalysis.table(rk, top, names, common.names);
        Dataset firms = access.choose("firms_dataset", firmsDataset, Content.ESTABLISHMENTS);
        return OpportunitiesAnalysis.producers(rk, firms, null, top, perOpportunity, access, names, common.names);
    }
}
