package dev.chats.adapters.rest.ws;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading what clients send: auth and ping frames, other types, and anything that is not a frame. */
class ClientFrameTest {

    final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void authAndPingFrames_areRecognised() {
        assertThat(ClientFrame.parse("{\"type\":\"auth\",\"token\":\"abc\"}", json))
                .isEqualTo(new ClientFrame.Auth("abc"));
        assertThat(ClientFrame.parse("{\"type\":\"ping\"}", json)).isEqualTo(new ClientFrame.Ping());
    }

    @Test
    void otherTypes_areUnknown_withALongTypeCut() {
        assertThat(ClientFrame.parse("{\"type\":\"user-join\"}", json)).isEqualTo(new ClientFrame.Unknown("user-join"));
        ClientFrame.Unknown longType = (ClientFrame.Unknown) ClientFrame.parse(
                "{\"type\":\"" + "t".repeat(500) + "\"}", json);
        assertThat(longType.type()).hasSize(ClientFrame.MAX_TYPE_ECHO + 1);
    }

    @Test
    void anythingElse_isMalformed_withTheReason() {
        assertThat(ClientFrame.parse("{oops", json)).isEqualTo(new ClientFrame.Malformed("Malformed frame: not JSON"));
        assertThat(ClientFrame.parse("", json)).isInstanceOf(ClientFrame.Malformed.class);
        assertThat(ClientFrame.parse("42", json))
                .isEqualTo(new ClientFrame.Malformed("Malformed frame: expected a JSON object"));
        assertThat(ClientFrame.parse("{\"type\":7}", json))
                .isEqualTo(new ClientFrame.Malformed("Malformed frame: \"type\" must be a string"));
        assertThat(ClientFrame.parse("{\"type\":\"auth\",\"token\":\"\"}", json))
                .isEqualTo(new ClientFrame.Malformed("Malformed frame: \"token\" must be a non-empty string"));
        assertThat(ClientFrame.parse("{\"type\":\"auth\",\"token\":5}", json))
                .isInstanceOf(ClientFrame.Malformed.class);
    }
}
