package org.klaster.app.cli;

import org.klaster.app.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.klaster.app.DemoSetup;
import org.klaster.app.Klaster;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code klaster demo}: creates (or refreshes) the synthetic demo datasets; {@code demo firms} writes a firm CSV,
 * {@code demo registry} a registry folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = {DemoCommand.FirmsCsv.class, DemoCommand.RegistryFolder.class, DemoCommand.SkillsFolder.class},
        description = {"Create or refresh the SYNTHETIC demo database: datasets \"demo\" (regional activity 2018–2024",
                "of Russia's 83 regions by OKVED2 industry), \"demo-io\" (national input–output table by OKVED2 division",
                "with an import matrix), \"demo-trade\" (trade of RUS with ~30 partners, 303 HS4 products, 2021–2024,",
                "partner groups), \"demo-exports\" (exports of 100 countries × 303 HS4 products, 2022–2024, for",
                "klaster complexity) and \"demo-firms\" (~1.2 M synthetic establishments).",
                "Generated deterministically by Klaster; not official statistics."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--no-firms", description = "Skip the firm-level dataset (faster).")
    boolean noFirms;
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Consumer<String> progress = Progress.phases(spec.commandLine().getErr(), false);
        try (Store store = Store.open(common.dbPath())) {
            DemoSetup.install(store, !noFirms, progress);
            progress.accept("done: " + store.location());
        }
        return Klaster.OK;
    }

    /** {@code klaster demo firms --rows N --out F}: a synthetic firm-level CSV, e.g. for scale tests. */
    @Command(name = "firms", mixinStandardHelpOptions = true,
            description = "Write a SYNTHETIC firm-level CSV (firm_id,region,industry,year,employment,lat,lon).")
    static final class FirmsCsv implements Callable<Integer> {
        @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Number of establishments (default ${DEFAULT-VALUE}).")
        long rows;
        @Option(names = "--year", paramLabel = "Y", description = "Year (default: the demo's latest).")
        Integer year;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (rows < 1) throw new IllegalArgumentException("--rows must be at least 1");
            int y = year == null ? DemoEconomy.LAST_YEAR : year;
            if (y < DemoEconomy.FIRST_YEAR || y > DemoEconomy.LAST_YEAR) {
                throw new IllegalArgumentException("--year must be within " + DemoEconomy.FIRST_YEAR + "–" + DemoEconomy.LAST_YEAR);
            }
            Consumer<String> progress = Progress.phases(spec.commandLine().getErr(), false);
            progress.accept("writing " + rows + " synthetic establishments to " + out);
            long[] n = new long[1];
            OutFile.write(out, tmp -> n[0] = DemoEconomy.standard().writeFirmsCsv(tmp, y, rows));
            progress.accept("wrote " + n[0] + " rows");
            return Klaster.OK;
        }
    }

    /** {@code klaster demo registry --dir DIR}: the SYNTHETIC demo registry folder, for {@code klaster compliance}. */
    @Command(name = "registry", mixinStandardHelpOptions = true,
            description = {"Write the SYNTHETIC demo registry folder (organisations, clusters, memberships, contracts, facts):",
                    "clusters SAM-AUTO and TA-AERO meet Decree 779, SVE-METAL fails the functional dependence (2022–2024).",
                    "Try: klaster compliance --registry DIR --cluster SVE-METAL --as-of 2024-12-31 --year 2024"})
    static final class RegistryFolder implements Callable<Integer> {
        // not --out: that flag names one file written atomically (OutFile); this writes a folder of files
        @Option(names = "--dir", paramLabel = "DIR", required = true,
                description = "The folder to write (created; its registry files are replaced).")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
                throw org.klaster.app.analysis.UserException.badParameter("dir",
                        org.klaster.app.analysis.Messages.text("cli.demo.registry.notFolder", out));
            }
            org.klaster.registry.Registry r = org.klaster.data.demo.DemoRegistry.generate();
            org.klaster.data.demo.DemoRegistry.write(r, out);
            spec.commandLine().getErr().println(org.klaster.app.analysis.Messages.text("cli.demo.registry.wrote",
                    r.clusters().size(), r.organisations().size(), r.contracts().size(), out.toString()));
            return Klaster.OK;
        }
    }

    /** {@code klaster demo skills --dir DIR}: the SYNTHETIC demo skills files, for {@code klaster skills}. */
    @Command(name = "skills", mixinStandardHelpOptions = true,
            description = {"Write the SYNTHETIC demo skills files (staffing.csv, specialty_occupations.csv, graduates.csv, jobs.csv):",
                    "the inputs klaster skills uses when a file flag is left out (docs/demo.md, \"Demo skills\").",
                    "Try: klaster skills gaps --region RU-SAM --available 0.2 --staffing DIR/staffing.csv"})
    static final class SkillsFolder implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", required = true,
                description = "The folder to write (created; its skills files are replaced).")
        Path out;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
                throw org.klaster.app.analysis.UserException.badParameter("dir",
                        org.klaster.app.analysis.Messages.text("cli.demo.registry.notFolder", out));
            }
            org.klaster.data.demo.DemoSkills.write(org.klaster.data.demo.DemoRegistry.generate(), out);
            spec.commandLine().getErr().println(org.klaster.app.analysis.Messages.text("cli.demo.skills.wrote", out.toString()));
            return Klaster.OK;
        }
    }
}
