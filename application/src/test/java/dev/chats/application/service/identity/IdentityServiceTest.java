package dev.chats.application.service.identity;

import dev.chats.application.port.in.identity.IncorrectPasswordException;
import dev.chats.application.port.in.identity.InvalidCredentialsException;
import dev.chats.application.port.in.identity.PasswordTooLongException;
import dev.chats.application.port.in.identity.RevokedSessionException;
import dev.chats.application.port.in.identity.SessionToken;
import dev.chats.application.port.in.identity.SignUpUseCase;
import dev.chats.application.port.in.identity.TooManyAttemptsException;
import dev.chats.application.port.in.identity.UnknownUserException;
import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.PasswordHasher;
import dev.chats.domain.port.SignInAttempts;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.fake.InMemoryRevokedTokens;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up, sign-in and session resolution of the identity service, over in-memory ports. */
class IdentityServiceTest {

    private static final long NOW = 1_700_000_000L;

    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingHasher hasher = new RecordingHasher();
    private final AtomicInteger nextId = new AtomicInteger();
    private final CountingAttempts attempts = new CountingAttempts();
    private final InMemoryRevokedTokens revoked = new InMemoryRevokedTokens();
    private IdentityService service = serviceWithDefaultRole(Role.USER);

    private IdentityService serviceWithDefaultRole(Role role) {
        return new IdentityService(users, hasher, () -> "id-" + nextId.incrementAndGet(), () -> NOW, role, attempts,
                revoked);
    }

    private static SessionToken token(User user, String jti, long credentialsVersion) {
        return new SessionToken(user.id(), Optional.ofNullable(jti).map(TokenId::new), credentialsVersion);
    }

    private static SignUpUseCase.Command command(String name, String email, String password) {
        return new SignUpUseCase.Command(name, new EmailAddress(email), password, Optional.empty());
    }

    @Test
    void givenNoUsers_signUp_makesTheFirstUserAdmin() {
        User first = service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThat(first.role()).isEqualTo(Role.ADMIN);
        assertThat(users.findById(first.id())).contains(first);
    }

    @Test
    void givenAnAdmin_signUp_givesLaterUsersTheDefaultRole() {
        service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThat(service.signUp(command("Bob", "bob@example.com", "secret")).role()).isEqualTo(Role.USER);
    }

    @Test
    void givenDefaultRolePending_signUp_makesLaterUsersPending() {
        service = serviceWithDefaultRole(Role.PENDING);
        service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThat(service.signUp(command("Bob", "bob@example.com", "secret")).role()).isEqualTo(Role.PENDING);
    }

    @Test
    void defaultRoleAdmin_isRefused() {
        assertThatThrownBy(() -> serviceWithDefaultRole(Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signUp_storesTheHashNeverThePassword_withDefaultPictureAndTimes() {
        User user = service.signUp(command("Ada", "Ada@Example.com", "secret"));

        assertThat(user.passwordHash()).isEqualTo("hashed:secret");
        assertThat(user.email().value()).isEqualTo("ada@example.com");
        assertThat(user.profileImageUrl()).isEqualTo(User.DEFAULT_PROFILE_IMAGE_URL);
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.updatedAt()).isEqualTo(NOW);
        assertThat(user.id()).isEqualTo(new UserId("id-1"));
    }

    @Test
    void signUp_keepsAGivenProfilePicture() {
        User user = service.signUp(new SignUpUseCase.Command("Ada", new EmailAddress("ada@example.com"), "secret",
                Optional.of("data:image/png;base64,AAAA")));

        assertThat(user.profileImageUrl()).isEqualTo("data:image/png;base64,AAAA");
    }

    @Test
    void givenARegisteredAddress_signUpWithItInAnotherCase_isRefusedWithoutHashing() {
        service.signUp(command("Ada", "ada@example.com", "secret"));
        int hashesBefore = hasher.hashes;

        assertThatThrownBy(() -> service.signUp(command("Eve", "ADA@example.COM", "other")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(hasher.hashes).isEqualTo(hashesBefore);
        assertThat(users.all()).hasSize(1);
    }

    @Test
    void givenAConcurrentDuplicate_signUp_passesOnTheRepositoryRefusal() {
        users.hideFromLookups = true;
        service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThatThrownBy(() -> service.signUp(command("Eve", "ada@example.com", "other")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
    }

    @Test
    void command_refusesPasswordsLongerThan72Bytes_countingBytesNotCharacters() {
        String seventyTwoBytes = "é".repeat(36);
        assertThat(command("Ada", "ada@example.com", seventyTwoBytes).password()).isEqualTo(seventyTwoBytes);

        assertThatThrownBy(() -> command("Ada", "ada@example.com", seventyTwoBytes + "x"))
                .isInstanceOf(PasswordTooLongException.class);
    }

    @Test
    void command_refusesBlankOrOverlongNamesAndEmptyPasswords() {
        assertThatThrownBy(() -> command(" ", "ada@example.com", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command("a".repeat(User.MAX_NAME_LENGTH + 1), "ada@example.com", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command("Ada", "ada@example.com", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(command("a".repeat(User.MAX_NAME_LENGTH), "ada@example.com", "x").name())
                .hasSize(User.MAX_NAME_LENGTH);
    }

    @Test
    void command_neverPrintsThePassword() {
        assertThat(command("Ada", "ada@example.com", "hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void givenAUser_signIn_withTheRightPasswordInAnyCase_answersTheUser() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThat(service.signIn(" ADA@example.com ", "secret")).isEqualTo(ada);
    }

    @Test
    void givenAUser_signIn_withAWrongPassword_isRefused() {
        service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThatThrownBy(() -> service.signIn("ada@example.com", "Secret"))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void signIn_withAnUnknownAddress_isRefusedAfterHashingAnyway() {
        service.signUp(command("Ada", "ada@example.com", "secret"));
        int matchesBefore = hasher.matches;

        assertThatThrownBy(() -> service.signIn("nobody@example.com", "secret"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(hasher.matches).isEqualTo(matchesBefore + 1);
    }

    @Test
    void signIn_withSomethingThatIsNotAnAddress_isRefusedLikeAnUnknownOne() {
        assertThatThrownBy(() -> service.signIn("not an address", "secret"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(hasher.matches).isEqualTo(1);
    }

    @Test
    void givenAPendingUser_signIn_answersThem() {
        service = serviceWithDefaultRole(Role.PENDING);
        service.signUp(command("Ada", "ada@example.com", "secret"));
        service.signUp(command("Bob", "bob@example.com", "secret"));

        assertThat(service.signIn("bob@example.com", "secret").role()).isEqualTo(Role.PENDING);
    }

    @Test
    void sessionUser_answersTheStoredUser_orRefusesAnUnknownId() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThat(service.sessionUser(token(ada, "t1", 0))).isEqualTo(ada);
        assertThat(service.sessionUser(token(ada, null, 0))).isEqualTo(ada);
        assertThatThrownBy(() -> service.sessionUser(
                new SessionToken(new UserId("gone"), Optional.empty(), 0)))
                .isInstanceOf(UnknownUserException.class);
    }

    @Test
    void givenAFullWindow_signIn_refusesEvenTheRightPasswordWithoutHashing() {
        service.signUp(command("Ada", "ada@example.com", "secret"));
        attempts.refuse("ada@example.com");
        int matchesBefore = hasher.matches;

        assertThatThrownBy(() -> service.signIn("  ADA@example.com ", "secret"))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(hasher.matches).isEqualTo(matchesBefore);
    }

    @Test
    void signIn_countsEveryAttemptUnderTheNormalisedAddress() {
        service.signUp(command("Ada", "ada@example.com", "secret"));

        service.signIn("Ada@Example.com", "secret");
        assertThatThrownBy(() -> service.signIn(" ada@example.COM", "wrong"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> service.signIn("Not An Address", "wrong"))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(attempts.counted).containsExactly("ada@example.com", "ada@example.com", "not an address");
    }

    @Test
    void givenSignedOutToken_sessionUser_refusesItButNotTheUsersOtherTokens() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        service.signOut(token(ada, "t1", 0), NOW + 60);

        assertThatThrownBy(() -> service.sessionUser(token(ada, "t1", 0)))
                .isInstanceOf(RevokedSessionException.class);
        assertThat(service.sessionUser(token(ada, "t2", 0))).isEqualTo(ada);
    }

    @Test
    void changePassword_storesTheNewHashAndVoidsEveryOlderToken() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        service.changePassword(ada.id(), "secret", "new secret");

        User changed = users.findById(ada.id()).orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo("hashed:new secret");
        assertThat(changed.credentialsVersion()).isEqualTo(1L);
        assertThatThrownBy(() -> service.sessionUser(token(ada, "old", 0)))
                .isInstanceOf(RevokedSessionException.class);
        assertThat(service.sessionUser(token(ada, "new", 1))).isEqualTo(changed);
        assertThat(service.signIn("ada@example.com", "new secret")).isEqualTo(changed);
        assertThatThrownBy(() -> service.signIn("ada@example.com", "secret"))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void changePassword_withAWrongCurrentPassword_changesNothing_andCountsAsAnAttempt() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThatThrownBy(() -> service.changePassword(ada.id(), "guess", "new secret"))
                .isInstanceOf(IncorrectPasswordException.class);

        assertThat(users.findById(ada.id())).contains(ada);
        assertThat(attempts.counted).containsExactly("ada@example.com");
        attempts.refuse("ada@example.com");
        assertThatThrownBy(() -> service.changePassword(ada.id(), "secret", "new secret"))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(users.findById(ada.id())).contains(ada);
    }

    @Test
    void changePassword_toOneOver72Bytes_isRefusedBeforeAnyCheck() {
        User ada = service.signUp(command("Ada", "ada@example.com", "secret"));

        assertThatThrownBy(() -> service.changePassword(ada.id(), "secret", "é".repeat(37)))
                .isInstanceOf(PasswordTooLongException.class);
        assertThat(users.findById(ada.id())).contains(ada);
    }

    /** Counts the attempts it admits; refuses every attempt on the accounts it is told to. */
    private static final class CountingAttempts implements SignInAttempts {

        final List<String> counted = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        void refuse(String account) {
            refused.add(account);
        }

        @Override
        public boolean admit(String account) {
            if (refused.contains(account)) {
                return false;
            }
            counted.add(account);
            return true;
        }
    }

    /** A user store in a map, refusing duplicate addresses as the real ones do. */
    private static final class InMemoryUsers implements UserRepository {

        private final Map<UserId, User> byId = new LinkedHashMap<>();
        /** Makes lookups by address miss, as when another request registers the same address concurrently. */
        boolean hideFromLookups;

        @Override
        public void add(User user) {
            if (byId.values().stream().anyMatch(u -> u.email().equals(user.email()))) {
                throw new EmailAlreadyRegisteredException();
            }
            byId.put(user.id(), user);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<User> findByEmail(EmailAddress email) {
            if (hideFromLookups) {
                return Optional.empty();
            }
            return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
        }

        @Override
        public Optional<User> changePassword(UserId id, String passwordHash, long updatedAt) {
            return Optional.ofNullable(byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.name(), u.email(),
                    u.role(), passwordHash, u.profileImageUrl(), u.createdAt(), updatedAt,
                    u.credentialsVersion() + 1)));
        }

        @Override
        public boolean hasAnyUser() {
            return !byId.isEmpty();
        }

        List<User> all() {
            return new ArrayList<>(byId.values());
        }
    }

    /** A transparent "hash" that counts how often it is asked, to see that sign-in always does the work. */
    private static final class RecordingHasher implements PasswordHasher {

        int hashes;
        int matches;

        @Override
        public String hash(String password) {
            hashes++;
            return "hashed:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            matches++;
            return hash.equals("hashed:" + password);
        }
    }
}
