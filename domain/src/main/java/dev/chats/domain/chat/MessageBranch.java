package dev.chats.domain.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages of a chat's current branch, root first, as Open WebUI's {@code get_message_list} walks them: from
 * {@code history.currentId} up the {@code parentId} links. A missing parent or a link back into the branch ends the
 * walk, so a damaged tree gives a shorter branch, never a loop.
 */
public final class MessageBranch {

    private MessageBranch() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(Map<String, ?> document) {
        if (!(document.get("history") instanceof Map<?, ?> history)
                || !(history.get("messages") instanceof Map<?, ?> messages)
                || !(history.get("currentId") instanceof String current)) {
            return List.of();
        }
        Deque<Map<String, Object>> branch = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        String next = current;
        while (next != null && seen.add(next) && messages.get(next) instanceof Map<?, ?> message) {
            branch.addFirst((Map<String, Object>) message);
            next = message.get("parentId") instanceof String parent ? parent : null;
        }
        return List.copyOf(branch);
    }
}
