package dev.chats.adapters.rest.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;

import java.nio.file.Path;

/**
 * Provides the HS256 signature that signs and verifies session tokens. The secret is {@code chats.jwt.secret}
 * ({@code CHATS_JWT_SECRET}) when set, else one generated once and kept in the data directory. The bean is named
 * {@code generator}, so {@code JwtTokenGenerator} signs with it, and as a {@code SignatureConfiguration} the
 * token validators verify with it.
 */
@Factory
final class JwtSignatureFactory {

    /** HS256 needs a key of at least 256 bits; 32 characters give at least 32 bytes. */
    static final int MIN_SECRET_LENGTH = 32;

    // @Context: a bad secret stops the start-up with this message instead of failing the first request.
    @Context
    @Named("generator")
    SignatureGeneratorConfiguration generatorSignature(@Nullable @Value("${chats.jwt.secret:}") String secret,
                                                       @Value("${chats.data-dir:./data}") String dataDir) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new ConfigurationException("chats.jwt.secret (CHATS_JWT_SECRET) must be at least "
                        + MIN_SECRET_LENGTH + " characters long for HS256, it has " + secret.length()
                        + "; leave it empty to have a random secret generated in chats.data-dir");
            }
            configuration.setSecret(secret);
        } else {
            configuration.setSecret(new JwtSecretFile(Path.of(dataDir)).readOrCreate());
            configuration.setBase64(true);
        }
        return new SecretSignature(configuration);
    }
}
