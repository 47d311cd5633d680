package org.klaster.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.IoModel;
import org.klaster.app.analysis.LocalisationAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.RegionalisationAnalysis;
import org.klaster.app.analysis.SkillsAnalysis;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.store.DatasetKind.Content;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster skills gaps|programmes}: skills gaps by occupation and year from new jobs (a file, the demo's, or a
 * localisation scenario), a staffing matrix, the region's graduates and a specialty → occupation concordance, and the
 * joint training programmes for the largest gaps ({@link SkillsAnalysis}, docs/methods-cooperation.md). A file flag
 * left out means the SYNTHETIC demo's input, and a note on stderr says so.
 */
@Command(name = "skills", mixinStandardHelpOptions = true,
        description = "Skills gaps by occupation (OKZ) and year from new jobs, and joint training programmes for the largest gaps.",
        subcommands = {SkillsCommand.GapsCommand.class, SkillsCommand.ProgrammesCommand.class})
public final class SkillsCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster skills needs a subcommand: gaps or programmes (see klaster skills --help)");
    }

    /** The inputs both subcommands read. */
    static final class InputOptions {
        @Option(names = "--region", paramLabel = "R", required = true,
                description = "The region whose graduates supply the new jobs, as the graduates file writes it (e.g. RU-SAM).")
        String region;

        static final class JobsFrom {
            @Option(names = "--jobs", paramLabel = "FILE", required = true,
                    description = "New jobs: industry,year,jobs (CSV or XLSX; formats.md §10).")
            Path jobs;

            @Option(names = "--from-localise", required = true,
                    description = "New jobs of a localisation scenario (klaster io localise) in the region: its jobs_change by sector,"
                            + " all in --jobs-year; needs --table or --io-dataset, --activity or --dataset, and --share.")
            boolean fromLocalise;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        JobsFrom jobsFrom;

        @Option(names = "--staffing", paramLabel = "FILE", description = "Staffing matrix: industry,occupation,share (default: the demo's).")
        Path staffing;

        @Option(names = "--graduates", paramLabel = "FILE",
                description = "Graduates: region,year,specialty,graduates[,institution_inn] (default: the demo's).")
        Path graduates;

        @Option(names = "--concordance", paramLabel = "FILE",
                description = "Specialty → occupation concordance: specialty,occupation,share (default: the demo's).")
        Path concordance;

        @Option(names = "--available", paramLabel = "A",
                description = "Share of graduates free for the new jobs, above 0 and at most 1 (default: 1).")
        String available;

        @Option(names = "--jobs-year", paramLabel = "Y", description = "With --from-localise: the year its jobs appear.")
        Integer jobsYear;

        @Option(names = "--table", paramLabel = "FILE", description = "With --from-localise: the national table (io.csv layout).")
        Path table;

        @Option(names = "--io-dataset", paramLabel = "ID", description = "With --from-localise: a stored national table (e.g. demo-io).")
        String ioDataset;

        @Option(names = "--activity", paramLabel = "FILE", description = "With --from-localise: the regional employment (formats.md §1).")
        Path activity;

        @Option(names = "--dataset", paramLabel = "ID", description = "With --from-localise: a stored activity dataset (e.g. demo).")
        String dataset;

        @Option(names = "--year", paramLabel = "Y", description = "With --from-localise: the year of the employment (default: the latest).")
        Integer year;

        @Option(names = "--method", paramLabel = "flq|cilq|slq", defaultValue = "flq",
                description = "With --from-localise: the location quotient (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--delta", paramLabel = "D", defaultValue = "0.3", description = "With --from-localise: Flegg's δ (default: ${DEFAULT-VALUE}).")
        double delta;

        @Option(names = "--buyers", paramLabel = "S", split = ",",
                description = "With --from-localise: the buying sectors (default: every sector of the region).")
        List<String> buyers;

        @Option(names = "--share", paramLabel = "θ", description = "With --from-localise: the share localised, 0.3 or 30%.")
        String share;

        @Option(names = "--from", paramLabel = "abroad|other-regions|both", defaultValue = "abroad",
                description = "With --from-localise: which purchases (default: ${DEFAULT-VALUE}).")
        String from;

        SkillsAnalysis.Inputs load(StoreAccess access, Names names) {
            SkillsAnalysis.JobsInput jobs;
            if (jobsFrom != null && jobsFrom.fromLocalise) {
                jobs = localised(access, names);
            } else {
                jobs = SkillsAnalysis.jobs(jobsFrom == null ? null : jobsFrom.jobs);
            }
            return SkillsAnalysis.inputs(jobs, staffing, graduates, concordance);
        }

        /** The localisation scenario's jobs, computed as {@code klaster io localise} does. */
        private SkillsAnalysis.JobsInput localised(StoreAccess access, Names names) {
            List<String> missing = new ArrayList<>();
            if (table == null && ioDataset == null) missing.add("--table or --io-dataset");
            if (activity == null && dataset == null) missing.add("--activity or --dataset");
            if (share == null) missing.add("--share");
            if (!missing.isEmpty()) {
                throw UserException.badParameter("from_localise", Messages.text("cli.skills.localiseFlags", String.join(", ", missing)));
            }
            if (jobsYear == null) throw UserException.badParameter("jobs_year", Messages.text("cli.skills.jobsYear"));
            Param.year("jobs_year", Integer.toString(jobsYear));
            double theta = Param.shareOrPercent("share", share);
            LocalisationAnalysis.From f = LocalisationAnalysis.From.parse("from", from);
            RegionalisationAnalysis.Params p = RegionalisationAnalysis.Params.of(region, year, method, delta);
            IoModel nation = ioDataset != null ? access.io(access.choose("io_dataset", ioDataset, Content.IO_TABLE))
                    : org.klaster.app.analysis.Inputs.io(Source.file(table, null), false, access);
            ActivityInput employment = org.klaster.app.analysis.Inputs.activity(dataset != null ? Source.stored(dataset)
                    : Source.file(activity, null), false, null, access, null);
            RegionalisationAnalysis.Result r = RegionalisationAnalysis.compute(nation, employment, null, p, access);
            LocalisationAnalysis.Buyers b = buyers == null ? LocalisationAnalysis.Buyers.all() : LocalisationAnalysis.Buyers.of(buyers);
            Table<LocalisationAnalysis.LocaliseRow> t = LocalisationAnalysis.localise(r, nation,
                    new LocalisationAnalysis.Scenario(b, theta, f), access, names, false);
            return SkillsAnalysis.jobs(t, jobsYear);
        }
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Demand, supply and gap by occupation (OKZ) and year: demand = new jobs × staffing share, supply =",
                    "available share × the region's graduates × concordance share, gap = demand − supply; the occupations",
                    "with the largest shortfall first, then a TOTAL row a year. A file flag left out: the SYNTHETIC demo's.",
                    "Example: klaster skills gaps --region RU-SAM --available 0.2"})
    static final class GapsCommand extends TopLevelCommand {
        @Mixin
        InputOptions in;

        @Option(names = "--top", paramLabel = "N", description = "Only the N occupations with the largest shortfall (default: all).")
        String top;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            SkillsAnalysis.Params p = SkillsAnalysis.Params.of(in.region, in.available, top, null, null);
            return SkillsAnalysis.gaps(in.load(access, names), p, names, common.names);
        }
    }

    @Command(name = "programmes", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Joint training programmes for the occupations with the largest shortfall: one row per proposed",
                    "university or college of the region (those whose graduates already go to the occupation, else by type),",
                    "people a year, the industries and the member enterprises (registry) that need the occupation.",
                    "Example: klaster skills programmes --region RU-SAM --available 0.2 --registry DIR"})
    static final class ProgrammesCommand extends TopLevelCommand {
        @Mixin
        InputOptions in;

        @Option(names = "--top", paramLabel = "N", description = "Programmes: the N largest shortfalls (default: 10).")
        String top;

        @Option(names = "--registry", paramLabel = "DIR",
                description = "Registry folder (formats.md §8); without it, the registry of the platform store --db.")
        Path registry;

        @Option(names = "--cluster", paramLabel = "C", description = "Employers: members of this cluster (default: of any cluster).")
        String cluster;

        @Option(names = "--as-of", paramLabel = "DATE", description = "The day whose memberships count (default: today).")
        String asOf;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            SkillsAnalysis.Params p = SkillsAnalysis.Params.of(in.region, in.available, top, asOf, cluster);
            OutFile.notInRegistry(common.out, registry);
            SkillsAnalysis.Inputs inputs = in.load(access, names);
            if (registry == null) {
                try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                    return SkillsAnalysis.programmes(inputs, p, a.platform().registry(),
                            Provenance.Input.file("registry", "platform store " + a.platform().location(), null), List.of(), names,
                            common.names);
                }
            }
            try {
                RegistryReader.Result reg = RegistryReader.read(registry);
                Path n = registry.toAbsolutePath().normalize().getFileName();
                return SkillsAnalysis.programmes(inputs, p, reg.registry(),
                        Provenance.Input.file("registry", n == null ? registry.toString() : n.toString(), reg.sha256()),
                        Texts.of(reg.warnings()), names, common.names);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

    }
}
