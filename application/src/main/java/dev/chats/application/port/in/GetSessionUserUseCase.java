package dev.chats.application.port.in;

import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

/** Use case: find the user a verified session token names, as stored now. */
public interface GetSessionUserUseCase {

    /**
     * The user, read afresh so that a changed role or a deletion takes effect on the next request.
     *
     * @throws UnknownUserException if no such user exists (any more)
     */
    User sessionUser(UserId id);
}
