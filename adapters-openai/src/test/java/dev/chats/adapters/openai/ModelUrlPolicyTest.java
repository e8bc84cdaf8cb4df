package dev.chats.adapters.openai;

import dev.chats.domain.port.ModelEndpointRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which model URLs requests may name: none by default, prefixes on path boundaries, never user info. */
class ModelUrlPolicyTest {

    @Test
    void givenEmptyList_check_refusesEveryUrl() {
        assertThatThrownBy(() -> new ModelUrlPolicy("").check("http://127.0.0.1:8000/v1"))
                .isInstanceOf(ModelEndpointRefusedException.class);
        assertThatThrownBy(() -> new ModelUrlPolicy(null).check("https://api.openai.com/v1"))
                .isInstanceOf(ModelEndpointRefusedException.class);
    }

    @Test
    void givenPrefix_check_allowsItAndBelowOnPathBoundariesOnly() {
        ModelUrlPolicy policy = new ModelUrlPolicy(" http://llm:8000/v1/ ,https://other.example");

        assertThat(policy.check("http://llm:8000/v1/")).isEqualTo("http://llm:8000/v1");
        assertThat(policy.check("http://llm:8000/v1/tenant")).isEqualTo("http://llm:8000/v1/tenant");
        assertThat(policy.check("https://other.example/v1")).isEqualTo("https://other.example/v1");
        for (String refused : new String[]{"http://llm:8000/v10", "http://llm:8000", "http://llm:80001/v1",
                "https://other.example.evil.com/v1", "http://llm:8000/v1@evil.com", "ftp://llm:8000/v1",
                "http://user@llm:8000/v1", "not a url", "http://llm:8000/v1?x=1"}) {
            assertThatThrownBy(() -> policy.check(refused)).as(refused)
                    .isInstanceOf(ModelEndpointRefusedException.class);
        }
    }

    @Test
    void givenStar_check_allowsAnyHttpUrlButStillRefusesUserInfo() {
        ModelUrlPolicy policy = new ModelUrlPolicy("*");

        assertThat(policy.check("http://10.0.0.1:1234/v1")).isEqualTo("http://10.0.0.1:1234/v1");
        assertThatThrownBy(() -> policy.check("http://a:b@10.0.0.1/v1"))
                .isInstanceOf(ModelEndpointRefusedException.class);
    }
}
