package dev.chats.application.transfer;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A record's digest is the SHA-256 of its canonical JSON as UTF-8, escapes and long texts included. */
class RecordDigestTest {

    @Test
    void theDigestIsTheSha256OfTheCanonicalText() {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("m1", new LinkedHashMap<>(Map.of("id", "m1", "content",
                "plain \"quoted\" back\\slash tab\t é 𝄞 \u0000 " + "long run of text ".repeat(2_000))));
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("currentId", "m1");
        history.put("messages", messages);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Zoë 🦊");
        document.put("history", history);
        document.put("tags", List.of("a", "ü"));
        DeploymentRecord record = new ChatRecord(Chat.restore(new ChatId("c-1"), new UserId("u-1"),
                ChatDocument.fromClient(document), 1L, 2L, null, false, true, Map.of(), null, 3));

        byte[] text = CanonicalJson.toText(RecordCodec.toTree(record)).getBytes(StandardCharsets.UTF_8);

        assertThat(RecordDigest.of(record)).isEqualTo(RecordDigest.sha256().digest(text));
    }
}
