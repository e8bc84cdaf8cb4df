package dev.chats.domain.transfer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record a deployment keeps, in the order a copy writes them: every record comes after those it refers
 * to (a chat after its folder, a share after its chat), so a target with foreign keys accepts each write.
 */
public enum RecordKind {
    USER("user"),
    API_KEY("api_key"),
    FOLDER("folder"),
    CHAT("chat"),
    TAG("tag"),
    SHARE("share"),
    SHARE_GRANTS("share_grants"),
    FOLDER_GRANTS("folder_grants"),
    REVOKED_TOKEN("revoked_token"),
    SAVED_ASSISTANT("saved_assistant"),
    VAPI_SESSION("vapi_session"),
    VAPI_CHAT("vapi_chat");

    private final String wireName;

    RecordKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in backup files and summaries. */
    public String wireName() {
        return wireName;
    }

    public static Optional<RecordKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
