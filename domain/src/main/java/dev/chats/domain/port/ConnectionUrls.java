package dev.chats.domain.port;

/**
 * How every store and broker adapter names its server in a log line or a start-up error: the configured URL with
 * its credentials masked, so a secret never reaches a log, whatever the URL's scheme.
 */
public final class ConnectionUrls {

    private ConnectionUrls() {
    }

    /**
     * The URL with any user information ({@code //user:password@}, {@code //:password@}, {@code //token@}) replaced
     * by {@code ***} and the value of every {@code password=} or {@code pwd=} parameter (query string or
     * {@code ;}-separated, any case) replaced by {@code ***}; the rest is kept as it is. Null reads as "null".
     */
    public static String masked(String url) {
        return String.valueOf(url).replaceAll("//[^/@]+@", "//***@")
                .replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }
}
