package dev.chats.adapters.jdbc;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: saved assistants in {@code vapi_assistant}, their definition as one JSON column. */
@Singleton
@JdbcPersistence
public final class JdbcSavedAssistantRepository implements SavedAssistantRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;

    public JdbcSavedAssistantRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public void add(SavedAssistant assistant) {
        transactions.inTransaction("add assistant", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vapi_assistant ("
                    + SavedAssistantRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, assistant.ownerId().value());
                insert.setString(2, assistant.id().value());
                insert.setLong(3, assistant.createdAt());
                insert.setLong(4, assistant.updatedAt());
                insert.setLong(5, assistant.version());
                insert.setString(6, json.write(assistant.definition()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<SavedAssistant> findById(UserId owner, SavedAssistantId id) {
        return transactions.read("find assistant", connection -> find(connection, owner, id));
    }

    @Override
    public boolean update(SavedAssistant updated) {
        return transactions.inTransaction("update assistant", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE vapi_assistant SET updated_at = ?,"
                    + " version = ?, body = ? WHERE user_id = ? AND id = ? AND version = ?")) {
                update.setLong(1, updated.updatedAt());
                update.setLong(2, updated.version());
                update.setString(3, json.write(updated.definition()));
                update.setString(4, updated.ownerId().value());
                update.setString(5, updated.id().value());
                update.setLong(6, updated.version() - 1);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<SavedAssistant> delete(UserId owner, SavedAssistantId id) {
        return transactions.inTransaction("delete assistant", connection -> {
            Optional<SavedAssistant> found = find(connection, owner, id);
            if (found.isEmpty()) {
                return found;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM vapi_assistant WHERE user_id = ? AND id = ?")) {
                delete.setString(1, owner.value());
                delete.setString(2, id.value());
                return delete.executeUpdate() == 1 ? found : Optional.<SavedAssistant>empty();
            }
        });
    }

    @Override
    public List<SavedAssistant> list(UserId owner, TimeBounds createdAt, TimeBounds updatedAt, int limit) {
        if (limit == 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + SavedAssistantRow.COLUMNS
                + " FROM vapi_assistant WHERE user_id = ?");
        List<Long> bounds = new ArrayList<>();
        bounds(sql, bounds, "created_at", createdAt);
        bounds(sql, bounds, "updated_at", updatedAt);
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        return transactions.read("list assistants", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setString(1, owner.value());
                int index = 2;
                for (Long bound : bounds) {
                    query.setLong(index++, bound);
                }
                query.setInt(index, limit);
                return rows.all(query, SavedAssistantRow.class).stream().map(row -> row.toAssistant(json)).toList();
            }
        });
    }

    private static void bounds(StringBuilder sql, List<Long> values, String column, TimeBounds bounds) {
        String[] operators = {">", ">=", "<", "<="};
        Long[] given = {bounds.gt(), bounds.ge(), bounds.lt(), bounds.le()};
        for (int i = 0; i < operators.length; i++) {
            if (given[i] != null) {
                sql.append(" AND ").append(column).append(' ').append(operators[i]).append(" ?");
                values.add(given[i]);
            }
        }
    }

    private Optional<SavedAssistant> find(Connection connection, UserId owner, SavedAssistantId id)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + SavedAssistantRow.COLUMNS
                + " FROM vapi_assistant WHERE user_id = ? AND id = ?")) {
            query.setString(1, owner.value());
            query.setString(2, id.value());
            return rows.first(query, SavedAssistantRow.class).map(row -> row.toAssistant(json));
        }
    }
}
