package org.klaster.app.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.klaster.Text;
import org.klaster.app.analysis.Messages;

/**
 * Passwords hashed with Argon2id (Bouncy Castle's {@link Argon2BytesGenerator}) and stored as PHC strings
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (unpadded standard Base64), with the OWASP password
 * storage parameters: 19 MiB of memory, two passes, one lane, a 16-byte random salt and a 32-byte hash.
 * Verification recomputes with the parameters the string names and compares in constant time; a string
 * hashed with weaker parameters {@link #needsRehash needs rehashing} after the next sign-in.
 *
 * <p>The policy ({@link #weakness}): 12 to 128 characters, not the login, not a well-known password.
 */
public final class Passwords {

    /** OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1. */
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Bounds on the parameters a stored string may ask for (a hostile string must not cost minutes or gigabytes). */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,172})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> COMMON = common();

    private Passwords() {
    }

    /** A new PHC string of the password with a fresh random salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] h = argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(h);
    }

    /** Whether the password matches the PHC string; false for a string that is not an Argon2id one we accept. */
    public static boolean verify(char[] password, String phc) {
        if (phc == null) return false;
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) return false;
        int memory;
        int iterations;
        int parallelism;
        byte[] salt;
        byte[] expected;
        try {
            memory = Integer.parseInt(m.group(1));
            iterations = Integer.parseInt(m.group(2));
            parallelism = Integer.parseInt(m.group(3));
            salt = B64D.decode(m.group(4));
            expected = B64D.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > MAX_PARALLELISM || salt.length < 8 || expected.length < 16) {
            return false;
        }
        byte[] actual = argon2id(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Whether the string was made with weaker parameters than today's (or is not one we make): hash again. */
    public static boolean needsRehash(String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) return true;
        try {
            return Integer.parseInt(m.group(1)) < MEMORY_KIB || Integer.parseInt(m.group(2)) < ITERATIONS
                    || B64D.decode(m.group(4)).length < SALT_BYTES || B64D.decode(m.group(5)).length < HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A hash that no password matches, to spend the same time on an unknown login as on a known one. */
    public static String dummyHash() {
        return DUMMY;
    }

    private static final String DUMMY = hash("no password matches this one".toCharArray());

    /**
     * Why the password may not be used for {@code login}, or empty when it may: shorter than
     * {@value #MIN_LENGTH} or longer than {@value #MAX_LENGTH} characters, the login itself (or the login with
     * a few characters added), or a well-known password.
     */
    public static Optional<Text> weakness(String login, char[] password) {
        String p = new String(password);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) return Optional.of(Messages.text("auth.password.short", MIN_LENGTH));
        if (length > MAX_LENGTH) return Optional.of(Messages.text("auth.password.long", MAX_LENGTH));
        String lower = p.toLowerCase(Locale.ROOT);
        String l = login == null ? "" : login.toLowerCase(Locale.ROOT);
        if (!l.isEmpty() && lower.contains(l) && length - l.length() < 8) {
            return Optional.of(Messages.text("auth.password.login"));
        }
        if (COMMON.contains(lower) || lower.codePoints().distinct().count() <= 2) {
            return Optional.of(Messages.text("auth.password.common"));
        }
        return Optional.empty();
    }

    /** Argon2id (version 0x13) of the password's UTF-8 bytes. */
    static byte[] argon2id(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        byte[] pw = utf8(password);
        try {
            byte[] out = new byte[length];
            g.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** The well-known passwords of 12 or more characters (lower case), one a line in common-passwords.txt. */
    private static Set<String> common() {
        try (InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("common-passwords.txt is missing from the jar");
            Set<String> s = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.startsWith("#")) s.add(t);
            }
            return Set.copyOf(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
