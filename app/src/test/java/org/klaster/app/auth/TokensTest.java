package org.klaster.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void sha256HexMatchesThePublishedVectors() {
        // FIPS 180-2 appendix B.1 and the empty string
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void idsAre32RandomBytesInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Tokens.newId();
            assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSize(32);
            assertThat(Tokens.isId(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        String token = Tokens.newApiToken();
        assertThat(token).startsWith("kl_");
        assertThat(Tokens.isApiToken(token)).isTrue();
        assertThat(Tokens.isApiToken(token.substring(3))).isFalse();
        assertThat(Tokens.isId("short")).isFalse();
        assertThat(Tokens.isId("a".repeat(42) + "=")).isFalse();
        assertThat(Tokens.isId(null)).isFalse();
    }
}
