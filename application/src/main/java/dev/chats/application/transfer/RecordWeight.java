package dev.chats.application.transfer;

import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.Message;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;

import java.util.List;
import java.util.Map;

/**
 * About how much memory a record holds, in characters of its text: what bounds a group of records written together,
 * so that a group of chats stays small beside the heap whatever their sizes (one chat may be tens of MB). Only chats
 * are measured; every other kind counts as a small record.
 */
final class RecordWeight {

    /** What a record other than a chat, or a value other than text, counts. */
    static final long SMALL = 64;

    private RecordWeight() {
    }

    static long of(DeploymentRecord record) {
        if (!(record instanceof ChatRecord chat)) {
            return SMALL;
        }
        ChatDocument document = ChatStorage.of(chat.chat()).document();
        long weight = tree(document.body());
        for (Message message : document.messages()) {
            weight += tree(message.body());
        }
        return weight;
    }

    private static long tree(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        long weight = SMALL / 4;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                weight += String.valueOf(entry.getKey()).length() + tree(entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                weight += tree(item);
            }
        }
        return weight;
    }
}
