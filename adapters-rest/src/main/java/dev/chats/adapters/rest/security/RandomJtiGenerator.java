package dev.chats.adapters.rest.security;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Gives every session token a random id ({@code jti}), as Open WebUI does, so that one token can be revoked. */
@Singleton
final class RandomJtiGenerator implements JtiGenerator {

    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }
}
