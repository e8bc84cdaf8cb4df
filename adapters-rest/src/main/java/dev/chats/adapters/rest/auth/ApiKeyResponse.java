package dev.chats.adapters.rest.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Open WebUI's {@code ApiKey}: {@code {"api_key": …}} — the key when issued, its hint when shown again. */
@Serdeable
public record ApiKeyResponse(@JsonProperty("api_key") String apiKey) {
}
