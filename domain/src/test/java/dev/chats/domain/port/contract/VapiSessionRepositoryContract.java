package dev.chats.domain.port.contract;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.TimeBounds;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newOwner;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link VapiSessionRepository} adapter must do. Subclass it, return the adapter
 * from {@link #vapiSessions()} and give each test a clean store. Pinned down: a session reads back equal to what
 * was stored; everything is scoped by owner; updates apply only over the version they were made from; delete
 * answers the session as it was; lists order by {@code createdAt} then id, page with a true total and filter by
 * ids, assistants, name and time bounds.
 */
public abstract class VapiSessionRepositoryContract {

    protected abstract VapiSessionRepository vapiSessions();

    static VapiSession session(UserId owner, long createdAt, String assistantId, String name) {
        return new VapiSession(new VapiSessionId(UUID.randomUUID().toString()), owner, name,
                VapiSession.Status.ACTIVE, VapiSession.DEFAULT_EXPIRATION_SECONDS, assistantId,
                object("model", object("provider", "openai", "model", "m",
                        "messages", list(object("role", "system", "content", "You help Bo ✈.")))),
                object("variableValues", object("name", "Bo")),
                List.of(object("role", "user", "content", "hi"), object("role", "assistant", "content", "hello")),
                object("variableValues", object("name", "Bo")), createdAt, createdAt + 5, 0);
    }

    private static List<VapiSessionId> ids(VapiSessionPage page) {
        return page.results().stream().map(VapiSession::id).toList();
    }

    @Test
    void givenAddedSession_findById_returnsItExactlyAndOnlyToItsOwner() {
        VapiSession session = session(newOwner(), 1_000, "asst-1", "Support ✈");
        vapiSessions().add(session);

        assertThat(vapiSessions().findById(session.ownerId(), session.id())).contains(session);
        assertThat(vapiSessions().findById(newOwner(), session.id())).isEmpty();
        assertThat(vapiSessions().findById(session.ownerId(), new VapiSessionId("nope"))).isEmpty();
    }

    @Test
    void givenSession_update_appliesOverTheVersionItWasMadeFromOnly() {
        VapiSession session = session(newOwner(), 1_000, null, null);
        vapiSessions().add(session);
        VapiSession turn = session.patched(null, null, null, List.of(object("role", "user", "content", "more")),
                2_000);
        VapiSession stale = session.patched("late", VapiSession.Status.COMPLETED, null, null, 3_000);

        assertThat(vapiSessions().update(turn)).isTrue();
        assertThat(vapiSessions().update(stale)).as("made from version 0, stored is 1").isFalse();

        VapiSession back = vapiSessions().findById(session.ownerId(), session.id()).orElseThrow();
        assertThat(back).isEqualTo(turn);
        assertThat(back.messages()).containsExactly(Map.of("role", "user", "content", "more"));
        assertThat(back.version()).isEqualTo(1);
        VapiSession foreign = new VapiSession(session.id(), newOwner(), null, VapiSession.Status.ACTIVE, 60, null,
                null, null, List.of(), null, 1_000, 4_000, 2);
        assertThat(vapiSessions().update(foreign)).isFalse();
        assertThat(vapiSessions().findById(session.ownerId(), session.id())).contains(turn);
    }

    @Test
    void givenSession_delete_answersItOnceAndOnlyToItsOwner() {
        VapiSession session = session(newOwner(), 1_000, null, null);
        vapiSessions().add(session);

        assertThat(vapiSessions().delete(newOwner(), session.id())).isEmpty();
        assertThat(vapiSessions().delete(session.ownerId(), session.id())).contains(session);
        assertThat(vapiSessions().delete(session.ownerId(), session.id())).isEmpty();
        assertThat(vapiSessions().findById(session.ownerId(), session.id())).isEmpty();
    }

    @Test
    void givenSessions_list_ordersPagesAndFilters() {
        UserId owner = newOwner();
        VapiSession a = session(owner, 1_000, "asst-1", "alpha");
        VapiSession b = session(owner, 2_000, "asst-2", "beta");
        VapiSession c = session(owner, 3_000, null, "alpha");
        VapiSession theirs = session(newOwner(), 2_500, "asst-1", "alpha");
        for (VapiSession s : List.of(a, b, c, theirs)) {
            vapiSessions().add(s);
        }

        VapiSessionPage all = vapiSessions().list(VapiSessionQuery.of(owner));
        assertThat(ids(all)).containsExactly(c.id(), b.id(), a.id());
        assertThat(all.totalItems()).isEqualTo(3);
        VapiSessionPage second = vapiSessions().list(VapiSessionQuery.of(owner).withPage(2, 2));
        assertThat(ids(second)).containsExactly(a.id());
        assertThat(second.totalItems()).isEqualTo(3);
        assertThat(ids(vapiSessions().list(new VapiSessionQuery(owner, null, Set.of("asst-1", "asst-2"), null, null,
                null, true, 1, 100)))).containsExactly(a.id(), b.id());
        assertThat(ids(vapiSessions().list(new VapiSessionQuery(owner, Set.of(a.id(), c.id(), theirs.id()), null,
                "alpha", null, null, false, 1, 100)))).containsExactly(c.id(), a.id());
        assertThat(ids(vapiSessions().list(new VapiSessionQuery(owner, null, null, null,
                new TimeBounds(1_000L, null, null, 3_000L), null, false, 1, 100)))).containsExactly(c.id(), b.id());
        assertThat(ids(vapiSessions().list(new VapiSessionQuery(owner, null, null, null, null,
                new TimeBounds(null, null, 2_005L, null), false, 1, 100)))).containsExactly(a.id());
        assertThat(vapiSessions().list(new VapiSessionQuery(owner, Set.of(), null, null, null, null, false, 1, 100))
                .totalItems()).isZero();
    }
}
