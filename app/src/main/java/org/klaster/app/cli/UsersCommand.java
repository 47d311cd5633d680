package org.klaster.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.klaster.Text;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.PlatformAccess;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.Schema;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.ApiToken;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code klaster users add|list|passwd|disable|enable|token|revoke-token}: the platform's accounts, in the store
 * {@code --db} names. Passwords are read from the console (twice) or one line of stdin
 * ({@code --password-stdin}), checked against the policy and stored only as Argon2id hashes; an API token is
 * printed once and only its SHA-256 is kept. Every change is audited as {@code cli:USER}.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Accounts of the platform (web sign-in and API tokens), in the store --db names.",
                "Roles: administrator, ministry_analyst, cluster_manager (--cluster …), participant (--organisation INN), viewer."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Token.class, UsersCommand.RevokeToken.class})
public final class UsersCommand implements Runnable {

    @ParentCommand
    Klaster root;
    @Spec
    CommandSpec spec;

    /** Where {@code --password-stdin} reads; tests put their input here. */
    static InputStream stdin = System.in;
    /** The console passwords are read from when not piped; null when there is none. */
    static java.util.function.Supplier<Console> console = System::console;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "klaster users needs a subcommand: add, list, passwd, disable,"
                + " enable, token or revoke-token (see klaster users --help)");
    }

    /** What the mutating subcommands share: the store flags, the streams, the messages. */
    abstract static class Change implements Callable<Integer>, Klaster.LanguageAware {
        @Mixin
        PlatformOptions platform;
        @Spec
        CommandSpec spec;

        @Override
        public Lang lang() {
            return platform.lang();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void say(Text t) {
            spec.commandLine().getErr().println(Messages.of(lang()).text(t));
        }

        <T> T change(java.util.function.Function<PlatformStore, T> f) {
            return PlatformAccess.change(platform.db, f);
        }

        /** Disables or enables an existing account (no database is created) and says so. */
        Integer setDisabled(String login, boolean disabled, String doneKey) {
            try (PlatformAccess a = PlatformAccess.open(platform.db, false)) {
                a.platform().setDisabled(Actor.cli(), account(a.platform(), login).id(), disabled);
            }
            say(Messages.text(doneKey, login));
            return Klaster.OK;
        }

        Account account(PlatformStore s, String login) {
            return s.account(login).orElseThrow(() -> UserException.badParameter("login",
                    Messages.text("cli.users.unknown", login)));
        }
    }

    /** Reads a new password for {@code login} and checks it against the policy; the caller wipes it. */
    static char[] newPassword(String login, boolean fromStdin, Messages m) {
        char[] pw;
        if (fromStdin) {
            pw = stdinLine();
        } else {
            Console c = console.get();
            if (c == null) throw UserException.badParameter("password-stdin", Messages.text("cli.users.console"));
            char[] first = c.readPassword("%s", m.text(Messages.text("cli.users.prompt", login)));
            char[] again = c.readPassword("%s", m.text(Messages.text("cli.users.prompt.again")));
            if (first == null || again == null || !Arrays.equals(first, again)) {
                if (first != null) Arrays.fill(first, '\0');
                if (again != null) Arrays.fill(again, '\0');
                throw UserException.badParameter("password", Messages.text("cli.users.mismatch"));
            }
            Arrays.fill(again, '\0');
            pw = first;
        }
        Optional<Text> weak = Passwords.weakness(login, pw);
        if (weak.isPresent()) {
            Arrays.fill(pw, '\0');
            throw UserException.badParameter("password", weak.get());
        }
        return pw;
    }

    /** One line of stdin (at most a few kilobytes: a password is at most 128 characters). */
    private static char[] stdinLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < 4096; i++) {
                int ch = stdin.read();
                if (ch < 0 || ch == '\n') break;
                b.write(ch);
            }
        } catch (IOException e) {
            throw UserException.badParameter("password-stdin", Messages.text("cli.users.stdin.empty"));
        }
        String s = b.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) throw UserException.badParameter("password-stdin", Messages.text("cli.users.stdin.empty"));
        return s.toCharArray();
    }

    /** {@code klaster users add LOGIN --role R …}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Add an account; its password is read from the console twice, or from one line of stdin.")
    static final class Add extends Change {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "3–64 letters, digits or . _ @ - (unique ignoring case).")
        String login;
        @Option(names = "--role", paramLabel = "R", required = true,
                description = "administrator, ministry_analyst, cluster_manager, participant or viewer.")
        String role;
        @Option(names = "--name", paramLabel = "N", description = "Display name (default: the login).")
        String name;
        @Option(names = "--organisation", paramLabel = "INN", description = "A participant's organisation (in the registry).")
        String organisation;
        @Option(names = "--cluster", paramLabel = "C", description = "A cluster a cluster manager manages (repeatable).")
        List<String> clusters;
        @Option(names = "--password-stdin", description = "Read the password from one line of stdin.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role r = Role.of(role).orElseThrow(() -> UserException.badParameter("role", Messages.text("cli.users.role",
                    role, String.join(", ", Arrays.stream(Role.values()).map(Role::label).toList()))));
            char[] pw = newPassword(login, passwordStdin, Messages.of(lang()));
            String hash;
            try {
                hash = Passwords.hash(pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            Account a = change(s -> s.addAccount(Actor.cli(), login, name, r, hash, organisation,
                    clusters == null ? null : new LinkedHashSet<>(clusters)));
            say(Messages.text("cli.users.added", a.login(), a.role().label()));
            return Klaster.OK;
        }
    }

    /** {@code klaster users passwd LOGIN}. */
    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password of an account (ends its sessions).")
    static final class Passwd extends Change {
        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;
        @Option(names = "--password-stdin", description = "Read the password from one line of stdin.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            // the account is looked up first: no password is asked for an unknown login
            try (PlatformAccess a = PlatformAccess.open(platform.db, false)) {
                account(a.platform(), login);
            }
            char[] pw = newPassword(login, passwordStdin, Messages.of(lang()));
            String hash;
            try {
                hash = Passwords.hash(pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            change(s -> {
                s.setPasswordHash(Actor.cli(), account(s, login).id(), hash);
                return null;
            });
            say(Messages.text("cli.users.passwd", login));
            return Klaster.OK;
        }
    }

    /** {@code klaster users disable LOGIN}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its sessions end, its API tokens stop working, it cannot sign in.")
    static final class Disable extends Change {
        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Override
        public Integer call() {
            return setDisabled(login, true, "cli.users.disabled");
        }
    }

    /** {@code klaster users enable LOGIN}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable extends Change {
        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Override
        public Integer call() {
            return setDisabled(login, false, "cli.users.enabled");
        }
    }

    /** {@code klaster users token LOGIN --name N}: prints a new API token once. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create an API token of an account and print it once on stdout (only its SHA-256 is stored).")
    static final class Token extends Change {
        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;
        @Option(names = "--name", paramLabel = "N", required = true, description = "What the token is for (e.g. nightly export).")
        String name;

        @Override
        public Integer call() {
            String token = Tokens.newApiToken();
            ApiToken t;
            try (PlatformAccess a = PlatformAccess.open(platform.db, false)) {
                t = a.platform().addToken(Actor.cli(), account(a.platform(), login).id(), name, Tokens.sha256(token));
            }
            out().println(token);
            out().flush();
            say(Messages.text("cli.users.token", t.id(), login, t.name()));
            return Klaster.OK;
        }
    }

    /** {@code klaster users revoke-token ID}. */
    @Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Revoke an API token for good.")
    static final class RevokeToken extends Change {
        @Parameters(index = "0", paramLabel = "ID", description = "The token's id (klaster users list --tokens shows them).")
        String id;

        @Override
        public Integer call() {
            try (PlatformAccess a = PlatformAccess.open(platform.db, false)) {
                a.platform().revokeToken(Actor.cli(), id);
            }
            say(Messages.text("cli.users.revoked", id));
            return Klaster.OK;
        }
    }

    /** {@code klaster users list [--tokens]}: one row per account (or per API token). */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the accounts: login,display_name,role,organisation_inn,clusters,disabled,created_at.",
                    "With --tokens, their API tokens instead: id,login,name,created_at,revoked_at,last_used."})
    static final class ListUsers extends TopLevelCommand {
        @Option(names = "--tokens", description = "List the API tokens of every account instead.")
        boolean tokens;

        @Override
        Table<?> run(StoreAccess access, Names names) {
            try (PlatformAccess a = PlatformAccess.open(common.dbSpec(), false)) {
                List<Account> accounts = a.platform().accounts();
                Provenance prov = new Provenance("users", List.of(), Map.of(), null);
                if (!tokens) return new Table<>(accountSchema(), accounts, false, prov, List.of(), List.of());
                List<TokenRow> rows = new java.util.ArrayList<>();
                for (Account x : accounts) for (ApiToken t : a.platform().tokens(x.id())) rows.add(new TokenRow(x.login(), t));
                return new Table<>(tokenSchema(), rows, false, prov, List.of(), List.of());
            }
        }
    }

    record TokenRow(String login, ApiToken token) {
    }

    static Schema<Account> accountSchema() {
        return Schema.<Account>builder("users", "AccountRow")
                .text("login", Account::login)
                .text("display_name", Account::displayName)
                .text("role", x -> x.role().label())
                .optionalText("organisation_inn", Account::organisationInn)
                .text("clusters", x -> String.join(";", x.clusters()))
                .flag("disabled", Account::disabled)
                .text("created_at", x -> String.valueOf(x.createdAt()))
                .build();
    }

    static Schema<TokenRow> tokenSchema() {
        return Schema.<TokenRow>builder("users-tokens", "TokenRow")
                .text("id", r -> r.token().id())
                .text("login", TokenRow::login)
                .text("name", r -> r.token().name())
                .text("created_at", r -> String.valueOf(r.token().createdAt()))
                .optionalText("revoked_at", r -> r.token().revokedAt() == null ? null : r.token().revokedAt().toString())
                .optionalText("last_used", r -> r.token().lastUsed() == null ? null : r.token().lastUsed().toString())
                .build();
    }
}
