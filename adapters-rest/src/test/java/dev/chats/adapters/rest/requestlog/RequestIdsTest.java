package dev.chats.adapters.rest.requestlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void aPlausibleId_isKept() {
        assertThat(RequestIds.accept("trace-0042")).isEqualTo("trace-0042");
        assertThat(RequestIds.accept("x".repeat(RequestIds.MAX_LENGTH))).hasSize(RequestIds.MAX_LENGTH);
    }

    @Test
    void missingTooLongOrControlCharacters_getAGeneratedId() {
        for (String presented : new String[]{null, "", "x".repeat(RequestIds.MAX_LENGTH + 1), "a b", "a\tb",
                "line\nbreak", "caf\u00e9", "nul\u0000"}) {
            assertThat(RequestIds.accept(presented)).as(String.valueOf(presented))
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }
}
