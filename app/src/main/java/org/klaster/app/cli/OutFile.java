package org.klaster.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.klaster.Text;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.UserException;
import org.klaster.data.store.Store;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The file a command writes with {@code --out}: checked once for every command line before the command
 * runs ({@link #check}, called by {@code Klaster}'s execution strategy), written atomically ({@link #write}).
 *
 * <p>The inputs are not listed per command: every option or parameter of the command that holds a path
 * (typed {@link Path}, or labelled {@code FILE}) is an input, and so is the database ({@code --db}, or its
 * default) — so a command added later is covered without knowing about this check. {@code --out} must not
 * be any of them (the same file through a symlink, {@code ./x} or {@code x} included), must not be a
 * folder, must be in an existing folder and writable there; otherwise a usage error (exit 2) names
 * {@code --out} and the file before anything was read or written.
 */
public final class OutFile {

    static final String OUT = "--out";
    static final String DB = "--db";

    private OutFile() {
    }

    /** Refuses the {@code --out} of the command that will run, if it would lose an input or cannot be written. */
    public static void check(ParseResult root) {
        ParseResult pr = root;
        while (pr.subcommand() != null) pr = pr.subcommand();
        if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) return;
        CommandSpec spec = pr.commandSpec();
        OptionSpec outOption = spec.findOption(OUT);
        if (outOption == null || !(outOption.getValue() instanceof Path out)) return;
        for (Input in : inputs(spec, outOption)) {
            if (same(out, in.path())) {
                throw UserException.badParameter("out", in.flag().equals(DB) && !in.given()
                        ? Messages.text("cli.out.db", out) : Messages.text("cli.out.input", out, in.flag()));
            }
        }
        target(out);
    }

    /** A path a command reads: the flag (or parameter label) that gave it, and whether the user gave it. */
    record Input(String flag, Path path, boolean given) {
    }

    /** Every path the command may read: its path-typed or FILE-labelled options and parameters, and the database. */
    static List<Input> inputs(CommandSpec spec, OptionSpec out) {
        List<Input> all = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            if (a == out || !holdsPath(a)) continue;
            String flag = a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
            Object v = a.getValue();
            if (v instanceof Collection<?> many) {
                for (Object x : many) if (x != null) all.add(new Input(flag, Path.of(x.toString()), true));
            } else if (v != null && !org.klaster.data.store.PlatformStore.isPostgresUrl(v.toString())) {
                all.add(new Input(flag, Path.of(v.toString()), true));
            } else if (flag.equals(DB)) {
                all.add(new Input(DB, Store.defaultPath(), false));
            }
        }
        return all;
    }

    private static boolean holdsPath(ArgSpec a) {
        if (Path.class.isAssignableFrom(a.type()) || "FILE".equals(a.paramLabel())) return true;
        for (Class<?> t : a.auxiliaryTypes()) if (Path.class.isAssignableFrom(t)) return true;
        return false;
    }

    /**
     * Refuses an {@code --out} that is one of the registry folder's files (the folder is read through one option, so
     * the general check, which compares --out with the paths given, cannot see them).
     */
    static void notInRegistry(Path out, Path registry) {
        if (out == null || registry == null) return;
        for (String f : org.klaster.data.formats.RegistryReader.FILES) {
            for (String ext : new String[] {".csv", ".xlsx"}) {
                if (same(out, registry.resolve(f + ext))) {
                    throw UserException.badParameter("out", Messages.text("cli.out.input", out, "--registry"));
                }
            }
        }
    }

    /** Whether two paths name one file: the file system says so when both exist, else their resolved names do. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back to the names
        }
        return resolved(a).equals(resolved(b));
    }

    /** The absolute, normalised path with its deepest existing folder resolved through symlinks. */
    private static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** Refuses a target that is a folder, lies in a missing folder or cannot be written; writes nothing. */
    static void target(Path out) {
        if (Files.isDirectory(out)) throw bad(Messages.text("cli.out.folder", out));
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.exists(dir)) throw bad(Messages.text("cli.out.noFolder", out, dir));
        if (dir != null && !Files.isDirectory(dir)) throw bad(Messages.text("cli.out.notFolder", out, dir));
        if (Files.exists(out) && !Files.isWritable(out)) throw cannotWrite(out, new AccessDeniedException(out.toString()));
        // the only sure test of a folder's permissions (root, read-only mounts, ACLs) is to create the file we would
        try {
            Files.delete(temp(out));
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    /** What writes the file's content to the temporary file it is given. */
    @FunctionalInterface
    interface Body {
        void write(Path tmp) throws IOException;
    }

    /**
     * Writes {@code target} only when the whole content was written: into a new file beside it (so it gets
     * the permissions of any new file under the user's umask, as a shell redirection would), then moved over
     * it atomically; an existing target keeps its permissions. On failure nothing is left behind.
     */
    static void write(Path target, Body body) {
        Path tmp;
        try {
            tmp = temp(target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try {
            body.write(tmp);
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException e) {
                    // no POSIX permissions on this file system: nothing to keep
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the move failed and the partial file cannot be removed either: the error above says why
            }
        }
    }

    /** A new, empty, hidden file beside {@code target}, created with default permissions (not 0600 as temp files are). */
    private static Path temp(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            String name = "." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".part";
            Path tmp = dir == null ? Path.of(name) : dir.resolve(name);
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) throw e;
            }
        }
    }

    private static UserException bad(Text t) {
        return UserException.badParameter("out", t);
    }

    private static UserException cannotWrite(Path target, IOException e) {
        // the operating system's reason (e.g. "Read-only file system") is passed on as it is
        Text reason = e instanceof AccessDeniedException ? Messages.text("cli.out.denied")
                : e instanceof FileSystemException f && f.getReason() != null ? org.klaster.app.analysis.Texts.of(f.getReason())
                : Messages.text("cli.out.cannotCreate");
        return bad(Messages.text("cli.out.cannotWrite", target, reason));
    }
}
