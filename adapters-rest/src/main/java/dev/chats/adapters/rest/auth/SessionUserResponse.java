package dev.chats.adapters.rest.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.user.User;
import io.micronaut.serde.annotation.Serdeable;

/** Open WebUI's {@code SessionUserResponse}: the session token and who it belongs to. */
@Serdeable
public record SessionUserResponse(
        String token,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_at") Long expiresAt,
        String id,
        String email,
        String name,
        String role,
        @JsonProperty("profile_image_url") String profileImageUrl) {

    static final String BEARER = "Bearer";

    public static SessionUserResponse from(User user, String token, Long expiresAt) {
        return new SessionUserResponse(token, BEARER, expiresAt, user.id().value(), user.email().value(),
                user.name(), user.role().wireName(), user.profileImageUrl());
    }
}
