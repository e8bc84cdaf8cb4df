package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: Vapi sessions in {@code vapi_session}, one row each; an update is one statement guarded by
 * the version it was made from. Lists are filtered, counted and paged by the database in one snapshot.
 */
@Singleton
@JdbcPersistence
public final class JdbcVapiSessionRepository implements VapiSessionRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;

    public JdbcVapiSessionRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public void add(VapiSession session) {
        transactions.inTransaction("add vapi session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vapi_session ("
                    + VapiSessionRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.ownerId().value());
                insert.setString(2, session.id().value());
                insert.setString(3, session.name());
                insert.setString(4, StoredNames.status(session.status()));
                insert.setString(5, session.assistantId());
                insert.setLong(6, session.createdAt());
                insert.setLong(7, session.updatedAt());
                insert.setLong(8, session.version());
                insert.setString(9, json.write(body(session)));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<VapiSession> findById(UserId owner, VapiSessionId id) {
        return transactions.read("find vapi session", connection -> find(connection, owner, id));
    }

    @Override
    public boolean update(VapiSession updated) {
        return transactions.inTransaction("update vapi session", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE vapi_session SET name = ?,"
                    + " status = ?, updated_at = ?, version = ?, body = ? WHERE user_id = ? AND id = ?"
                    + " AND version = ?")) {
                update.setString(1, updated.name());
                update.setString(2, StoredNames.status(updated.status()));
                update.setLong(3, updated.updatedAt());
                update.setLong(4, updated.version());
                update.setString(5, json.write(body(updated)));
                update.setString(6, updated.ownerId().value());
                update.setString(7, updated.id().value());
                update.setLong(8, updated.version() - 1);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<VapiSession> delete(UserId owner, VapiSessionId id) {
        return transactions.inTransaction("delete vapi session", connection -> {
            Optional<VapiSession> found = find(connection, owner, id);
            if (found.isEmpty()) {
                return found;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM vapi_session WHERE user_id = ? AND id = ?")) {
                delete.setString(1, owner.value());
                delete.setString(2, id.value());
                return delete.executeUpdate() == 1 ? found : Optional.<VapiSession>empty();
            }
        });
    }

    @Override
    public VapiSessionPage list(VapiSessionQuery query) {
        OwnedRowsQuery filter = new OwnedRowsQuery("vapi_session", query.owner().value())
                .in("id", query.ids() == null ? null : query.ids().stream().map(VapiSessionId::value).toList())
                .in("assistant_id", query.assistantIds() == null ? null : List.copyOf(query.assistantIds()))
                .equal("name", query.name())
                .within("created_at", query.createdAt())
                .within("updated_at", query.updatedAt());
        String direction = query.ascending() ? "ASC" : "DESC";
        return transactions.snapshot("list vapi sessions", connection -> {
            OwnedRowsQuery.Page<VapiSessionRow> page = filter.countAndPage(connection, rows, VapiSessionRow.class,
                    VapiSessionRow.COLUMNS, "created_at " + direction + ", id " + direction, query.limit(),
                    query.offset());
            return new VapiSessionPage(page.rows().stream().map(row -> row.toSession(json)).toList(),
                    page.total());
        });
    }

    private Optional<VapiSession> find(Connection connection, UserId owner, VapiSessionId id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + VapiSessionRow.COLUMNS
                + " FROM vapi_session WHERE user_id = ? AND id = ?")) {
            query.setString(1, owner.value());
            query.setString(2, id.value());
            return rows.first(query, VapiSessionRow.class).map(row -> row.toSession(json));
        }
    }

    private static Map<String, Object> body(VapiSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expirationSeconds", session.expirationSeconds());
        body.put("assistant", session.assistant());
        body.put("assistantOverrides", session.assistantOverrides());
        body.put("messages", session.messages());
        body.put("metadata", session.metadata());
        return body;
    }
}
