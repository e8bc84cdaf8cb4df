package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearch;
import dev.chats.adapters.jdbc.search.SearchGrams;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Message;
import dev.chats.domain.chat.MessageChanges;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.MessageFacts;
import dev.chats.domain.user.UserId;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chats in two tables: {@code chat} holds the document without its messages plus the columns lists filter on;
 * {@code chat_message} holds one row per entry of {@code history.messages}. A write touches only the rows that
 * changed, under the chat's version.
 */
@Singleton
@JdbcPersistence
public final class JdbcChatRepository implements ChatRepository {

    /** Statements of message ids per IN list; keeps every dialect well inside its parameter limit. */
    private static final int ID_BATCH = 500;

    private final JdbcDatabase database;
    private final SqlDialect dialect;
    private final StatementSizeLimit statementSizeLimit;
    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;
    private final boolean searchGramsIndexed;
    private final String insertChat;
    private final String updateChat;

    public JdbcChatRepository(JdbcDatabase database) {
        this.database = database;
        this.statementSizeLimit = database.statementSizeLimit();
        this.dialect = database.dialect();
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
        this.searchGramsIndexed = database.searchGramsIndexed();
        List<String> written = writtenColumns(dialect);
        this.insertChat = "INSERT INTO chat (id, user_id, created_at, version, " + String.join(", ", written)
                + ") VALUES (?, ?, ?, ?, " + SqlParameters.placeholders(written.size()) + ")";
        this.updateChat = "UPDATE chat SET " + String.join(", ", written.stream().map(c -> c + " = ?").toList())
                + ", version = version + 1 WHERE id = ? AND version = ?";
    }

    /** The columns both an insert and an update of a chat write, in the order of {@link #writtenValues}. */
    private static List<String> writtenColumns(SqlDialect dialect) {
        List<String> columns = new ArrayList<>(List.of("title", "body", "updated_at", "share_id", "archived",
                "pinned", "meta", "folder_id", "legacy_text"));
        if (dialect.keepsSearchGrams()) {
            columns.add("search_grams");
        }
        return columns;
    }

    /** The values of {@link #writtenColumns} for {@code chat}, checked to fit one statement. */
    private List<Object> writtenValues(Chat chat) {
        String body = json.write(ChatStorage.of(chat).document().body());
        String meta = json.write(chat.meta());
        String legacyText = ChatStorage.of(chat).document().legacyMessagesText();
        statementSizeLimit.requireFits("the chat without its messages", chat.title(), body, meta, legacyText);
        List<Object> values = new ArrayList<>();
        values.add(chat.title());
        values.add(body);
        values.add(chat.updatedAt());
        values.add(chat.shareId().orElse(null));
        values.add(chat.archived());
        values.add(chat.pinned());
        values.add(meta);
        values.add(chat.folderId().map(FolderId::value).orElse(null));
        values.add(legacyText);
        if (dialect.keepsSearchGrams()) {
            values.add(searchGramsOf(chat));
        }
        return values;
    }

    /** The title and the legacy messages list are searched beside the message rows. */
    private static String searchGramsOf(Chat chat) {
        return SearchGrams.of(chat.ownerId().value(), chat.title(),
                ChatStorage.of(chat).document().legacyMessagesText());
    }

    @Override
    public Chat add(Chat chat) {
        return transactions.inTransaction("add chat", connection -> {
            insert(connection, List.of(chat));
            return ChatStorage.of(chat).inserted();
        });
    }

    /**
     * Chats new to the database, in one transaction: a copy of a deployment writes its chats in such groups, which
     * saves the database a commit and the copy several round trips per chat. All or none of them are stored.
     */
    void addAll(List<Chat> chats) {
        transactions.inTransaction("add " + chats.size() + " chats", connection -> {
            insert(connection, chats);
            return null;
        });
    }

    /** The rows of chats not stored yet: chat rows, then every message row, then the tag mirror. */
    private void insert(Connection connection, List<Chat> chats) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertChat)) {
            for (Chat chat : chats) {
                List<Object> values = new ArrayList<>(List.of(chat.id().value(), chat.ownerId().value(),
                        chat.createdAt(), chat.version()));
                values.addAll(writtenValues(chat));
                SqlParameters.bind(insert, values);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Every message, not only the pending ones: a chat restored elsewhere (a copy) has none pending.
        insertMessages(connection, chats);
        // A new chat has no tag rows yet (they reference its row), so there are none to delete first.
        insertTags(connection, chats);
    }

    @Override
    public Chat update(Chat chat) {
        return transactions.inTransaction("update chat", connection -> {
            // The guarded UPDATE also locks the chat row, so message writes of one chat never interleave.
            try (PreparedStatement update = connection.prepareStatement(updateChat)) {
                List<Object> values = writtenValues(chat);
                values.add(chat.id().value());
                values.add(chat.version());
                SqlParameters.bind(update, values);
                if (update.executeUpdate() != 1) {
                    database.countVersionConflict();
                    throw new ChatVersionConflictException(chat.id(), chat.version());
                }
            }
            MessageChanges changes = ChatStorage.of(chat).pendingMessageChanges();
            deleteMessages(connection, chat.id(), changes.removed());
            upsertMessages(connection, chat, changes.upserted().values());
            if (ChatStorage.of(chat).tagsOrArchivedChanged()) {
                replaceTags(connection, chat);
            }
            return ChatStorage.of(chat).updated();
        });
    }

    /**
     * One statement for the chat row and its message rows: a statement reads one state of the database on every
     * dialect, so the read needs no snapshot transaction, and costs one round trip to the database instead of a
     * transaction's four or more (PostgreSQL, MariaDB). The chat row comes first ({@code part} 0), its messages
     * after in position order; a message row carries its id in {@code id} and its JSON in {@code body}.
     */
    private static final String CHAT_AND_MESSAGES = "SELECT 0 AS part, id, user_id, body, created_at, updated_at,"
            + " share_id, archived, pinned, meta, folder_id, version, NULL AS position FROM chat WHERE id = ?"
            + " UNION ALL SELECT 1, message_id, NULL, body, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, position"
            + " FROM chat_message WHERE chat_id = ? ORDER BY part, position";

    @Override
    public Optional<Chat> findById(ChatId id) {
        if (dialect == SqlDialect.H2) {
            // In process there is no round trip to save, and H2 answers two plain statements faster than the union.
            return transactions.snapshot("find chat", connection -> chats(connection,
                    "SELECT " + ChatRow.COLUMNS + " FROM chat WHERE id = ?",
                    statement -> statement.setString(1, id.value())).stream().findFirst());
        }
        return transactions.read("find chat", connection -> {
            try (PreparedStatement query = connection.prepareStatement(CHAT_AND_MESSAGES)) {
                query.setString(1, id.value());
                query.setString(2, id.value());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next() || row.getInt(1) != 0) {
                        return Optional.empty();
                    }
                    ChatRow chat = new ChatRow(row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                            row.getLong(6), row.getString(7), row.getBoolean(8), row.getBoolean(9),
                            row.getString(10), row.getString(11), row.getLong(12));
                    List<Message> messages = new ArrayList<>();
                    while (row.next()) {
                        messages.add(new MessageRow(chat.id(), row.getString(2), row.getInt(13), row.getString(4))
                                .toMessage(json));
                    }
                    return Optional.of(restore(chat, ChatDocument.restore(json.readObject(chat.body()), messages)));
                }
            }
        });
    }

    /**
     * The chat row and the edited message's row; for a new message, the current message's row and the last position
     * too: a few index look-ups, however long the chat.
     */
    @Override
    public Optional<Chat> findForMessageEdit(ChatId id, String messageId) {
        return transactions.snapshot("find chat for a message edit", connection -> {
            List<ChatRow> found;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ChatRow.COLUMNS + " FROM chat WHERE id = ?")) {
                statement.setString(1, id.value());
                found = rows.all(statement, ChatRow.class);
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> body = json.readObject(found.get(0).body());
            if (!ChatDocument.hasMessageRows(body)) {
                return Optional.of(restore(found.get(0), ChatDocument.restoreForEdit(body, messageId,
                        Optional.empty(), null)));
            }
            Optional<Message> edited = message(connection, id, messageId);
            ChatDocument.Addition added = null;
            if (edited.isEmpty()) {
                Optional<String> current = ChatDocument.currentIdForEdit(body);
                added = new ChatDocument.Addition(current.isEmpty() ? Optional.empty()
                        : message(connection, id, current.get()), nextPosition(connection, id));
            }
            return Optional.of(restore(found.get(0), ChatDocument.restoreForEdit(body, messageId, edited, added)));
        });
    }

    private Optional<Message> message(Connection connection, ChatId chatId, String messageId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MessageRow.COLUMNS
                + " FROM chat_message WHERE chat_id = ? AND message_id = ?")) {
            query.setString(1, chatId.value());
            query.setString(2, messageId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(MessageRow.read(row).toMessage(json)) : Optional.empty();
            }
        }
    }

    /** The position after the chat's last message row (0 without any). */
    private static int nextPosition(Connection connection, ChatId chatId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MAX(position) FROM chat_message WHERE chat_id = ?")) {
            query.setString(1, chatId.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int max = row.getInt(1);
                return row.wasNull() ? 0 : max + 1;
            }
        }
    }

    @Override
    public boolean delete(ChatId id) {
        return transactions.inTransaction("delete chat", connection ->
                deleteWhere(connection, "id = ?", List.of(id.value())) == 1);
    }

    @Override
    public int deleteAllOwnedBy(UserId owner) {
        return transactions.inTransaction("delete chats of a user", connection ->
                deleteWhere(connection, "user_id = ?", List.of(owner.value())));
    }

    @Override
    public int setArchivedOfAll(UserId owner, boolean archived) {
        return transactions.inTransaction("archive all chats", connection -> {
            try (PreparedStatement chats = connection.prepareStatement("UPDATE chat SET archived = ?,"
                    + " version = version + 1 WHERE user_id = ? AND archived <> ?");
                 PreparedStatement tags = connection.prepareStatement(
                         "UPDATE chat_tag SET archived = ? WHERE user_id = ? AND archived <> ?")) {
                for (PreparedStatement statement : List.of(chats, tags)) {
                    statement.setBoolean(1, archived);
                    statement.setString(2, owner.value());
                    statement.setBoolean(3, archived);
                }
                int changed = chats.executeUpdate();
                tags.executeUpdate();
                return changed;
            }
        });
    }

    @Override
    public long countInFolders(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        List<String> parameters = ownerAndFolders(owner, folders);
        return transactions.read("count chats in folders", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM chat WHERE "
                    + IN_FOLDERS.apply(folders.size()))) {
                SqlParameters.bind(count, parameters);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public int deleteInFolders(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("delete chats in folders", connection ->
                deleteWhere(connection, IN_FOLDERS.apply(folders.size()), ownerAndFolders(owner, folders)));
    }

    @Override
    public int moveToRoot(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("move chats to the root", connection -> {
            try (PreparedStatement move = connection.prepareStatement("UPDATE chat SET folder_id = NULL,"
                    + " version = version + 1 WHERE " + IN_FOLDERS.apply(folders.size()))) {
                SqlParameters.bind(move, ownerAndFolders(owner, folders));
                return move.executeUpdate();
            }
        });
    }

    private static final java.util.function.IntFunction<String> IN_FOLDERS = count ->
            "user_id = ? AND folder_id IN (" + SqlParameters.placeholders(count) + ")";

    private static List<String> ownerAndFolders(UserId owner, Set<FolderId> folders) {
        List<String> parameters = new ArrayList<>();
        parameters.add(owner.value());
        folders.stream().map(FolderId::value).sorted().forEach(parameters::add);
        return parameters;
    }

    /** Deletes the chats matching {@code condition} and everything hanging off them; the number of chats. */
    private static int deleteWhere(Connection connection, String condition, List<String> parameters)
            throws SQLException {
        String chats = "(SELECT id FROM chat WHERE " + condition + ")";
        for (String dependent : List.of("chat_message", "chat_tag", "chat_share_grant", "chat_share")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + dependent + " WHERE chat_id IN " + chats)) {
                SqlParameters.bind(delete, parameters);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chat WHERE " + condition)) {
            SqlParameters.bind(delete, parameters);
            return delete.executeUpdate();
        }
    }

    /** Mirrors the chat's tag ids and archived flag into {@code chat_tag}. */
    private static void replaceTags(Connection connection, Chat chat) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chat_tag WHERE chat_id = ?")) {
            delete.setString(1, chat.id().value());
            delete.executeUpdate();
        }
        insertTags(connection, List.of(chat));
    }

    private static void insertTags(Connection connection, List<Chat> chats) throws SQLException {
        if (chats.stream().allMatch(chat -> chat.tagIds().isEmpty())) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO chat_tag (chat_id, tag_id, user_id, archived) VALUES (?, ?, ?, ?)")) {
            for (Chat chat : chats) {
                for (String tagId : chat.tagIds()) {
                    insert.setString(1, chat.id().value());
                    insert.setString(2, tagId);
                    insert.setString(3, chat.ownerId().value());
                    insert.setBoolean(4, chat.archived());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<ChatSummary> findSummaries(ChatQuery query) {
        ChatQuerySql select = ChatQuerySql.select(dialect, searchGramsIndexed, ChatTitleRow.COLUMNS, query);
        return transactions.read("list chat titles", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select.sql())) {
                select.bind(statement);
                List<ChatSummary> summaries = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        summaries.add(ChatTitleRow.read(row).toSummary());
                    }
                }
                return summaries;
            }
        });
    }

    @Override
    public List<Chat> findChats(ChatQuery query) {
        ChatQuerySql select = ChatQuerySql.select(dialect, searchGramsIndexed, ChatRow.COLUMNS, query);
        return transactions.snapshot("list chats", connection -> chats(connection, select.sql(), select::bind));
    }

    /**
     * Statistics facts: the chat rows' record columns (the document body without its messages, which is small)
     * and the message rows reduced to their facts one row at a time, so no conversation is assembled and at most
     * one message body is held at once.
     */
    @Override
    public List<ChatFacts> findFacts(UserId owner, OptionalLong updatedAfter, SortDirection direction,
                                     PageRequest page) {
        String sql = "SELECT " + ChatFactsRow.COLUMNS + " FROM chat WHERE user_id = ?"
                + (updatedAfter.isPresent() ? " AND updated_at > ?" : "")
                + " ORDER BY updated_at " + (direction == SortDirection.ASC ? "ASC" : "DESC")
                + ", id ASC LIMIT ? OFFSET ?";
        return transactions.snapshot("read chat statistics", connection -> facts(connection, sql, statement -> {
            int i = 1;
            statement.setString(i++, owner.value());
            if (updatedAfter.isPresent()) {
                statement.setLong(i++, updatedAfter.getAsLong());
            }
            statement.setInt(i++, page.limit());
            statement.setLong(i, page.offset());
        }));
    }

    @Override
    public long count(ChatQuery query) {
        ChatQuerySql count = ChatQuerySql.count(dialect, searchGramsIndexed, query);
        return transactions.read("count chats", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(count.sql())) {
                count.bind(statement);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public long countChats(UserId owner, OptionalLong updatedAfter) {
        return transactions.read("count chats", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM chat WHERE user_id = ?"
                    + (updatedAfter.isPresent() ? " AND updated_at > ?" : ""))) {
                count.setString(1, owner.value());
                if (updatedAfter.isPresent()) {
                    count.setLong(2, updatedAfter.getAsLong());
                }
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<ChatFacts> findFacts(ChatId id) {
        return transactions.snapshot("read chat statistics", connection -> facts(connection,
                "SELECT " + ChatFactsRow.COLUMNS + " FROM chat WHERE id = ?",
                statement -> statement.setString(1, id.value()))).stream().findFirst();
    }

    private List<ChatFacts> facts(Connection connection, String sql, Binder binder) throws SQLException {
        List<ChatFactsRow> chatRows;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            chatRows = rows.all(statement, ChatFactsRow.class);
        }
        Map<String, Map<String, MessageFacts>> factsOnly = new LinkedHashMap<>();
        // Each body is reduced to its facts as soon as it is read: no message content is kept.
        forEachMessage(connection, chatRows.stream().map(ChatFactsRow::id).toList(), message ->
                factsOnly.computeIfAbsent(message.chatId(), k -> new LinkedHashMap<>()).put(message.messageId(),
                        MessageFacts.of(message.messageId(), json.readObject(message.body()))));
        List<ChatFacts> result = new ArrayList<>(chatRows.size());
        for (ChatFactsRow row : chatRows) {
            result.add(ChatFacts.ofFacts(new ChatId(row.id()), new UserId(row.userId()), row.createdAt(),
                    row.updatedAt(), json.readObject(row.meta()), json.readObject(row.body()),
                    factsOnly.getOrDefault(row.id(), Map.of())));
        }
        return result;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The chats a SELECT of {@link ChatRow#COLUMNS} finds, in its order, each with its message rows. */
    private List<Chat> chats(Connection connection, String sql, Binder binder) throws SQLException {
        List<ChatRow> chatRows;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            chatRows = rows.all(statement, ChatRow.class);
        }
        Map<String, List<Message>> messages = new LinkedHashMap<>();
        forEachMessage(connection, chatRows.stream().map(ChatRow::id).toList(), message ->
                messages.computeIfAbsent(message.chatId(), id -> new ArrayList<>()).add(message.toMessage(json)));
        List<Chat> chats = new ArrayList<>(chatRows.size());
        for (ChatRow row : chatRows) {
            chats.add(restore(row, ChatDocument.restore(json.readObject(row.body()),
                    messages.getOrDefault(row.id(), List.of()))));
        }
        return chats;
    }

    private Chat restore(ChatRow row, ChatDocument document) {
        return Chat.restore(new ChatId(row.id()), new UserId(row.userId()), document, row.createdAt(),
                row.updatedAt(), row.shareId(), row.archived(), row.pinned(), json.readObject(row.meta()),
                row.folderId() == null ? null : new FolderId(row.folderId()), row.version());
    }

    /**
     * Hands over the message rows of the chats one at a time, each chat's in position order, without keeping them:
     * the statistics reduce a body to its facts as soon as it is read.
     */
    private void forEachMessage(Connection connection, List<String> chatIds, Consumer<MessageRow> sink)
            throws SQLException {
        for (int from = 0; from < chatIds.size(); from += ID_BATCH) {
            List<String> batch = chatIds.subList(from, Math.min(chatIds.size(), from + ID_BATCH));
            try (PreparedStatement query = connection.prepareStatement("SELECT " + MessageRow.COLUMNS
                    + " FROM chat_message WHERE chat_id IN (" + SqlParameters.placeholders(batch.size()) + ")"
                    + " ORDER BY chat_id, position")) {
                SqlParameters.bind(query, batch);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        sink.accept(MessageRow.read(row));
                    }
                }
            }
        }
    }

    /**
     * The message rows of chats whose rows were inserted in this transaction, so none of them exists yet: on
     * PostgreSQL as one COPY (a plain bulk insert, several times cheaper for the server than an upsert per row, which
     * tells in a copy of a deployment and in imports of long chats); elsewhere as the upsert.
     */
    private void insertMessages(Connection connection, List<Chat> chats) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            for (Chat chat : chats) {
                upsertMessages(connection, chat, ChatStorage.of(chat).document().messages());
            }
            return;
        }
        if (chats.stream().allMatch(chat -> ChatStorage.of(chat).document().messages().isEmpty())) {
            return; // a new chat without messages (most of POST /chats/new) spares the COPY's round trips
        }
        try (PostgresMessageCopy copy = PostgresMessageCopy.start(connection)) {
            for (Chat chat : chats) {
                for (Message message : ChatStorage.of(chat).document().messages()) {
                    copy.add(chat.id().value(), message.id(), message.position(), parentIdColumn(message),
                            message.contentText(), json.write(message.body()));
                }
            }
            copy.end();
        }
    }

    private void upsertMessages(Connection connection, Chat chat, Collection<Message> messages)
            throws SQLException {
        ChatId chatId = chat.id();
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertMessage())) {
            for (Message message : messages) {
                String body = json.write(message.body());
                statementSizeLimit.requireFits("message " + message.id(), message.contentText(), body);
                upsert.setString(1, chatId.value());
                upsert.setString(2, message.id());
                upsert.setInt(3, message.position());
                upsert.setString(4, parentIdColumn(message));
                upsert.setString(5, message.contentText());
                upsert.setString(6, body);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (dialect.keepsSearchGrams()) {
            MariaDbSearch.queue(connection, chat.id(), messages);
        }
    }

    /** The parent link as an indexable column; an over-long one lives on only in the body, which keeps it. */
    private static String parentIdColumn(Message message) {
        String parent = message.parentId();
        return parent != null && parent.length() <= Message.MAX_ID_LENGTH ? parent : null;
    }

    private static void deleteMessages(Connection connection, ChatId chatId, Collection<String> messageIds)
            throws SQLException {
        List<String> ids = List.copyOf(messageIds);
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chat_message WHERE chat_id = ?"
                    + " AND message_id IN (" + SqlParameters.placeholders(batch.size()) + ")")) {
                List<String> parameters = new ArrayList<>(batch.size() + 1);
                parameters.add(chatId.value());
                parameters.addAll(batch);
                SqlParameters.bind(delete, parameters);
                delete.executeUpdate();
            }
        }
    }
}
