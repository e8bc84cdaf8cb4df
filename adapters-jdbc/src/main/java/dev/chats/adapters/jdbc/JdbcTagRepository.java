package dev.chats.adapters.jdbc;

import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tag records in {@code tag}; which chats carry a tag is read from {@code chat_tag}, which the chat repository
 * keeps in step with every chat write.
 */
@Singleton
@JdbcPersistence
public final class JdbcTagRepository implements TagRepository {

    private static final String UNCARRIED = "NOT EXISTS (SELECT 1 FROM chat_tag ct"
            + " WHERE ct.user_id = tag.user_id AND ct.tag_id = tag.id)";

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;

    public JdbcTagRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public Tag addIfAbsent(Tag tag) {
        Optional<Tag> stored = find(tag.ownerId(), tag.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            transactions.inTransaction("add tag", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO tag (user_id, id, name, meta) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, tag.ownerId().value());
                    insert.setString(2, tag.id());
                    insert.setString(3, tag.name());
                    insert.setString(4, tag.meta() == null ? null : json.write(tag.meta()));
                    insert.executeUpdate();
                }
                return null;
            });
            return tag;
        } catch (JdbcAccessException e) {
            // A concurrent first use stored it in between: the earlier display name stands.
            return find(tag.ownerId(), tag.id()).orElseThrow(() -> e);
        }
    }

    private Optional<Tag> find(UserId owner, String id) {
        return findByIds(owner, List.of(id)).stream().findFirst();
    }

    @Override
    public List<Tag> findListed(UserId owner) {
        return transactions.read("list tags", connection -> tags(connection,
                "SELECT " + TagRow.COLUMNS + " FROM tag WHERE user_id = ? AND EXISTS (SELECT 1 FROM chat_tag ct"
                        + " WHERE ct.user_id = tag.user_id AND ct.tag_id = tag.id AND ct.archived = ?) ORDER BY id",
                List.of(owner.value(), false)));
    }

    @Override
    public List<Tag> findByIds(UserId owner, Collection<String> tagIds) {
        List<String> ids = tagIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(owner.value());
        parameters.addAll(ids);
        Map<String, Tag> byId = new LinkedHashMap<>();
        transactions.read("find tags", connection -> tags(connection,
                "SELECT " + TagRow.COLUMNS + " FROM tag WHERE user_id = ? AND id IN ("
                        + SqlParameters.placeholders(ids.size()) + ")", parameters))
                .forEach(tag -> byId.put(tag.id(), tag));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void deleteUncarried(UserId owner, Collection<String> tagIds) {
        List<String> ids = tagIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(owner.value());
        parameters.addAll(ids);
        delete("DELETE FROM tag WHERE user_id = ? AND id IN (" + SqlParameters.placeholders(ids.size()) + ") AND "
                + UNCARRIED, parameters);
    }

    @Override
    public void deleteAllUncarried(UserId owner) {
        delete("DELETE FROM tag WHERE user_id = ? AND " + UNCARRIED, List.of(owner.value()));
    }

    private void delete(String sql, List<Object> parameters) {
        transactions.inTransaction("delete uncarried tags", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                SqlParameters.bind(delete, parameters);
                return delete.executeUpdate();
            }
        });
    }

    private List<Tag> tags(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            SqlParameters.bind(query, parameters);
            return rows.all(query, TagRow.class).stream().map(row -> row.toTag(json)).toList();
        }
    }
}
