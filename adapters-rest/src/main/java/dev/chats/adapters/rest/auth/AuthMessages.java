package dev.chats.adapters.rest.auth;

/** Open WebUI's {@code detail} strings that only the auth routes answer with. */
final class AuthMessages {

    static final String PASSWORD_TOO_LONG = "Uh-oh! The password you entered is too long. Please make sure your "
            + "password is less than 72 bytes long.";

    private AuthMessages() {
    }
}
