package org.klaster.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.klaster.app.analysis.MatchAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster match}: partner matchmaking on a registry folder or the platform store's registry
 * ({@link MatchAnalysis}, docs/methods-cooperation.md). Stdout has the contract's columns; the weights, the
 * tiers and what each factor read go to stderr as notes ({@code --names} adds the tier, region, distance and
 * the offer matched).
 */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Partner matchmaking: for a need (--need), the organisations that could meet it; for a competence"
                + " (--competence), the needs it could meet. One row per organisation (or need):"
                + " rank,inn,name,score,text,code,io_link,distance,dependency — the five factor contributions add up to score.",
                "",
                "Rows come in tiers: members of the asker's clusters, then its region, then the rest of the country, each"
                        + " ranked by score and cut at --top. The IO link reads --table or --io-dataset (else the stored"
                        + " default table, if any); the dependency reads --dependent or --trade-dataset (else the stored"
                        + " default trade, if any).",
                ""})
public final class MatchCommand extends TopLevelCommand {

    @Option(names = "--registry", paramLabel = "DIR",
            description = "Registry folder: organisations, clusters, memberships, contracts, facts, offers (.csv or .xlsx);"
                    + " without it, the registry of the platform store --db (klaster registry import).")
    Path registry;

    static final class Request {
        @Option(names = "--need", paramLabel = "TEXT", required = true,
                description = "What is looked for, in Russian or English: the organisations that could meet it are ranked.")
        String need;

        @Option(names = "--competence", paramLabel = "TEXT", required = true,
                description = "What an organisation can do, in Russian or English: the needs it could meet are ranked.")
        String competence;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Request request;

    @Option(names = "--codes", paramLabel = "C;…", description = "OKPD2/OKVED2 codes of the need or competence, ;-separated.")
    String codes;

    @Option(names = "--region", paramLabel = "R", description = "The asker's region, e.g. RU-SAM (default: that of --inn).")
    String region;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per tier (default: ${DEFAULT-VALUE}).")
    String top;

    @Option(names = "--inn", paramLabel = "INN",
            description = "The asking organisation: its industry (the buyer of a need), place and clusters; never its own match.")
    String inn;

    @Option(names = "--cluster", paramLabel = "C", description = "The cluster whose members come first (default: those of --inn).")
    String cluster;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day whose memberships count (default: today).")
    String asOf;

    @Option(names = "--weights", paramLabel = "F=W,…",
            description = "Weights replacing the defaults text=0.5,code=0.2,io_link=0.1,distance=0.1,dependency=0.1.")
    String weights;

    @Option(names = "--decay-km", paramLabel = "KM", description = "Scale of the distance factor exp(−km / KM) (default: 500).")
    String decayKm;

    static final class Io {
        @Option(names = "--table", paramLabel = "FILE", required = true,
                description = "An input–output table in the io.csv matrix layout (formats.md §2) for the IO link.")
        Path table;

        @Option(names = "--io-dataset", paramLabel = "ID", required = true,
                description = "A stored input–output dataset for the IO link (the demo's is demo-io).")
        String ioDataset;
    }

    @ArgGroup(exclusive = true)
    Io io;

    static final class Dependent {
        @Option(names = "--dependent", paramLabel = "FILE", required = true,
                description = "Dependent products: a file with a column code of OKPD2/OKVED2 codes.")
        Path file;

        @Option(names = "--trade-dataset", paramLabel = "ID", required = true,
                description = "A stored trade dataset whose dependency screen (latest year) gives the dependent products.")
        String trade;
    }

    @ArgGroup(exclusive = true)
    Dependent dependent;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        MatchAnalysis.Params p = MatchAnalysis.Params.of(request.need, request.competence, codes, inn, cluster, region, top,
                weights, decayKm, asOf);
        OutFile.notInRegistry(common.out, registry);
        // the stored defaults (IO table, trade) count only where a dataset store exists: a run on files never creates one
        boolean store = !common.postgres() && Files.exists(common.dbPath());
        Source table = io == null ? null : io.table != null ? Source.file(io.table, null) : Source.stored(io.ioDataset);
        MatchAnalysis.Context ctx = MatchAnalysis.context(table, dependent == null ? null : dependent.file,
                dependent == null ? null : dependent.trade, store, access);
        if (registry == null) {
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                return MatchAnalysis.runStored(a.platform(), p, ctx, names, common.names);
            }
        }
        return MatchAnalysis.run(registry, p, ctx, names, common.names);
    }

}
