package dev.chats.app;

import dev.chats.adapters.openai.OpenAiSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code chats.model.openai.*}: the server's model connection under Open WebUI's names, {@code base-url}
 * ({@code OPENAI_API_BASE_URL}, default {@code https://api.openai.com/v1}: any OpenAI Chat Completions-compatible
 * server) and {@code api-key} ({@code OPENAI_API_KEY}, sent to that server only). Read at start-up: a base URL that
 * is not an http(s) URL stops it naming the setting; the key is never part of a message.
 */
@Context
@ConfigurationProperties("chats.model.openai")
public final class OpenAiConnectionSettings {

    private String baseUrl = OpenAiSettings.DEFAULT_BASE_URL;
    private String apiKey = "";

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    public void setBaseUrl(String value) {
        if (value != null && !value.isBlank()) {
            httpUrl("chats.model.openai.base-url (OPENAI_API_BASE_URL)", value.trim());
        }
        baseUrl = value;
    }

    public void setApiKey(String value) {
        apiKey = value;
    }

    /** Stops start-up naming {@code setting} unless {@code url} is an absolute http(s) URL with a host. */
    static void httpUrl(String setting, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigurationException(setting + " must be an http(s) URL such as "
                    + OpenAiSettings.DEFAULT_BASE_URL + "; it is '" + url + "'");
        }
    }
}
