package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCriteriaTest {

    private final UserId owner = new UserId("u1");

    @Test
    void aQueryWithEveryFilter_givesOneCriterionEach_inItsFixedOrder_tagsSorted() {
        ChatQuery query = new ChatQuery(Optional.of(owner), Flag.ONLY_FALSE, Flag.ONLY_TRUE,
                FolderScope.in(Set.of(new FolderId("f1"))), Optional.of("plan"), ChatOrder.RECENT_FIRST,
                PageRequest.ofPage(1, 60), Set.of("zeta", "alpha"), false, Flag.ONLY_TRUE, Optional.of("needle"));

        assertThat(query.criteria()).containsExactly(
                new ChatCriterion.OwnedBy(owner),
                new ChatCriterion.Archived(false),
                new ChatCriterion.Pinned(true),
                new ChatCriterion.InFolders(Set.of(new FolderId("f1"))),
                new ChatCriterion.TitleContains("plan"),
                new ChatCriterion.Shared(true),
                new ChatCriterion.CarriesTag("alpha"),
                new ChatCriterion.CarriesTag("zeta"),
                new ChatCriterion.TextContains("needle"));
    }

    @Test
    void filtersLeftOpen_giveNoCriterion_andRootOnlyAndUntaggedGiveTheirOwn() {
        assertThat(ChatQuery.allOf(owner, PageRequest.ofPage(1, 10)).criteria())
                .containsExactly(new ChatCriterion.OwnedBy(owner));
        ChatQuery rootUntagged = new ChatQuery(Optional.empty(), Flag.ANY, Flag.ANY, FolderScope.rootOnly(),
                Optional.empty(), ChatOrder.RECENT_FIRST, PageRequest.ofPage(1, 10)).untaggedOnly();
        assertThat(rootUntagged.criteria())
                .containsExactly(new ChatCriterion.InRootFolder(), new ChatCriterion.Untagged());
    }

    @Test
    void everyKindReachesItsOwnVisitorMethod() {
        ChatCriterion.Visitor<String> names = new ChatCriterion.Visitor<>() {
            public String ownedBy(UserId o) { return "owner " + o.value(); }
            public String archived(boolean a) { return "archived " + a; }
            public String pinned(boolean p) { return "pinned " + p; }
            public String inRootFolder() { return "root"; }
            public String inFolders(Set<FolderId> f) { return "folders " + f.size(); }
            public String titleContains(String t) { return "title " + t; }
            public String shared(boolean s) { return "shared " + s; }
            public String carriesTag(String t) { return "tag " + t; }
            public String untagged() { return "untagged"; }
            public String textContains(String t) { return "text " + t; }
        };
        assertThat(new ChatCriterion.Pinned(false).accept(names)).isEqualTo("pinned false");
        assertThat(new ChatCriterion.InFolders(Set.of()).accept(names)).isEqualTo("folders 0");
        assertThat(new ChatCriterion.CarriesTag("x").accept(names)).isEqualTo("tag x");
        assertThat(new ChatCriterion.TextContains("y").accept(names)).isEqualTo("text y");
    }
}
