package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: Vapi chats in {@code vapi_chat}, one row per turn, written once (rewritten only to give a
 * continuation its whole context). Filters, order, count and page are the database's ({@code LIMIT}/{@code OFFSET}
 * over the owner-led indexes); the count and the page are read in one snapshot, so they agree. The unfiltered count
 * is {@code vapi_chat_owner}'s, kept in the transaction of every insert and delete. A chain of turns is read back by
 * one recursive query over the primary key, however long it is.
 */
@Singleton
@JdbcPersistence
public final class JdbcVapiChatRepository implements VapiChatRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;
    private final String countOneMore;

    public JdbcVapiChatRepository(JdbcDatabase database) {
        this.countOneMore = countOneMore(database.dialect());
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public void add(VapiChat chat) {
        transactions.inTransaction("add vapi chat", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vapi_chat (" + VapiChatRow.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, chat.ownerId().value());
                insert.setString(2, chat.id().value());
                insert.setString(3, chat.assistantId());
                insert.setString(4, chat.sessionId());
                insert.setString(5, chat.previousChatId() == null ? null : chat.previousChatId().value());
                insert.setLong(6, chat.createdAt());
                insert.setLong(7, chat.updatedAt());
                insert.setDouble(8, chat.cost());
                insert.setString(9, json.write(body(chat)));
                insert.setBoolean(10, chat.turnOnly());
                insert.executeUpdate();
            }
            countOneMore(connection, chat.ownerId());
            return null;
        });
    }

    private void countOneMore(Connection connection, UserId owner) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(countOneMore)) {
            count.setString(1, owner.value());
            count.executeUpdate();
        } catch (SQLException e) {
            // H2's MERGE is not atomic: two first chats of an owner may both find no row and both insert one. The
            // row the other transaction committed is there now (H2 waited for it), and only this statement failed.
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "UPDATE vapi_chat_owner SET chats = chats + 1 WHERE user_id = ?")) {
                count.setString(1, owner.value());
                if (count.executeUpdate() != 1) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<VapiChat> withAncestors(UserId owner, Collection<VapiChatId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(owner.value());
        ids.forEach(id -> parameters.add(id.value()));
        parameters.add(owner.value());
        parameters.add(owner.value());
        // UNION, not UNION ALL: chats of one page that share ancestors walk them once.
        // next_id: the chat to read next, only past a turn-only chat (one holding its whole context ends the walk).
        String next = "CASE WHEN turn_only = TRUE THEN previous_chat_id END";
        String sql = "WITH RECURSIVE chain (id, next_id) AS ("
                + " SELECT id, " + next + " FROM vapi_chat WHERE user_id = ? AND id IN ("
                + SqlParameters.placeholders(ids.size()) + ")"
                + " UNION SELECT c.id, " + next.replace("turn_only", "c.turn_only").replace("previous", "c.previous")
                + " FROM chain JOIN vapi_chat c ON c.user_id = ? AND c.id = chain.next_id)"
                + " SELECT " + VapiChatRow.COLUMNS
                + " FROM vapi_chat WHERE user_id = ? AND id IN (SELECT id FROM chain)";
        return transactions.snapshot("read vapi chats with their ancestors", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                SqlParameters.bind(query, parameters);
                return rows.all(query, VapiChatRow.class).stream().map(row -> row.toChat(json)).toList();
            }
        });
    }

    @Override
    public List<VapiChat> sessionTurns(UserId owner, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(owner.value());
        parameters.addAll(sessionIds);
        return transactions.read("read vapi session turns", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + VapiChatRow.COLUMNS
                    + " FROM vapi_chat WHERE user_id = ? AND session_id IN ("
                    + SqlParameters.placeholders(sessionIds.size()) + ") AND turn_only = TRUE")) {
                SqlParameters.bind(query, parameters);
                return rows.all(query, VapiChatRow.class).stream().map(row -> row.toChat(json)).toList();
            }
        });
    }

    @Override
    public boolean replace(VapiChat chat) {
        return transactions.inTransaction("replace vapi chat", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE vapi_chat SET assistant_id = ?,"
                    + " session_id = ?, previous_chat_id = ?, created_at = ?, updated_at = ?, cost = ?, body = ?,"
                    + " turn_only = ? WHERE user_id = ? AND id = ?")) {
                update.setString(1, chat.assistantId());
                update.setString(2, chat.sessionId());
                update.setString(3, chat.previousChatId() == null ? null : chat.previousChatId().value());
                update.setLong(4, chat.createdAt());
                update.setLong(5, chat.updatedAt());
                update.setDouble(6, chat.cost());
                update.setString(7, json.write(body(chat)));
                update.setBoolean(8, chat.turnOnly());
                update.setString(9, chat.ownerId().value());
                update.setString(10, chat.id().value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<VapiChat> findById(UserId owner, VapiChatId id) {
        return transactions.read("find vapi chat", connection -> find(connection, owner, id));
    }

    @Override
    public Optional<VapiChat> delete(UserId owner, VapiChatId id) {
        return transactions.inTransaction("delete vapi chat", connection -> {
            Optional<VapiChat> found = find(connection, owner, id);
            if (found.isEmpty()) {
                return found;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM vapi_chat WHERE user_id = ? AND id = ?")) {
                delete.setString(1, owner.value());
                delete.setString(2, id.value());
                // A concurrent delete got there first: to this caller the chat no longer exists.
                if (delete.executeUpdate() != 1) {
                    return Optional.<VapiChat>empty();
                }
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "UPDATE vapi_chat_owner SET chats = chats - 1 WHERE user_id = ?")) {
                count.setString(1, owner.value());
                count.executeUpdate();
            }
            return found;
        });
    }

    @Override
    public VapiChatPage list(VapiChatQuery query) {
        OwnedRowsQuery filter = new OwnedRowsQuery("vapi_chat", query.owner().value())
                .in("id", query.ids() == null ? null : query.ids().stream().map(VapiChatId::value).toList())
                .in("assistant_id", query.assistantIds() == null ? null : List.copyOf(query.assistantIds()))
                .equal("session_id", query.sessionId())
                .equal("previous_chat_id", query.previousChatId() == null ? null : query.previousChatId().value())
                .within("created_at", query.createdAt())
                .within("updated_at", query.updatedAt());
        String direction = query.ascending() ? "ASC" : "DESC";
        if (query.after() != null) {
            // Keyset: the chats after the cursor's (created_at, id) in the list's order; the count ignores it.
            String beyond = query.ascending() ? ">" : "<";
            filter.pageOnly("(created_at " + beyond + " ? OR (created_at = ? AND id " + beyond + " ?))",
                    query.after().createdAt(), query.after().createdAt(), query.after().id().value());
        }
        return transactions.snapshot("list vapi chats", connection -> {
            String order = "created_at " + direction + ", id " + direction;
            OwnedRowsQuery.Page<VapiChatRow> page = filter.ownerOnly()
                    ? filter.page(connection, rows, VapiChatRow.class, VapiChatRow.COLUMNS, order, query.limit(),
                            query.offset(), ownerChats(connection, query.owner()))
                    : filter.countAndPage(connection, rows, VapiChatRow.class, VapiChatRow.COLUMNS, order,
                            query.limit(), query.offset());
            return new VapiChatPage(page.rows().stream().map(row -> row.toChat(json)).toList(), page.total());
        });
    }

    private static long ownerChats(Connection connection, UserId owner) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT chats FROM vapi_chat_owner WHERE user_id = ?")) {
            query.setString(1, owner.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Counts one more chat of the owner (the owner's parameter), creating the owner's row on its first chat. */
    private static String countOneMore(SqlDialect dialect) {
        return switch (dialect) {
            case H2 -> "MERGE INTO vapi_chat_owner o USING (VALUES (CAST(? AS VARCHAR(64)))) n (user_id)"
                    + " ON o.user_id = n.user_id WHEN MATCHED THEN UPDATE SET chats = o.chats + 1"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, chats) VALUES (n.user_id, 1)";
            case POSTGRESQL -> "INSERT INTO vapi_chat_owner (user_id, chats) VALUES (?, 1)"
                    + " ON CONFLICT (user_id) DO UPDATE SET chats = vapi_chat_owner.chats + 1";
            case MARIADB -> "INSERT INTO vapi_chat_owner (user_id, chats) VALUES (?, 1)"
                    + " ON DUPLICATE KEY UPDATE chats = chats + 1";
        };
    }

    private Optional<VapiChat> find(Connection connection, UserId owner, VapiChatId id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + VapiChatRow.COLUMNS
                + " FROM vapi_chat WHERE user_id = ? AND id = ?")) {
            query.setString(1, owner.value());
            query.setString(2, id.value());
            return rows.first(query, VapiChatRow.class).map(row -> row.toChat(json));
        }
    }

    private static Map<String, Object> body(VapiChat chat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistant", chat.assistant());
        body.put("assistantOverrides", chat.assistantOverrides());
        body.put("name", chat.name());
        body.put("input", chat.input());
        body.put("stream", chat.stream());
        body.put("messages", chat.messages());
        body.put("output", chat.output());
        body.put("costs", chat.costs());
        return body;
    }
}
