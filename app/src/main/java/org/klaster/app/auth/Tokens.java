package org.klaster.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Secrets handed to clients — API tokens, session ids — and the SHA-256 under which the store keeps them
 * (a 256-bit random value needs no slow hash: nothing can be guessed from its digest, and a copy of the
 * database signs nobody in).
 */
public final class Tokens {

    /** Every API token starts so (tells a log reader and a secret scanner what it is). */
    public static final String API_PREFIX = "kl_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {
    }

    /** A new API token: {@code kl_} and 32 random bytes in unpadded base64url (43 characters). */
    public static String newApiToken() {
        return API_PREFIX + random(32);
    }

    /** A new session id: 32 random bytes in unpadded base64url (43 characters). */
    public static String newId() {
        return random(32);
    }

    /** {@code bytes} random bytes in unpadded base64url. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code s} has the shape of a {@link #newId()} (anything else is refused before a lookup). */
    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** Whether {@code s} has the shape of a {@link #newApiToken()}. */
    public static boolean isApiToken(String s) {
        return s != null && s.startsWith(API_PREFIX) && isId(s.substring(API_PREFIX.length()));
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes, as the store takes it. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
