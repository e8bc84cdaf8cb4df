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

    /** Whether any user exists: the first to sign up becomes the admin. */
    boolean hasAnyUser();
}
