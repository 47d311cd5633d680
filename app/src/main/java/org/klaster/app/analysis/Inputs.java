package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.klaster.Text;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.Categories;
import org.klaster.data.formats.CategoriesReader;
import org.klaster.data.formats.FirmsReader;
import org.klaster.data.formats.IoTableReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.mapping.CategoryMap;

/**
 * Loads an analysis input from its {@link Source}: a file through the one reader of its format (the
 * reader's warnings travel with the input), or a stored dataset through {@link DataAccess} (checked to
 * provide what the analysis reads).
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Regional activity: an activity file, a firm-level file ({@code firms}: aggregated on read), or a
     * dataset of kind activity or firms. A {@code categories} file replaces the dataset's own map; without
     * either the category of an industry is its 2-digit division.
     */
    public static ActivityInput activity(Source source, boolean firms, Path categories, DataAccess access,
                                         FirmsReader.Progress progress) {
        try {
            ActivityInput in;
            if (source instanceof Source.File f) {
                ActivityData data = firms
                        ? new FirmsReader().read(f.path(), progress == null ? FirmsReader.Progress.NONE : progress, false)
                        : ActivityReader.read(f.path(), f.sheet());
                in = new ActivityInput(Provenance.Input.file(firms ? "firms" : "activity", data.sourceName(), data.sha256()),
                        data.records(), CategoryMap.divisions(), java.util.Map.of(), Texts.of(data.warnings()));
            } else {
                Dataset d = access.choose("dataset", ((Source.Stored) source).id(), Content.ACTIVITY);
                in = access.activity(d);
            }
            if (categories == null) return in;
            Categories c = CategoriesReader.read(categories);
            List<Text> w = new ArrayList<>(in.warnings());
            w.addAll(Texts.of(c.warnings()));
            return new ActivityInput(in.input(), in.rows(), CategoryMap.of(c.codeToCategory(), c.categoryNames()),
                    c.categoryNames(), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project's yearly cash flows ({@code klaster finance project}). */
    public static org.klaster.data.formats.CashFlowsReader.CashFlowFile cashFlows(Path file, String sheet) {
        try {
            return org.klaster.data.formats.CashFlowsReader.read(file, sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An input–output table from an io.csv file or a stored io / rosstat-io dataset. */
    public static IoModel io(Source source, boolean allowImbalance, DataAccess access) {
        return io(source, allowImbalance, access, false);
    }

    /**
     * As {@link #io(Source, boolean, DataAccess)}; {@code oneDemandShock} factorises in the table's own
     * memory ({@link IoModel#forOneDemandShock}) — for a table read for this run only, never a kept one.
     */
    public static IoModel io(Source source, boolean allowImbalance, DataAccess access, boolean oneDemandShock) {
        if (source instanceof Source.File f) {
            try {
                IoTableReader.Result r = IoTableReader.load(f.path(), f.sheet(), allowImbalance);
                Provenance.Input in = Provenance.Input.file("io", String.valueOf(f.path().getFileName()), r.sha256());
                return oneDemandShock ? IoModel.forOneDemandShock(in, r.table(), r.validation(), r.warnings())
                        : new IoModel(in, r.table(), r.validation(), r.warnings());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return access.io(access.choose("dataset", ((Source.Stored) source).id(), Content.IO_TABLE));
    }
}
