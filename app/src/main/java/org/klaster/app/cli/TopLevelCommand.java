package org.klaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every analysis command has: the shared flags (formats.md §5), the root command (whether
 * stdout is a terminal decides table vs CSV), picocli's spec (its streams) and the store, opened only
 * when a stored dataset is read. A command parses its flags, runs its analysis and calls {@link #emit}.
 */
abstract class TopLevelCommand implements Callable<Integer>, Klaster.LanguageAware {
    @Mixin
    CommonOptions common;
    @ParentCommand
    Object parent;
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public org.klaster.app.analysis.Lang lang() {
        return common.lang();
    }

    Messages messages() {
        return Messages.of(common.lang());
    }

    /** Whether stdout is a terminal (the root command knows). */
    boolean terminal() {
        Object p = parent;
        while (p instanceof TopLevelCommand t) p = t.parent;
        if (p instanceof Klaster k) return k.terminal();
        if (p instanceof IoCommand io) return io.root.terminal();
        if (p instanceof SkillsCommand sk) return sk.root.terminal();
        if (p instanceof UsersCommand u) return u.root.terminal();
        if (p instanceof RegistryCommand r) return r.root.terminal();
        if (p instanceof FinanceCommand f) return f.root.terminal();
        return false;
    }

    @Override
    public final Integer call() throws Exception {
        // with a PostgreSQL --db (registry and accounts) there is no dataset file: the datasets' store is refused if read
        try (StoreAccess access = new StoreAccess(common.postgres() ? null : common.dbPath(), storesData())) {
            Table<?> t = run(access, access.names(common.lang()));
            if (t != null) emit(t);
        }
        return Klaster.OK;
    }

    /** Whether the command writes to the database (and may therefore create it); analyses only read. */
    boolean storesData() {
        return false;
    }

    /** Runs the analysis; returns the table to print (null when the command printed what it had to). */
    abstract Table<?> run(StoreAccess access, Names names) throws Exception;

    /** Explains the result on stderr, then prints it in the chosen format or writes it atomically to --out. */
    void emit(Table<?> table) throws IOException {
        Output.explain(table, messages(), err());
        Output.emit(table, common, out(), terminal());
    }
}
