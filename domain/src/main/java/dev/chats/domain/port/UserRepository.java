package dev.chats.domain.port;

import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.Optional;

/** Output port: stores users. */
public interface UserRepository {

    /**
     * Stores a new user.
     *
     * @throws EmailAlreadyRegisteredException if the e-mail address is taken
     */
    void add(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /**
     * Replaces the user's password hash and, in the same atomic write, bumps {@link User#credentialsVersion()}
     * by one, which voids every session token issued before.
     *
     * @param updatedAt the new {@code updatedAt}, epoch seconds
     * @return the user as stored after the change; empty if no such user exists
     */
    Optional<User> changePassword(UserId id, String passwordHash, long updatedAt);

    /** Whether any user exists: the first to sign up becomes the admin. */
    boolean hasAnyUser();
}
