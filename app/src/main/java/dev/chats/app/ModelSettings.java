package dev.chats.app;

import dev.chats.domain.completion.ModelPrices;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Arrays;

/**
 * {@code chats.model.*} beside the connection ({@link OpenAiConnectionSettings}): the model URLs a request may name
 * ({@code urls-allowed}, {@code CHATS_MODEL_URLS_ALLOWED}: comma-separated http(s) URL prefixes or {@code *}; none by
 * default) and what tokens cost ({@code prices}, {@code CHATS_MODEL_PRICES}: {@code name=prompt/completion} in USD
 * per million tokens, comma-separated). Read at start-up: an allowed entry that is not an http(s) URL or a price
 * that does not parse stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.model")
public final class ModelSettings {

    private static final String URLS_ALLOWED = "chats.model.urls-allowed (CHATS_MODEL_URLS_ALLOWED)";

    private String urlsAllowed = "";
    private ModelPrices prices = ModelPrices.NONE;

    String urlsAllowed() {
        return urlsAllowed;
    }

    ModelPrices prices() {
        return prices;
    }

    public void setUrlsAllowed(String value) {
        String allowed = value == null ? "" : value;
        Arrays.stream(allowed.split(",")).map(String::trim)
                .filter(entry -> !entry.isEmpty() && !entry.equals("*"))
                .forEach(entry -> OpenAiConnectionSettings.httpUrl(URLS_ALLOWED, entry));
        urlsAllowed = allowed;
    }

    public void setPrices(String value) {
        try {
            prices = ModelPrices.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("chats.model.prices (CHATS_MODEL_PRICES): " + e.getMessage());
        }
    }
}
