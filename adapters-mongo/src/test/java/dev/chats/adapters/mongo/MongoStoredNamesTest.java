package dev.chats.adapters.mongo;

import com.mongodb.client.model.Filters;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The values the MongoDB adapter stores for the domain's enumerations are pinned: documents already stored must keep
 * reading whatever becomes of the wire names, so a change here is a change of the stored data and needs a migration.
 */
class MongoStoredNamesTest {

    private final TestMongo mongo = TestMongo.get();

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    @Test
    void everyConstant_hasItsPinnedStoredValue() {
        assertThat(stored(Role.values(), StoredNames::role))
                .isEqualTo(Map.of(Role.ADMIN, "admin", Role.USER, "user", Role.PENDING, "pending"));
        assertThat(stored(AccessGrant.Principal.values(), StoredNames::principal))
                .isEqualTo(Map.of(AccessGrant.Principal.USER, "user", AccessGrant.Principal.GROUP, "group"));
        assertThat(stored(AccessGrant.Access.values(), StoredNames::access))
                .isEqualTo(Map.of(AccessGrant.Access.READ, "read", AccessGrant.Access.WRITE, "write"));
        assertThat(stored(VapiSession.Status.values(), StoredNames::status))
                .isEqualTo(Map.of(VapiSession.Status.ACTIVE, "active", VapiSession.Status.COMPLETED, "completed"));
    }

    @Test
    void everyStoredValue_readsBackAsItsConstant() {
        Arrays.stream(Role.values()).forEach(role -> assertThat(StoredNames.role(StoredNames.role(role)))
                .isEqualTo(role));
        Arrays.stream(AccessGrant.Principal.values()).forEach(principal -> assertThat(StoredNames.principal(
                StoredNames.principal(principal))).isEqualTo(principal));
        Arrays.stream(AccessGrant.Access.values()).forEach(access -> assertThat(StoredNames.access(
                StoredNames.access(access))).isEqualTo(access));
        Arrays.stream(VapiSession.Status.values()).forEach(status -> assertThat(StoredNames.status(
                StoredNames.status(status))).isEqualTo(status));
    }

    @Test
    void givenAnUnknownStoredValue_reading_failsNamingIt() {
        assertThatThrownBy(() -> StoredNames.role("Admin")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role").hasMessageContaining("Admin");
        assertThatThrownBy(() -> StoredNames.principal("team")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("team");
        assertThatThrownBy(() -> StoredNames.access("owner")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> StoredNames.status("paused")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paused");
    }

    @Test
    void givenRecordsWithEnumerations_theRepositories_storeThePinnedValues() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        new MongoUserRepository(mongo.store()).add(new User(owner, "Ada", new EmailAddress("ada@example.com"),
                Role.PENDING, "hash", "", 1_000, 1_000));
        ChatId chat = new ChatId(UUID.randomUUID().toString());
        new MongoShareRepository(mongo.store()).replaceGrants(owner, chat, List.of(
                new AccessGrant("g-1", AccessGrant.Principal.GROUP, "team-1", AccessGrant.Access.WRITE),
                new AccessGrant("g-2", AccessGrant.Principal.USER, AccessGrant.EVERYONE, AccessGrant.Access.READ)));
        VapiSessionId session = new VapiSessionId(UUID.randomUUID().toString());
        new MongoVapiSessionRepository(mongo.store()).add(new VapiSession(session, owner, null,
                VapiSession.Status.COMPLETED, VapiSession.DEFAULT_EXPIRATION_SECONDS, null, null, null, List.of(),
                null, 1_000, 1_000, 0));

        assertThat(document(MongoStore.USERS, owner.value()).getString("role").getValue()).isEqualTo("pending");
        List<String> grants = document(MongoStore.SHARE_GRANTS, chat.value()).getArray("grants").stream()
                .map(grant -> grant.asDocument().getString("principalType").getValue() + "/"
                        + grant.asDocument().getString("permission").getValue())
                .toList();
        assertThat(grants).containsExactly("group/write", "user/read");
        assertThat(document(MongoVapiSessionRepository.VAPI_SESSIONS, session.value()).getString("status").getValue())
                .isEqualTo("completed");
    }

    private BsonDocument document(String collection, String id) {
        return mongo.store().collection(collection).find(Filters.eq("_id", id)).first();
    }

    private static <E extends Enum<E>> Map<E, String> stored(E[] constants, Function<E, String> storedValue) {
        return Arrays.stream(constants).collect(Collectors.toMap(Function.identity(), storedValue));
    }
}
