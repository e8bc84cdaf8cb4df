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
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: Vapi chats in {@code vapi_chat}, one row per turn, written once. Filters, order, count and
 * page are the database's ({@code LIMIT}/{@code OFFSET} over the owner-led indexes); the count and the page are
 * read in one snapshot, so they agree.
 */
@Singleton
@JdbcPersistence
public final class JdbcVapiChatRepository implements VapiChatRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;

    public JdbcVapiChatRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public void add(VapiChat chat) {
        transactions.inTransaction("add vapi chat", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vapi_chat (" + VapiChatRow.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, chat.ownerId().value());
                insert.setString(2, chat.id().value());
                insert.setString(3, chat.assistantId());
                insert.setString(4, chat.sessionId());
                insert.setString(5, chat.previousChatId() == null ? null : chat.previousChatId().value());
                insert.setLong(6, chat.createdAt());
                insert.setLong(7, chat.updatedAt());
                insert.setDouble(8, chat.cost());
                insert.setString(9, json.write(body(chat)));
                insert.executeUpdate();
            }
            return null;
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
                return delete.executeUpdate() == 1 ? found : Optional.<VapiChat>empty();
            }
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
            OwnedRowsQuery.Page<VapiChatRow> page = filter.countAndPage(connection, rows, VapiChatRow.class,
                    VapiChatRow.COLUMNS, "created_at " + direction + ", id " + direction, query.limit(),
                    query.offset());
            return new VapiChatPage(page.rows().stream().map(row -> row.toChat(json)).toList(), page.total());
        });
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
