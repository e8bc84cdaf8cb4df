package dev.chats.adapters.jdbc;

import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code revoked_token} row: a signed-out session token, kept until it would have expired. */
@MappedEntity("revoked_token")
record RevokedTokenRow(String userId, String jti, long expiresAt) {

    static final String COLUMNS = "user_id, jti, expires_at";

    RevokedTokenRecord toRecord() {
        return new RevokedTokenRecord(new UserId(userId), new TokenId(jti), expiresAt);
    }
}
