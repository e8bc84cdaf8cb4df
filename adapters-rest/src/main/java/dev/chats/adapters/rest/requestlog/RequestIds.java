package dev.chats.adapters.rest.requestlog;

import java.util.UUID;

/**
 * Request ids: the caller's {@code X-Request-ID} when it is a plausible id — 1 to 128 visible ASCII characters —
 * else a generated one, so a log line never carries control characters, a forged line break or an unbounded value
 * from a header.
 */
final class RequestIds {

    static final String HEADER = "X-Request-ID";
    static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    static String accept(String presented) {
        return isPlausible(presented) ? presented : UUID.randomUUID().toString();
    }

    static boolean isPlausible(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
