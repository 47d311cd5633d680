package org.klaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.klaster.app.Klaster;
import org.klaster.data.formats.IoTableReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import org.klaster.inputoutput.DemandShock;
import org.klaster.inputoutput.GhoshModel;
import org.klaster.inputoutput.HypotheticalExtraction;
import org.klaster.inputoutput.Inoperability;
import org.klaster.inputoutput.InputCutShock;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.ShockResult;
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
 * matrix layout (formats.md §2 and §5, methods.md §2). Validation warnings and the largest column
 * gap go to stderr; a malformed table exits 2, a non-productive one exits 1.
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
        static final class Source {
            @Option(names = "--table", paramLabel = "FILE", required = true,
                    description = "Input–output table in the io.csv matrix layout (CSV or XLSX; formats.md §2).")
            Path table;

            @Option(names = "--dataset", paramLabel = "ID", required = true,
                    description = "A stored input–output dataset (klaster import io|rosstat-io; the demo's is demo-io).")
            String dataset;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX table (default: the first).")
        String sheet;

        @Option(names = "--allow-imbalance",
                description = "A given total_output more than 0.1 %% off its row sum is a warning, not an error.")
        boolean allowImbalance;

        /** Reads and validates the table, printing warnings and the largest column gap to {@code err}. */
        IoTable read(PrintWriter err, CommonOptions common) throws IOException {
            IoTable table;
            IoValidation v;
            if (source.dataset != null) {
                try (Store store = Store.open(common.dbPath())) {
                    Dataset d = store.require(source.dataset);
                    table = store.ioTable(source.dataset);
                    err.println("dataset " + d.provenance());
                }
                // the table passed validation when it was stored (with the importer's imbalance choice)
                v = table.validate(true);
                v.warnings().forEach(w -> err.println("warning: " + w));
            } else {
                IoTableReader.Result r = IoTableReader.load(source.table, sheet, allowImbalance);
                r.warnings().forEach(w -> err.println("warning: " + w));
                table = r.table();
                v = r.validation();
            }
            if (!Double.isNaN(v.largestColumnGap())) {
                err.println(String.format(Locale.ROOT, "note: largest column-balance gap %.4f %% (sector %s)",
                        100 * v.largestColumnGap(), v.largestColumnGapSector()));
            }
            err.flush();
            return table;
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        TableOptions tableOptions;
        @Mixin
        CommonOptions common;
        @ParentCommand
        IoCommand io;
        @Spec
        CommandSpec spec;

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        void emit(ResultTable t) throws IOException {
            Output.emit(t, common, spec.commandLine().getOut(), io.root.terminal());
        }
    }

    @Command(name = "multipliers", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Output multipliers, backward (Rasmussen) and forward (Ghosh) linkages, key sectors,",
                    "import content and value-added multipliers, one row per sector."})
    static final class MultipliersCommand extends Base {
        @Override
        public Integer call() throws Exception {
            IoTable table = tableOptions.read(err(), common);
            // one LU: forward linkages come from the same factorisation (G = D⁻¹LD)
            List<Multipliers.Row> rows = Multipliers.compute(LeontiefModel.of(table));
            ResultTable t = new ResultTable(Multipliers.COLUMNS);
            for (Multipliers.Row r : rows) {
                t.add(r.sector(), r.output(), r.outputMultiplier(), r.backwardLinkage(), r.forwardLinkage(), r.keySector(),
                        r.importContent(), r.valueAddedMultiplier());
            }
            emit(t);
            return Klaster.OK;
        }
    }

    @Command(name = "shock", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Output response to a demand shock (Leontief), a cut of imported inputs (Ghosh) or an",
                    "inoperability perturbation (IIM), one row per sector and a TOTAL row.",
                    "Pairs SECTOR=r are repeated (--demand S1=-0.2 --demand S2=0.1) or comma-separated (--demand S1=-0.2,S2=0.1)."})
    public static final class ShockCommand extends Base {

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
        public Integer call() throws Exception {
            String flag = kind.demand != null ? "--demand" : kind.inputCut != null ? "--input-cut" : "--perturb";
            List<String> pairs = kind.demand != null ? kind.demand : kind.inputCut != null ? kind.inputCut : kind.perturb;
            IoTable table = tableOptions.read(err(), common);
            Map<String, Double> rates = parsePairs(flag, pairs, table);
            ShockResult result = switch (flag) {
                case "--demand" -> DemandShock.apply(LeontiefModel.consuming(table), rates);   // LU in Z's array
                case "--input-cut" -> InputCutShock.apply(table, rates);
                default -> Inoperability.apply(table, rates);
            };
            result.warnings().forEach(w -> err().println("warning: " + w));
            ResultTable t = new ResultTable(ShockResult.COLUMNS);
            for (ShockResult.Row r : result.rowsWithTotal()) {
                t.add(r.sector(), r.baselineOutput(), r.outputChange(), r.outputChangePct());
            }
            emit(t);
            return Klaster.OK;
        }

        /** {@code S=r} pairs → sector → rate; unknown sectors, duplicates and bad numbers are usage errors. */
        public static Map<String, Double> parsePairs(String flag, List<String> pairs, IoTable table) {
            Map<String, Integer> index = table.sectorIndex();
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String raw : pairs) {
                String p = raw.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.lastIndexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new IllegalArgumentException(flag + " expects SECTOR=r pairs such as S1=-0.2, got \"" + p + "\"");
                }
                String sector = p.substring(0, eq).strip();
                String value = p.substring(eq + 1).strip();
                double r;
                try {
                    r = Double.parseDouble(value.replace('\u2212', '-'));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + " " + p + ": \"" + value + "\" is not a number (write a share,"
                            + " e.g. -0.2 for −20 %)");
                }
                if (!Double.isFinite(r)) {
                    throw new IllegalArgumentException(flag + " " + p + ": the rate must be a finite number");
                }
                if (!index.containsKey(sector)) {
                    throw new IllegalArgumentException(flag + ": unknown sector \"" + sector + "\" (not in "
                            + tableName(table) + ")");
                }
                if (rates.put(sector, r) != null) {
                    throw new IllegalArgumentException(flag + ": sector \"" + sector + "\" is given twice");
                }
            }
            if (rates.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs at least one SECTOR=r pair");
            }
            return rates;
        }

        private static String tableName(IoTable table) {
            List<String> s = table.sectors();
            String list = s.size() <= 8 ? String.join(", ", s)
                    : String.join(", ", s.subList(0, 6)) + ", …, " + s.get(s.size() - 1);
            return "the table's sectors: " + list;
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Hypothetical extraction (Dietzenbacher et al. 1993): the total output lost when a sector",
                    "stops buying (backward) or selling (forward) intermediate inputs, one row per sector."})
    static final class ExtractCommand extends Base {
        @Override
        public Integer call() throws Exception {
            IoTable table = tableOptions.read(err(), common);
            LeontiefModel leontief = LeontiefModel.of(table);
            List<HypotheticalExtraction.Row> rows = HypotheticalExtraction.compute(leontief, GhoshModel.of(leontief));
            ResultTable t = new ResultTable(HypotheticalExtraction.COLUMNS);
            for (HypotheticalExtraction.Row r : rows) {
                t.add(r.sector(), r.backwardExtractionLoss(), r.backwardExtractionLossPct(), r.forwardExtractionLoss(),
                        r.forwardExtractionLossPct());
            }
            emit(t);
            return Klaster.OK;
        }
    }
}
