package dev.chats.domain.port.fake;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.port.contract.VapiSessionRepositoryContract;

/** Runs the Vapi session persistence contract against the in-memory fake. */
class InMemoryVapiSessionRepositoryContractTest extends VapiSessionRepositoryContract {

    private final InMemoryVapiSessionRepository sessions = new InMemoryVapiSessionRepository();

    @Override
    protected VapiSessionRepository vapiSessions() {
        return sessions;
    }
}
