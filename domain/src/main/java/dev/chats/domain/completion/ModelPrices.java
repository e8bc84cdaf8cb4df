package dev.chats.domain.completion;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model's tokens cost, in USD per million prompt and completion tokens, by model name; a model without a
 * price costs 0. Written as {@code name=prompt/completion} entries separated by commas
 * ({@code gpt-4o=2.5/10,llama3=0/0}), as {@code CHATS_MODEL_PRICES} takes it.
 */
public final class ModelPrices {

    public static final ModelPrices NONE = new ModelPrices(Map.of());

    private record Price(double prompt, double completion) {
    }

    private final Map<String, Price> prices;

    private ModelPrices(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code name=prompt/completion} */
    public static ModelPrices parse(String text) {
        Map<String, Price> prices = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.lastIndexOf('=');
                int slash = entry.lastIndexOf('/');
                try {
                    if (equals < 1 || slash < equals) {
                        throw new NumberFormatException();
                    }
                    double prompt = new BigDecimal(entry.substring(equals + 1, slash).trim()).doubleValue();
                    double completion = new BigDecimal(entry.substring(slash + 1).trim()).doubleValue();
                    if (prompt < 0 || completion < 0) {
                        throw new NumberFormatException();
                    }
                    prices.put(entry.substring(0, equals).trim(), new Price(prompt, completion));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("model price '" + entry.trim()
                            + "' is not name=prompt/completion (USD per million tokens)");
                }
            }
        }
        return new ModelPrices(prices);
    }

    /** The cost in USD of this usage of this model; 0 when the model has no price. */
    public double cost(String model, ModelUsage usage) {
        Price price = prices.get(model);
        if (price == null) {
            return 0;
        }
        return (usage.promptTokens() * price.prompt() + usage.completionTokens() * price.completion()) / 1_000_000d;
    }
}
