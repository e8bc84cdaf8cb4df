package dev.chats.application.port.in.identity;

/** The session token was signed out, or the password changed after it was issued: it no longer signs anyone in. */
public class RevokedSessionException extends RuntimeException {

    public RevokedSessionException() {
        super("the session token was revoked");
    }
}
