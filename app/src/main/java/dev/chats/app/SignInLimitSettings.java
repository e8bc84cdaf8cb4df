package dev.chats.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * {@code chats.auth.signin-limit.*}: {@code attempts} ({@code CHATS_AUTH_SIGNIN_LIMIT_ATTEMPTS}, 15) sign-in
 * attempts per account within a rolling {@code window} ({@code CHATS_AUTH_SIGNIN_LIMIT_WINDOW}, 180 s), Open WebUI's
 * figures. Read at start-up: fewer than one attempt or a window that is not positive stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.auth.signin-limit")
public final class SignInLimitSettings {

    private int attempts = 15;
    private Duration window = Duration.ofSeconds(180);

    public void setAttempts(int attempts) {
        if (attempts < 1) {
            throw new ConfigurationException("chats.auth.signin-limit.attempts (CHATS_AUTH_SIGNIN_LIMIT_ATTEMPTS) must"
                    + " be at least 1; it is " + attempts);
        }
        this.attempts = attempts;
    }

    public void setWindow(Duration window) {
        if (window == null || window.isNegative() || window.toMillis() < 1) {
            throw new ConfigurationException("chats.auth.signin-limit.window (CHATS_AUTH_SIGNIN_LIMIT_WINDOW) must be"
                    + " a positive duration such as 180s; it is " + window);
        }
        this.window = window;
    }

    int attempts() {
        return attempts;
    }

    Duration window() {
        return window;
    }
}
