package dev.chats.domain.user;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, hashing and hinting API keys. */
class ApiKeyTest {

    @Test
    void generate_givesOpenWebUisShape_andNeverTheSameKeyTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApiKey key = ApiKey.generate();
            assertThat(key.value()).matches("sk-[0-9a-f]{32}");
            assertThat(seen.add(key.value())).isTrue();
        }
    }

    @Test
    void hash_isTheSha256OfTheKeyInHex() {
        // echo -n 'sk-abc' | sha256sum
        assertThat(new ApiKey("sk-abc").hash().value())
                .isEqualTo("1460db1b6902f8b1fc2a40d9381a24d0fd22c3bc1b2c6f999c521da73776fbe0");
        assertThat(new ApiKey("sk-abc").hash()).isEqualTo(new ApiKey("sk-abc").hash());
        assertThat(new ApiKey("sk-abc").hash()).isNotEqualTo(new ApiKey("sk-abd").hash());
    }

    @Test
    void hint_showsThePrefixAndTheLastFourOnly_andToStringIsTheHint() {
        ApiKey key = new ApiKey("sk-0123456789abcdef0123456789abcdef");

        assertThat(key.hint()).isEqualTo("sk-" + "*".repeat(28) + "cdef").hasSameSizeAs(key.value());
        assertThat(key).hasToString(key.hint());
        assertThat(new ApiKey("sk-ab").hint()).isEqualTo("sk-ab");
    }

    @Test
    void onlyCredentialsStartingWithTheKeyPrefixAreKeys() {
        assertThat(ApiKey.isKeyShaped("sk-x")).isTrue();
        assertThat(ApiKey.isKeyShaped("sk-")).isFalse();
        assertThat(ApiKey.isKeyShaped("eyJhbGciOi")).isFalse();
        assertThat(ApiKey.isKeyShaped(null)).isFalse();
        assertThatThrownBy(() -> new ApiKey("pk-abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
