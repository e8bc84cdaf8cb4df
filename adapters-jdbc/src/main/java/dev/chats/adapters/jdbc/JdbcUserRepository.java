package dev.chats.adapters.jdbc;

import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Users in the {@code app_user} table; the unique index on {@code email} decides who registered first. */
@Singleton
@JdbcPersistence
public final class JdbcUserRepository implements UserRepository {

    private final Transactions transactions;
    private final Rows rows;

    public JdbcUserRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.rows = database.rows();
    }

    @Override
    public void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        try {
            transactions.inTransaction("add user", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO app_user (" + UserRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, user.id().value());
                    insert.setString(2, user.name());
                    insert.setString(3, user.email().value());
                    insert.setString(4, StoredNames.role(user.role()));
                    insert.setString(5, user.passwordHash());
                    insert.setString(6, user.profileImageUrl());
                    insert.setLong(7, user.createdAt());
                    insert.setLong(8, user.updatedAt());
                    insert.setLong(9, user.credentialsVersion());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (JdbcAccessException e) {
            // Two sign-ups with one address can both pass the look-up; the unique index stops the second.
            if (Transactions.violatesIntegrity(e.getCause()) && findByEmail(user.email()).isPresent()) {
                throw new EmailAlreadyRegisteredException();
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("find user by id", "id", id.value());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return findOne("find user by e-mail", "email", email.value());
    }

    @Override
    public Optional<User> changePassword(UserId id, String passwordHash, long updatedAt) {
        return transactions.inTransaction("change a user's password", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE app_user SET password_hash = ?, "
                    + "updated_at = ?, credentials_version = credentials_version + 1 WHERE id = ?")) {
                update.setString(1, passwordHash);
                update.setLong(2, updatedAt);
                update.setString(3, id.value());
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + UserRow.COLUMNS + " FROM app_user WHERE id = ?")) {
                query.setString(1, id.value());
                return user(query);
            }
        });
    }

    @Override
    public boolean hasAnyUser() {
        return transactions.read("count users", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM app_user LIMIT 1");
                 ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        });
    }

    private Optional<User> findOne(String what, String column, String value) {
        return transactions.read(what, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + UserRow.COLUMNS + " FROM app_user WHERE " + column + " = ?")) {
                query.setString(1, value);
                return user(query);
            }
        });
    }

    /** The user the query finds, its row mapped by micronaut-data. */
    private Optional<User> user(PreparedStatement query) throws SQLException {
        return rows.first(query, UserRow.class).map(UserRow::toUser);
    }
}
