package org.klaster.app.cli;

import org.klaster.app.Klaster;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;

/** {@code klaster datasets}: one row per stored dataset with its provenance. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets in the embedded database, with their provenance.")
public final class DatasetsCommand extends TopLevelCommand {

    @Override
    public Integer call() throws Exception {
        ResultTable t = new ResultTable("id", "kind", "source", "rows", "sha256", "imported_at", "generator", "synthetic");
        try (Store store = Store.open(common.dbPath())) {
            for (Dataset d : store.datasets()) {
                t.add(d.id(), d.kind(), d.source(), d.rows(), d.sha256(),
                        d.importedAt() == null ? null : d.importedAt().toString(), d.generator(), d.synthetic());
            }
        }
        emit(t);
        return Klaster.OK;
    }
}
