package dev.chats.adapters.rest.error;

import io.micronaut.serde.annotation.Serdeable;

/** The error body every failure answers with: {@code {"detail": "<message>"}}, as Open WebUI does. */
@Serdeable
public record ErrorDetail(String detail) {
}
