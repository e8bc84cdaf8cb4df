package dev.chats.app;

import dev.chats.domain.port.Clock;
import jakarta.inject.Singleton;

/** Clock adapter: the system's UTC time in epoch seconds. */
@Singleton
final class SystemClock implements Clock {

    @Override
    public long nowEpochSeconds() {
        return System.currentTimeMillis() / 1000L;
    }

    @Override
    public long nowEpochMillis() {
        return System.currentTimeMillis();
    }
}
