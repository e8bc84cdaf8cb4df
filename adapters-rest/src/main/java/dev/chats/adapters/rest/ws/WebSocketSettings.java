package dev.chats.adapters.rest.ws;

import dev.chats.adapters.rest.settings.SettingValue;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The limits of the event socket ({@code chats.websocket.*}): how long a client may take to authenticate, the
 * heartbeat, the largest frame a client may send, and how much may wait for a slow client before it is dropped.
 * Bound and checked at start-up: a value out of range stops the server naming the setting.
 */
@ConfigurationProperties("chats.websocket")
public final class WebSocketSettings {

    /**
     * The largest single frame Netty accepts at all (the endpoint's {@code @OnMessage} payload length); the
     * configured {@code max-frame-bytes} may only be smaller.
     */
    public static final int FRAME_CEILING = 65_536;
    static final int MIN_FRAME_BYTES = 256;

    private final Duration authTimeout;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final int maxFrameBytes;
    private final int sendQueueFrames;
    private final long sendQueueBytes;

    @ConfigurationInject
    public WebSocketSettings(@Bindable(defaultValue = "10s") String authTimeout,
                             @Bindable(defaultValue = "25s") String pingInterval,
                             @Bindable(defaultValue = "20s") String pongTimeout,
                             @Bindable(defaultValue = "16384") String maxFrameBytes,
                             @Bindable(defaultValue = "256") String sendQueueFrames,
                             @Bindable(defaultValue = "8388608") String sendQueueBytes) {
        this(SettingValue.duration("chats.websocket.auth-timeout", authTimeout),
                SettingValue.duration("chats.websocket.ping-interval", pingInterval),
                SettingValue.duration("chats.websocket.pong-timeout", pongTimeout),
                SettingValue.number("chats.websocket.max-frame-bytes", maxFrameBytes),
                SettingValue.number("chats.websocket.send-queue-frames", sendQueueFrames),
                SettingValue.number("chats.websocket.send-queue-bytes", sendQueueBytes));
    }

    WebSocketSettings(Duration authTimeout, Duration pingInterval, Duration pongTimeout, long maxFrameBytes,
                              long sendQueueFrames, long sendQueueBytes) {
        this.authTimeout = positive("chats.websocket.auth-timeout", authTimeout);
        this.pingInterval = positive("chats.websocket.ping-interval", pingInterval);
        this.pongTimeout = positive("chats.websocket.pong-timeout", pongTimeout);
        if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > FRAME_CEILING) {
            throw new ConfigurationException("chats.websocket.max-frame-bytes must be " + MIN_FRAME_BYTES + ".."
                    + FRAME_CEILING + ", was " + maxFrameBytes);
        }
        if (sendQueueFrames < 1 || sendQueueFrames > Integer.MAX_VALUE || sendQueueBytes < 1) {
            throw new ConfigurationException("chats.websocket.send-queue-frames and send-queue-bytes must be "
                    + "positive, were " + sendQueueFrames + " and " + sendQueueBytes);
        }
        this.maxFrameBytes = (int) maxFrameBytes;
        this.sendQueueFrames = (int) sendQueueFrames;
        this.sendQueueBytes = sendQueueBytes;
    }

    /** A socket that has not presented a valid token this long after opening is closed with 1008. */
    public Duration authTimeout() {
        return authTimeout;
    }

    /** How often every socket is pinged. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** A socket silent (no pong, no frame) for a ping interval plus this long is dropped as dead. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** The largest message a client may send, fragments included; larger ones close the socket with 1009. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Frames that may wait unsent for one socket; one more and the socket is dropped as too slow. */
    public int sendQueueFrames() {
        return sendQueueFrames;
    }

    /** Characters that may wait unsent for one socket (a single frame always may). */
    public long sendQueueBytes() {
        return sendQueueBytes;
    }

    private static Duration positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new ConfigurationException(key + " must be a positive duration such as 10s, was " + value);
        }
        return value;
    }
}
