package dev.chats.app.wiring;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's JSON mapper reads one string value longer than the JSON library's default cap (20M characters). */
@MicronautTest(startApplication = false)
class JsonReadLimitsTest {

    @Inject
    JsonMapper mapper;

    @Test
    void aStringValueOf21MillionCharacters_isRead() throws Exception {
        String value = "y".repeat(21_000_000);
        byte[] json = ("{\"content\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);

        Map<String, Object> read = mapper.readValue(json, Argument.mapOf(String.class, Object.class));

        assertThat((String) read.get("content")).hasSize(21_000_000);
    }
}
