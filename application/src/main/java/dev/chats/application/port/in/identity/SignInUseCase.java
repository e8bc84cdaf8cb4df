package dev.chats.application.port.in.identity;

import dev.chats.domain.user.User;

/** Use case: check an e-mail address and password and answer the user they belong to. */
public interface SignInUseCase {

    /**
     * The user with this address (any letter case) and password. Users of every role may sign in, {@code pending}
     * ones included: what they may do afterwards is decided per request.
     *
     * @param email the address as typed; one that is not an address simply matches no user
     * @throws InvalidCredentialsException if no user has this address or the password is wrong, alike
     * @throws TooManyAttemptsException    if the address used every attempt of the current window; the password is
     *                                     then not even checked
     */
    User signIn(String email, String password);
}
