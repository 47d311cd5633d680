package org.klaster.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.EligibilityAnalysis;
import org.klaster.app.analysis.InstrumentsAnalysis;
import org.klaster.app.analysis.KeyRateAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.data.store.Actor;
import org.klaster.finance.KeyRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster finance eligibility | instruments | key-rate}: the support-instrument catalogue as dated data, the
 * key-rate series, and which instruments an application can get with the reasons ({@link EligibilityAnalysis},
 * {@link InstrumentsAnalysis}, {@link KeyRateAnalysis}; docs/methods-finance.md).
 */
public final class FinanceEligibilityCommand {

    private FinanceEligibilityCommand() {
    }

    /** The catalogue: a stored version when asked for, else the file or the project's. */
    static EligibilityAnalysis.CatalogueInput catalogue(Path rules, String version, CommonOptions common) {
        if (version == null) return EligibilityAnalysis.catalogue(rules);
        if (rules != null) {
            throw org.klaster.app.analysis.UserException.badParameter("rules_version", Messages.text("finance.instruments.version.both"));
        }
        try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
            return EligibilityAnalysis.stored(a.platform(), version);
        }
    }

    static LocalDate asOf(String v) {
        return v == null ? null : ComplianceAnalysis.date("as_of", v);
    }

    @Command(name = "eligibility", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Which support instruments an application can get on its date, and why: one row per instrument × rule",
                    "(instrument,rule,verdict,passed,value,threshold,unit,value_text,threshold_text,confidence,valid_from,valid_to,",
                    "source,reason): the application's value against the rule in force, verdict pass / fail / confirm (not judged",
                    "from the application) / info, and for a failure the change that would make it pass; then the applicable rate",
                    "(computed from the key rate where tied) and an 'eligible' row per instrument. Money in million RUB.",
                    "The application is a key,value file (formats.md §13), e.g.: klaster finance eligibility --application app.csv"})
    static final class EligibilityCommand extends TopLevelCommand {

        @Option(names = "--application", paramLabel = "FILE", required = true,
                description = "The application: key,value rows (CSV or XLSX): inn, okved, revenue, sme, technology_company, mtk, region,"
                        + " cluster_member, budget, own_funds, loan, term, purpose, products, priority_products, russian_equipment_share, date.")
        Path application;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge on this day instead of the application's date (YYYY-MM-DD).")
        String asOf;

        @Option(names = "--rules", paramLabel = "FILE",
                description = "Instrument catalogue rule,parameter,value,valid_from,valid_to,source,confidence (default: the project's instruments.csv).")
        Path rules;

        @Option(names = "--rules-version", paramLabel = "V",
                description = "A catalogue version saved in the platform store --db (klaster finance instruments --save), or latest.")
        String rulesVersion;

        @Option(names = "--key-rate", paramLabel = "FILE",
                description = "Key-rate series effective_date,rate,source,confidence (default: the project's key_rate.csv).")
        Path keyRate;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            LocalDate d = asOf(asOf);
            return EligibilityAnalysis.run(application, d, catalogue(rules, rulesVersion, common), keyRate, names, common.names);
        }
    }

    @Command(name = "instruments", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The support-instrument catalogue as of a day: one row per instrument × parameter in force",
                    "(instrument,parameter,value,value_text,unit,valid_from,valid_to,source,confidence), and for a rate tied to the",
                    "key rate the computed rate_applicable row. --all lists every dated row. Example: klaster finance instruments --as-of 2024-06-01"})
    static final class InstrumentsCommand extends TopLevelCommand {

        @Option(names = "--as-of", paramLabel = "DATE", description = "The day (YYYY-MM-DD; default: today).")
        String asOf;

        @Option(names = "--all", description = "Every row of the catalogue, whatever its dates.")
        boolean all;

        @Option(names = "--rules", paramLabel = "FILE", description = "Instrument catalogue file (default: the project's instruments.csv).")
        Path rules;

        @Option(names = "--rules-version", paramLabel = "V", description = "A catalogue version saved in the platform store --db, or latest.")
        String rulesVersion;

        @Option(names = "--key-rate", paramLabel = "FILE", description = "Key-rate series (default: the project's key_rate.csv).")
        Path keyRate;

        @Option(names = "--save", paramLabel = "FILE",
                description = "Store a catalogue file (or \"project\") in the platform store --db as its next version, audited; prints the versions.")
        String save;

        @Option(names = "--note", paramLabel = "N", description = "What changed in the saved version.")
        String note;

        @Option(names = "--versions", description = "List the catalogue versions saved in the platform store --db.")
        boolean versions;

        @Override
        Table<?> run(StoreAccess access, Names names) throws Exception {
            if (save != null || versions) {
                List<org.klaster.Text> notes = new java.util.ArrayList<>();
                if (save != null) {
                    org.klaster.data.formats.InstrumentsReader.Result r = save.equals("project")
                            ? org.klaster.data.formats.InstrumentsReader.project()
                            : org.klaster.data.formats.InstrumentsReader.read(Path.of(save));
                    for (org.klaster.Text w : r.warnings()) err().println(messages().text(w));
                    String name = note != null ? note : save.equals("project") ? org.klaster.data.formats.InstrumentsReader.PROJECT_NAME
                            : Path.of(save).getFileName().toString();
                    String v = PlatformAccess.change(common.dbSpec(), s -> s.saveInstruments(Actor.cli(), r.catalogue(), name));
                    notes.add(Messages.text("finance.instruments.saved", v, r.catalogue().rules().size()));
                }
                try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                    return new Table<>(RegistryCommand.rulesSchema(), a.platform().instrumentVersions(), false,
                            new Provenance("instruments", List.of(), java.util.Map.of(), null), List.of(), notes);
                }
            }
            LocalDate d = asOf == null ? LocalDate.now() : asOf(asOf);
            return InstrumentsAnalysis.run(catalogue(rules, rulesVersion, common), keyRate, d, all, names, common.names);
        }
    }

    @Command(name = "key-rate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The CBR key-rate series effective_date,rate,source,confidence (rate in percent a year), the project's or",
                    "--key-rate FILE's; --add DATE RATE --source S extends it (write the extended series with --format csv --out F",
                    "and pass it to --key-rate); --as-of DATE prints the change in force on that day.",
                    "Example: klaster finance key-rate --add 2026-02-16 15.5% --source \"CBR decision of 13 Feb\" --format csv --out kr.csv"})
    static final class KeyRateCommand extends TopLevelCommand {

        @Option(names = "--key-rate", paramLabel = "FILE", description = "The series to start from (default: the project's key_rate.csv).")
        Path keyRate;

        @Option(names = "--add", arity = "2", paramLabel = "DATE RATE",
                description = "A change to add: its effective date and rate (0.155 or 15.5%).")
        List<String> add;

        @Option(names = "--source", paramLabel = "S", description = "Where the added change is stated (required with --add).")
        String source;

        @Option(names = "--confidence", paramLabel = "V|S|C|M", description = "The added change's confidence mark (default: S).")
        String confidence;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Only the change in force on this day.")
        String asOf;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            KeyRate.Change c = add == null ? null : KeyRateAnalysis.change(add.get(0), add.get(1), source, confidence);
            return KeyRateAnalysis.run(keyRate, c, asOf(asOf));
        }
    }
}
