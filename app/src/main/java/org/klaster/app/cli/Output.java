package org.klaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.klaster.Text;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TableWriter;

/**
 * Where a command's result goes: stdout, or a file given by {@code --out} that appears only when the
 * whole result was written ({@link OutFile#write}: a file beside it, then an atomic move), so a failure
 * writes nothing. Provenance,
 * warnings and notes go to stderr, so the CSV/JSON on stdout stays clean.
 */
final class Output {
    private Output() {
    }

    /** The stored inputs with their provenance, a SYNTHETIC note, then warnings and notes. */
    static void explain(Table<?> table, Messages m, PrintWriter err) {
        for (Provenance.Input in : table.provenance().inputs()) {
            if (in.dataset() == null) continue;
            // English keeps the line scripts have always read ("dataset ID: kind from …"); Russian is Russian
            err.println(m.lang() == org.klaster.app.analysis.Lang.en ? "dataset " + in.dataset().provenance()
                    : m.get("footer.provenance") + ": " + m.provenance(in.dataset()));
            if (in.synthetic()) err.println(m.get("cli.note") + ": " + m.format("cli.synthetic", in.id()));
        }
        for (Text w : table.warnings()) err.println(m.get("cli.warning") + ": " + m.text(w));
        for (Text n : table.notes()) err.println(m.get("cli.note") + ": " + m.text(n));
        err.flush();
    }

    static void emit(Table<?> table, CommonOptions opts, Writer stdout, boolean terminal) throws IOException {
        TableWriter.Format format = opts.format(terminal);
        if (opts.out == null) {
            TableWriter.write(table, format, stdout);
            return;
        }
        OutFile.write(opts.out, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                TableWriter.write(table, format, w);
            }
        });
    }
}
