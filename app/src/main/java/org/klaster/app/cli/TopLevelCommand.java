package org.klaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.klaster.app.Klaster;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every top-level analysis command has: the shared flags (formats.md §5), the root command
 * (whether stdout is a terminal decides table vs CSV) and picocli's spec (its streams). picocli
 * injects annotated fields of superclasses too, so subclasses declare only their own flags.
 */
abstract class TopLevelCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints a result in the chosen format, or writes it atomically to --out. */
    void emit(ResultTable table) throws IOException {
        Output.emit(table, common, out(), root.terminal());
    }
}
