package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.klaster.Text;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.Categories;
import org.klaster.data.formats.CategoriesReader;
import org.klaster.data.formats.ExportsData;
import org.klaster.data.formats.ExportsReader;
import org.klaster.data.formats.FirmsReader;
import org.klaster.data.formats.IoTableReader;
import org.klaster.data.formats.RegionCodes;
import org.klaster.data.formats.RosstatIoReader;
import org.klaster.data.formats.TradeData;
import org.klaster.data.formats.TradeReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.Store;

/**
 * {@code klaster import KIND FILE} and the Data page's uploads: one importer per {@link DatasetKind},
 * each validating the whole file with its format's reader before anything is stored (so the command
 * line and the web refuse the same files with the same sentences), then storing it as one dataset in
 * one transaction.
 */
public final class Importers {

    private Importers() {
    }

    /**
     * What an import may be given besides the file.
     *
     * @param units the unit of the file's money values ({@code million RUB}); null = not stated
     */
    public record Options(String sheet, Path categories, Path production, Path groups, boolean allowImbalance,
                          String units, FirmsReader.Progress progress, boolean otherTerritories) {
        public static Options none() {
            return new Options(null, null, null, null, false, null, null, false);
        }
    }

    /** How the region table is described in a refusal. */
    static final Text REGION_TABLE = Messages.text("import.regionTable");

    /** A file that passed validation, ready to store. */
    public record Prepared(DatasetKind kind, String sha256, String source, long rows, String note, String units,
                           List<Text> warnings, Saver saver) {
    }

    /** Writes a prepared dataset under its final metadata. */
    public interface Saver {
        Dataset save(Store store, Dataset meta, boolean replace);
    }

    /** Reads and validates a file of a kind (InputException naming file, line and column on any problem). */
    public static Prepared read(DatasetKind kind, Path file, String sourceName, Options o) {
        try {
            if (kind != DatasetKind.TRADE && (o.production() != null || o.groups() != null)) {
                throw UserException.badParameter("production", Messages.text("import.tradeOnly"));
            }
            if (kind != DatasetKind.ACTIVITY && kind != DatasetKind.FIRMS && o.categories() != null) {
                throw UserException.badParameter("categories", Messages.text("import.activityOnly"));
            }
            return switch (kind) {
                case ACTIVITY -> {
                    ActivityData data = ActivityReader.read(file, o.sheet());
                    // unknown regions are refused at their line unless the user keeps other territories
                    if (!o.otherTerritories()) RegionCodes.check(file, o.sheet(), knownRegions(), REGION_TABLE);
                    yield activity(kind, data, sourceName, o);
                }
                case FIRMS -> {
                    FirmsReader.Result firms = new FirmsReader().readFirms(file,
                            o.progress() == null ? FirmsReader.Progress.NONE : o.progress());
                    ActivityData data = firms.activity();
                    if (!o.otherTerritories()) {
                        var unknown = RegionCodes.unknown(data.records().stream().map(r -> r.region()).toList(), knownRegions());
                        if (!unknown.isEmpty()) {
                            throw org.klaster.data.formats.InputException.column(file, null, "region", Messages.text(
                                    "import.unknownRegions", REGION_TABLE, String.join(", ", unknown.stream().limit(8).toList())
                                    + (unknown.size() > 8 ? ", …" : "")));
                        }
                    }
                    yield firms(kind, firms, sourceName, o);
                }
                case IO -> {
                    IoTableReader.Result r = IoTableReader.load(file, o.sheet(), o.allowImbalance());
                    yield new Prepared(kind, r.sha256(), sourceName, r.table().size(), null, o.units(), Texts.of(r.warnings()),
                            (s, meta, replace) -> s.saveIoTable(meta, r.table(), replace));
                }
                case ROSSTAT_IO -> {
                    RosstatIoReader.Result r = RosstatIoReader.read(file);
                    double taxes = java.util.Arrays.stream(r.productTaxes()).sum();
                    String note = String.format(Locale.ROOT, "Rosstat symmetric product × product tables (domestic flows,"
                            + " import matrix, value added B1g, output P1); net product taxes on intermediate use (%.0f) are not"
                            + " part of value added, so import content + VA multiplier falls short of 1 by the tax content", taxes);
                    yield new Prepared(kind, r.sha256(), sourceName, r.table().size(), note,
                            o.units() != null ? o.units() : "million RUB", Texts.of(r.warnings()),
                            (s, meta, replace) -> s.saveIoTable(meta, r.table(), replace));
                }
                case TRADE -> {
                    TradeReader.Result r = TradeReader.load(file, o.production(), o.groups());
                    TradeData data = r.data();
                    yield new Prepared(kind, data.sha256(), sourceName, data.flows().size(), null, o.units(),
                            Texts.of(r.warnings()), (s, meta, replace) -> s.saveTrade(meta, data, replace));
                }
                case EXPORTS -> {
                    ExportsData r = ExportsReader.read(file, o.sheet());
                    yield new Prepared(kind, r.sha256(), sourceName, r.records().size(), null, o.units(),
                            Texts.of(r.warnings()), (s, meta, replace) -> s.saveExports(meta, r.records(), replace));
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Prepared activity(DatasetKind kind, ActivityData data, String sourceName, Options o) throws IOException {
        Categories cats = o.categories() == null ? null : CategoriesReader.read(o.categories());
        List<Text> warnings = new ArrayList<>(Texts.of(data.warnings()));
        if (cats != null) warnings.addAll(Texts.of(cats.warnings()));
        return new Prepared(kind, data.sha256(), sourceName, data.records().size(), null,
                o.units(), warnings, (s, meta, replace) -> s.saveActivity(meta, data.records(),
                cats == null ? null : cats.codeToCategory(), cats == null ? null : cats.categoryNames(), replace));
    }

    /**
     * A firm-level file: its establishments are kept row by row (the store inserts them from the file with
     * the database engine), with the activity aggregated from them; the dataset's rows are the establishments.
     */
    private static Prepared firms(DatasetKind kind, FirmsReader.Result firms, String sourceName, Options o) throws IOException {
        ActivityData data = firms.activity();
        Categories cats = o.categories() == null ? null : CategoriesReader.read(o.categories());
        List<Text> warnings = new ArrayList<>(Texts.of(data.warnings()));
        if (cats != null) warnings.addAll(Texts.of(cats.warnings()));
        return new Prepared(kind, data.sha256(), sourceName, firms.rows().count(), Messages.text("import.note.firms").toString(),
                o.units(), warnings, (s, meta, replace) -> s.saveFirms(meta, firms.rows(), data.records(),
                cats == null ? null : cats.codeToCategory(), cats == null ? null : cats.categoryNames(), replace));
    }

    private static java.util.Set<String> knownRegions() {
        java.util.Set<String> s = new java.util.HashSet<>();
        for (RegionInfo r : Reference.regions().all()) s.add(r.iso());
        return s;
    }

    /** The default id of an import: KIND-&lt;first 8 hex digits of the file's sha256&gt;. */
    public static String defaultId(Prepared p) {
        return p.kind().label() + "-" + p.sha256().substring(0, 8);
    }

    /** An id a user may choose. */
    public static String checkId(String id) {
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw UserException.badParameter("id", Messages.text("import.badId"));
        }
        return id;
    }

    /** What storing did. */
    public record Stored(Dataset dataset, boolean unchanged) {
    }

    /**
     * Stores a prepared file under {@code id} (default: KIND-sha8). Re-importing an unchanged file under
     * the default id stores nothing and returns the existing dataset; another dataset of the same id is
     * an error unless {@code replace}.
     */
    public static Stored store(Store store, Prepared p, String id, boolean replace, String generatorNote) {
        String datasetId = id != null ? id : defaultId(p);
        Optional<Dataset> existing = store.dataset(datasetId);
        if (existing.isPresent() && !replace) {
            if (id == null && p.sha256().equals(existing.get().sha256())) return new Stored(existing.get(), true);
            throw UserException.badParameter("id", Messages.text("import.exists", datasetId, store.location()));
        }
        String note = p.note() == null ? generatorNote : generatorNote == null ? p.note() : generatorNote + "; " + p.note();
        Dataset saved = p.saver().save(store, Dataset.of(datasetId, p.kind(), p.source(), p.sha256(), p.rows(), null, false,
                note, p.units()), replace);
        return new Stored(saved, false);
    }

    /** A stored classification and what its reader said. */
    public record ClassificationStored(org.klaster.data.store.ClassificationSource source, List<Text> warnings) {
    }

    /**
     * Reads a product classification (code and names) and stores it under {@code system} (e.g. {@code hs}),
     * replacing one stored before: pages, the API and named downloads then name products by it.
     */
    public static ClassificationStored classification(Store store, String system, Path file) {
        String sys = system == null ? null : system.strip().toLowerCase(Locale.ROOT);
        if (sys == null || !sys.matches("[a-z0-9][a-z0-9._-]{0,31}")) {
            throw UserException.badParameter("system", Messages.text("import.badSystem", system == null ? "" : system));
        }
        try {
            org.klaster.data.formats.Classification c = org.klaster.data.formats.ClassificationReader.read(file, null);
            return new ClassificationStored(store.saveClassification(sys, c), Texts.of(c.warnings()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
