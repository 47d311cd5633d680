package org.klaster.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.klaster.app.Klaster;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.formats.Categories;
import org.klaster.data.formats.CategoriesReader;
import org.klaster.data.formats.ExportsData;
import org.klaster.data.formats.ExportsReader;
import org.klaster.data.formats.FirmsReader;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.IoTableReader;
import org.klaster.data.formats.RosstatIoReader;
import org.klaster.data.formats.TradeData;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code klaster import KIND FILE}: validates a file completely, then stores it as one dataset in one
 * transaction and prints its id. A file that fails validation stores nothing (exit 2).
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a file into the database as a dataset with provenance; prints the dataset id.",
                "KIND: activity (formats.md §1), firms (firm-level CSV/Parquet, aggregated on read), boundaries",
                "(GeoJSON of regions with ISO 3166-2 codes; the web map then draws them instead of the tile grid)",
                "io (an input–output table in the io.csv matrix layout, formats.md §2) or rosstat-io (Rosstat's",
                "basic input–output tables workbook: the symmetric domestic and imports tables, product × product)",
                "trade (trade.csv, formats.md §3, with optional --production and --groups files)",
                "or exports (year,location,product,value for economic complexity, formats.md §4)."})
public final class ImportCommand extends TopLevelCommand {

    enum Kind {
        activity, firms, boundaries, io, rosstat_io, trade, exports;

        /** The name on the command line and in the datasets list (rosstat-io). */
        String label() {
            return name().replace('_', '-');
        }
    }

    /** Accepts the hyphenated names (rosstat-io) the command line shows. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.label().equals(value)) return k;
            }
            throw new picocli.CommandLine.TypeConversionException("unknown KIND \"" + value + "\"; expected one of "
                    + String.join(", ", new KindNames()));
        }
    }

    static final class KindNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Kind.values()).map(Kind::label).iterator();
        }
    }

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            completionCandidates = KindNames.class, description = "What the file holds: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--categories", paramLabel = "FILE", description = "A category map stored with the dataset (industry,category[,category_name]).")
    Path categories;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX file (default: the first).")
    String sheet;

    @Option(names = "--id", paramLabel = "ID", description = "Dataset id (default: KIND-<first 8 hex digits of the file's sha256>).")
    String id;

    @Option(names = "--replace", description = "Replace an existing dataset with the same id.")
    boolean replace;

    @Option(names = "--production", paramLabel = "FILE", description = "trade: domestic output (year,reporter,product,value).")
    Path production;

    @Option(names = "--groups", paramLabel = "FILE", description = "trade: partner groups (group,member).")
    Path groups;

    @Option(names = "--allow-imbalance",
            description = "io: a given total_output more than 0.1 %% off its row sum is a warning, not an error.")
    boolean allowImbalance;


    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) throw InputException.file(file, "the file does not exist or is not a regular file");
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("--id must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Consumer<String> progress = Progress.phases(spec.commandLine().getErr(), false);
        if (kind != Kind.trade && (production != null || groups != null)) {
            throw new IllegalArgumentException("--production and --groups belong to `klaster import trade`");
        }
        if (kind == Kind.boundaries) return importBoundaries(progress);
        if (kind == Kind.io) {
            IoTableReader.Result r = IoTableReader.load(file, sheet, allowImbalance);
            r.warnings().forEach(w -> progress.accept("warning: " + w));
            return store(progress, r.sha256(), String.valueOf(file.getFileName()), r.table().size(),
                    (store, meta) -> store.saveIoTable(meta, r.table(), replace));
        }
        if (kind == Kind.trade) {
            TradeReader.Result r = TradeReader.load(file, production, groups);
            r.warnings().forEach(w -> progress.accept("warning: " + w));
            TradeData data = r.data();
            return store(progress, data.sha256(), String.valueOf(file.getFileName()), data.flows().size(),
                    (store, meta) -> store.saveTrade(meta, data, replace));
        }
        if (kind == Kind.exports) {
            ExportsData r = ExportsReader.read(file, sheet);
            r.warnings().forEach(w -> progress.accept("warning: " + w));
            return store(progress, r.sha256(), r.sourceName(), r.records().size(),
                    (store, meta) -> store.saveExports(meta, r.records(), replace));
        }
        if (kind == Kind.rosstat_io) {
            RosstatIoReader.Result r = RosstatIoReader.read(file);
            r.warnings().forEach(w -> progress.accept("warning: " + w));
            double taxes = java.util.Arrays.stream(r.productTaxes()).sum();
            String note = String.format(java.util.Locale.ROOT, "Rosstat symmetric product × product tables (domestic flows,"
                    + " import matrix, value added B1g, output P1); net product taxes on intermediate use (%.0f) are not"
                    + " part of value added, so import content + VA multiplier falls short of 1 by the tax content", taxes);
            return store(progress, r.sha256(), String.valueOf(file.getFileName()), r.table().size(), note,
                    (store, meta) -> store.saveIoTable(meta, r.table(), replace));
        }
        // validate everything before the database is touched: a failed import writes nothing
        Categories cats = categories == null ? null : CategoriesReader.read(categories);
        if (cats != null) cats.warnings().forEach(w -> progress.accept("warning: " + w));
        ActivityData data = switch (kind) {
            case activity -> ActivityReader.read(file, sheet);
            case firms -> {
                try (Progress.Bar bar = new Progress.Bar(spec.commandLine().getErr(), root.terminal())) {
                    yield new FirmsReader().read(file, bar);
                }
            }
            case boundaries, io, rosstat_io, trade, exports -> throw new IllegalStateException(kind + " is imported above");
        };
        data.warnings().forEach(w -> progress.accept("warning: " + w));
        String note = kind == Kind.firms ? "aggregated from firm-level rows (establishments = number of firms)" : null;
        return store(progress, data.sha256(), data.sourceName(), data.records().size(), note,
                (store, meta) -> store.saveActivity(meta, data.records(),
                        cats == null ? null : cats.codeToCategory(), cats == null ? null : cats.categoryNames(), replace));
    }

    /** Writes one validated dataset. */
    private interface Save {
        Dataset save(Store store, Dataset meta);
    }

    private int store(Consumer<String> progress, String sha256, String source, long rows, Save save) {
        return store(progress, sha256, source, rows, null, save);
    }

    /**
     * Stores a dataset that has passed validation under {@code --id} or KIND-sha8; re-importing an
     * unchanged file under the default id is a no-op that prints the existing id.
     */
    private int store(Consumer<String> progress, String sha256, String source, long rows, String note, Save save) {
        String datasetId = id != null ? id : kind.label() + "-" + sha256.substring(0, 8);
        try (Store store = Store.open(common.dbPath())) {
            Optional<Dataset> existing = store.dataset(datasetId);
            if (existing.isPresent() && !replace) {
                if (id == null && sha256.equals(existing.get().sha256())) {
                    progress.accept("this file was imported before, unchanged; its dataset is " + datasetId);
                    spec.commandLine().getOut().println(datasetId);
                    return Klaster.OK;
                }
                throw new IllegalArgumentException("a dataset \"" + datasetId + "\" already exists in " + store.location()
                        + "; use --replace or another --id");
            }
            Dataset stored = save.save(store, Dataset.of(datasetId, kind.label(), source, sha256, rows, null, false, note, null));
            progress.accept("stored " + stored.provenance());
        }
        spec.commandLine().getOut().println(datasetId);
        return Klaster.OK;
    }

    private int importBoundaries(Consumer<String> progress) throws Exception {
        BoundariesReader.Boundaries b = BoundariesReader.read(file);
        b.warnings().forEach(w -> progress.accept("warning: " + w));
        try (Store store = Store.open(common.dbPath())) {
            store.saveBoundaries(b);
            progress.accept("stored " + b.regions().size() + " region boundaries from " + b.sourceName()
                    + " (sha256 " + b.sha256().substring(0, 12) + "); they replace any stored before");
        }
        spec.commandLine().getOut().println("boundaries");
        return Klaster.OK;
    }
}
