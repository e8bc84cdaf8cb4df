package dev.chats.adapters.rest.auth;

import io.micronaut.serde.annotation.Serdeable;

/** Open WebUI's answer to a sign-out: {@code {"status": true}}. */
@Serdeable
public record SignOutResponse(boolean status) {
}
