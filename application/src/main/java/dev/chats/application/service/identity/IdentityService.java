package dev.chats.application.service.identity;

import dev.chats.application.port.in.identity.ChangePasswordUseCase;
import dev.chats.application.port.in.identity.GetSessionUserUseCase;
import dev.chats.application.port.in.identity.IncorrectPasswordException;
import dev.chats.application.port.in.identity.InvalidCredentialsException;
import dev.chats.application.port.in.identity.PasswordTooLongException;
import dev.chats.application.port.in.identity.RevokedSessionException;
import dev.chats.application.port.in.identity.SessionToken;
import dev.chats.application.port.in.identity.SignInUseCase;
import dev.chats.application.port.in.identity.SignOutUseCase;
import dev.chats.application.port.in.identity.SignUpUseCase;
import dev.chats.application.port.in.identity.TooManyAttemptsException;
import dev.chats.application.port.in.identity.UnknownUserException;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.PasswordHasher;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SignInAttempts;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs users up, in and out with the built-in password sign-in, changes passwords, and resolves the user behind a
 * session token, refusing revoked ones.
 */
public final class IdentityService implements SignUpUseCase, SignInUseCase, GetSessionUserUseCase, SignOutUseCase,
        ChangePasswordUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final Role defaultRole;
    private final SignInAttempts attempts;
    private final RevokedTokens revokedTokens;
    private volatile String decoyHash;

    /**
     * @param defaultRole the role of every user after the first, who becomes admin: {@code USER} or {@code PENDING}
     */
    public IdentityService(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock,
                           Role defaultRole, SignInAttempts attempts, RevokedTokens revokedTokens) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.revokedTokens = Objects.requireNonNull(revokedTokens, "revokedTokens");
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
        // Every attempt counts, a right password included, and is counted before any hashing: a refused attempt
        // costs the server nothing and tells the guesser nothing.
        if (!attempts.admit(accountKey(email))) {
            throw new TooManyAttemptsException();
        }
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
    public User sessionUser(SessionToken token) {
        if (token.id().isPresent() && revokedTokens.isRevoked(token.user(), token.id().get())) {
            throw new RevokedSessionException();
        }
        User user = users.findById(token.user()).orElseThrow(() -> new UnknownUserException(token.user()));
        if (!user.acceptsTokensOf(token.credentialsVersion())) {
            throw new RevokedSessionException();
        }
        return user;
    }

    @Override
    public void signOut(SessionToken token, long expiresAt) {
        token.id().ifPresent(id -> revokedTokens.revoke(token.user(), id, expiresAt));
    }

    @Override
    public void changePassword(UserId id, String currentPassword, String newPassword) {
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        if (newPassword.isEmpty()) {
            throw new IllegalArgumentException("the new password must not be empty");
        }
        if (newPassword.getBytes(StandardCharsets.UTF_8).length > SignUpUseCase.Command.MAX_PASSWORD_BYTES) {
            throw new PasswordTooLongException(SignUpUseCase.Command.MAX_PASSWORD_BYTES);
        }
        User user = users.findById(id).orElseThrow(() -> new UnknownUserException(id));
        // A stolen session must not become an unlimited password oracle: the check counts as a sign-in attempt.
        if (!attempts.admit(user.email().value())) {
            throw new TooManyAttemptsException();
        }
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw new IncorrectPasswordException();
        }
        users.changePassword(id, hasher.hash(newPassword), clock.nowEpochSeconds())
                .orElseThrow(() -> new UnknownUserException(id));
    }

    /**
     * The account an attempt counts against: the address as sign-in matches it (trimmed, lower-cased), or, for text
     * that is no address, that text likewise normalised and cut to an address's longest length.
     */
    static String accountKey(String email) {
        if (email == null) {
            return "";
        }
        Optional<EmailAddress> address = parseEmail(email);
        if (address.isPresent()) {
            return address.get().value();
        }
        String text = email.trim().toLowerCase(Locale.ROOT);
        return text.length() > EmailAddress.MAX_LENGTH ? text.substring(0, EmailAddress.MAX_LENGTH) : text;
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
