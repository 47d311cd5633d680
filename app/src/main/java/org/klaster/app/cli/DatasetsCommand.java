package org.klaster.app.cli;

import org.klaster.app.analysis.DatasetsAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.Command;

/** {@code klaster datasets}: one row per stored dataset with its provenance. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets in the embedded database, with their provenance.")
public final class DatasetsCommand extends TopLevelCommand {

    @Override
    Table<?> run(StoreAccess access, Names names) {
        return DatasetsAnalysis.run(access.datasets());
    }
}
