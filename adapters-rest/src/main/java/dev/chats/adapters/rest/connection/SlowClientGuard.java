package dev.chats.adapters.rest.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP/1 connections whose client sends a request too slowly ({@link SlowClientSettings}). Two handlers
 * share one {@link Deadline} per connection: one before the HTTP codec sees the raw bytes (a request starts with
 * its first byte), one after it sees the decoded head and body parts. Idle keep-alive connections are left to
 * {@code micronaut.server.idle-timeout}; a connection upgraded to WebSocket is no longer watched, and a response
 * streamed to the client is never cut, since only the receiving of a request is timed.
 */
@Singleton
final class SlowClientGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);
    private static final String RAW = "chats-slow-client-raw";
    private static final String DECODED = "chats-slow-client-decoded";

    private final SlowClientSettings settings;

    SlowClientGuard(SlowClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            if (pipeline == null || pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null
                    || pipeline.get(RAW) != null) {
                return; // not an HTTP/1 connection: nothing of ours to watch
            }
            Deadline deadline = new Deadline(settings);
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, RAW, deadline.raw());
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, DECODED, deadline.decoded());
        }
    }

    /** The receiving state of one connection's current request, checked once a second while one arrives. */
    private static final class Deadline {
        private enum State { IDLE, HEAD, BODY, UPGRADED }

        private final SlowClientSettings settings;
        private State state = State.IDLE;
        private long startedNanos;
        private long bodyStartedNanos;
        private long lastBodyNanos;
        private long bodyBytes;
        private ScheduledFuture<?> check;

        Deadline(SlowClientSettings settings) {
            this.settings = settings;
        }

        ChannelInboundHandlerAdapter raw() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (state == State.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                        state = State.HEAD;
                        startedNanos = System.nanoTime();
                        check = ctx.executor().scheduleAtFixedRate(() -> enforce(ctx), 1, 1, TimeUnit.SECONDS);
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    stop();
                    ctx.fireChannelInactive();
                }
            };
        }

        ChannelDuplexHandler decoded() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (state != State.UPGRADED) {
                        received(msg);
                    }
                    ctx.fireChannelRead(msg);
                }
            };
        }

        private void received(Object msg) {
            long now = System.nanoTime();
            if (msg instanceof HttpRequest request) {
                if (request.headers().contains(HttpHeaderNames.UPGRADE)) {
                    state = State.UPGRADED;
                    stop();
                    return;
                }
                state = State.BODY;
                bodyStartedNanos = now;
                lastBodyNanos = now;
                bodyBytes = 0;
            }
            if (msg instanceof HttpContent content) {
                bodyBytes += content.content().readableBytes();
                lastBodyNanos = now;
                if (content instanceof LastHttpContent) {
                    state = State.IDLE;
                    stop();
                }
            }
        }

        private void enforce(ChannelHandlerContext ctx) {
            long now = System.nanoTime();
            String reason = switch (state) {
                case HEAD -> now - startedNanos > settings.headerTimeout().toNanos()
                        ? "request head not complete within " + settings.headerTimeout() : null;
                case BODY -> bodyTooSlow(now);
                case IDLE, UPGRADED -> null;
            };
            if (reason != null) {
                LOG.debug("closing {}: {}", ctx.channel().remoteAddress(), reason);
                stop();
                ctx.channel().close();
            }
        }

        private String bodyTooSlow(long now) {
            if (now - lastBodyNanos > settings.bodyIdleTimeout().toNanos()) {
                return "no body data for " + settings.bodyIdleTimeout();
            }
            long elapsedNanos = now - bodyStartedNanos;
            if (elapsedNanos > settings.bodyGrace().toNanos()
                    && bodyBytes * 1_000_000_000L / elapsedNanos < settings.bodyMinBytesPerSecond()) {
                return "body arriving below " + settings.bodyMinBytesPerSecond() + " bytes/s";
            }
            return null;
        }

        private void stop() {
            if (check != null) {
                check.cancel(false);
                check = null;
            }
        }
    }
}
