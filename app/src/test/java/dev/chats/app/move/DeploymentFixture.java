package dev.chats.app.move;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.transfer.DeploymentRecords;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.transfer.DeploymentRecord.ApiKeyRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.DeploymentRecord.SavedAssistantRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareRecord;
import dev.chats.domain.transfer.DeploymentRecord.TagRecord;
import dev.chats.domain.transfer.DeploymentRecord.UserRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiSessionRecord;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: a deployment holding every kind of record and the edge cases a copy must keep — characters outside
 * the BMP, key orders that are not alphabetical, whole and fractional numbers, nested folders, a shared and
 * archived chat with grants, imported timestamps, a document without a message map, an empty document, a chat of
 * a few thousand messages, and more chats than one page of keys; besides, a chat of 1,250 messages and about 36 MB
 * (long conversations reach tens of MB) for the tests that move one.
 */
final class DeploymentFixture {

    static final String UNICODE = "Zoë 🦊 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — 漢字 עברית \u00a0tab\there \"quoted\" back\\slash";
    static final int SMALL_CHATS = 620;
    static final int LARGE_CHAT_MESSAGES = 2_500;
    static final int HUGE_CHAT_MESSAGES = 1_250;

    private DeploymentFixture() {
    }

    static List<DeploymentRecord> records() {
        List<DeploymentRecord> records = new ArrayList<>();
        UserId ada = new UserId("u-ada");
        UserId bob = new UserId("u-bob");
        records.add(new UserRecord(new User(ada, UNICODE, new EmailAddress("ada@example.com"), Role.ADMIN,
                "$2a$10$abcdefghijklmnopqrstuu5cJ1nHkkX2zWb0e3VYvAq0Ym4n9bX6", "/user.png", 1_600_000_000L,
                1_700_000_123L, 3)));
        records.add(new UserRecord(new User(bob, "Bob", new EmailAddress("bob@example.com"), Role.PENDING,
                "$2a$10$zyxwvutsrqponmlkjihgfeu5cJ1nHkkX2zWb0e3VYvAq0Ym4n9bX6", "data:image/png;base64,iVBOR==",
                1_650_000_000L, 1_650_000_000L, 0)));

        FolderId work = new FolderId("f-work");
        FolderId projects = new FolderId("f-projects");
        FolderId deep = new FolderId("f-deep");
        records.add(new FolderRecord(new Folder(work, ada, null, "Work", true, null, null, 1_600_000_001L,
                1_600_000_002L)));
        records.add(new FolderRecord(new Folder(projects, ada, work, "Projects 📁", false,
                ordered("z", 1, "a", List.of(1.5, "x", true)), ordered("system_prompt", "Be brief 🙂"),
                1_600_000_003L, 1_600_000_004L)));
        records.add(new FolderRecord(new Folder(deep, ada, projects, "深い", true, null, Map.of(), 1_600_000_005L,
                1_600_000_006L)));

        records.add(chat("c-rich", ada, richDocument(), 1_700_000_000L, 1_700_000_500L, null, false, false,
                ordered("tags", List.of("work", "ünïcode"), "pinned_note", "𝄞"), deep, 7));
        Map<String, Object> shared = document("Shared and archived", 3, "shared");
        records.add(chat("c-shared", ada, shared, 1_500_000_000L, 1_500_100_000L, "s-shared", true, false,
                ordered("tags", List.of()), null, 2));
        records.add(chat("c-large", bob, document("Large " + UNICODE, LARGE_CHAT_MESSAGES, "large"),
                1_690_000_000L, 1_690_009_999L, null, false, true, Map.of(), null, 1));
        records.add(chat("c-legacy", bob, ordered("title", "Legacy list", "messages",
                List.of(ordered("role", "user", "content", "old 🦕"), ordered("role", "assistant", "content", "yes"))),
                1_400_000_000L, 1_400_000_001L, null, false, false, Map.of(), null, 1));
        records.add(chat("c-empty", bob, Map.of(), 1_400_000_002L, 1_400_000_002L, null, false, false, Map.of(),
                null, 1));
        for (int i = 0; i < SMALL_CHATS; i++) {
            records.add(chat(String.format("c-small-%04d", i), i % 2 == 0 ? ada : bob,
                    document("Small " + i, 2, "s" + i), 1_600_000_000L + i, 1_600_000_000L + 2 * i, null, i % 7 == 0,
                    i % 5 == 0, Map.of(), i % 3 == 0 ? work : null, 1));
        }

        records.add(new TagRecord(new Tag("work", ada, "Work", null)));
        records.add(new TagRecord(new Tag("ünïcode", ada, "Ünïcode", ordered("color", "#ff0000"))));
        records.add(new ShareRecord(new Share("s-shared", new ChatId("c-shared"), ada, "Shared and archived",
                shared, 1_500_000_010L, 1_500_000_020L)));
        records.add(new ShareGrantsRecord(ada, new ChatId("c-shared"), List.of(
                new AccessGrant("g-1", AccessGrant.Principal.USER, "u-bob", AccessGrant.Access.READ),
                new AccessGrant("g-2", AccessGrant.Principal.USER, AccessGrant.EVERYONE, AccessGrant.Access.READ),
                new AccessGrant("g-3", AccessGrant.Principal.GROUP, "grp-🦊", AccessGrant.Access.WRITE))));
        records.add(new FolderGrantsRecord(ada, work, List.of(
                new FolderGrant(new AccessGrant("fg-1", AccessGrant.Principal.USER, "u-bob", AccessGrant.Access.WRITE),
                        1_700_000_300L),
                new FolderGrant(new AccessGrant("fg-2", AccessGrant.Principal.USER, AccessGrant.EVERYONE,
                        AccessGrant.Access.READ), 1_700_000_301L))));
        records.add(new ApiKeyRecord(new StoredApiKey(ada, new ApiKeyHash("0f".repeat(32)), "sk-****…69a0",
                1_700_000_200L)));
        records.add(new RevokedTokenRecord(ada, new TokenId("jti-1"), 4_000_000_000L));
        records.add(new RevokedTokenRecord(bob, new TokenId("jti-2"), 4_000_000_001L));

        records.add(new SavedAssistantRecord(new SavedAssistant(new SavedAssistantId("a-1"), ada,
                ordered("name", "Helper", "model", ordered("provider", "openai", "model", "gpt-4o",
                        "temperature", 0.3)), 1_700_000_000_000L, 1_700_000_100_000L, 4)));
        records.add(new VapiSessionRecord(new VapiSession(new VapiSessionId("vs-1"), ada, "session ✨",
                VapiSession.Status.ACTIVE, 3600, "a-1", null, ordered("variableValues", ordered("x", 1)),
                List.of(ordered("role", "user", "content", "hi 𝄞")), ordered("k", "v"), 1_700_000_000_000L,
                1_700_000_200_000L, 5)));
        records.add(new VapiChatRecord(new VapiChat(new VapiChatId("vc-1"), ada, "a-1", null, null, "first",
                "vs-1", null, "hello 🌍", false, List.of(ordered("role", "user", "content", "hello 🌍")),
                List.of(ordered("role", "assistant", "content", "hi")), List.of(ordered("type", "model",
                "cost", 0.000125)), 0.000125, 1_700_000_000_000L, 1_700_000_000_900L)));
        records.add(new VapiChatRecord(new VapiChat(new VapiChatId("vc-2"), ada, null, ordered("model",
                ordered("model", "x")), null, null, null, new VapiChatId("vc-1"),
                List.of(ordered("role", "user", "content", "more")), true, List.of(), List.of(), List.of(), 0,
                1_700_000_001_000L, 1_700_000_001_000L)));
        // Stored one turn each: their answers put the conversation back from vc-2 and from session vs-1.
        records.add(new VapiChatRecord(new VapiChat(new VapiChatId("vc-3"), ada, null, null, null, null, null,
                new VapiChatId("vc-2"), "and then", false, List.of(ordered("role", "user", "content", "and then")),
                List.of(ordered("role", "assistant", "content", "then 🌙")), List.of(), 0, 1_700_000_002_000L,
                1_700_000_002_500L, true)));
        records.add(new VapiChatRecord(new VapiChat(new VapiChatId("vc-4"), ada, null, null, null, null, "vs-1",
                null, "in session", false, List.of(ordered("role", "user", "content", "in session")),
                List.of(ordered("role", "assistant", "content", "yes")), List.of(), 0, 1_700_000_003_000L,
                1_700_000_003_100L, true)));
        return records;
    }

    /** Writes the records into a store. */
    static void load(DeploymentRecords store) {
        records().forEach(store::write);
    }

    private static ChatRecord chat(String id, UserId owner, Map<String, Object> document, long createdAt,
                                   long updatedAt, String shareId, boolean archived, boolean pinned,
                                   Map<String, Object> meta, FolderId folder, long version) {
        return new ChatRecord(Chat.restore(new ChatId(id), owner, ChatDocument.fromClient(document), createdAt,
                updatedAt, shareId, archived, pinned, meta, folder, version));
    }

    /** A document whose message keys and fields are in an order no sorting would give. */
    private static Map<String, Object> richDocument() {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("m-z", ordered("id", "m-z", "parentId", null, "childrenIds", List.of("m-a"), "role", "user",
                "content", UNICODE, "timestamp", 1_700_000_000L));
        messages.put("m-a", ordered("role", "assistant", "id", "m-a", "parentId", "m-z", "childrenIds", List.of(),
                "content", List.of(ordered("type", "text", "text", "𝄞 🎉")), "usage", ordered("big", 9_007_199_254_740_993L,
                        "fraction", 0.1, "negative", -42, "zero", 0, "exp", 1.0e-7)));
        return ordered("title", "Rich " + UNICODE, "models", List.of("m1", "m2"), "history",
                ordered("currentId", "m-a", "messages", messages), "params", Map.of(), "tags", List.of("work"));
    }

    /** Bob's chat of 1,250 messages of about 29 kB each (36 MB of JSON), tagged. */
    static ChatRecord hugeChat() {
        return chat("c-huge", new UserId("u-bob"), hugeDocument(), 1_690_000_001L, 1_690_009_998L, null, false,
                false, ordered("tags", List.of("long")), null, 4);
    }

    /** Mostly ASCII with some text outside it, as a long model conversation. */
    private static Map<String, Object> hugeDocument() {
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit — ünïcödé 😀 ".repeat(370);
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < HUGE_CHAT_MESSAGES; i++) {
            String id = "h" + i;
            Map<String, Object> message = ordered("id", id, "parentId", i == 0 ? null : "h" + (i - 1),
                    "childrenIds", i + 1 < HUGE_CHAT_MESSAGES ? List.of("h" + (i + 1)) : List.of(),
                    "role", i % 2 == 0 ? "user" : "assistant",
                    "content", "message " + i + " " + filler + " message " + i + " ends here",
                    "timestamp", 1_700_000_000L + i);
            if (i % 2 == 1) {
                message.put("model", "llama3:8b");
                message.put("usage", ordered("total_tokens", 7_000 + i));
            }
            messages.put(id, message);
        }
        return ordered("id", "", "title", "A very long conversation", "models", List.of("llama3:8b"), "params",
                Map.of(), "history", ordered("messages", messages, "currentId", "h" + (HUGE_CHAT_MESSAGES - 1)),
                "tags", List.of(), "timestamp", 1_700_000_000_000L);
    }

    static Map<String, Object> document(String title, int count, String prefix) {
        Map<String, Object> messages = new LinkedHashMap<>();
        String parent = null;
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            messages.put(id, ordered("id", id, "parentId", parent, "childrenIds", i + 1 < count
                    ? List.of(prefix + "-" + (i + 1)) : List.of(), "role", i % 2 == 0 ? "user" : "assistant",
                    "content", "message " + i + " of " + title + " " + "lorem ipsum ".repeat(60), "timestamp",
                    1_690_000_000L + i));
            parent = id;
        }
        return ordered("title", title, "history", ordered("currentId", parent, "messages", messages));
    }

    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
