package org.klaster.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.ProjectsAnalysis;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster projects}: a cluster's portfolio of joint R&amp;D projects on a registry folder or the platform store's
 * registry ({@link ProjectsAnalysis}, docs/methods-cooperation.md). One view per run: by technology readiness level,
 * the dependent products addressed, or the dependent products of the specialisation that no project addresses.
 */
@Command(name = "projects", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Joint R&D projects of a cluster. --view trl (default): one row per readiness level 1–9,"
                + " trl,projects_now,budget_now,projects_target,budget_target (RUB). --view products: one row per dependent"
                + " product that projects address, product,projects,budget,in_specialisation,project_ids. --view gaps: one row"
                + " per dependent product of the cluster's specialisation that no project addresses,"
                + " product,declared_specialisation,member_organisations.",
                "",
                "The dependent products read --dependent or --trade-dataset (else the stored default trade, if any).",
                ""})
public final class ProjectsCommand extends TopLevelCommand {

    @Option(names = "--registry", paramLabel = "DIR",
            description = "Registry folder with projects.csv and its companions (.csv or .xlsx);"
                    + " without it, the registry of the platform store --db (klaster registry import).")
    Path registry;

    @Option(names = "--cluster", paramLabel = "C", required = true, description = "The cluster id (clusters.csv).")
    String cluster;

    @Option(names = "--view", paramLabel = "trl|products|gaps", defaultValue = "trl",
            description = "What to show (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day whose participants' activities make the specialisation (default: today).")
    String asOf;

    /** The dependent products: as {@code klaster match} reads them. */
    @ArgGroup(exclusive = true)
    MatchCommand.Dependent dependent;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        ProjectsAnalysis.Params p = ProjectsAnalysis.Params.of(cluster, view, asOf);
        OutFile.notInRegistry(common.out, registry);
        // the stored default trade counts only where a dataset store exists: a run on files never creates one
        boolean store = !common.postgres() && Files.exists(common.dbPath());
        ProjectsAnalysis.Dependent dep = ProjectsAnalysis.dependent(dependent == null ? null : dependent.file,
                dependent == null ? null : dependent.trade, store, access);
        if (registry == null) {
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                return ProjectsAnalysis.runStored(a.platform(), p, dep, names, common.names);
            }
        }
        return ProjectsAnalysis.run(registry, p, dep, names, common.names);
    }

}
