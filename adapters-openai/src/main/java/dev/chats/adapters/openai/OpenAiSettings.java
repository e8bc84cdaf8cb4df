package dev.chats.adapters.openai;

import java.util.Objects;

/**
 * The server's model connection, named as Open WebUI names it: {@code OPENAI_API_BASE_URL} (default
 * {@code https://api.openai.com/v1}) and {@code OPENAI_API_KEY} (sent as a bearer token, to that connection only),
 * plus which other URLs requests may name ({@code CHATS_MODEL_URLS_ALLOWED}, see {@link ModelUrlPolicy}).
 */
public record OpenAiSettings(String baseUrl, String apiKey, String urlsAllowed) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public OpenAiSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        apiKey = apiKey == null ? "" : apiKey.trim();
        urlsAllowed = Objects.requireNonNullElse(urlsAllowed, "");
    }

    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "***")
                + ", urlsAllowed=" + urlsAllowed + "]";
    }
}
