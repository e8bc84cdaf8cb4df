package dev.chats.domain.completion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token prices by model: USD per million tokens, 0 for unpriced models, refused when malformed. */
class ModelPricesTest {

    @Test
    void givenPricedModel_cost_isTokensTimesPricePerMillion() {
        ModelPrices prices = ModelPrices.parse(" gpt-4o = 2.5/10 , llama3:8b=0/0");

        assertThat(prices.cost("gpt-4o", new ModelUsage(1_000_000, 500_000))).isEqualTo(7.5);
        assertThat(prices.cost("gpt-4o", new ModelUsage(10, 5))).isEqualTo(0.000075);
        assertThat(prices.cost("llama3:8b", new ModelUsage(10, 5))).isZero();
        assertThat(prices.cost("unpriced", new ModelUsage(10, 5))).isZero();
        assertThat(ModelPrices.parse("").cost("gpt-4o", new ModelUsage(10, 5))).isZero();
    }

    @Test
    void givenMalformedEntry_parse_refusesNamingIt() {
        for (String bad : new String[]{"gpt-4o=2.5", "=1/2", "m=x/1", "m=1/-2"}) {
            assertThatThrownBy(() -> ModelPrices.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name=prompt/completion");
        }
    }
}
