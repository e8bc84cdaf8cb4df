package dev.chats.app;

import dev.chats.domain.port.Clock;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.app.move.MoveCommand;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the revocations of tokens that have expired anyway ({@code chats.auth.revocation-purge-interval}, hourly),
 * so the store keeps only signed-out tokens that could still be presented. Every instance runs it; deleting the
 * same expired rows twice is harmless. A failure is logged and retried next time.
 */
@Singleton
@Requires(notEnv = MoveCommand.ENVIRONMENT) // the copy command only reads its source
final class RevokedTokensPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RevokedTokensPurge.class);

    private final RevokedTokens revokedTokens;
    private final Clock clock;

    RevokedTokensPurge(RevokedTokens revokedTokens, Clock clock) {
        this.revokedTokens = revokedTokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${chats.auth.revocation-purge-interval:1h}", initialDelay = "5m")
    void purge() {
        try {
            long purged = revokedTokens.purgeExpired(clock.nowEpochSeconds());
            if (purged > 0) {
                LOG.debug("dropped {} revocations of expired session tokens", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired token revocations failed; retried later: {}", e.toString());
        }
    }
}
