package dev.chats.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/** Identity of a Vapi session. */
public record VapiSessionId(String value) {

    public static final int MAX_LENGTH = 64;

    public VapiSessionId {
        Objects.requireNonNull(value, "session id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("session id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    /** The id, if the text can be one; a text that cannot names no session. */
    public static Optional<VapiSessionId> parse(String text) {
        return text == null || text.isBlank() || text.length() > MAX_LENGTH
                ? Optional.empty() : Optional.of(new VapiSessionId(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
