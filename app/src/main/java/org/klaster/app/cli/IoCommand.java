package org.klaster.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.ExtractionAnalysis;
import org.klaster.app.analysis.Inputs;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.MultipliersAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.ShockAnalysis;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
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
 * {@link ExtractionAnalysis}). Validation warnings and the largest column gap go to stderr; a malformed
 * table exits 2, a non-productive one exits 1.
 */
@Command(name = "io", mixinStandardHelpOptions = true,
        description = "Input–output analysis of an io.csv table: multipliers and linkages, shocks, hypothetical extraction.",
        subcommands = {IoCommand.MultipliersCommand.class, IoCommand.ShockCommand.class, IoCommand.ExtractCommand.class})
public final class IoCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster io needs a subcommand: multipliers, shock or extract"
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
}
