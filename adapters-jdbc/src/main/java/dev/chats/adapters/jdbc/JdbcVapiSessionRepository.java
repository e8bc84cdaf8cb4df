package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.TimeBounds;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: Vapi sessions in {@code vapi_session}, one row each; an update is one statement guarded by
 * the version it was made from. Lists are filtered, counted and paged by the database in one snapshot.
 */
@Singleton
@JdbcPersistence
public final class JdbcVapiSessionRepository implements VapiSessionRepository {

    private static final String COLUMNS = "user_id, id, name, status, assistant_id, created_at, updated_at, version,"
            + " body";

    private final Transactions transactions;
    private final JsonColumns json;

    public JdbcVapiSessionRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
    }

    @Override
    public void add(VapiSession session) {
        transactions.inTransaction("add vapi session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vapi_session (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.ownerId().value());
                insert.setString(2, session.id().value());
                insert.setString(3, session.name());
                insert.setString(4, session.status().wireName());
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
                update.setString(2, updated.status().wireName());
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
        if (query.ids() != null && query.ids().isEmpty()
                || query.assistantIds() != null && query.assistantIds().isEmpty()) {
            return new VapiSessionPage(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" FROM vapi_session WHERE user_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.owner().value());
        if (query.ids() != null) {
            in(where, parameters, "id", query.ids().stream().map(VapiSessionId::value).toList());
        }
        if (query.assistantIds() != null) {
            in(where, parameters, "assistant_id", List.copyOf(query.assistantIds()));
        }
        if (query.name() != null) {
            where.append(" AND name = ?");
            parameters.add(query.name());
        }
        bounds(where, parameters, "created_at", query.createdAt());
        bounds(where, parameters, "updated_at", query.updatedAt());
        String direction = query.ascending() ? "ASC" : "DESC";
        String select = "SELECT " + COLUMNS + where + " ORDER BY created_at " + direction + ", id " + direction
                + " LIMIT ? OFFSET ?";
        return transactions.snapshot("list vapi sessions", connection -> {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*)" + where, parameters);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<VapiSession> results = new ArrayList<>();
            if (query.limit() > 0 && query.offset() < total) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(query.limit());
                paged.add(query.offset());
                try (PreparedStatement page = prepare(connection, select, paged);
                     ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        results.add(session(rows));
                    }
                }
            }
            return new VapiSessionPage(results, total);
        });
    }

    private static void in(StringBuilder where, List<Object> parameters, String column, List<String> values) {
        where.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            parameters.add(values.get(i));
        }
        where.append(')');
    }

    private static void bounds(StringBuilder where, List<Object> parameters, String column, TimeBounds bounds) {
        String[] operators = {">", ">=", "<", "<="};
        Long[] values = {bounds.gt(), bounds.ge(), bounds.lt(), bounds.le()};
        for (int i = 0; i < operators.length; i++) {
            if (values[i] != null) {
                where.append(" AND ").append(column).append(' ').append(operators[i]).append(" ?");
                parameters.add(values[i]);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String s) {
                statement.setString(i + 1, s);
            } else {
                statement.setLong(i + 1, ((Number) value).longValue());
            }
        }
        return statement;
    }

    private Optional<VapiSession> find(Connection connection, UserId owner, VapiSessionId id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM vapi_session WHERE user_id = ? AND id = ?")) {
            query.setString(1, owner.value());
            query.setString(2, id.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(session(row)) : Optional.empty();
            }
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

    @SuppressWarnings("unchecked")
    private VapiSession session(ResultSet row) throws SQLException {
        Map<String, Object> body = json.readObject(row.getString("body"));
        return new VapiSession(new VapiSessionId(row.getString("id")), new UserId(row.getString("user_id")),
                row.getString("name"), VapiSession.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                ((Number) body.get("expirationSeconds")).intValue(), row.getString("assistant_id"),
                (Map<String, Object>) body.get("assistant"), (Map<String, Object>) body.get("assistantOverrides"),
                (List<Map<String, Object>>) body.get("messages"), (Map<String, Object>) body.get("metadata"),
                row.getLong("created_at"), row.getLong("updated_at"), row.getLong("version"));
    }
}
