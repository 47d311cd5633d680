package org.klaster.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Argon2id against independent oracles: the RFC 9106 test vector (through the library's raw generator,
 * which is what {@link Passwords} calls) and strings made by the reference implementation's command-line
 * tool (Debian's {@code argon2} 0~20190702, outputs pasted below); then the PHC format, verification,
 * rehash and the password policy.
 */
class PasswordsTest {

    /** RFC 9106 §5.3: Argon2id, t = 3, m = 32 KiB, p = 4, password 32 × 0x01, salt 16 × 0x02, secret 8 × 0x03, ad 12 × 0x04. */
    @Test
    void theLibraryComputesTheRfc9106Vector() {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withIterations(3).withMemoryAsKB(32).withParallelism(4)
                .withSalt(fill(16, 0x02)).withSecret(fill(8, 0x03)).withAdditional(fill(12, 0x04)).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        byte[] tag = new byte[32];
        g.generateBytes(fill(32, 0x01), tag);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    /**
     * {@code echo -n "correct horse battery" | argon2 "klaster-salt-16b" -id -t 2 -k 19456 -p 1 -l 32} and
     * {@code echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32} (also a vector of the reference test.c).
     */
    @Test
    void theHashEqualsTheReferenceImplementations() {
        byte[] h = Passwords.argon2id("correct horse battery".toCharArray(), "klaster-salt-16b".getBytes(), 19_456, 2, 1, 32);
        assertThat(HexFormat.of().formatHex(h)).isEqualTo("761b000152ad3609693a0dac9f2bb38ba1ba362e3b802b63e4de8943ee0b5a74");
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$a2xhc3Rlci1zYWx0LTE2Yg$dhsAAVKtNglpOg2snyuzi6G6Ni47gCtj5N6JQ+4LWnQ";
        assertThat(Passwords.verify("correct horse battery".toCharArray(), reference)).isTrue();
        assertThat(Passwords.verify("correct horse batterY".toCharArray(), reference)).isFalse();
        String older = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(Passwords.verify("password".toCharArray(), older)).isTrue();
        // a 8-byte salt is below today's 16: hash again at the next sign-in
        assertThat(Passwords.needsRehash(older)).isTrue();
        assertThat(Passwords.needsRehash(reference)).isFalse();
    }

    @Test
    void hashesArePhcStringsWithTheOwaspParametersAndAFreshSalt() {
        char[] pw = "Tver-river-bridge-1987".toCharArray();
        String a = Passwords.hash(pw);
        String b = Passwords.hash(pw);
        assertThat(a).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(Passwords.verify(pw, a)).isTrue();
        assertThat(Passwords.verify(pw, b)).isTrue();
        assertThat(Passwords.verify("Tver-river-bridge-1988".toCharArray(), a)).isFalse();
        assertThat(Passwords.needsRehash(a)).isFalse();
        assertThat(Passwords.verify("Кириллица-пароль-2025".toCharArray(), Passwords.hash("Кириллица-пароль-2025".toCharArray())))
                .isTrue();
        assertThat(Passwords.verify("x".toCharArray(), Passwords.dummyHash())).isFalse();
    }

    @Test
    void malformedOrHostileStringsNeverVerify() {
        char[] pw = "whatever-it-is-123".toCharArray();
        for (String s : new String[] {null, "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            // a gigantic memory or pass count is refused before any work
            "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=19456,t=999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$CTFh"}) {
            assertThat(Passwords.verify(pw, s)).as(String.valueOf(s)).isFalse();
            assertThat(Passwords.needsRehash(s)).as(String.valueOf(s)).isTrue();
        }
    }

    @Test
    void thePolicyRefusesShortLongLoginAndWellKnownPasswords() {
        assertThat(Passwords.weakness("olga", "short-pw-11".toCharArray())).get().extracting(Object::toString)
                .asString().contains("at least 12");
        assertThat(Passwords.weakness("olga", "x".repeat(129).toCharArray())).get().extracting(Object::toString)
                .asString().contains("at most 128");
        // 12 Cyrillic letters are 12 characters (not 24 bytes)
        assertThat(Passwords.weakness("olga", "ёжикитуманно".toCharArray())).isEmpty();
        assertThat(Passwords.weakness("olga.petrova", "OLGA.PETROVA".toCharArray())).get().extracting(Object::toString)
                .asString().contains("login");
        assertThat(Passwords.weakness("olga.petrova", "olga.petrova123".toCharArray())).isPresent();
        assertThat(Passwords.weakness("olga", "Password1234".toCharArray())).get().extracting(Object::toString)
                .asString().contains("well-known");
        assertThat(Passwords.weakness("olga", "qwerty123456".toCharArray())).isPresent();
        assertThat(Passwords.weakness("olga", "abababababab".toCharArray())).isPresent();
        assertThat(Passwords.weakness("olga", "aaaaaaaaaaaaaaaa".toCharArray())).isPresent();
        assertThat(Passwords.weakness("olga", "Tver-river-bridge-1987".toCharArray())).isEmpty();
        assertThat(Passwords.weakness("olga", "Tver-river-bridge-1987-".repeat(6).substring(0, 128).toCharArray())).isEmpty();
    }

    @Test
    void apiTokensAreRandomPrefixedAndStoredAsSha256() {
        String t = Tokens.newApiToken();
        assertThat(t).matches("kl_[A-Za-z0-9_-]{43}");
        assertThat(Tokens.newApiToken()).isNotEqualTo(t);
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }
}
