package dev.chats.domain.port.fake;

import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test double: a {@link UserRepository} in memory that passes the persistence contract. Every method holds the
 * repository's lock, so checking an e-mail address and storing the user is one atomic step. Adding an id that is
 * already stored fails with {@link IllegalStateException}, as a primary key would.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> byId = new HashMap<>();
    private final Map<EmailAddress, UserId> idByEmail = new HashMap<>();

    @Override
    public synchronized void add(User user) {
        if (idByEmail.containsKey(user.email())) {
            throw new EmailAlreadyRegisteredException();
        }
        if (byId.containsKey(user.id())) {
            throw new IllegalStateException("user " + user.id() + " is already stored");
        }
        byId.put(user.id(), user);
        idByEmail.put(user.email(), user.id());
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<User> findByEmail(EmailAddress email) {
        return Optional.ofNullable(idByEmail.get(email)).map(byId::get);
    }

    @Override
    public synchronized Optional<User> changePassword(UserId id, String passwordHash, long updatedAt) {
        User stored = byId.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        User changed = new User(stored.id(), stored.name(), stored.email(), stored.role(), passwordHash,
                stored.profileImageUrl(), stored.createdAt(), updatedAt, stored.credentialsVersion() + 1);
        byId.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized boolean hasAnyUser() {
        return !byId.isEmpty();
    }
}
