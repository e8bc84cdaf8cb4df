package dev.chats.domain.chat;

/** A filter on a boolean column: any value, only true, or only false. */
public enum Flag {
    ANY, ONLY_TRUE, ONLY_FALSE;

    public boolean accepts(boolean value) {
        return this == ANY || (this == ONLY_TRUE) == value;
    }
}
