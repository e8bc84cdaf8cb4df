package dev.chats.domain.vapi;

import java.util.List;

/**
 * A Vapi chat request that breaks a rule: field validation ({@link #perField()}: one message per broken field, as
 * class-validator lists them) or a rule across fields (a single message). Nothing was called or stored.
 */
public class InvalidVapiChatException extends RuntimeException {

    private final List<String> messages;
    private final boolean perField;

    private InvalidVapiChatException(List<String> messages, boolean perField) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
        this.perField = perField;
    }

    /** Field validation failed: one message per broken field. */
    public static InvalidVapiChatException fields(List<String> messages) {
        return new InvalidVapiChatException(messages, true);
    }

    /** A rule across fields is broken. */
    public static InvalidVapiChatException rule(String message) {
        return new InvalidVapiChatException(List.of(message), false);
    }

    public List<String> messages() {
        return messages;
    }

    public boolean perField() {
        return perField;
    }
}
