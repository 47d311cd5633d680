package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;

/**
 * Where analyses get stored inputs. The command line opens the store for one run ({@link StoreAccess});
 * the web workbench keeps what it loaded and remembers results ({@code web.Workbench}). Analyses never
 * see the difference, so a page and a command compute the same thing the same way.
 */
public interface DataAccess {

    /** Every stored dataset, oldest first. */
    List<Dataset> datasets();

    /** The regional activity of an activity or firms dataset. */
    ActivityInput activity(Dataset d);

    /** The input–output table of a dataset with its Leontief model (AnalysisException when not productive). */
    IoModel io(Dataset d);

    TradeData trade(Dataset d);

    List<ExportRecord> exports(Dataset d);

    /** A region's establishments in a firms dataset: of {@code year}, else of the latest year the region has. */
    Establishments establishments(Dataset firms, String region, int year);

    /**
     * A result computed once per key where results are kept (the web), every time otherwise (the CLI).
     * The key must name everything the result depends on.
     */
    <T> T memo(Object key, Supplier<T> compute);

    /** The names of codes (regions, industries, products, countries) in a language. */
    Names names(Lang lang);

    // ------------------------------------------------------------------ choosing datasets

    /** The dataset with this id; an unknown id is NOT_FOUND, listing the ids there are. */
    default Dataset dataset(String param, String id) {
        for (Dataset d : datasets()) if (d.id().equals(id)) return d;
        List<String> ids = datasets().stream().map(Dataset::id).toList();
        throw UserException.notFound(param, ids.isEmpty() ? Messages.text("dataset.noneStored", id)
                : Messages.text("dataset.unknown", id, String.join(", ", ids)));
    }

    /** Datasets that provide what an analysis reads, oldest first. */
    default List<Dataset> providing(Content content) {
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : datasets()) if (d.kind().provides(content)) out.add(d);
        return out;
    }

    /**
     * The dataset a request asks for under {@code param} (a wrong kind is a BAD_PARAMETER naming what
     * the analysis needs), else the default of that content: the synthetic demo's when stored, else the
     * latest import. NOT_FOUND when nothing provides it.
     */
    default Dataset choose(String param, String requested, Content content) {
        if (requested != null) {
            Dataset d = dataset(param, requested);
            if (!d.kind().provides(content)) {
                throw UserException.badParameter(param, Messages.text("dataset.wrongKind", d.id(), d.kind().label(),
                        Messages.text("content." + content.name().toLowerCase(java.util.Locale.ROOT))));
            }
            return d;
        }
        return defaultOf(content).orElseThrow(() -> UserException.notFound(param, Messages.text("dataset.noneOf",
                Messages.text("content." + content.name().toLowerCase(java.util.Locale.ROOT)))));
    }

    /** The default dataset of a content: the synthetic demo's when stored, else the latest import. */
    default Optional<Dataset> defaultOf(Content content) {
        List<Dataset> all = providing(content);
        for (Dataset d : all) if (d.synthetic()) return Optional.of(d);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
