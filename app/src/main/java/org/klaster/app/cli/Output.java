package org.klaster.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's result goes: stdout, or a file given by {@code --out} that appears only when the
 * whole result was written (temp file + atomic move), so a failure writes nothing.
 */
final class Output {
    private Output() {
    }

    /** Writes a streamed result (the body writes it in full to the writer it is given). */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Like {@link #emit} for a result streamed row by row instead of held in a {@link ResultTable}:
     * to stdout, or atomically to --out (temp file + move, nothing on failure).
     */
    static void stream(CommonOptions opts, Writer stdout, Body body) throws IOException {
        if (opts.out == null) {
            body.writeTo(stdout);
            stdout.flush();
            return;
        }
        Path target = opts.out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void emit(ResultTable table, CommonOptions opts, Writer stdout, boolean terminal) throws IOException {
        TableWriter.Format format = opts.format(terminal);
        if (opts.out == null) {
            TableWriter.write(table, format, stdout);
            return;
        }
        Path target = opts.out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                TableWriter.write(table, format, w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
