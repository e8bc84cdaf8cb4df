package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The names stored for domain values and the sort columns are pinned here, spelled out: existing databases hold
 * them, so they may never change, whatever becomes of the wire names.
 */
class StoredNamesTest {

    private static final Map<Role, String> ROLES = Map.of(Role.ADMIN, "admin", Role.USER, "user",
            Role.PENDING, "pending");
    private static final Map<AccessGrant.Principal, String> PRINCIPALS = Map.of(AccessGrant.Principal.USER, "user",
            AccessGrant.Principal.GROUP, "group");
    private static final Map<AccessGrant.Access, String> ACCESSES = Map.of(AccessGrant.Access.READ, "read",
            AccessGrant.Access.WRITE, "write");
    private static final Map<VapiSession.Status, String> STATUSES = Map.of(VapiSession.Status.ACTIVE, "active",
            VapiSession.Status.COMPLETED, "completed");
    private static final Map<ChatSortField, String> SORT_COLUMNS = Map.of(ChatSortField.UPDATED_AT, "updated_at",
            ChatSortField.CREATED_AT, "created_at", ChatSortField.TITLE, "title");

    @Test
    void everyValue_hasTheStoredNameExistingDatabasesHold_andReadsBackFromIt() {
        assertThat(ROLES).containsOnlyKeys(Role.values());
        ROLES.forEach((role, stored) -> {
            assertThat(StoredNames.role(role)).isEqualTo(stored);
            assertThat(StoredNames.role(stored)).isEqualTo(role);
        });
        assertThat(PRINCIPALS).containsOnlyKeys(AccessGrant.Principal.values());
        PRINCIPALS.forEach((principal, stored) -> {
            assertThat(StoredNames.principal(principal)).isEqualTo(stored);
            assertThat(StoredNames.principal(stored)).isEqualTo(principal);
        });
        assertThat(ACCESSES).containsOnlyKeys(AccessGrant.Access.values());
        ACCESSES.forEach((access, stored) -> {
            assertThat(StoredNames.access(access)).isEqualTo(stored);
            assertThat(StoredNames.access(stored)).isEqualTo(access);
        });
        assertThat(STATUSES).containsOnlyKeys(VapiSession.Status.values());
        STATUSES.forEach((status, stored) -> {
            assertThat(StoredNames.status(status)).isEqualTo(stored);
            assertThat(StoredNames.status(stored)).isEqualTo(status);
        });
        assertThat(SORT_COLUMNS).containsOnlyKeys(ChatSortField.values());
        SORT_COLUMNS.forEach((field, column) -> assertThat(StoredNames.sortColumn(field)).isEqualTo(column));
    }

    @Test
    void aStoredNameThisBuildDoesNotKnow_failsNamingIt() {
        assertThatThrownBy(() -> StoredNames.role("Admin")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Admin");
        assertThatThrownBy(() -> StoredNames.status("ACTIVE")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void rowsWrittenThroughTheRepositories_holdTheStoredNames(TestDatabase.Vendor vendor) {
        JdbcDatabase database = TestDatabase.of(vendor).database();
        JdbcUserRepository users = new JdbcUserRepository(database);
        for (Role role : Role.values()) {
            User user = user(role);
            users.add(user);
            assertThat(column(database, "SELECT role FROM app_user WHERE id = ?", user.id().value()))
                    .containsExactly(ROLES.get(role));
        }

        UserId owner = new UserId(unique());
        ChatId chat = chat(database, owner);
        new JdbcShareRepository(database).replaceGrants(owner, chat, List.of(
                new AccessGrant("g1", AccessGrant.Principal.USER, "u1", AccessGrant.Access.READ),
                new AccessGrant("g2", AccessGrant.Principal.GROUP, "team", AccessGrant.Access.WRITE)));
        assertThat(column(database, "SELECT principal_type FROM chat_share_grant WHERE chat_id = ? ORDER BY position",
                chat.value())).containsExactly("user", "group");
        assertThat(column(database, "SELECT permission FROM chat_share_grant WHERE chat_id = ? ORDER BY position",
                chat.value())).containsExactly("read", "write");

        JdbcVapiSessionRepository sessions = new JdbcVapiSessionRepository(database);
        VapiSession session = session(owner, VapiSession.Status.ACTIVE, 0);
        sessions.add(session);
        assertThat(column(database, "SELECT status FROM vapi_session WHERE id = ?", session.id().value()))
                .containsExactly("active");
        assertThat(sessions.update(session(owner, session.id(), VapiSession.Status.COMPLETED, 1))).isTrue();
        assertThat(column(database, "SELECT status FROM vapi_session WHERE id = ?", session.id().value()))
                .containsExactly("completed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void rowsAsEarlierVersionsStoredThem_readBackUnchanged(TestDatabase.Vendor vendor) {
        JdbcDatabase database = TestDatabase.of(vendor).database();
        String userId = unique();
        execute(database, "INSERT INTO app_user (id, name, email, role, password_hash, profile_image_url, created_at,"
                + " updated_at, credentials_version) VALUES (?, 'Old', ?, 'pending', 'hash', '/user.png', 1, 2, 0)",
                userId, userId + "@example.org");
        assertThat(new JdbcUserRepository(database).findById(new UserId(userId)).orElseThrow().role())
                .isEqualTo(Role.PENDING);

        UserId owner = new UserId(unique());
        ChatId chat = chat(database, owner);
        execute(database, "INSERT INTO chat_share_grant (user_id, chat_id, position, id, principal_type,"
                + " principal_id, permission) VALUES (?, ?, 0, 'g1', 'group', 'team', 'write')", owner.value(),
                chat.value());
        assertThat(new JdbcShareRepository(database).grantsOf(owner, chat)).containsExactly(
                new AccessGrant("g1", AccessGrant.Principal.GROUP, "team", AccessGrant.Access.WRITE));

        String sessionId = unique();
        execute(database, "INSERT INTO vapi_session (user_id, id, name, status, assistant_id, created_at, updated_at,"
                + " version, body) VALUES (?, ?, NULL, 'completed', NULL, 1000, 4000, 2, '{\"expirationSeconds\":60,"
                + "\"assistant\":null,\"assistantOverrides\":null,\"messages\":[],\"metadata\":null}')",
                owner.value(), sessionId);
        assertThat(new JdbcVapiSessionRepository(database).findById(owner, new VapiSessionId(sessionId))
                .orElseThrow().status()).isEqualTo(VapiSession.Status.COMPLETED);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static User user(Role role) {
        String id = unique();
        return new User(new UserId(id), "Name", new EmailAddress(id + "@example.org"), role, "hash", "/user.png", 1,
                1);
    }

    private static ChatId chat(JdbcDatabase database, UserId owner) {
        ChatId id = new ChatId(unique());
        new JdbcChatRepository(database).add(Chat.start(id, owner, Map.of("title", "shared"), null, 1_000));
        return id;
    }

    private static VapiSession session(UserId owner, VapiSession.Status status, long version) {
        return session(owner, new VapiSessionId(unique()), status, version);
    }

    private static VapiSession session(UserId owner, VapiSessionId id, VapiSession.Status status, long version) {
        return new VapiSession(id, owner, null, status, 60, null, null, null, List.of(), null, 1_000, 4_000 + version,
                version);
    }

    private static List<String> column(JdbcDatabase database, String sql, String parameter) {
        return database.transactions().read("read stored names", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, parameter);
                List<String> values = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            }
        });
    }

    private static void execute(JdbcDatabase database, String sql, String... parameters) {
        database.transactions().inTransaction("write a row as earlier versions did", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }
}
