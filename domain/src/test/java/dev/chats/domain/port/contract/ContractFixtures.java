package dev.chats.domain.port.contract;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON trees, fresh ids and sized strings the contract suites build their cases from. */
final class ContractFixtures {

    private ContractFixtures() {
    }

    /** A JSON object with its keys in the order given; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** A JSON array; items may be null. */
    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** Every key of the tree as a path, in iteration order. */
    static List<String> keyPaths(Object value, String path) {
        List<String> paths = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String childPath = path + "/" + key;
                paths.add(childPath);
                paths.addAll(keyPaths(child, childPath));
            });
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                paths.addAll(keyPaths(items.get(i), path + "[" + i + "]"));
            }
        }
        return paths;
    }

    /** {@code prefix} followed by random characters up to exactly {@code length}. */
    static String ofLength(String prefix, int length) {
        StringBuilder text = new StringBuilder(prefix);
        while (text.length() < length) {
            text.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return text.substring(0, length);
    }

    static ChatId newChatId() {
        return new ChatId(UUID.randomUUID().toString());
    }

    static FolderId newFolderId() {
        return new FolderId(UUID.randomUUID().toString());
    }

    static UserId newOwner() {
        return new UserId(UUID.randomUUID().toString());
    }

    static UserId newUserId() {
        return new UserId(UUID.randomUUID().toString());
    }
}
