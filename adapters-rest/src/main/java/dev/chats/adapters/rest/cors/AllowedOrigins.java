package dev.chats.adapters.rest.cors;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The origins a browser page may call this server from, read from Open WebUI's {@code CORS_ALLOW_ORIGIN}: origins
 * separated by {@code ;}, or {@code *} for any. Empty (the default) allows none, so only same-origin pages and
 * non-browser clients are served.
 */
public record AllowedOrigins(List<String> origins, boolean any) {

    public AllowedOrigins {
        origins = List.copyOf(origins);
    }

    /** Parses the setting; an entry that is not an origin ({@code scheme://host[:port]}) stops start-up naming it. */
    public static AllowedOrigins parse(String setting) {
        List<String> entries = Arrays.stream(setting == null ? new String[0] : setting.split(";"))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
        boolean any = entries.contains("*");
        List<String> origins = entries.stream().filter(entry -> !entry.equals("*"))
                .map(AllowedOrigins::origin).toList();
        return new AllowedOrigins(origins, any);
    }

    public boolean none() {
        return !any && origins.isEmpty();
    }

    public boolean allows(String origin) {
        return any || origins.contains(normalised(origin));
    }

    private static String origin(String entry) {
        URI uri;
        try {
            uri = URI.create(entry);
        } catch (IllegalArgumentException e) {
            throw invalid(entry);
        }
        if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                && !uri.getPath().equals("/")) || uri.getQuery() != null || uri.getFragment() != null) {
            throw invalid(entry);
        }
        return normalised(entry);
    }

    /** Browsers send an origin without a trailing slash and with a lower-case scheme and host. */
    private static String normalised(String origin) {
        String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("\"" + entry
                + "\" is not an origin (scheme://host[:port]) or *; separate origins with ;");
    }
}
