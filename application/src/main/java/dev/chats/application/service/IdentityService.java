package dev.chats.application.service;

import dev.chats.application.port.in.GetSessionUserUseCase;
import dev.chats.application.port.in.InvalidCredentialsException;
import dev.chats.application.port.in.SignInUseCase;
import dev.chats.application.port.in.SignUpUseCase;
import dev.chats.application.port.in.UnknownUserException;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.PasswordHasher;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/** Signs users up and in with the built-in password sign-in, and resolves the user behind a session. */
public final class IdentityService implements SignUpUseCase, SignInUseCase, GetSessionUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final Role defaultRole;
    private volatile String decoyHash;

    /**
     * @param defaultRole the role of every user after the first, who becomes admin: {@code USER} or {@code PENDING}
     */
    public IdentityService(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock,
                           Role defaultRole) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
        if (defaultRole == Role.ADMIN) {
            throw new IllegalArgumentException("the default role of new users must be user or pending, not admin");
        }
    }

    @Override
    public User signUp(Command command) {
        // Checked before hashing so that a taken address answers fast; add() still refuses a concurrent duplicate.
        if (users.findByEmail(command.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        Role role = users.hasAnyUser() ? defaultRole : Role.ADMIN;
        long now = clock.nowEpochSeconds();
        User user = new User(new UserId(ids.newId()), command.name(), command.email(), role,
                hasher.hash(command.password()), command.profileImageUrl().orElse(User.DEFAULT_PROFILE_IMAGE_URL),
                now, now);
        users.add(user);
        return user;
    }

    @Override
    public User signIn(String email, String password) {
        Objects.requireNonNull(password, "password");
        Optional<User> user = parseEmail(email).flatMap(users::findByEmail);
        if (user.isEmpty()) {
            // Hash anyway, so that an unknown address takes as long as a wrong password and reveals nothing.
            hasher.matches(password, decoyHash());
            throw new InvalidCredentialsException();
        }
        if (!hasher.matches(password, user.get().passwordHash())) {
            throw new InvalidCredentialsException();
        }
        return user.get();
    }

    @Override
    public User sessionUser(UserId id) {
        return users.findById(id).orElseThrow(() -> new UnknownUserException(id));
    }

    private static Optional<EmailAddress> parseEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(email));
        } catch (EmailAddress.InvalidEmailException e) {
            return Optional.empty();
        }
    }

    /** A real hash of nothing anyone knows, made on first need: hashing is deliberately slow. */
    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(ids.newId());
            decoyHash = hash;
        }
        return hash;
    }
}
