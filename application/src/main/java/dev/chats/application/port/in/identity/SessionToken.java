package dev.chats.application.port.in.identity;

import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verified session token says: whose it is, its own id (absent on tokens issued before tokens had one) and
 * the credentials version it was issued under (0 when it carries none).
 */
public record SessionToken(UserId user, Optional<TokenId> id, long credentialsVersion) {

    public SessionToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(id, "id");
    }
}
