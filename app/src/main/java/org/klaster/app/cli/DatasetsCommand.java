package org.klaster.app.cli;

import java.nio.file.Files;
import java.util.List;
import org.klaster.app.analysis.DatasetsAnalysis;
import org.klaster.app.analysis.Messages;
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
        // a database that does not exist holds no dataset: list none, and do not create it
        if (!Files.exists(common.dbPath())) {
            return DatasetsAnalysis.run(List.of(), List.of(Messages.text("cli.db.none", common.dbPath())));
        }
        return DatasetsAnalysis.run(access.datasets());
    }
}
