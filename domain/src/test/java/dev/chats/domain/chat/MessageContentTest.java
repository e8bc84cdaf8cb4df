package dev.chats.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageContentTest {

    @Test
    void aStringIsItsOwnText() {
        assertThat(MessageContent.text("Plan Lisbon")).isEqualTo("Plan Lisbon");
    }

    @Test
    void aListOfPartsGivesTheTextOfEachPartOnItsOwnLine_skippingPartsWithoutText() {
        Object content = List.of(Map.of("type", "text", "text", "Look at this"),
                Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64,AA")),
                Map.of("type", "text", "text", "and this"), "not a part", Map.of("type", "text", "text", 7));
        assertThat(MessageContent.text(content)).isEqualTo("Look at this\nand this");
    }

    @Test
    void anythingElseHasNoText_andOnlyAbsentStringOrListIsReadable() {
        assertThat(MessageContent.text(null)).isEmpty();
        assertThat(MessageContent.text(42)).isEmpty();
        assertThat(MessageContent.text(Map.of("text", "x"))).isEmpty();
        assertThat(MessageContent.isReadable(null)).isTrue();
        assertThat(MessageContent.isReadable("x")).isTrue();
        assertThat(MessageContent.isReadable(List.of())).isTrue();
        assertThat(MessageContent.isReadable(42)).isFalse();
        assertThat(MessageContent.isReadable(Map.of("text", "x"))).isFalse();
    }

    @Test
    void aMessageReadsItsContentThisWay() {
        Message message = new Message("m1", 0, Map.of("content", List.of(Map.of("type", "text", "text", "a"),
                Map.of("type", "text", "text", "b"))));
        assertThat(message.contentText()).isEqualTo("a\nb");
    }
}
