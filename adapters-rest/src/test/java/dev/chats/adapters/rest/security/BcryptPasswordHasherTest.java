package dev.chats.adapters.rest.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bcrypt password adapter: Open WebUI-compatible hashes, the 72-byte limit, and no failure on bad input. */
class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(cost(10));

    @Test
    void hash_writes2bHashesWithTheCost_thatMatchOnlyTheirPassword() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$2b$10$").hasSize(60);
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("Correct horse", hash)).isFalse();
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }

    @Test
    void matches_acceptsHashesOfOtherBcryptImplementations() {
        // OpenBSD/jBCrypt test vector for "abc", as $2a$ and as the $2b$ that Python's bcrypt writes.
        String jbcrypt = "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

        assertThat(hasher.matches("abc", jbcrypt)).isTrue();
        assertThat(hasher.matches("abc", "$2b$" + jbcrypt.substring(4))).isTrue();
        assertThat(hasher.matches("abd", jbcrypt)).isFalse();
    }

    @Test
    void hash_refusesPasswordsOver72Bytes_andMatchesNeverAcceptsThem() {
        String seventyTwo = "a".repeat(72);
        String hash = hasher.hash(seventyTwo);

        assertThatThrownBy(() -> hasher.hash(seventyTwo + "b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.matches(seventyTwo, hash)).isTrue();
        // bcrypt would ignore the 73rd byte; the adapter must not let such an attempt in.
        assertThat(hasher.matches(seventyTwo + "b", hash)).isFalse();
    }

    @Test
    void matches_answersFalseForAStoredValueThatIsNoBcryptHash() {
        assertThat(hasher.matches("secret", "not-a-hash")).isFalse();
    }

    @Test
    void costsOutsideTheSafeRange_failStartUp() {
        assertThatThrownBy(() -> cost(4)).isInstanceOf(ConfigurationException.class)
                .hasMessage("chats.password.bcrypt-cost (CHATS_PASSWORD_BCRYPT_COST) must be 10..31, was 4");
        assertThatThrownBy(() -> cost(32)).isInstanceOf(ConfigurationException.class);
        assertThat(cost(31).bcryptCost()).isEqualTo(31);
        assertThat(new PasswordSettings().bcryptCost()).as("the default").isEqualTo(12);
    }

    private static PasswordSettings cost(int cost) {
        PasswordSettings settings = new PasswordSettings();
        settings.setBcryptCost(cost);
        return settings;
    }
}
