package dev.chats.domain.port.fake;

import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.contract.RevokedTokensContract;

/** Runs the revoked-token contract against the in-memory fake. */
class InMemoryRevokedTokensContractTest extends RevokedTokensContract {

    private final InMemoryRevokedTokens revokedTokens = new InMemoryRevokedTokens();

    @Override
    protected RevokedTokens revokedTokens() {
        return revokedTokens;
    }
}
