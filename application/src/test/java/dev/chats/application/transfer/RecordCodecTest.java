package dev.chats.application.transfer;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.transfer.DeploymentRecord.ApiKeyRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.DeploymentRecord.SavedAssistantRecord;
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
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind's tree reads back as the same record, and a tree that is not a record is named. */
class RecordCodecTest {

    private static final UserId ADA = new UserId("u-ada");

    @Test
    void everyKindRoundTripsThroughItsTree() {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("b", map("id", "b", "content", "𝄞", "parentId", null));
        messages.put("a", map("id", "a", "content", List.of(map("type", "text")), "parentId", "b"));
        Map<String, Object> document = map("title", "T", "history", map("currentId", "a", "messages", messages));
        List<DeploymentRecord> records = List.of(
                new UserRecord(new User(ADA, "Ada", new EmailAddress("ada@example.com"), Role.ADMIN, "$2a$hash",
                        "/user.png", 1, 2, 3)),
                new FolderRecord(new Folder(new FolderId("f"), ADA, new FolderId("p"), "F", true, map("x", 1), null,
                        4, 5)),
                new ChatRecord(Chat.restore(new ChatId("c"), ADA, ChatDocument.fromClient(document), 6, 7, "s", true,
                        false, map("tags", List.of("t")), new FolderId("f"), 9)),
                new TagRecord(new Tag("t", ADA, "T", null)),
                new ShareRecord(new Share("s", new ChatId("c"), ADA, "T", document, 10, 11)),
                new ShareGrantsRecord(ADA, new ChatId("c"), List.of(new AccessGrant("g", AccessGrant.Principal.GROUP,
                        "grp", AccessGrant.Access.WRITE))),
                new DeploymentRecord.FolderGrantsRecord(ADA, new FolderId("f"), List.of(new FolderGrant(
                        new AccessGrant("fg", AccessGrant.Principal.USER, "*", AccessGrant.Access.READ), 20))),
                new RevokedTokenRecord(ADA, new TokenId("j"), 12),
                new ApiKeyRecord(new StoredApiKey(ADA,
                        new ApiKeyHash("ab".repeat(32)), "sk-****…69a0", 19)),
                new SavedAssistantRecord(new SavedAssistant(new SavedAssistantId("a"), ADA, map("name", "A"), 13, 14,
                        2)),
                new VapiSessionRecord(new VapiSession(new VapiSessionId("vs"), ADA, null, VapiSession.Status.COMPLETED,
                        60, null, map("model", map()), null, List.of(map("role", "user")), null, 15, 16, 3)),
                new VapiChatRecord(new VapiChat(new VapiChatId("vc"), ADA, null, null, map("o", true), "n", "vs",
                        new VapiChatId("v0"), List.of(map("role", "user")), true, List.of(), List.of(map("x", 1.5)),
                        List.of(), 0.25, 17, 18)));
        Set<dev.chats.domain.transfer.RecordKind> kinds = EnumSet.noneOf(dev.chats.domain.transfer.RecordKind.class);
        for (DeploymentRecord record : records) {
            kinds.add(record.kind());
            Map<String, Object> tree = RecordCodec.toTree(record);
            DeploymentRecord back = RecordCodec.fromTree(record.kind(), tree);
            assertThat(CanonicalJson.toText(RecordCodec.toTree(back))).isEqualTo(CanonicalJson.toText(tree));
            assertThat(back.key()).isEqualTo(record.key());
        }
        assertThat(kinds).containsExactlyInAnyOrder(dev.chats.domain.transfer.RecordKind.values());
        assertThat(CanonicalJson.toText(RecordCodec.toTree(records.get(2)))).contains("\"messages\":{\"b\":");
    }

    @Test
    void aTreeMissingAFieldIsNamed() {
        assertThatThrownBy(() -> RecordCodec.fromTree(dev.chats.domain.transfer.RecordKind.TAG,
                map("id", "t", "user_id", "u")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field name is missing");
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
