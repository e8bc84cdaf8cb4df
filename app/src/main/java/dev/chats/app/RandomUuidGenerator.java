package dev.chats.app;

import dev.chats.domain.port.IdGenerator;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Id adapter: random (version 4) UUIDs, as Open WebUI generates them. */
@Singleton
final class RandomUuidGenerator implements IdGenerator {

    @Override
    public String newId() {
        return UUID.randomUUID().toString();
    }
}
