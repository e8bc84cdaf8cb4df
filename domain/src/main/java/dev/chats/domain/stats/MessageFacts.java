package dev.chats.domain.stats;

import java.util.List;
import java.util.Map;

/**
 * What chat statistics need of one message — never its content, only its lengths: id, parent, role, model, time,
 * the content's length as Open WebUI's usage statistics count it ({@code len(content)}) and as its export counts it
 * (text parts only), and the annotation's rating and tags.
 */
public record MessageFacts(String key, Object id, Object parentId, Object role, Object model, Object timestamp,
                           long contentLength, long textLength, Object rating, Object tags) {

    /** The facts of the message stored under {@code key}. */
    public static MessageFacts of(String key, Map<String, Object> message) {
        Object content = message.get("content");
        long length = 0;
        long text = 0;
        if (content instanceof String string) {
            length = string.codePointCount(0, string.length());
            text = length;
        } else if (content instanceof List<?> items) {
            length = items.size();
            for (Object item : items) {
                if (item instanceof Map<?, ?> part && "text".equals(part.get("type"))
                        && part.get("text") instanceof String partText) {
                    text += partText.codePointCount(0, partText.length());
                }
            }
        }
        Object annotation = message.get("annotation");
        Object rating = annotation instanceof Map<?, ?> map ? map.get("rating") : null;
        Object tags = annotation instanceof Map<?, ?> map ? map.get("tags") : null;
        return new MessageFacts(key, message.get("id"), message.get("parentId"), message.get("role"),
                message.get("model"), message.get("timestamp"), length, text, rating, tags);
    }
}
