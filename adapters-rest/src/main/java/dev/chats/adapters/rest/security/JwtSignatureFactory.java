package dev.chats.adapters.rest.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;

/**
 * Provides the HS256 signature that signs and verifies session tokens. The secret is {@code chats.jwt.secret}
 * ({@code CHATS_JWT_SECRET}) when set, else one generated once and kept in the data directory. The bean is named
 * {@code generator}, so {@code JwtTokenGenerator} signs with it, and as a {@code SignatureConfiguration} the
 * token validators verify with it.
 */
@Factory
final class JwtSignatureFactory {

    // @Context: a bad secret stops the start-up with this message instead of failing the first request.
    @Context
    @Named("generator")
    SignatureGeneratorConfiguration generatorSignature(JwtSettings jwt, DataDirSettings data) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        if (jwt.secret().isPresent()) {
            configuration.setSecret(jwt.secret().get());
        } else {
            configuration.setSecret(new JwtSecretFile(data.dataDir()).readOrCreate());
            configuration.setBase64(true);
        }
        return new SecretSignature(configuration);
    }
}
