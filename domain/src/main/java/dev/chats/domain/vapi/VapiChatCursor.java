package dev.chats.domain.vapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in a chat list — the {@code createdAt} and id of the last chat of a page — from which the next page
 * continues (keyset paging: its cost does not grow with how deep the page is). Opaque on the wire.
 */
public record VapiChatCursor(long createdAt, VapiChatId id) {

    public VapiChatCursor {
        Objects.requireNonNull(id, "id");
    }

    public static VapiChatCursor after(VapiChat chat) {
        return new VapiChatCursor(chat.createdAt(), chat.id());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + ":" + id.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a text encodes, if it encodes one. */
    public static Optional<VapiChatCursor> decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            long createdAt = Long.parseLong(decoded.substring(0, colon));
            return VapiChatId.parse(decoded.substring(colon + 1)).map(id -> new VapiChatCursor(createdAt, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a chat comes after this position in the given order. */
    public boolean precedes(VapiChat chat, boolean ascending) {
        int byTime = Long.compare(chat.createdAt(), createdAt);
        int order = byTime != 0 ? byTime : chat.id().value().compareTo(id.value());
        return ascending ? order > 0 : order < 0;
    }
}
