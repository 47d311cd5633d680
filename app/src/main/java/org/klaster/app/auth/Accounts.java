package org.klaster.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.klaster.data.store.Account;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.SessionRecord;

/**
 * Signing in and out, sessions and API tokens over the {@link PlatformStore}, for any front end (it knows
 * neither HTTP nor the command line). Secrets never reach the store: it keeps the SHA-256 of session ids and
 * tokens ({@link Tokens#sha256}) and Argon2id hashes of passwords ({@link Passwords}).
 *
 * <ul>
 *   <li><b>Sign-in</b>: throttled per login and address ({@link SignInThrottle}); an unknown login, a wrong
 *       password and a disabled account are the same refusal, and an unknown login is verified against a
 *       dummy hash, so neither the answer nor its time tells which logins exist.</li>
 *   <li><b>Sessions</b>: a new random id on every sign-in (the one the browser had is deleted: no fixation);
 *       ended after {@link #IDLE} without a request and {@link #ABSOLUTE} after sign-in, whatever the activity;
 *       checked against the store on every request, so signing out, a password change or disabling the
 *       account ends it at once.</li>
 * </ul>
 */
public final class Accounts {

    /** A session unused this long is over. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** A session is over this long after sign-in, however busy. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** {@code lastSeen} is written at most this often (each request would otherwise be a write). */
    static final Duration TOUCH = Duration.ofMinutes(1);
    /** Longest login or password looked at (the policy's maximum is far below; nothing longer is hashed). */
    public static final int MAX_INPUT = 1024;
    /** How long the "analyses readable without signing in" switch is remembered between reads of the store. */
    static final Duration SETTING_TTL = Duration.ofSeconds(2);

    /** The outcome of a sign-in. */
    public sealed interface SignIn {
        /** Signed in: the new session's id (for the cookie; the store has only its hash). */
        record Ok(Principal principal, String sessionId) implements SignIn {
        }

        /** Wrong login or password, or a disabled account: one answer for all. */
        record Refused() implements SignIn {
        }

        /** Too many failures: try again after this long; the password was not even checked. */
        record Throttled(Duration retryAfter) implements SignIn {
        }
    }

    private final PlatformStore store;
    private final Clock clock;
    private final SignInThrottle throttle;
    private volatile List<DemoAccounts.Demo> demo = List.of();
    private volatile boolean publicAnalyses;
    private volatile Instant publicAnalysesRead = Instant.MIN;

    public Accounts(PlatformStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.throttle = new SignInThrottle(clock);
    }

    public PlatformStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ signing in and out

    /**
     * Signs {@code login} in with {@code password}, from {@code address} (the client, for throttling); the
     * session the browser had ({@code oldSessionId}, may be null) is deleted whatever the outcome of a
     * successful sign-in.
     */
    public SignIn signIn(String login, String password, String address, String oldSessionId) {
        Optional<java.time.Duration> wait = throttle.refusedFor(login, address);
        if (wait.isPresent()) return new SignIn.Throttled(wait.get());
        boolean sane = login != null && password != null && !login.isBlank() && login.length() <= MAX_INPUT
                && password.length() <= MAX_INPUT;
        Optional<Account> account = sane ? store.account(login.strip()) : Optional.empty();
        // an unknown login is verified against a hash no password matches: the answer takes as long as a wrong password
        String hash = account.flatMap(a -> store.passwordHash(a.id())).orElse(Passwords.dummyHash());
        boolean verified = Passwords.verify((sane ? password : "").toCharArray(), hash); // always one Argon2 run
        if (!verified || account.isEmpty() || account.get().disabled()) {
            throttle.failed(login, address);
            return new SignIn.Refused();
        }
        throttle.succeeded(login);
        Account a = account.get();
        if (Passwords.needsRehash(hash)) store.setPasswordHash(Actor.of(a), a.id(), Passwords.hash(password.toCharArray()));
        Instant now = clock.instant();
        if (Tokens.isId(oldSessionId)) store.deleteSession(Tokens.sha256(oldSessionId));
        store.deleteSessionsIdleSince(now.minus(IDLE)); // housekeeping: sessions nobody can use any more
        String id = Tokens.newId();
        store.createSession(Tokens.sha256(id), a.id(), now);
        return new SignIn.Ok(Principal.of(a), id);
    }

    /** Ends the session (signing out); an unknown or malformed id is ignored. */
    public void signOut(String sessionId) {
        if (Tokens.isId(sessionId)) store.deleteSession(Tokens.sha256(sessionId));
    }

    /**
     * The account signed in with this session id, when the session is live (within {@link #IDLE} of its last
     * use and {@link #ABSOLUTE} of its start) and the account enabled; the session is marked as used. An
     * expired session is deleted.
     */
    public Optional<Principal> session(String sessionId) {
        if (!Tokens.isId(sessionId)) return Optional.empty();
        String hash = Tokens.sha256(sessionId);
        Optional<SessionRecord> s = store.session(hash);
        if (s.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        SessionRecord r = s.get();
        if (!now.isBefore(r.lastSeen().plus(IDLE)) || !now.isBefore(r.createdAt().plus(ABSOLUTE))) {
            store.deleteSession(hash);
            return Optional.empty();
        }
        Optional<Account> a = store.accountById(r.accountId());
        if (a.isEmpty() || a.get().disabled()) {
            store.deleteSession(hash);
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeen().plus(TOUCH))) store.touchSession(hash, now);
        return Optional.of(Principal.of(a.get()));
    }

    /** The account of a live API token ({@code kl_…}) of an enabled account; the token's use is recorded. */
    public Optional<Principal> token(String token) {
        if (!Tokens.isApiToken(token)) return Optional.empty();
        return store.accountByToken(Tokens.sha256(token), clock.instant()).filter(a -> !a.disabled()).map(Principal::of);
    }

    // ------------------------------------------------------------------ settings

    /** Whether analyses of public datasets are readable without signing in (re-read every few seconds). */
    public boolean publicAnalyses() {
        Instant now = clock.instant();
        if (now.isAfter(publicAnalysesRead.plus(SETTING_TTL)) || now.isBefore(publicAnalysesRead)) {
            publicAnalyses = store.publicAnalyses();
            publicAnalysesRead = now;
        }
        return publicAnalyses;
    }

    /** Switches public analyses (audited by the store); takes effect at once here. */
    public void setPublicAnalyses(Principal by, boolean allowed) {
        store.setPublicAnalyses(by.actor(), allowed);
        publicAnalyses = allowed;
        publicAnalysesRead = clock.instant();
    }

    // ------------------------------------------------------------------ demo accounts

    /** The demo's accounts with their passwords of this start (empty unless {@link DemoAccounts} made them). */
    public List<DemoAccounts.Demo> demo() {
        return demo;
    }

    public void setDemo(List<DemoAccounts.Demo> accounts) {
        this.demo = List.copyOf(accounts);
    }
}
