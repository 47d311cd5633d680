package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster compliance}: the Decree 779 compliance report of one cluster of a registry folder
 * ({@link ComplianceAnalysis}, docs/methods-registry.md). Stdout has the contract's columns; the reason
 * and smallest fix of each failed row, the exemptions, the rules version and the verdict go to stderr as
 * notes ({@code --names} adds them as the {@code note} and {@code fix} columns).
 */
@Command(name = "compliance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decree 779 compliance of a cluster: each requirement in force on --as-of, judged on the contracts and"
                + " facts of --year, one row per requirement × subject (requirement,subject,value,threshold,passed,exempt,"
                + "rule_valid_from,confidence; subject = cluster or an INN).",
                "",
                "The reason and the smallest fix of every failed row are printed on stderr (with --names also as the note"
                        + " and fix columns). Rules come from --rules, else (with --registry) the project's dated rules of"
                        + " Decree 779, else (from the platform store --db) its latest rules version.",
                ""})
public final class ComplianceCommand extends TopLevelCommand {

    @Option(names = "--registry", paramLabel = "DIR",
            description = "Registry folder: organisations, clusters, memberships, contracts, facts [, offers] (.csv or .xlsx);"
                    + " without it, the registry and the latest rules version of the platform store --db (klaster registry import).")
    Path registry;

    @Option(names = "--cluster", paramLabel = "C", required = true, description = "The cluster id (clusters.csv).")
    String cluster;

    @Option(names = "--as-of", paramLabel = "DATE", required = true,
            description = "The date whose rules and participants count (YYYY-MM-DD).")
    String asOf;

    @Option(names = "--year", paramLabel = "Y", required = true, description = "The year of the contracts and facts judged.")
    String year;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules file rule,parameter,value,valid_from,valid_to,source,confidence (default: the project's).")
    Path rules;

    @Option(names = "--no-unconfirmed", description = "Leave out rules marked M (unconfirmed).")
    boolean noUnconfirmed;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        ComplianceAnalysis.Params p = ComplianceAnalysis.Params.of(cluster, asOf, year, rules, !noUnconfirmed);
        if (registry == null) {
            try (org.klaster.app.analysis.PlatformAccess a = org.klaster.app.analysis.PlatformAccess.open(common.dbSpec(), false)) {
                return ComplianceAnalysis.runStored(a.platform(), p, names, common.names);
            }
        }
        // OutFile compares --out with the paths given; the folder's files are inputs too
        if (common.out != null) {
            for (String f : org.klaster.data.formats.RegistryReader.FILES) {
                for (String ext : new String[] {".csv", ".xlsx"}) {
                    if (OutFile.same(common.out, registry.resolve(f + ext))) {
                        throw org.klaster.app.analysis.UserException.badParameter("out",
                                org.klaster.app.analysis.Messages.text("cli.out.input", common.out, "--registry"));
                    }
                }
            }
        }
        return ComplianceAnalysis.run(registry, p, names, common.names);
    }
}
