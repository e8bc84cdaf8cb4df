package dev.chats.application.port.in.identity;

import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.UserId;

import java.util.Optional;

/** Use case: a user issues, looks at and deletes their API key (one per user; issuing again replaces it). */
public interface ApiKeysUseCase {

    /**
     * Issues a new key to the user, replacing any earlier one, which stops working at once.
     *
     * @return the key itself: the only time it leaves the server
     * @throws ApiKeysDisabledException if API keys are turned off
     */
    ApiKey issue(UserId user);

    /** What may be shown of the user's key (its prefix and last characters), if they have one. */
    Optional<String> hint(UserId user);

    /** Deletes the user's key, which stops working at once; answers whether there was one. */
    boolean delete(UserId user);
}
