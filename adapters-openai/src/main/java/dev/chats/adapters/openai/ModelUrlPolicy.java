package dev.chats.adapters.openai;

import dev.chats.domain.port.ModelEndpointRefusedException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which model URLs a request may name ({@code CHATS_MODEL_URLS_ALLOWED}): a comma-separated list of URL prefixes,
 * each matching itself and anything below it on a path boundary ({@code http://llm:8000/v1} allows
 * {@code http://llm:8000/v1/…} but not {@code http://llm:8000/v10}), or {@code *} for any http(s) URL. Empty, the
 * default, allows none: a user must not make the server call arbitrary addresses. URLs with user info are refused,
 * so {@code http://allowed@elsewhere} cannot pass as a prefix match.
 */
public final class ModelUrlPolicy {

    private final List<String> prefixes;

    public ModelUrlPolicy(String allowed) {
        this.prefixes = allowed == null ? List.of() : Arrays.stream(allowed.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(ModelUrlPolicy::withoutTrailingSlash).toList();
    }

    /** The URL as it will be called, without a trailing slash; refused unless it is allowed. */
    public String check(String url) {
        String normalised = withoutTrailingSlash(url.trim());
        URI uri;
        try {
            uri = new URI(normalised);
        } catch (URISyntaxException e) {
            throw new ModelEndpointRefusedException("assistant.model.url must be a valid http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ModelEndpointRefusedException("assistant.model.url must be a valid http(s) URL");
        }
        for (String prefix : prefixes) {
            if (prefix.equals("*") || normalised.equals(prefix) || normalised.startsWith(prefix + "/")) {
                return normalised;
            }
        }
        throw new ModelEndpointRefusedException("assistant.model.url is not allowed on this server"
                + " (see CHATS_MODEL_URLS_ALLOWED)");
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
