package org.klaster.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delays are written out by hand: 5 free failures, then 1, 2, 4, 8 and 15 (not 16) minutes. */
class SignInThrottleTest {

    private final TestClock clock = new TestClock();
    private final SignInThrottle t = new SignInThrottle(clock);

    private void fail(String login, String address, int times) {
        for (int i = 0; i < times; i++) t.failed(login, address);
    }

    @Test
    void fiveFailuresAreFreeThenTheDelayDoublesUpToFifteenMinutes() {
        fail("anna", "10.0.0.1", 4);
        assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
        fail("anna", "10.0.0.1", 1);
        assertThat(t.refusedFor("anna", "10.0.0.1")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(59));
        assertThat(t.refusedFor("anna", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
        // each further failure right when allowed: 2, 4, 8, then capped at 15 minutes (2^4 = 16 > 15)
        long[] minutes = {2, 4, 8, 15};
        for (long m : minutes) {
            t.failed("anna", "10.0.0.1");
            assertThat(t.refusedFor("anna", "10.0.0.1")).contains(Duration.ofMinutes(m));
            clock.advance(Duration.ofMinutes(m));
            assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
        }
        // one more right away stays at 15 minutes; a quiet window after the delay forgives the streak
        t.failed("anna", "10.0.0.1");
        assertThat(t.refusedFor("anna", "10.0.0.1")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).plus(SignInThrottle.WINDOW));
        t.failed("anna", "10.0.0.1");
        assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void onlyFailuresWithinFifteenMinutesCount() {
        fail("anna", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(15)); // the four are now exactly 15 minutes old: out of the window
        fail("anna", "10.0.0.1", 1);
        assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
        clock.advance(Duration.ofMinutes(14));
        fail("anna", "10.0.0.1", 3); // 4 within the window (the one 14 minutes ago and these 3)
        assertThat(t.refusedFor("anna", "10.0.0.1")).isEmpty();
        fail("anna", "10.0.0.1", 1);
        assertThat(t.refusedFor("anna", "10.0.0.1")).contains(Duration.ofMinutes(1));
    }

    @Test
    void loginsAreCountedWhateverTheAddressAndAddressesWhateverTheLogin() {
        // one login from five addresses
        for (int i = 1; i <= 5; i++) t.failed("Anna", "10.0.0." + i);
        assertThat(t.refusedFor("anna ", "10.9.9.9")).isPresent(); // case and spaces do not make a new login
        assertThat(t.refusedFor("boris", "10.0.0.1")).isEmpty();
        // one address guessing five logins
        for (int i = 1; i <= 5; i++) t.failed("user" + i, "10.1.1.1");
        assertThat(t.refusedFor("user6", "10.1.1.1")).isPresent();
        assertThat(t.refusedFor("user6", "10.1.1.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheLoginButNotTheAddress() {
        fail("anna", "10.0.0.1", 4);
        t.succeeded("anna");
        fail("anna", "10.0.0.2", 4);
        assertThat(t.refusedFor("anna", "10.0.0.3")).isEmpty();
        // the address 10.1.1.1 signs its own account in between guesses: its count stays
        fail("victim", "10.1.1.1", 4);
        t.succeeded("mallory");
        fail("victim2", "10.1.1.1", 1);
        assertThat(t.refusedFor("victim3", "10.1.1.1")).isPresent();
    }

    @Test
    void memoryIsBounded() {
        SignInThrottle small = new SignInThrottle(clock, 100);
        for (int i = 0; i < 5_000; i++) small.failed("made-up-" + i, "10.0." + (i / 256) + "." + (i % 256));
        assertThat(small.size()).isLessThanOrEqualTo(100);
        // and forgotten once their failures are out of the window and the longest delay has passed
        clock.advance(SignInThrottle.WINDOW.plus(SignInThrottle.MAX_DELAY).plusSeconds(1));
        assertThat(small.size()).isZero();
        assertThat(small.refusedFor("made-up-4999", "x")).isEqualTo(Optional.empty());
    }
}
