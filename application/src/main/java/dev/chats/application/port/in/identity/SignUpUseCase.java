package dev.chats.application.port.in.identity;

import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Use case: register a new user with the built-in password sign-in. */
public interface SignUpUseCase {

    /**
     * Registers the user. The first user ever becomes admin; later ones get the configured default role.
     *
     * @throws EmailAlreadyRegisteredException if a user with this address (any letter case) exists
     */
    User signUp(Command command);

    /**
     * A valid sign-up request.
     *
     * @param profileImageUrl empty for the default picture
     * @throws IllegalArgumentException      if the name is blank or longer than {@link User#MAX_NAME_LENGTH}
     * @throws PasswordTooLongException      if the password exceeds {@link #MAX_PASSWORD_BYTES}
     */
    record Command(String name, EmailAddress email, String password, Optional<String> profileImageUrl) {

        /** bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently truncated. */
        public static final int MAX_PASSWORD_BYTES = 72;

        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(profileImageUrl, "profileImageUrl");
            if (name.isBlank() || name.length() > User.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("name must be 1.." + User.MAX_NAME_LENGTH + " characters");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
                throw new PasswordTooLongException(MAX_PASSWORD_BYTES);
            }
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "SignUp[" + email.value() + "]";
        }
    }
}
