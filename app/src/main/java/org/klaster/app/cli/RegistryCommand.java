package org.klaster.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.klaster.Text;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Column;
import org.klaster.app.analysis.ColumnType;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.Schema;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Unit;
import org.klaster.app.analysis.UserException;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.formats.RulesReader;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.RuleVersion;
import org.klaster.registry.Cluster;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster registry import|list|show|rules}: the cluster registry in the platform store {@code --db}
 * names. {@code import} reads a registry folder (formats.md §6) with {@link RegistryReader} — refusing it
 * exactly as {@code klaster compliance --registry} would, with nothing stored — and stores it in one
 * transaction; {@code list} and {@code show} print tables; {@code rules} saves a rules file as a new version
 * (the one {@code klaster compliance} uses without {@code --rules}) and lists the versions.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "The cluster registry in the platform store --db names: import a folder, list clusters, show one, rules versions.",
        subcommands = {RegistryCommand.Import.class, RegistryCommand.ListClusters.class, RegistryCommand.Show.class,
            RegistryCommand.Rules.class})
public final class RegistryCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster registry needs a subcommand: import, list, show or rules"
                + " (see klaster registry --help)");
    }

    /** {@code klaster registry import DIR}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a registry folder (organisations, clusters, memberships, contracts, facts [, offers];",
                    ".csv or .xlsx): organisations are updated by INN, clusters by id, facts by INN and year; memberships,",
                    "contracts and offers are added unless already stored. All or nothing; every change is audited."})
    static final class Import implements Callable<Integer>, Klaster.LanguageAware {
        @Parameters(index = "0", paramLabel = "DIR", description = "The registry folder (formats.md §6).")
        Path dir;
        @Mixin
        PlatformOptions platform;
        @Spec
        CommandSpec spec;

        @Override
        public Lang lang() {
            return platform.lang();
        }

        @Override
        public Integer call() throws Exception {
            // read and check every file before the store is opened: a refused folder writes nothing anywhere
            RegistryReader.Result read = RegistryReader.read(dir);
            Messages m = Messages.of(lang());
            for (Text w : read.warnings()) spec.commandLine().getErr().println(m.text(w));
            Registry r = read.registry();
            String where = PlatformAccess.change(platform.db, s -> {
                s.importRegistry(Actor.cli(), r);
                return s.location();
            });
            spec.commandLine().getErr().println(m.text(Messages.text("cli.registry.imported", where,
                    r.organisations().size(), r.clusters().size(), r.memberships().size(), r.contracts().size(),
                    r.facts().size(), r.offers().size())));
            if (!r.projects().isEmpty()) {
                spec.commandLine().getErr().println(m.text(Messages.text("cli.registry.imported.projects", r.projects().size())));
            }
            return Klaster.OK;
        }
    }

    /** A cluster with its participants on a day. */
    record ClusterRow(Cluster cluster, int participants) {
    }

    /** {@code klaster registry list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The clusters: cluster,name,type,regions,participants (members on --as-of, default today).")
    static final class ListClusters extends TopLevelCommand {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Count the participants of this day (YYYY-MM-DD; default today).")
        String asOf;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            LocalDate day = day(asOf);
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                Registry r = a.platform().registry();
                List<ClusterRow> rows = new ArrayList<>();
                for (Cluster c : r.clusters()) {
                    int n = (int) r.memberships().stream().filter(x -> x.cluster().equals(c.id()) && x.activeOn(day))
                            .map(Membership::inn).distinct().count();
                    rows.add(new ClusterRow(c, n));
                }
                List<Text> notes = r.clusters().isEmpty() ? List.of(Messages.text("cli.registry.empty", a.platform().location()))
                        : List.of();
                return new Table<>(clusterSchema(), rows, false,
                        new Provenance("registry", List.of(), Map.of("as_of", day.toString()), null), List.of(), notes);
            }
        }
    }

    static Schema<ClusterRow> clusterSchema() {
        return Schema.<ClusterRow>builder("registry-clusters", "RegistryClusterRow")
                .text("cluster", r -> r.cluster().id())
                .text("name", r -> r.cluster().name())
                .text("type", r -> r.cluster().type().code())
                .text("regions", r -> String.join(";", r.cluster().regions()))
                .column(new Column<>("participants", ColumnType.INTEGER, Unit.COUNT, false, false, 0, ClusterRow::participants))
                .build();
    }

    /** A membership of the shown cluster with its organisation. */
    record ParticipantRow(Membership membership, Organisation organisation) {
    }

    /** {@code klaster registry show CLUSTER}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The participants of a cluster, past ones too: inn,name,type,region,okved,final_producer,joined,left.")
    static final class Show extends TopLevelCommand {
        @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster id (klaster registry list).")
        String cluster;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                PlatformStore s = a.platform();
                Cluster c = s.cluster(cluster).orElseThrow(() -> UserException.badParameter("cluster",
                        Messages.text("cli.registry.unknown", cluster, s.location(),
                                String.join(", ", s.clusters().stream().map(Cluster::id).toList()))));
                List<ParticipantRow> rows = new ArrayList<>();
                for (Membership m : s.memberships(c.id())) {
                    rows.add(new ParticipantRow(m, s.organisation(m.inn()).orElse(null)));
                }
                return new Table<>(participantSchema(), rows, false,
                        new Provenance("registry", List.of(), Map.of("cluster", c.id()), null), List.of(),
                        List.of(Messages.text("cli.registry.cluster", c.id(), c.name(), c.type().code())));
            }
        }
    }

    static Schema<ParticipantRow> participantSchema() {
        return Schema.<ParticipantRow>builder("registry-participants", "RegistryParticipantRow")
                .text("inn", r -> r.membership().inn())
                .optionalText("name", r -> r.organisation() == null ? null : r.organisation().name())
                .optionalText("type", r -> r.organisation() == null ? null : r.organisation().type().code())
                .optionalText("region", r -> r.organisation() == null ? null : r.organisation().region())
                .optionalText("okved", r -> r.organisation() == null ? null : r.organisation().okved())
                .flag("final_producer", r -> r.organisation() != null && r.organisation().finalProducer())
                .text("joined", r -> r.membership().joined().toString())
                .optionalText("left", r -> r.membership().left() == null ? null : r.membership().left().toString())
                .build();
    }

    /** {@code klaster registry rules [--save FILE|project] [--note N]}. */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = {"The stored versions of the compliance rules: version,note,created_by,created_at,rules.",
                    "--save FILE stores a rules file (rule,parameter,value,valid_from,valid_to,source,confidence) as the next",
                    "version, which klaster compliance then uses without --registry; --save project stores the project's own."})
    static final class Rules extends TopLevelCommand {
        @Option(names = "--save", paramLabel = "FILE", description = "A rules file to store as a new version, or \"project\".")
        String save;
        @Option(names = "--note", paramLabel = "N", description = "What changed in this version.")
        String note;

        @Override
        Table<?> run(StoreAccess access, Names names) throws Exception {
            List<Text> notes = new ArrayList<>();
            if (save != null) {
                RulesReader.Result r = save.equals("project") ? RulesReader.project() : RulesReader.read(Path.of(save));
                for (Text w : r.warnings()) err().println(messages().text(w));
                String v = PlatformAccess.change(common.dbSpec(), s -> s.saveRules(Actor.cli(), r.rules(),
                        note != null ? note : save.equals("project") ? RulesReader.PROJECT_RULES_NAME : Path.of(save).getFileName().toString()));
                notes.add(Messages.text("cli.registry.rules.saved", v, r.rules().rules().size()));
            }
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                return new Table<>(rulesSchema(), a.platform().ruleVersions(), false,
                        new Provenance("rules", List.of(), Map.of(), null), List.of(), notes);
            }
        }
    }

    static Schema<RuleVersion> rulesSchema() {
        return Schema.<RuleVersion>builder("registry-rules", "RuleVersionRow")
                .text("version", RuleVersion::version)
                .text("note", RuleVersion::note)
                .text("created_by", RuleVersion::createdBy)
                .text("created_at", v -> String.valueOf(v.createdAt()))
                .column(new Column<>("rules", ColumnType.INTEGER, Unit.COUNT, false, false, 0, RuleVersion::rules))
                .build();
    }

    static LocalDate day(String asOf) {
        if (asOf == null) return LocalDate.now();
        try {
            LocalDate d = LocalDate.parse(asOf.strip());
            if (d.getYear() >= 1900 && d.getYear() <= 2100) return d;
        } catch (java.time.format.DateTimeParseException e) {
            // below
        }
        throw UserException.badParameter("as_of", Messages.text("param.date", asOf));
    }
}
