package org.klaster.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to clients — API tokens, session ids — and the SHA-256 under which the store keeps them
 * (a 256-bit random value needs no slow hash: nothing can be guessed from its digest).
 */
public final class Tokens {

    /** Every API token starts so (tells a log reader and a secret scanner what it is). */
    public static final String API_PREFIX = "kl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new API token: {@code kl_} and 32 random bytes in unpadded base64url (43 characters). */
    public static String newApiToken() {
        return API_PREFIX + random(32);
    }

    /** {@code bytes} random bytes in unpadded base64url. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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
