package dev.chats.adapters.rest.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * {@code chats.password.bcrypt-cost} ({@code CHATS_PASSWORD_BCRYPT_COST}, 12): the work factor of new password
 * hashes. Below 10 a stolen table is cheap to crack; above 31 bcrypt has no such cost. Read at start-up: a value out
 * of range stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.password")
public final class PasswordSettings {

    static final int MIN_COST = 10;
    static final int DEFAULT_COST = 12;

    private int bcryptCost = DEFAULT_COST;

    public void setBcryptCost(int cost) {
        if (cost < MIN_COST || cost > BCrypt.MAX_COST) {
            throw new ConfigurationException("chats.password.bcrypt-cost (CHATS_PASSWORD_BCRYPT_COST) must be "
                    + MIN_COST + ".." + BCrypt.MAX_COST + ", was " + cost);
        }
        bcryptCost = cost;
    }

    int bcryptCost() {
        return bcryptCost;
    }
}
