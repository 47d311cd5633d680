package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.klaster;
import static org.klaster.app.cli.CliRun.ok;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.data.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 10, probe 5 — the command line loses nothing: {@code --out} never replaces an input, a folder, missing
 * or unwritable {@code --out} is a usage error naming {@code --out}, output files get the user's umask, and a
 * {@code --db} that is not a database is refused instead of "storing" into nothing.
 */
class OutFileCliTest {

    @TempDir
    Path dir;

    /**
     * A command line that parses for every command that has {@code --out}; the option under test is added to it
     * (replacing an option of the same exclusive group). A command added later without a line here fails
     * {@link #everyCommandRefusesAnOutThatIsOneOfItsInputs}: give it one.
     */
    private static final Map<String, List<String>> BASE = new LinkedHashMap<>();

    static {
        BASE.put("klaster map", List.of("map", "--activity", "@"));
        BASE.put("klaster io multipliers", List.of("io", "multipliers", "--table", "@"));
        BASE.put("klaster io shock", List.of("io", "shock", "--table", "@", "--demand", "S1=-0.1"));
        BASE.put("klaster io extract", List.of("io", "extract", "--table", "@"));
        BASE.put("klaster io regionalise", List.of("io", "regionalise", "--table", "@", "--activity", "@", "--region", "R1"));
        BASE.put("klaster io leakage", List.of("io", "leakage", "--table", "@", "--activity", "@", "--region", "R1"));
        BASE.put("klaster io localise", List.of("io", "localise", "--table", "@", "--activity", "@", "--region", "R1",
                "--share", "0.3"));
        BASE.put("klaster io suppliers", List.of("io", "suppliers", "--table", "@", "--activity", "@", "--region", "R1"));
        BASE.put("klaster dependency", List.of("dependency", "--trade", "@", "--reporter", "RUS"));
        BASE.put("klaster complexity", List.of("complexity", "--exports", "@"));
        BASE.put("klaster opportunities", List.of("opportunities", "--region", "RU-SAM"));
        BASE.put("klaster compliance", List.of("compliance", "--registry", "@", "--cluster", "C", "--as-of", "2024-06-30",
                "--year", "2023"));
        BASE.put("klaster match", List.of("match", "--registry", "@", "--need", "станки"));
        BASE.put("klaster finance loan", List.of("finance", "loan", "--amount", "100", "--rate", "5%", "--years", "2"));
        BASE.put("klaster finance project", List.of("finance", "project", "--cashflows", "@", "--discount-rate", "0.1"));
        BASE.put("klaster finance portfolio", List.of("finance", "portfolio", "--candidates", "@", "--budgets", "@"));
        BASE.put("klaster finance eligibility", List.of("finance", "eligibility", "--application", "@"));
        BASE.put("klaster finance instruments", List.of("finance", "instruments"));
        BASE.put("klaster finance key-rate", List.of("finance", "key-rate"));
        BASE.put("klaster skills gaps", List.of("skills", "gaps", "--region", "RU-SAM", "--staffing", "@"));
        BASE.put("klaster skills programmes", List.of("skills", "programmes", "--region", "RU-SAM", "--registry", "@"));
        BASE.put("klaster projects", List.of("projects", "--registry", "@", "--cluster", "C"));
        BASE.put("klaster import", List.of("import", "activity", "@"));
        BASE.put("klaster datasets", List.of("datasets"));
        BASE.put("klaster demo", List.of("demo", "--no-firms"));
        BASE.put("klaster demo firms", List.of("demo", "firms", "--rows", "1"));
        BASE.put("klaster registry list", List.of("registry", "list"));
        BASE.put("klaster registry show", List.of("registry", "show", "C"));
        BASE.put("klaster registry rules", List.of("registry", "rules"));
        BASE.put("klaster users list", List.of("users", "list"));
    }

    /** Every command of the launcher (picocli's model of {@link Klaster}), by its qualified name. */
    private static Map<String, CommandSpec> commands() {
        Map<String, CommandSpec> all = new LinkedHashMap<>();
        collect(new CommandLine(new Klaster()), all);
        return all;
    }

    private static void collect(CommandLine cl, Map<String, CommandSpec> all) {
        all.put(cl.getCommandSpec().qualifiedName(), cl.getCommandSpec());
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, all);
    }

    /** The paths a command reads, as {@link OutFile} finds them: path-typed or FILE-labelled options and parameters. */
    private static List<ArgSpec> fileInputs(CommandSpec spec) {
        List<ArgSpec> in = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            boolean path = Path.class.isAssignableFrom(a.type()) || "FILE".equals(a.paramLabel())
                    || Stream.of(a.auxiliaryTypes()).anyMatch(Path.class::isAssignableFrom);
            if (path && !(a instanceof OptionSpec o && o.longestName().equals("--out"))) in.add(a);
        }
        return in;
    }

    private Path input(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "region,industry,year,employment\nRU-SAM,29,2023,10\n", StandardCharsets.UTF_8);
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * Probe 5: {@code klaster map --activity in.csv --out in.csv} replaced its input and exited 0. Every command
     * of the launcher with {@code --out}, for every file it reads (and the database), is run with {@code --out}
     * naming that file — spelled as given, through {@code sub/../}, and through a symlink: exit 2, one line naming
     * {@code --out}, the file and the flag it was given to, the input byte for byte as before, no file added.
     */
    @Test
    void everyCommandRefusesAnOutThatIsOneOfItsInputs() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Map<String, CommandSpec> commands = commands();
        Set<String> withOut = new TreeSet<>();
        commands.forEach((name, spec) -> {
            if (spec.findOption("--out") != null) withOut.add(name);
        });
        assertThat(BASE.keySet()).as("a base command line for every command with --out").containsExactlyInAnyOrderElementsOf(withOut);
        int runs = 0;
        Set<String> tested = new TreeSet<>();
        for (String name : withOut) {
            CommandSpec spec = commands.get(name);
            for (ArgSpec in : fileInputs(spec)) {
                String flag = in instanceof OptionSpec o ? o.longestName() : in.paramLabel();
                tested.add(name + " " + flag);
                String file = name.replace(' ', '-') + flag.replace("-", "") + ".csv";
                Path f = input(file);
                byte[] before = Files.readAllBytes(f);
                Path link = Files.createSymbolicLink(dir.resolve("link-" + file), f.getFileName());
                for (String out : List.of(f.toString(), dir.resolve("sub").resolve("..").resolve(file).toString(), link.toString())) {
                    List<String> args = commandLine(spec, in, f);
                    args.add("--out");
                    args.add(out);
                    if (!args.contains("--db")) {
                        args.add("--db");
                        args.add(dir.resolve("none.duckdb").toString());
                    }
                    Set<String> files = listing();
                    CliRun r = klaster(args.toArray(String[]::new));
                    assertThat(r.code()).as("%s; stderr: %s", args, r.err()).isEqualTo(Klaster.BAD_INPUT);
                    assertThat(r.err()).as(args.toString()).isEqualTo(name + ": --out: " + out + " is also given to " + flag
                            + "; writing it would replace that input, so nothing was written\n");
                    assertThat(Files.readAllBytes(f)).as(args.toString()).isEqualTo(before);
                    assertThat(listing()).as(args.toString()).isEqualTo(files);
                    runs++;
                }
            }
        }
        // the inputs the issue lists are all among those checked
        assertThat(tested).contains("klaster map --activity", "klaster map --firms", "klaster map --categories", "klaster map --db",
                "klaster io multipliers --table", "klaster io shock --table", "klaster io extract --table",
                "klaster io regionalise --table", "klaster io regionalise --activity", "klaster io regionalise --sector-map", "klaster dependency --trade",
                "klaster dependency --production", "klaster dependency --groups", "klaster complexity --exports",
                "klaster opportunities --activity", "klaster opportunities --trade", "klaster opportunities --concordance",
                "klaster import FILE", "klaster import --categories", "klaster datasets --db", "klaster demo --db",
                "klaster compliance --registry", "klaster compliance --rules", "klaster compliance --db",
                "klaster match --registry", "klaster match --table", "klaster match --dependent", "klaster match --db",
                "klaster registry list --db", "klaster registry rules --save", "klaster users list --db");
        assertThat(runs).isEqualTo(3 * tested.size());
    }

    /**
     * The base line of the command with {@code in} set to {@code file}: an option of the same exclusive group is
     * dropped with its value (as is the tested option's own base value), a positional FILE ({@code @}) takes the file, other {@code @} another file.
     */
    private static List<String> commandLine(CommandSpec spec, ArgSpec in, Path file) {
        Set<String> exclusive = new java.util.HashSet<>();
        if (in.group() != null && in.group().exclusive()) {
            for (ArgSpec a : in.group().args()) if (a instanceof OptionSpec o) exclusive.addAll(List.of(o.names()));
        }
        List<String> base = BASE.get(spec.qualifiedName());
        List<String> args = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            String a = base.get(i);
            // an option of the same exclusive group, or the tested option itself, is dropped with its value
            if (exclusive.contains(a) || in instanceof OptionSpec o && List.of(o.names()).contains(a)) i++;
            else if (!a.equals("@")) args.add(a);
            else args.add(in instanceof OptionSpec ? file.resolveSibling("other.csv").toString() : file.toString());
        }
        if (in instanceof OptionSpec o) {
            args.add(o.longestName());
            args.add(file.toString());
        }
        return args;
    }

    /** The database counts as an input even when --db is not given: its default is one of the paths compared. */
    @Test
    void theDefaultDatabaseIsAnInput() {
        CommandLine cl = new CommandLine(new Klaster());
        CommandLine.ParseResult pr = cl.parseArgs("datasets", "--out", "x.csv");
        CommandSpec spec = pr.subcommand().commandSpec();
        assertThat(OutFile.inputs(spec, spec.findOption("--out")))
                .contains(new OutFile.Input("--db", Store.defaultPath(), false));
    }

    /**
     * Probe 5: {@code --out} to a folder or an unwritable place exited 1 with "(internal error …)" and a temp
     * path; a missing folder was created. Now each is exit 2 with one sentence naming {@code --out} and the
     * path given, nothing is created, and no temp file is left.
     */
    @Test
    void anOutThatCannotBeWrittenIsAUsageError() throws IOException {
        Path act = Files.writeString(dir.resolve("act.csv"), CliTest.ACTIVITY);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(folder.toString(), folder + " is a folder, not a file; nothing was written");
        Path missing = dir.resolve("missing").resolve("out.csv");
        cases.put(missing.toString(), "the folder " + missing.getParent() + " of " + missing + " does not exist; nothing was written");
        Path underFile = act.resolve("out.csv");
        cases.put(underFile.toString(), act + " (the folder of " + underFile + ") is not a folder; nothing was written");
        // root ignores permission bits, so an unwritable place for everybody: /proc takes no new files
        Path unwritable = Path.of("/proc", "klaster-out-" + ProcessHandle.current().pid() + ".csv");
        if (Files.isDirectory(Path.of("/proc"))) cases.put(unwritable.toString(), "cannot write " + unwritable + " (");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Set<String> files = listing();
            for (String[] line : List.of(new String[] {"map", "--activity", act.toString(), "--out", c.getKey()},
                    new String[] {"demo", "firms", "--rows", "5", "--out", c.getKey()})) {
                CliRun r = klaster(line);
                assertThat(r.code()).as(r.err()).isEqualTo(Klaster.BAD_INPUT);
                String command = line[0].equals("map") ? "klaster map" : "klaster demo firms";
                assertThat(r.err()).startsWith(command + ": --out: " + c.getValue()).doesNotContain("internal error", ".part")
                        .hasLineCount(1);
                assertThat(listing()).isEqualTo(files);
                assertThat(folder).isEmptyDirectory();
                assertThat(missing.getParent()).doesNotExist();
            }
        }
    }

    /** The permissions a new file gets in this process (the umask's), found by creating one as any program would. */
    private Set<PosixFilePermission> fresh() throws IOException {
        Path p = dir.resolve("fresh-" + System.nanoTime());
        try (OutputStream o = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW)) {
            o.write(1);
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        Files.delete(p);
        return perms;
    }

    /**
     * Probe 5: output files were created 0600 (a temp file moved into place). Now a new --out file (and a new
     * database) has the permissions of any new file under the user's umask, and an existing --out file keeps
     * its own mode when it is replaced.
     */
    @Test
    void outputFilesGetTheUmaskAndKeepTheirMode() throws IOException {
        Set<PosixFilePermission> umask = fresh();
        assertThat(umask).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Path act = Files.writeString(dir.resolve("act.csv"), CliTest.ACTIVITY);
        Path out = dir.resolve("o.csv");
        ok("map", "--activity", act.toString(), "--out", out.toString());
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(umask);
        assertThat(Files.readString(out)).startsWith("region,category,year");
        Set<PosixFilePermission> mine = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(out, mine);
        Files.writeString(out, "old");
        ok("map", "--activity", act.toString(), "--out", out.toString(), "--format", "json");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(mine);
        assertThat(Files.readString(out)).startsWith("[");
        Path firms = dir.resolve("firms.csv");
        ok("demo", "firms", "--rows", "5", "--out", firms.toString());
        assertThat(Files.getPosixFilePermissions(firms)).isEqualTo(umask);
        Path db = dir.resolve("k.duckdb");
        ok("import", "activity", act.toString(), "--db", db.toString(), "--other-territories");
        assertThat(Files.getPosixFilePermissions(db)).isEqualTo(umask);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /**
     * Probe 5: {@code klaster import activity f.csv --db x.csv} printed "stored activity-…", exited 0 and stored
     * nothing (DuckDB opened the CSV as an in-memory database with a view of it). Now any command refuses a
     * --db that is not a DuckDB file with exit 2 and one sentence, before reading or writing anything.
     */
    @Test
    void aDbThatIsNotADatabaseIsRefused() throws IOException {
        Path act = Files.writeString(dir.resolve("act.csv"), CliTest.ACTIVITY);
        Path x = Files.writeString(dir.resolve("x.csv"), "x,y\n");
        for (String[] line : List.of(new String[] {"import", "activity", act.toString(), "--other-territories"},
                new String[] {"datasets"}, new String[] {"map", "--dataset", "demo"}, new String[] {"demo", "--no-firms"})) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(List.of("--db", x.toString()));
            CliRun r = klaster(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isEqualTo(Klaster.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).endsWith(": --db: " + x + " is not a Klaster database (not a DuckDB file); nothing was read or written\n")
                    .hasLineCount(1);
            assertThat(Files.readString(x)).isEqualTo("x,y\n");
        }
        CliRun ru = klaster("datasets", "--db", x.toString(), "--lang", "ru");
        assertThat(ru.err()).isEqualTo("klaster datasets: --db: " + x + " — не база данных Klaster (не файл DuckDB); ничего не прочитано и не записано\n");
    }

    /**
     * A missing database is created by the commands that store (import, demo), and refused by those that read
     * datasets from it, instead of creating an empty one and then finding nothing in it; {@code klaster datasets}
     * lists none; a run on files alone never touches it.
     */
    @Test
    void onlyCommandsThatStoreCreateTheDatabase() throws IOException {
        Path act = Files.writeString(dir.resolve("act.csv"), CliTest.ACTIVITY);
        Path db = dir.resolve("new.duckdb");
        for (String[] line : List.of(new String[] {"map", "--dataset", "demo"}, new String[] {"complexity", "--dataset", "demo-exports"},
                new String[] {"opportunities", "--region", "RU-SAM"})) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(List.of("--db", db.toString()));
            CliRun r = klaster(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isEqualTo(Klaster.BAD_INPUT);
            assertThat(r.err()).endsWith(": --db: " + db + " does not exist; this command only reads the database"
                    + " (klaster demo or klaster import creates one)\n");
            assertThat(db).doesNotExist();
        }
        ok("map", "--activity", act.toString(), "--db", db.toString());
        assertThat(db).doesNotExist();
        // listing a database that does not exist lists nothing, says why, and creates nothing
        CliRun none = ok("datasets", "--db", db.toString(), "--format", "csv");
        assertThat(none.out()).isEqualTo("id,kind,source,rows,sha256,imported_at,generator,synthetic,units\n");
        assertThat(none.err()).contains(db + " does not exist, so it holds no dataset");
        assertThat(db).doesNotExist();
        String id = ok("import", "activity", act.toString(), "--db", db.toString(), "--other-territories").out().strip();
        assertThat(ok("datasets", "--db", db.toString(), "--format", "csv").out()).contains(id + ",activity,act.csv,");
    }
}
