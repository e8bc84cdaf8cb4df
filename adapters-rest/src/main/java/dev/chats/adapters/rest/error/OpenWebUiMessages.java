package dev.chats.adapters.rest.error;

/** Open WebUI's exact {@code detail} strings ({@code constants.py}, {@code ERROR_MESSAGES}). */
public final class OpenWebUiMessages {

    public static final String DEFAULT = "Something went wrong :/";
    public static final String NOT_FOUND = "We could not find what you're looking for :/";
    public static final String ACCESS_PROHIBITED =
            "You do not have permission to access this resource. Please contact your administrator for assistance.";
    public static final String UNAUTHORIZED = "401 Unauthorized";
    public static final String INVALID_TOKEN =
            "Your session has expired or the token is invalid. Please sign in again.";
    public static final String NOT_AUTHENTICATED = "Not authenticated";
    public static final String EMAIL_TAKEN = "Uh-oh! This email is already registered. Sign in with your existing "
            + "account or choose another email to start anew.";
    public static final String INVALID_CRED =
            "The email or password provided is incorrect. Please check for typos and try logging in.";
    public static final String INVALID_EMAIL_FORMAT = "The email format you entered is invalid. Please double-check "
            + "and make sure you're using a valid email address (e.g., yourname@example.com).";

    private OpenWebUiMessages() {
    }

    /** {@code DEFAULT("x")}: {@code [ERROR: x]}. */
    public static String error(String message) {
        return "[ERROR: " + message + "]";
    }
}
