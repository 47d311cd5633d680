package org.klaster.app;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.klaster.AnalysisException;
import org.klaster.app.cli.DatasetsCommand;
import org.klaster.app.cli.DemoCommand;
import org.klaster.app.cli.ImportCommand;
import org.klaster.app.cli.MapCommand;
import org.klaster.app.cli.OutFile;
import org.klaster.app.web.ServeCommand;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.UserException;
import org.klaster.Localizable;
import org.klaster.data.formats.InputException;
import org.klaster.data.store.NotADatabaseException;
import org.klaster.data.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The single entry point: {@code klaster COMMAND …}. Exit codes follow the command contract:
 * 0 ok, 1 analysis impossible (or the store cannot proceed), 2 bad input or usage. Errors are one
 * sentence on stderr; stack traces only with {@code --debug}.
 */
@Command(name = "klaster", mixinStandardHelpOptions = true, versionProvider = Klaster.Version.class,
        description = "Klaster — open workbench for industrial-cluster policy and technological sovereignty.",
        subcommands = {MapCommand.class, org.klaster.app.cli.IoCommand.class, org.klaster.app.cli.DependencyCommand.class, org.klaster.app.cli.ComplexityCommand.class, org.klaster.app.cli.OpportunitiesCommand.class, org.klaster.app.cli.ComplianceCommand.class, org.klaster.app.cli.MatchCommand.class, org.klaster.app.cli.ProjectsCommand.class, org.klaster.app.cli.FinanceCommand.class, org.klaster.app.cli.SkillsCommand.class, org.klaster.app.cli.RegistryCommand.class, org.klaster.app.cli.UsersCommand.class, ImportCommand.class, DatasetsCommand.class, DemoCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Klaster implements Runnable {

    public static final int OK = 0;
    public static final int IMPOSSIBLE = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Whether stdout is a terminal (table output by default) rather than a pipe (CSV). */
    private boolean terminal;

    public boolean terminal() {
        return terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * netlib announces which BLAS it loaded at INFO through java.util.logging; that is noise on a
     * command line (kept as a field: JUL holds loggers weakly, so the level would be lost).
     */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    public static void main(String[] args) {
        NETLIB_LOG.setLevel(Boolean.getBoolean("klaster.debug.blas") ? java.util.logging.Level.INFO
                : java.util.logging.Level.WARNING);
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Klaster root = new Klaster();
        root.terminal = terminal;
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cl.setErr(errWriter);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            int code = exitCode(ex);
            Lang lang = cmd.getCommand() instanceof LanguageAware la ? la.lang() : Lang.en;
            errWriter.println(cmd.getCommandSpec().qualifiedName() + ": " + message(ex, lang));
            if (debug) ex.printStackTrace(errWriter);
            else if (code == IMPOSSIBLE && !(ex instanceof Localizable) && !(ex instanceof StoreException)) {
                errWriter.println("(internal error; run again with --debug for details)");
            }
            errWriter.flush();
            return code;
        });
        // one check of --out for every command, before it runs: it must not be an input, a folder or unwritable
        cl.setExecutionStrategy(parsed -> {
            try {
                OutFile.check(parsed);
            } catch (UserException e) {
                CommandLine.ParseResult last = parsed;
                while (last.subcommand() != null) last = last.subcommand();
                throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        int code = cl.execute(args);
        cl.getOut().flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UserException u) {
            // a stored dataset that does not exist or does not hold what the command reads: exit 1, as unknown
            // dataset ids always were; every other refused parameter is a usage error
            boolean dataset = u.param() != null && (u.param().equals("dataset") || u.param().endsWith("_dataset"));
            return u.kind() == UserException.Kind.BAD_PARAMETER && !dataset ? BAD_INPUT : IMPOSSIBLE;
        }
        if (ex instanceof InputException || ex instanceof IllegalArgumentException) return BAD_INPUT;
        if (ex instanceof NotADatabaseException) return BAD_INPUT; // --db names a file that is not a database
        // the platform store refused a record as given (a taken login, an unknown cluster): nothing was written
        if (ex instanceof org.klaster.data.store.InvalidRecordException) return BAD_INPUT;
        if (ex instanceof CommandLine.ParameterException) return BAD_INPUT;
        return IMPOSSIBLE;
    }

    /** The sentence for the user: a localizable one in the chosen language, a bad parameter prefixed by its flag. */
    private static String message(Throwable ex, Lang lang) {
        if (ex instanceof UserException u) {
            String text = u.text().in(lang.locale());
            return u.param() == null ? text : UserException.flag(u.param()) + ": " + text;
        }
        // only --db names the database file: the store's sentence names the file, the CLI names the flag
        if (ex instanceof NotADatabaseException n) return "--db: " + n.text().in(lang.locale());
        if (ex instanceof Localizable l && l.text() != null) return l.text().in(lang.locale());
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** A command whose messages follow its {@code --lang}. */
    public interface LanguageAware {
        Lang lang();
    }

    /** Version from the jar manifest, falling back to the development marker. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Klaster.class.getPackage().getImplementationVersion();
            return new String[] {"klaster " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
