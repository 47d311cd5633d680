package org.klaster.app.cli;

import java.util.concurrent.Callable;
import org.klaster.app.Klaster;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code klaster datasets}: one row per stored dataset with its provenance. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets in the embedded database, with their provenance.")
public final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ResultTable t = new ResultTable("id", "kind", "source", "rows", "sha256", "imported_at", "generator", "synthetic");
        try (Store store = Store.open(common.dbPath())) {
            for (Dataset d : store.datasets()) {
                t.add(d.id(), d.kind(), d.source(), d.rows(), d.sha256(),
                        d.importedAt() == null ? null : d.importedAt().toString(), d.generator(), d.synthetic());
            }
        }
        Output.emit(t, common, spec.commandLine().getOut(), root.terminal());
        return Klaster.OK;
    }
}
