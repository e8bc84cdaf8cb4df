package dev.chats.adapters.jdbc;

import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code app_user} as micronaut-data maps it ({@code JdbcOperations.readEntity}): columns named after the
 * components in snake case.
 */
@MappedEntity("app_user")
record UserRow(@Id String id, String name, String email, String role, String passwordHash, String profileImageUrl,
               long createdAt, long updatedAt, long credentialsVersion) {

    /** The columns of a row, in the order of the components, for SELECT and INSERT. */
    static final String COLUMNS =
            "id, name, email, role, password_hash, profile_image_url, created_at, updated_at, credentials_version";

    User toUser() {
        return new User(new UserId(id), name, new EmailAddress(email), StoredNames.role(role), passwordHash,
                profileImageUrl, createdAt, updatedAt, credentialsVersion);
    }
}
