package org.klaster.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slows down password guessing (OWASP ASVS V2.2.1): failed sign-ins are counted per login and per client
 * address; after {@value #FREE_FAILURES} failures within {@link #WINDOW} further attempts on that login (or
 * from that address) are refused — before the password is even checked — for {@link #FIRST_DELAY}, doubling
 * with every further failure up to {@link #MAX_DELAY}; the delay grows until a whole {@link #WINDOW}
 * passes without failure after it ended. A success clears the login's count (not the
 * address's: an attacker with an account of their own must not reset it between guesses).
 *
 * <p>Memory is bounded: at most {@code maxKeys} logins and addresses are remembered (Caffeine, least useful
 * evicted first), each with at most {@link #KEPT} failure times, and forgotten {@link #WINDOW} after their
 * last failure. Time comes from the injected clock, also for the expiry.
 */
public final class SignInThrottle {

    /** Failures within {@link #WINDOW} that are allowed before attempts are refused. */
    public static final int FREE_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failure times kept per key: past this the delay is at its maximum anyway. */
    static final int KEPT = 16;
    /** Longest login kept as a key (anything longer is a made-up one; its prefix counts). */
    static final int KEY_CHARS = 200;

    private final Clock clock;
    private final Cache<String, Failures> keys;

    /**
     * Failures of one key: their times within the window (oldest first) and, once refused, the level of the
     * delay (1 → {@link #FIRST_DELAY}, doubling per level), kept until {@link #WINDOW} after the delay ended.
     * Guarded by itself.
     */
    private static final class Failures {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        int level;
        Instant last;

        void prune(Instant now) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) times.removeFirst();
            if (level > 0 && !now.isBefore(until().plus(WINDOW))) level = 0; // forgiven after a quiet window
        }

        void add(Instant now) {
            prune(now);
            if (times.size() == KEPT) times.removeFirst();
            times.addLast(now);
            last = now;
            if (level > 0) level++;
            else if (times.size() >= FREE_FAILURES) level = 1;
        }

        private Instant until() {
            Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(level - 1, 20));
            return last.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
        }

        /** When the next attempt is allowed, or null when it is now. */
        Instant lockedUntil(Instant now) {
            prune(now);
            if (level == 0) return null;
            Instant until = until();
            return until.isAfter(now) ? until : null;
        }
    }

    /** Remembering at most 100 000 logins and addresses. */
    public SignInThrottle(Clock clock) {
        this(clock, 100_000);
    }

    public SignInThrottle(Clock clock, int maxKeys) {
        this.clock = clock;
        this.keys = Caffeine.newBuilder().maximumSize(maxKeys)
                // the longest delay ends MAX_DELAY after the last failure, and is forgiven WINDOW after that
                .expireAfterWrite(WINDOW.plus(MAX_DELAY).toMillis(), TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * How long until an attempt on {@code login} from {@code address} may be made; empty when it may be made
     * now. Either key alone refuses.
     */
    public Optional<Duration> refusedFor(String login, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(loginKey(login), now), lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Records a failed attempt (wrong password, unknown login, disabled account alike). */
    public void failed(String login, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {loginKey(login), addressKey(address)}) {
            // compute, so that the entry counts as written now (it expires a while after its last failure)
            keys.asMap().compute(k, (x, f) -> {
                Failures g = f == null ? new Failures() : f;
                synchronized (g) {
                    g.add(now);
                }
                return g;
            });
        }
    }

    /** Records a successful sign-in: the login's failures are forgotten. */
    public void succeeded(String login) {
        keys.invalidate(loginKey(login));
    }

    private Instant lockedUntil(String key, Instant now) {
        Failures f = keys.getIfPresent(key);
        if (f == null) return null;
        synchronized (f) {
            return f.lockedUntil(now);
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String loginKey(String login) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return "l:" + (l.length() > KEY_CHARS ? l.substring(0, KEY_CHARS) : l);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    /** Keys remembered now (for tests of the bound). */
    long size() {
        keys.cleanUp();
        return keys.estimatedSize();
    }
}
