package dev.chats.adapters.rest.ws;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-message size limit, fragments included, in front of the framework's message handler. */
class FrameSizeGuardTest {

    @Test
    void messagesWithinTheLimit_passWholeOrInFragments() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameSizeGuard(10));

        channel.writeInbound(new TextWebSocketFrame("0123456789"));
        channel.writeInbound(new TextWebSocketFrame(false, 0, "01234"));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, "56789"));
        channel.writeInbound(new PingWebSocketFrame());

        assertThat(channel.inboundMessages()).hasSize(4);
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void aMessageGrowingPastTheLimitInFragments_closesWith1009_andGoesNoFurther() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameSizeGuard(10));

        channel.writeInbound(new TextWebSocketFrame(false, 0, "012345"));
        channel.writeInbound(new ContinuationWebSocketFrame(false, 0, "678901"));

        assertThat(channel.inboundMessages()).hasSize(1);
        WebSocketFrame close = channel.readOutbound();
        assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) close).statusCode()).isEqualTo(1009);
        assertThat(((CloseWebSocketFrame) close).reasonText()).isEqualTo("Frame too large: the limit is 10 bytes");
        close.release();
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }
}
