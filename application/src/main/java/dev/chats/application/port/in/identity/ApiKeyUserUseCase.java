package dev.chats.application.port.in.identity;

import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.User;

/** Use case: find the user a presented API key belongs to, as stored now. */
public interface ApiKeyUserUseCase {

    /**
     * The owner of the key with this hash, read afresh so that a deleted key, a replaced key or a deleted user stops
     * working on the next request.
     *
     * @throws ApiKeysDisabledException if API keys are turned off
     * @throws UnknownApiKeyException   if no such key exists (any more), or its owner does not
     */
    User keyOwner(ApiKeyHash hash);
}
