package org.klaster.app.cli;

import org.klaster.app.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.klaster.Text;
import org.klaster.app.analysis.Importers;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.formats.InputException;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code klaster import KIND FILE}: validates a file completely with the reader of its kind
 * ({@link Importers}), then stores it as one dataset in one transaction and prints its id. A file that
 * fails validation stores nothing (exit 2). {@code boundaries} are not a dataset: one set is kept.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a file into the database as a dataset with provenance; prints the dataset id.",
                "KIND: activity (formats.md §1), firms (firm-level CSV/Parquet, kept row by row and aggregated), boundaries",
                "(GeoJSON of regions with ISO 3166-2 codes; the web map then draws them instead of the tile grid)",
                "io (an input–output table in the io.csv matrix layout, formats.md §2) or rosstat-io (Rosstat's",
                "basic input–output tables workbook: the symmetric domestic and imports tables, product × product)",
                "trade (trade.csv, formats.md §3, with optional --production and --groups files)",
                "exports (year,location,product,value for economic complexity, formats.md §4)",
                "or classification SYSTEM FILE (code,name[,name_ru][,name_en] or the UN Comtrade HS layout; pages",
                "and downloads then name the products by it: klaster import classification hs harmonized-system.csv)."})
public final class ImportCommand extends TopLevelCommand {

    /** A dataset kind, boundaries or a classification. */
    record Kind(DatasetKind dataset, String other) {
        static final Kind BOUNDARIES = new Kind(null, "boundaries");
        static final Kind CLASSIFICATION = new Kind(null, "classification");

        Kind(DatasetKind dataset) {
            this(dataset, null);
        }

        String label() {
            return dataset == null ? other : dataset.label();
        }
    }

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            if (value.equals("boundaries")) return Kind.BOUNDARIES;
            if (value.equals("classification")) return Kind.CLASSIFICATION;
            return DatasetKind.of(value).map(Kind::new).orElseThrow(() -> new TypeConversionException("unknown KIND \""
                    + value + "\"; expected one of " + String.join(", ", new KindNames())));
        }
    }

    static final class KindNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            java.util.List<String> all = new java.util.ArrayList<>(Arrays.stream(DatasetKind.values()).map(DatasetKind::label).toList());
            all.add(2, "boundaries");
            all.add("classification");
            return all.iterator();
        }
    }

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            completionCandidates = KindNames.class, description = "What the file holds: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Parameters(index = "1..2", arity = "1..2", paramLabel = "FILE",
            description = "The file to import; for classification: SYSTEM FILE (e.g. hs harmonized-system.csv).")
    List<String> files;

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

    @Option(names = "--units", paramLabel = "UNIT",
            description = "The unit of the file's money values, e.g. \"million RUB\" or \"thousand USD\" (shown with every such number; rosstat-io: million RUB).")
    String units;

    @Option(names = "--other-territories",
            description = "activity, firms: keep region codes outside the region table (ISO 3166-2:RU) instead of refusing the file.")
    boolean otherTerritories;

    @Option(names = "--allow-imbalance",
            description = "io: a given total_output more than 0.1 %% off its row sum is a warning, not an error.")
    boolean allowImbalance;

    @Override
    boolean storesData() {
        return true;
    }

    @Override
    Table<?> run(StoreAccess access, Names names) throws Exception {
        String system = null;
        if (kind == Kind.CLASSIFICATION) {
            if (files.size() != 2) {
                throw org.klaster.app.analysis.UserException.badParameter("system",
                        org.klaster.app.analysis.Messages.text("import.classificationArgs"));
            }
            system = files.get(0);
            file = Path.of(files.get(1));
        } else {
            if (files.size() != 1) {
                throw org.klaster.app.analysis.UserException.badParameter("file",
                        org.klaster.app.analysis.Messages.text("import.oneFile", kind.label()));
            }
            file = Path.of(files.get(0));
        }
        if (!Files.isRegularFile(file)) throw InputException.file(file, "the file does not exist or is not a regular file");
        Importers.checkId(id);
        Consumer<String> progress = Progress.phases(err(), false);
        if (kind == Kind.BOUNDARIES) {
            importBoundaries(access.store(), progress);
            return null;
        }
        if (kind == Kind.CLASSIFICATION) {
            var stored = Importers.classification(access.store(), system, file);
            for (Text w : stored.warnings()) progress.accept("warning: " + messages().text(w));
            progress.accept("stored " + stored.source().provenance() + "; it replaces any classification " + stored.source().system()
                    + " stored before");
            out().println(stored.source().system());
            return null;
        }
        Importers.Prepared p;
        try (Progress.Bar bar = new Progress.Bar(err(), terminal())) {
            p = Importers.read(kind.dataset(), file, String.valueOf(file.getFileName()),
                    new Importers.Options(sheet, categories, production, groups, allowImbalance, units, bar, otherTerritories));
        }
        for (Text w : p.warnings()) progress.accept("warning: " + messages().text(w));
        // a national registry's rows take a while to store after the check: say so
        if (kind.dataset() == DatasetKind.FIRMS) progress.accept("storing " + p.rows() + " establishments of " + p.source());
        Importers.Stored s = Importers.store(access.store(), p, id, replace, null);
        if (s.unchanged()) progress.accept("this file was imported before, unchanged; its dataset is " + s.dataset().id());
        else progress.accept("stored " + s.dataset().provenance());
        out().println(s.dataset().id());
        return null;
    }

    private void importBoundaries(Store store, Consumer<String> progress) throws Exception {
        if (production != null || groups != null || categories != null) {
            throw org.klaster.app.analysis.UserException.badParameter("production",
                    org.klaster.app.analysis.Messages.text("import.tradeOnly"));
        }
        BoundariesReader.Boundaries b = BoundariesReader.read(file);
        b.warnings().forEach(w -> progress.accept("warning: " + w));
        store.saveBoundaries(b);
        progress.accept("stored " + b.regions().size() + " region boundaries from " + b.sourceName()
                + " (sha256 " + b.sha256().substring(0, 12) + "); they replace any stored before");
        out().println("boundaries");
    }
}
