package dev.chats.adapters.rest.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code chats.data-dir} ({@code CHATS_DATA_DIR}, {@code ./data}): where the generated JWT secret is kept (and,
 * through {@code application.yml}, the embedded H2 database). Read at start-up: an empty value or one that is no
 * path stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats")
public final class DataDirSettings {

    private Path dataDir = Path.of("./data");

    public Path dataDir() {
        return dataDir;
    }

    public void setDataDir(String value) {
        try {
            if (value == null || value.isBlank()) {
                throw new InvalidPathException(String.valueOf(value), "empty");
            }
            dataDir = Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new ConfigurationException("chats.data-dir (CHATS_DATA_DIR) must be a directory path; it is '"
                    + value + "'");
        }
    }
}
