package dev.chats.domain.port.contract;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newOwner;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link SavedAssistantRepository} adapter must do. Subclass it, return the
 * adapter from {@link #savedAssistants()} and give each test a clean store. Pinned down: an assistant reads back
 * equal to what was stored, key order included; everything is scoped by owner; updates apply only over the version
 * they were made from; delete answers the assistant as it was; lists are the owner's newest first within bounds.
 */
public abstract class SavedAssistantRepositoryContract {

    protected abstract SavedAssistantRepository savedAssistants();

    static SavedAssistant assistant(UserId owner, long createdAt, String name) {
        return new SavedAssistant(new SavedAssistantId(UUID.randomUUID().toString()), owner,
                object("name", name, "model", object("provider", "openai", "model", "gpt-x", "temperature", 0.3,
                        "messages", list(object("role", "system", "content", "You help {{name}} ✈."))),
                        "firstMessage", null, "zeta", 1),
                createdAt, createdAt, 0);
    }

    @Test
    void givenSavedAssistant_findById_returnsItExactlyAndOnlyToItsOwner() {
        SavedAssistant saved = assistant(newOwner(), 1_000, "Helper");
        savedAssistants().add(saved);

        SavedAssistant back = savedAssistants().findById(saved.ownerId(), saved.id()).orElseThrow();
        assertThat(back).isEqualTo(saved);
        assertThat(back.definition().keySet()).containsExactly("name", "model", "firstMessage", "zeta");
        assertThat(savedAssistants().findById(newOwner(), saved.id())).isEmpty();
    }

    @Test
    void givenAssistant_update_appliesOverTheVersionItWasMadeFromOnly() {
        SavedAssistant saved = assistant(newOwner(), 1_000, "Before");
        savedAssistants().add(saved);
        SavedAssistant renamed = saved.patched(Map.of("name", "After"), 2_000);
        SavedAssistant stale = saved.patched(Map.of("name", "Lost"), 3_000);

        assertThat(savedAssistants().update(renamed)).isTrue();
        assertThat(savedAssistants().update(stale)).isFalse();

        assertThat(savedAssistants().findById(saved.ownerId(), saved.id())).contains(renamed);
        assertThat(renamed.name()).isEqualTo("After");
    }

    @Test
    void givenAssistant_delete_answersItOnceAndOnlyToItsOwner() {
        SavedAssistant saved = assistant(newOwner(), 1_000, "Doomed");
        savedAssistants().add(saved);

        assertThat(savedAssistants().delete(newOwner(), saved.id())).isEmpty();
        assertThat(savedAssistants().delete(saved.ownerId(), saved.id())).contains(saved);
        assertThat(savedAssistants().delete(saved.ownerId(), saved.id())).isEmpty();
    }

    @Test
    void givenAssistants_list_returnsTheOwnersNewestFirstWithinBoundsAndLimit() {
        UserId owner = newOwner();
        SavedAssistant a = assistant(owner, 1_000, "a");
        SavedAssistant b = assistant(owner, 2_000, "b");
        SavedAssistant c = assistant(owner, 3_000, "c");
        SavedAssistant theirs = assistant(newOwner(), 2_500, "theirs");
        for (SavedAssistant s : List.of(a, b, c, theirs)) {
            savedAssistants().add(s);
        }

        assertThat(savedAssistants().list(owner, TimeBounds.NONE, TimeBounds.NONE, 100)).containsExactly(c, b, a);
        assertThat(savedAssistants().list(owner, TimeBounds.NONE, TimeBounds.NONE, 2)).containsExactly(c, b);
        assertThat(savedAssistants().list(owner, new TimeBounds(1_000L, null, null, 2_000L), TimeBounds.NONE, 100))
                .containsExactly(b);
        assertThat(savedAssistants().list(owner, TimeBounds.NONE, new TimeBounds(null, 3_000L, null, null), 100))
                .containsExactly(c);
        assertThat(savedAssistants().list(owner, TimeBounds.NONE, TimeBounds.NONE, 0)).isEmpty();
    }
}
