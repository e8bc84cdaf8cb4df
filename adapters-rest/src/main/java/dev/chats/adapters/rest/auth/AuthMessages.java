package dev.chats.adapters.rest.auth;

/** Open WebUI's {@code detail} strings that only the auth routes answer with. */
final class AuthMessages {

    static final String PASSWORD_TOO_LONG = "Uh-oh! The password you entered is too long. Please make sure your "
            + "password is less than 72 bytes long.";
    /** Open WebUI's {@code RATE_LIMIT_EXCEEDED}, answered with 429 once an account used its sign-in attempts. */
    static final String RATE_LIMIT_EXCEEDED = "API rate limit exceeded";
    /** Open WebUI's {@code INVALID_PASSWORD}: the current password given to confirm a change is wrong. */
    static final String INVALID_PASSWORD = "The password provided is incorrect. Please check for typos and try again.";

    private AuthMessages() {
    }
}
