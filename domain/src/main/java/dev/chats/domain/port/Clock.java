package dev.chats.domain.port;

/** Output port: the current time, in epoch seconds (UTC) as stored and sent on the wire. */
@FunctionalInterface
public interface Clock {

    long nowEpochSeconds();
}
