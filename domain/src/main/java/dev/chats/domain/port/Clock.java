package dev.chats.domain.port;

/** Output port: the current time, in epoch seconds (UTC) as stored and sent on the wire. */
@FunctionalInterface
public interface Clock {

    long nowEpochSeconds();

    /** The current time in epoch milliseconds (UTC), for records whose wire form carries milliseconds. */
    default long nowEpochMillis() {
        return nowEpochSeconds() * 1000L;
    }
}
