package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.share.AccessGrant;
import io.micronaut.serde.annotation.Serdeable;

/** One grant on a share, as Open WebUI's {@code GET /chats/shared/{id}/access} lists it. */
@Serdeable
public record AccessGrantResponse(
        String id,
        @JsonProperty("principal_type") String principalType,
        @JsonProperty("principal_id") String principalId,
        String permission) {

    static AccessGrantResponse from(AccessGrant grant) {
        return new AccessGrantResponse(grant.id(), grant.principalType().wireName(), grant.principalId(),
                grant.permission().wireName());
    }
}
