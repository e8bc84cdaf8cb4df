package dev.chats.domain.port.contract;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.TimeBounds;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatCursor;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newOwner;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link VapiChatRepository} adapter must do, whichever database is behind it.
 * Subclass it, return the adapter under test from {@link #vapiChats()} and give each test a clean store (the
 * tests use fresh random ids and owners, so leftovers do not change their outcome).
 *
 * <p>Pinned down: a chat reads back equal to what was added, every JSON value and its key order included;
 * everything is scoped by owner (another owner's chat is never found, deleted or listed); delete answers the
 * chat as it was; lists are ordered by {@code createdAt} then id, paged with a true total, and filtered by ids,
 * assistants, session, previous chat and strict or inclusive time bounds.
 */
public abstract class VapiChatRepositoryContract {

    /** The adapter under test; the same instance for the whole of one test. */
    protected abstract VapiChatRepository vapiChats();

    static VapiChatId newId() {
        return new VapiChatId(UUID.randomUUID().toString());
    }

    static VapiChat chat(UserId owner, long createdAt) {
        return chat(owner, newId(), createdAt, createdAt + 1000, null, null, null);
    }

    static VapiChat chat(UserId owner, VapiChatId id, long createdAt, long updatedAt, String assistantId,
                         String sessionId, VapiChatId previous) {
        return new VapiChat(id, owner, assistantId, null, null, null, sessionId, previous, "hi", false,
                List.of(object("role", "user", "content", "hi")),
                List.of(object("role", "assistant", "content", "hello")), List.of(), 0, createdAt, updatedAt);
    }

    static VapiChat rich(UserId owner) {
        Map<String, Object> assistant = object("model", object("provider", "custom-llm", "url", "http://x/v1",
                "model", "m", "temperature", 0.7, "maxTokens", 250,
                "messages", list(object("role", "system", "content", "You help {{name}} ✈ 😀"))),
                "zeta", true, "alpha", null);
        Object input = list(object("role", "user", "content", "a", "name", "Alice"),
                object("role", "assistant", "content", "b", "tool_calls", list(object("id", "call_1",
                        "type", "function", "function", object("name", "f", "arguments", "{}")))),
                object("role", "user", "content", "c ünïcödé"));
        return new VapiChat(newId(), owner, null, assistant,
                object("variableValues", object("name", "Ada", "n", 3_000_000_000L)), "Password reset ✈",
                "session-1", newId(), input, true,
                List.of(object("role", "user", "content", "a"), object("role", "user", "content", "c ünïcödé")),
                List.of(object("role", "assistant", "content", "ECHO[4]: c")),
                List.of(object("type", "model", "model", object("provider", "custom-llm", "model", "m"),
                        "promptTokens", 10, "completionTokens", 5, "cost", 0.00025)),
                0.00025, 1_737_000_000_123L, 1_737_000_001_456L);
    }

    private static List<VapiChatId> ids(VapiChatPage page) {
        return page.results().stream().map(VapiChat::id).toList();
    }

    // ---------------------------------------------------------------------------------------------------------
    // add and findById

    @Test
    void givenANewOwner_chatsAddedAtOnce_areAllStoredAndCounted() throws Exception {
        UserId owner = newOwner();
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<VapiChatId>> added = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                long at = 1_700_000_000_000L + i;
                added.add(pool.submit(() -> {
                    VapiChat chat = chat(owner, at);
                    start.await();
                    vapiChats().add(chat);
                    return chat.id();
                }));
            }
            start.countDown();
            for (Future<VapiChatId> chat : added) {
                assertThat(vapiChats().findById(owner, chat.get(60, TimeUnit.SECONDS))).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        VapiChatPage page = vapiChats().list(new VapiChatQuery(owner, null, null, null, null, null, null, false, 1,
                100));
        assertThat(page.results()).hasSize(writers);
        assertThat(page.totalItems()).isEqualTo(writers);
    }

    @Test
    void givenAddedChat_findById_returnsEveryFieldExactly() {
        VapiChat chat = rich(newOwner());
        vapiChats().add(chat);

        VapiChat back = vapiChats().findById(chat.ownerId(), chat.id()).orElseThrow();

        assertThat(back).isEqualTo(chat);
        assertThat(ContractFixtures.keyPaths(back.assistant(), ""))
                .containsExactlyElementsOf(ContractFixtures.keyPaths(chat.assistant(), ""));
        assertThat(back.input()).isEqualTo(chat.input());
        assertThat(back.createdAt()).isEqualTo(1_737_000_000_123L);
        assertThat(back.updatedAt()).isEqualTo(1_737_000_001_456L);
    }

    @Test
    void givenMinimalChat_findById_returnsItWithItsNullsAndStringInput() {
        UserId owner = newOwner();
        VapiChat chat = chat(owner, 5_000);
        vapiChats().add(chat);

        VapiChat back = vapiChats().findById(owner, chat.id()).orElseThrow();

        assertThat(back).isEqualTo(chat);
        assertThat(back.input()).isEqualTo("hi");
        assertThat(back.assistant()).isNull();
        assertThat(back.name()).isNull();
        assertThat(back.previousChatId()).isNull();
    }

    @Test
    void givenAnotherOwnersChat_findById_isEmpty() {
        VapiChat chat = chat(newOwner(), 5_000);
        vapiChats().add(chat);

        assertThat(vapiChats().findById(newOwner(), chat.id())).isEmpty();
        assertThat(vapiChats().findById(chat.ownerId(), newId())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // delete

    @Test
    void givenChat_delete_answersItOnceAndLeavesItsContinuationReadable() {
        UserId owner = newOwner();
        VapiChat first = rich(owner);
        vapiChats().add(first);
        VapiChat next = chat(owner, newId(), 2_000_000_000_000L, 2_000_000_000_000L, null, null, first.id());
        vapiChats().add(next);

        assertThat(vapiChats().delete(owner, first.id())).contains(first);

        assertThat(vapiChats().findById(owner, first.id())).isEmpty();
        assertThat(vapiChats().delete(owner, first.id())).isEmpty();
        assertThat(vapiChats().findById(owner, next.id())).contains(next);
    }

    @Test
    void givenAnotherOwnersChat_delete_isEmptyAndTheChatSurvives() {
        VapiChat chat = chat(newOwner(), 5_000);
        vapiChats().add(chat);

        assertThat(vapiChats().delete(newOwner(), chat.id())).isEmpty();

        assertThat(vapiChats().findById(chat.ownerId(), chat.id())).contains(chat);
    }

    // ---------------------------------------------------------------------------------------------------------
    // list: owner, order, paging

    @Test
    void givenChatsOfTwoOwners_list_returnsTheOwnersNewestFirstWithTheirTotal() {
        UserId owner = newOwner();
        VapiChat a = chat(owner, 1_000);
        VapiChat b = chat(owner, 3_000);
        VapiChat c = chat(owner, 2_000);
        VapiChat theirs = chat(newOwner(), 2_500);
        for (VapiChat chat : List.of(a, b, c, theirs)) {
            vapiChats().add(chat);
        }

        VapiChatPage page = vapiChats().list(VapiChatQuery.of(owner));

        assertThat(ids(page)).containsExactly(b.id(), c.id(), a.id());
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.results().get(0)).isEqualTo(b);
        assertThat(ids(vapiChats().list(VapiChatQuery.of(owner).ascending(true))))
                .containsExactly(a.id(), c.id(), b.id());
    }

    @Test
    void givenEqualCreationTimes_list_breaksTiesById() {
        UserId owner = newOwner();
        List<VapiChat> chats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            VapiChat chat = chat(owner, 7_000);
            chats.add(chat);
            vapiChats().add(chat);
        }
        List<VapiChatId> byId = chats.stream().map(VapiChat::id)
                .sorted((x, y) -> x.value().compareTo(y.value())).toList();

        assertThat(ids(vapiChats().list(VapiChatQuery.of(owner).ascending(true)))).containsExactlyElementsOf(byId);
        List<VapiChatId> reversed = new ArrayList<>(byId);
        java.util.Collections.reverse(reversed);
        assertThat(ids(vapiChats().list(VapiChatQuery.of(owner)))).containsExactlyElementsOf(reversed);
    }

    @Test
    void givenFiveChats_list_pagesWithTheTrueTotal() {
        UserId owner = newOwner();
        List<VapiChatId> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            VapiChat chat = chat(owner, 10_000 - i);
            newestFirst.add(chat.id());
            vapiChats().add(chat);
        }

        VapiChatPage second = vapiChats().list(VapiChatQuery.of(owner).withPage(2, 2));
        VapiChatPage last = vapiChats().list(VapiChatQuery.of(owner).withPage(3, 2));
        VapiChatPage beyond = vapiChats().list(VapiChatQuery.of(owner).withPage(9, 2));
        VapiChatPage countOnly = vapiChats().list(VapiChatQuery.of(owner).withPage(1, 0));

        assertThat(ids(second)).containsExactly(newestFirst.get(2), newestFirst.get(3));
        assertThat(ids(last)).containsExactly(newestFirst.get(4));
        assertThat(beyond.results()).isEmpty();
        assertThat(countOnly.results()).isEmpty();
        assertThat(List.of(second.totalItems(), last.totalItems(), beyond.totalItems(), countOnly.totalItems()))
                .containsOnly(5L);
    }

    @Test
    void givenChatsWithTiedTimes_walkingWithCursors_visitsEveryChatOnceInOrderBothWays() {
        UserId owner = newOwner();
        List<VapiChat> chats = new ArrayList<>();
        for (long createdAt : new long[]{5_000, 7_000, 7_000, 7_000, 9_000}) {
            VapiChat chat = chat(owner, createdAt);
            chats.add(chat);
            vapiChats().add(chat);
        }
        vapiChats().add(chat(newOwner(), 8_000));
        for (boolean ascending : new boolean[]{true, false}) {
            List<VapiChatId> expected = ids(vapiChats().list(VapiChatQuery.of(owner).ascending(ascending)));
            List<VapiChatId> walked = new ArrayList<>();
            VapiChatQuery query = VapiChatQuery.of(owner).ascending(ascending).withPage(1, 2);
            for (int pages = 0; pages < 5; pages++) {
                VapiChatPage page = vapiChats().list(query);
                assertThat(page.totalItems()).as("the total counts every match").isEqualTo(5);
                if (page.results().isEmpty()) {
                    break;
                }
                walked.addAll(ids(page));
                query = query.after(VapiChatCursor.after(page.results().get(page.results().size() - 1)));
            }
            assertThat(walked).as(ascending ? "ASC" : "DESC").containsExactlyElementsOf(expected).hasSize(5);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // list: filters

    @Test
    void givenChats_listById_idAnyAndEmptyIdSet_returnExactlyTheMatches() {
        UserId owner = newOwner();
        VapiChat a = chat(owner, 1_000);
        VapiChat b = chat(owner, 2_000);
        VapiChat c = chat(owner, 3_000);
        VapiChat theirs = chat(newOwner(), 4_000);
        for (VapiChat chat : List.of(a, b, c, theirs)) {
            vapiChats().add(chat);
        }

        assertThat(ids(vapiChats().list(query(owner, Set.of(b.id()), null, null, null))))
                .containsExactly(b.id());
        assertThat(ids(vapiChats().list(query(owner, Set.of(a.id(), c.id(), theirs.id(), newId()), null, null,
                null)))).containsExactly(c.id(), a.id());
        VapiChatPage none = vapiChats().list(query(owner, Set.of(), null, null, null));
        assertThat(none.results()).isEmpty();
        assertThat(none.totalItems()).isZero();
    }

    @Test
    void givenChats_listByAssistantSessionAndPreviousChat_returnExactlyTheMatches() {
        UserId owner = newOwner();
        VapiChat first = chat(owner, newId(), 1_000, 1_000, "asst-1", null, null);
        VapiChat second = chat(owner, newId(), 2_000, 2_000, "asst-2", "sess-1", first.id());
        VapiChat third = chat(owner, newId(), 3_000, 3_000, null, "sess-1", null);
        VapiChat theirs = chat(newOwner(), newId(), 4_000, 4_000, "asst-1", "sess-1", first.id());
        for (VapiChat chat : List.of(first, second, third, theirs)) {
            vapiChats().add(chat);
        }

        assertThat(ids(vapiChats().list(query(owner, null, Set.of("asst-1"), null, null))))
                .containsExactly(first.id());
        assertThat(ids(vapiChats().list(query(owner, null, Set.of("asst-1", "asst-2", "asst-9"), null, null))))
                .containsExactly(second.id(), first.id());
        assertThat(ids(vapiChats().list(query(owner, null, null, "sess-1", null))))
                .containsExactly(third.id(), second.id());
        assertThat(ids(vapiChats().list(query(owner, null, null, null, first.id())))).containsExactly(second.id());
    }

    @Test
    void givenThreeChats_timeBounds_areStrictOrInclusiveOnCreatedAndUpdated() {
        UserId owner = newOwner();
        VapiChat early = chat(owner, newId(), 1_000, 10_000, null, null, null);
        VapiChat middle = chat(owner, newId(), 2_000, 20_000, null, null, null);
        VapiChat late = chat(owner, newId(), 3_000, 30_000, null, null, null);
        for (VapiChat chat : List.of(early, middle, late)) {
            vapiChats().add(chat);
        }

        assertThat(created(owner, new TimeBounds(2_000L, null, null, null))).containsExactly(late.id());
        assertThat(created(owner, new TimeBounds(null, 2_000L, null, null))).containsExactly(late.id(), middle.id());
        assertThat(created(owner, new TimeBounds(null, null, 2_000L, null))).containsExactly(early.id());
        assertThat(created(owner, new TimeBounds(null, null, null, 2_000L))).containsExactly(middle.id(), early.id());
        assertThat(created(owner, new TimeBounds(null, 1_500L, 3_000L, null))).containsExactly(middle.id());
        assertThat(updated(owner, new TimeBounds(20_000L, null, null, null))).containsExactly(late.id());
        assertThat(updated(owner, new TimeBounds(null, 20_000L, null, null))).containsExactly(late.id(), middle.id());
        assertThat(updated(owner, new TimeBounds(null, null, 20_000L, null))).containsExactly(early.id());
        assertThat(updated(owner, new TimeBounds(null, null, null, 20_000L)))
                .containsExactly(middle.id(), early.id());
        VapiChatPage counted = vapiChats().list(new VapiChatQuery(owner, null, null, null, null,
                new TimeBounds(null, 2_000L, null, null), null, false, 1, 1));
        assertThat(ids(counted)).containsExactly(late.id());
        assertThat(counted.totalItems()).isEqualTo(2);
    }

    private List<VapiChatId> created(UserId owner, TimeBounds bounds) {
        return ids(vapiChats().list(new VapiChatQuery(owner, null, null, null, null, bounds, null, false, 1, 100)));
    }

    private List<VapiChatId> updated(UserId owner, TimeBounds bounds) {
        return ids(vapiChats().list(new VapiChatQuery(owner, null, null, null, null, null, bounds, false, 1, 100)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // turns stored one by one

    static VapiChat turn(UserId owner, long createdAt, String sessionId, VapiChatId previous, String text) {
        return new VapiChat(newId(), owner, null, null, null, null, sessionId, previous, text, false,
                List.of(object("role", "user", "content", text)),
                List.of(object("role", "assistant", "content", "re " + text)), List.of(), 0, createdAt,
                createdAt + 10, true);
    }

    @Test
    void givenTurnOnlyChat_findById_returnsItAsStoredWithItsMark() {
        UserId owner = newOwner();
        VapiChat turn = turn(owner, 1_000, null, newId(), "again");
        vapiChats().add(turn);

        assertThat(vapiChats().findById(owner, turn.id())).contains(turn);
        assertThat(vapiChats().findById(owner, turn.id()).orElseThrow().turnOnly()).isTrue();
    }

    @Test
    void givenChainOfTurns_withAncestors_readsBackToTheFirstChatHoldingItsWholeContextOnly() {
        UserId owner = newOwner();
        VapiChat older = chat(owner, 500);
        VapiChat whole = chat(owner, newId(), 1_000, 1_100, null, null, older.id());
        VapiChat second = turn(owner, 2_000, null, whole.id(), "two");
        VapiChat third = turn(owner, 3_000, null, second.id(), "three");
        VapiChat branch = turn(owner, 3_500, null, second.id(), "other");
        VapiChat alone = turn(owner, 4_000, null, null, "alone");
        List.of(older, whole, second, third, branch, alone).forEach(vapiChats()::add);

        assertThat(vapiChats().withAncestors(owner, List.of(third.id())))
                .as("stops at the chat that holds its whole context").containsExactlyInAnyOrder(third, second, whole);
        assertThat(vapiChats().withAncestors(owner, List.of(third.id(), branch.id(), alone.id())))
                .as("shared ancestors once").containsExactlyInAnyOrder(third, branch, second, whole, alone);
        assertThat(vapiChats().withAncestors(owner, List.of(whole.id()))).containsExactly(whole);
        assertThat(vapiChats().withAncestors(newOwner(), List.of(third.id()))).isEmpty();
        assertThat(vapiChats().withAncestors(owner, List.of())).isEmpty();
    }

    @Test
    void givenChainOfManyTurns_withAncestors_readsTheWholeChain() {
        UserId owner = newOwner();
        VapiChatId previous = null;
        List<VapiChat> chain = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            VapiChat next = turn(owner, 1_000 + i * 100L, null, previous, "turn " + i);
            vapiChats().add(next);
            chain.add(next);
            previous = next.id();
        }

        assertThat(vapiChats().withAncestors(owner, List.of(previous))).containsExactlyInAnyOrderElementsOf(chain);
    }

    @Test
    void givenSessionTurns_sessionTurns_returnsTheTurnOnlyChatsOfThoseSessionsOfTheOwner() {
        UserId owner = newOwner();
        VapiChat first = turn(owner, 1_000, "s-1", null, "one");
        VapiChat second = turn(owner, 2_000, "s-1", null, "two");
        VapiChat elsewhere = turn(owner, 2_500, "s-2", null, "else");
        VapiChat other = turn(owner, 3_000, "s-3", null, "other");
        VapiChat whole = chat(owner, newId(), 500, 600, null, "s-1", null);
        VapiChat foreign = turn(newOwner(), 1_000, "s-1", null, "foreign");
        List.of(first, second, elsewhere, other, whole, foreign).forEach(vapiChats()::add);

        assertThat(vapiChats().sessionTurns(owner, List.of("s-1", "s-2")))
                .containsExactlyInAnyOrder(first, second, elsewhere);
        assertThat(vapiChats().sessionTurns(owner, List.of())).isEmpty();
    }

    @Test
    void givenChat_replace_rewritesItForItsOwnerOnly() {
        UserId owner = newOwner();
        VapiChat turn = turn(owner, 1_000, null, newId(), "again");
        vapiChats().add(turn);
        VapiChat whole = turn.withContext(List.of(object("role", "user", "content", "hello"),
                object("role", "assistant", "content", "re hello"), object("role", "user", "content", "again")));

        assertThat(vapiChats().replace(whole)).isTrue();
        assertThat(vapiChats().findById(owner, turn.id())).contains(whole);
        assertThat(vapiChats().replace(chat(owner, 5))).as("no such chat").isFalse();
        VapiChat foreign = new VapiChat(turn.id(), newOwner(), null, null, null, null, null, null, "x", false,
                List.of(), List.of(), List.of(), 0, 1, 2);
        assertThat(vapiChats().replace(foreign)).isFalse();
        assertThat(vapiChats().findById(owner, turn.id())).contains(whole);
    }

    @Test
    void givenAddsAndDeletes_unfilteredAndFilteredTotals_countTheOwnersChatsExactly() {
        UserId owner = newOwner();
        List<VapiChat> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            VapiChat chat = chat(owner, newId(), 1_000 + i, 2_000 + i, i % 2 == 0 ? "a" : "b", null, null);
            vapiChats().add(chat);
            added.add(chat);
        }
        vapiChats().add(chat(newOwner(), 1_000));
        vapiChats().delete(owner, added.get(0).id());
        vapiChats().delete(owner, added.get(0).id());
        vapiChats().delete(newOwner(), added.get(1).id());

        assertThat(vapiChats().list(VapiChatQuery.of(owner)).totalItems()).isEqualTo(4);
        assertThat(vapiChats().list(VapiChatQuery.of(owner).withPage(9, 2)).totalItems()).isEqualTo(4);
        assertThat(vapiChats().list(query(owner, null, Set.of("a"), null, null)).totalItems()).isEqualTo(2);
        assertThat(vapiChats().list(VapiChatQuery.of(newOwner())).totalItems()).isZero();
    }

    private static VapiChatQuery query(UserId owner, Set<VapiChatId> ids, Set<String> assistants, String session,
                                       VapiChatId previous) {
        return new VapiChatQuery(owner, ids, assistants, session, previous, null, null, false, 1, 100);
    }
}
