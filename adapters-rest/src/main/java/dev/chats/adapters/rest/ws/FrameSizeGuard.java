package dev.chats.adapters.rest.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Netty handler in front of the socket's message handler: closes the connection with 1009 as soon as one client
 * message, counting all its fragments, exceeds the configured size. Netty itself caps single frames only, and the
 * framework joins fragments without a limit, so without this a client could grow a message without bound.
 */
public final class FrameSizeGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "chats-ws-frame-size-guard";
    /** Netty's WebSocket frame decoder in an upgraded pipeline. */
    static final String FRAME_DECODER = "wsdecoder";
    private static final Logger LOG = LoggerFactory.getLogger(FrameSizeGuard.class);
    private static final long CLOSE_GRACE_SECONDS = 2;

    private final int limit;
    private long messageBytes;
    private boolean rejected;

    FrameSizeGuard(int limit) {
        this.limit = limit;
    }

    /**
     * Puts a guard right behind Netty's WebSocket frame decoder ({@code wsdecoder}, the name Netty's handshaker gives
     * it), so it sees every frame before the framework joins fragments. Without a channel or decoder (not a Netty
     * upgrade) it does nothing, and the endpoint's own per-message check applies.
     */
    public static void install(Channel channel, int limit) {
        if (channel == null) {
            return;
        }
        try {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NAME) == null && pipeline.get(FRAME_DECODER) != null) {
                pipeline.addAfter(FRAME_DECODER, NAME, new FrameSizeGuard(limit));
            } else {
                LOG.debug("no frame-size guard on this socket; the per-message check applies");
            }
        } catch (RuntimeException e) {
            LOG.debug("no frame-size guard on this socket; the per-message check applies", e);
        }
    }

    static String reason(int limit) {
        return "Frame too large: the limit is " + limit + " bytes";
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (rejected) {
            ReferenceCountUtil.release(msg);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) msg;
        if (!(frame instanceof ContinuationWebSocketFrame)) {
            messageBytes = 0;
        }
        messageBytes += frame.content().readableBytes();
        if (messageBytes > limit) {
            rejected = true;
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(new CloseWebSocketFrame(1009, reason(limit))).addListener(ChannelFutureListener.CLOSE);
            // A client that does not read would hold the close frame back forever.
            ctx.executor().schedule(() -> ctx.channel().close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            return;
        }
        if (frame.isFinalFragment()) {
            messageBytes = 0;
        }
        ctx.fireChannelRead(msg);
    }
}
