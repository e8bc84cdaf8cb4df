package dev.chats.application.port.in.identity;

import dev.chats.domain.user.User;

/** Use case: find the user a verified session token names, as stored now. */
public interface GetSessionUserUseCase {

    /**
     * The user the token names, read afresh so that a changed role or a deletion takes effect on the next request.
     *
     * @throws RevokedSessionException if the token was signed out, or the user's password changed after it was issued
     * @throws UnknownUserException    if no such user exists (any more)
     */
    User sessionUser(SessionToken token);
}
