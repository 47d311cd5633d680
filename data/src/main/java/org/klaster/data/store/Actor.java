package org.klaster.data.store;

/**
 * Who makes a change, as the audit trail records it: a signed-in account, or the command line of this
 * machine's user ({@link #cli()}, no account).
 *
 * @param accountId the account's id, or null for the command line
 * @param name      what the audit trail shows (the account's login, or {@code cli:USER})
 */
public record Actor(String accountId, String name) {

    public Actor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an actor needs a name");
    }

    /** The command line of this machine's user: {@code cli:} and the operating system's user name. */
    public static Actor cli() {
        return new Actor(null, "cli:" + System.getProperty("user.name", "unknown"));
    }

    /** An account acting under its login. */
    public static Actor of(Account a) {
        return new Actor(a.id(), a.login());
    }
}
