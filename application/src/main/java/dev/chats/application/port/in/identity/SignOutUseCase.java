package dev.chats.application.port.in.identity;

/** Use case: sign a session token out, on every instance and for good. */
public interface SignOutUseCase {

    /**
     * Revokes the token until it expires; a token without an id (issued before tokens had one) cannot be revoked
     * alone and is left as it is.
     *
     * @param expiresAt the token's expiry, epoch seconds
     */
    void signOut(SessionToken token, long expiresAt);
}
