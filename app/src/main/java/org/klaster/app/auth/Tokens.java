package org.klaster.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Secrets the platform hands out — session ids and API tokens — and the only form in which they are
 * stored: 32 bytes from {@link SecureRandom} (256 bits, beyond guessing), base64url without padding; the
 * store keeps the SHA-256 of them in hex, so a copy of the database signs nobody in. No salt is needed:
 * the secrets are random and long, not chosen by people.
 */
public final class Tokens {

    /** What every API token starts with (it tells a leaked token from other strings in logs and scanners). */
    public static final String API_PREFIX = "kl_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {
    }

    /** A new random id: 32 bytes, base64url (43 characters). */
    public static String newId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A new API token: {@value #API_PREFIX} and a {@link #newId()}. */
    public static String newApiToken() {
        return API_PREFIX + newId();
    }

    /** Whether {@code s} has the shape of a {@link #newId()} (anything else is refused before a lookup). */
    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** Whether {@code s} has the shape of a {@link #newApiToken()}. */
    public static boolean isApiToken(String s) {
        return s != null && s.startsWith(API_PREFIX) && isId(s.substring(API_PREFIX.length()));
    }

    /** The SHA-256 of the string's UTF-8 bytes, lower-case hex: what the store keeps of a secret. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
