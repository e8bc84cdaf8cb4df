package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.VapiChatDeleted;
import dev.chats.domain.port.fake.InMemoryVapiChatRepository;
import dev.chats.domain.port.fake.InMemoryVapiSessionRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deleting chats through the catalog, over the in-memory store: the owner's clients hear of it, no one else's. */
class VapiChatCatalogServiceTest {

    private final InMemoryVapiChatRepository chats = new InMemoryVapiChatRepository();
    private final List<ChatEvent> events = new ArrayList<>();
    private final VapiChatCatalogService catalog = new VapiChatCatalogService(chats,
            new InMemoryVapiSessionRepository(), events::add);

    private static User user(String name) {
        return new User(new UserId(UUID.randomUUID().toString()), name,
                new EmailAddress(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"), Role.USER, "hash",
                "/user.png", 1L, 1L);
    }

    private VapiChat stored(User owner) {
        VapiChat chat = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner.id(), "assistant-1", null,
                null, "named", null, null, "hello", false, List.of(Map.of("role", "user", "content", "hello")),
                List.of(Map.of("role", "assistant", "content", "hi")), List.of(), 0, 1_700_000_000_000L,
                1_700_000_000_500L);
        chats.add(chat);
        return chat;
    }

    @Test
    void givenOwnChat_delete_publishesChatDeletedToTheOwnerOnly() {
        User ada = user("Ada");
        VapiChat chat = stored(ada);

        catalog.delete(ada, chat.id());

        assertThat(events).containsExactly(new VapiChatDeleted(chat.outline()));
        assertThat(events.get(0).recipient()).isEqualTo(ada.id());
        assertThat(chat.outline().name()).isEqualTo("named");
        assertThat(chat.outline().assistantId()).isEqualTo("assistant-1");
    }

    @Test
    void givenAnotherUsersChat_delete_isNotFoundAndPublishesNothing() {
        VapiChat chat = stored(user("Ada"));

        assertThatThrownBy(() -> catalog.delete(user("Bob"), chat.id())).isInstanceOf(VapiChatNotFoundException.class);

        assertThat(events).isEmpty();
    }
}
