package dev.chats.application.port.in.identity;

import dev.chats.domain.user.UserId;

/** Use case: a signed-in user replaces their password, confirming the current one. */
public interface ChangePasswordUseCase {

    /**
     * Checks the current password (one attempt against the account's sign-in limit), stores the new one and voids
     * every session token issued before, the one used for this request included.
     *
     * @throws IncorrectPasswordException if {@code currentPassword} is wrong
     * @throws PasswordTooLongException   if the new password exceeds {@link SignUpUseCase.Command#MAX_PASSWORD_BYTES}
     * @throws TooManyAttemptsException   if the account used every attempt of the current window
     * @throws UnknownUserException       if the user no longer exists
     */
    void changePassword(UserId user, String currentPassword, String newPassword);
}
