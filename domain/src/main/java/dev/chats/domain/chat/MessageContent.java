package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.List;

/** The text of a message's {@code content}, in either form clients send it. */
public final class MessageContent {

    private MessageContent() {
    }

    /**
     * {@code content} when it is a string; the {@code text} of each part, one per line, when it is a list of content
     * parts (OpenAI's multimodal form: image and file parts carry no text); otherwise empty.
     */
    public static String text(Object content) {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof List<?> parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                JsonTree.asObject(part)
                        .flatMap(p -> JsonTree.asString(p.get("text")))
                        .ifPresent(t -> text.append(text.isEmpty() ? "" : "\n").append(t));
            }
            return text.toString();
        }
        return "";
    }

    /** Whether {@code content} is in a form {@link #text} reads: absent, a string or a list of parts. */
    public static boolean isReadable(Object content) {
        return content == null || content instanceof String || content instanceof List<?>;
    }
}
