package dev.chats.domain.port;

/** Output port: new ids, lower-case hyphenated UUID strings. */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
