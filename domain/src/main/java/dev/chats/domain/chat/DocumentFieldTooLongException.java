package dev.chats.domain.chat;

import java.util.List;

/** A text of the conversation document is longer than every store can keep; names the field and the limit. */
public final class DocumentFieldTooLongException extends InvalidChatDocumentException {

    private final List<String> location;
    private final int maxLength;

    public DocumentFieldTooLongException(List<String> location, int maxLength) {
        super(String.join(".", location) + " must be at most " + maxLength + " characters");
        this.location = List.copyOf(location);
        this.maxLength = maxLength;
    }

    /** The field's path in the request, e.g. {@code chat, title}. */
    public List<String> location() {
        return location;
    }

    public int maxLength() {
        return maxLength;
    }
}
