package dev.chats.application.port.in.identity;

/** API keys are turned off on this server: none may be issued, and a presented one is refused. */
public class ApiKeysDisabledException extends RuntimeException {

    public ApiKeysDisabledException() {
        super("API keys are disabled");
    }
}
