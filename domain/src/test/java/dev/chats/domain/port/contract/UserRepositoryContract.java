package dev.chats.domain.port.contract;

import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.newUserId;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Persistence contract: what every {@link UserRepository} adapter must do, whichever database is behind it.
 *
 * <p>Subclass it per database, implement {@link #users()} to return the adapter under test — the same instance on
 * every call within a test — and give every test a clean store, for example by deleting all users in a
 * {@code @BeforeEach} of the subclass. The tests still use fresh random ids and e-mail addresses, so leftovers do not
 * change their outcome — except {@link UserRepository#hasAnyUser()} answering false, which only an empty store can
 * show: a subclass that cannot promise one overrides {@link #storeStartsEmpty()}, and that single check is then
 * reported as skipped rather than passed.
 */
public abstract class UserRepositoryContract {

    /** The repository under test; the same instance for the whole of one test. */
    protected abstract UserRepository users();

    /** Whether no user is stored when a test starts (the subclass empties the store before each test). */
    protected boolean storeStartsEmpty() {
        return true;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void givenAddedUser_findById_returnsEveryField(Role role) {
        User user = new User(newUserId(), "Ada Lovelace", uniqueEmail("ada"), role,
                "$2a$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "/user.png",
                1_700_000_000L, 1_700_000_042L);

        users().add(user);

        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void givenUserWithTextsAtTheirLongest_findById_returnsThemWhole() {
        String name = "Zoë 😀 ".repeat(User.MAX_NAME_LENGTH).substring(0, User.MAX_NAME_LENGTH);
        String local = UUID.randomUUID().toString().replace("-", "").repeat(10);
        String domain = "@example.com";
        EmailAddress email = new EmailAddress(local.substring(0, EmailAddress.MAX_LENGTH - domain.length()) + domain);
        String picture = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA".repeat(4_000);
        User user = new User(new UserId(ofLength("user-", UserId.MAX_LENGTH)), name, email, Role.USER,
                "hash", picture, 1, 2);

        users().add(user);

        assertThat(email.value()).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(users().findById(user.id())).contains(user);
        assertThat(users().findByEmail(email)).contains(user);
    }

    @Test
    void givenUnknownId_findById_isEmpty() {
        users().add(user(uniqueEmail("someone")));

        assertThat(users().findById(newUserId())).isEmpty();
    }

    @Test
    void givenAddedUser_findByEmail_findsItWhateverCaseAndSpacesWereTyped() {
        String token = UUID.randomUUID().toString();
        User user = user(new EmailAddress("Ada." + token + "@Example.COM"));
        users().add(user);

        assertThat(user.email().value()).isEqualTo("ada." + token + "@example.com");
        assertThat(users().findByEmail(new EmailAddress("ada." + token + "@example.com"))).contains(user);
        EmailAddress typedDifferently = new EmailAddress("  ADA." + token.toUpperCase() + "@EXAMPLE.com ");
        assertThat(users().findByEmail(typedDifferently)).contains(user);
    }

    @Test
    void givenUnknownEmail_findByEmail_isEmpty() {
        users().add(user(uniqueEmail("someone")));

        assertThat(users().findByEmail(uniqueEmail("nobody"))).isEmpty();
    }

    @Test
    void givenTwoUsers_findByEmail_tellsThemApart() {
        User ada = user(uniqueEmail("ada"));
        User bob = user(uniqueEmail("bob"));
        users().add(ada);
        users().add(bob);

        assertThat(users().findByEmail(ada.email())).contains(ada);
        assertThat(users().findByEmail(bob.email())).contains(bob);
    }

    @Test
    void givenTakenEmail_add_throwsAndStoresNothing() {
        String token = UUID.randomUUID().toString();
        User first = user(new EmailAddress("taken-" + token + "@example.com"));
        users().add(first);
        User second = user(new EmailAddress("TAKEN-" + token + "@Example.com"));

        assertThatThrownBy(() -> users().add(second)).isInstanceOf(EmailAlreadyRegisteredException.class);

        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByEmail(first.email())).contains(first);
    }

    @Test
    void givenEmptyStore_hasAnyUser_isFalse() {
        assumeTrue(storeStartsEmpty(), "this store may hold other suites' users");

        assertThat(users().hasAnyUser()).isFalse();
    }

    @Test
    void givenAUser_hasAnyUser_isTrue() {
        users().add(user(uniqueEmail("first")));

        assertThat(users().hasAnyUser()).isTrue();
    }

    @Test
    void givenNewUser_credentialsVersion_isZero() {
        User user = user(uniqueEmail("fresh"));
        users().add(user);

        assertThat(users().findById(user.id())).map(User::credentialsVersion).contains(0L);
    }

    @Test
    void givenUser_changePassword_replacesTheHashAndBumpsTheCredentialsVersionEachTime() {
        User user = user(uniqueEmail("changer"));
        User other = user(uniqueEmail("bystander"));
        users().add(user);
        users().add(other);

        User once = users().changePassword(user.id(), "hash-2", 1_700_000_100L).orElseThrow();
        User twice = users().changePassword(user.id(), "hash-3", 1_700_000_200L).orElseThrow();

        assertThat(once.passwordHash()).isEqualTo("hash-2");
        assertThat(once.credentialsVersion()).isEqualTo(1L);
        assertThat(once.updatedAt()).isEqualTo(1_700_000_100L);
        assertThat(twice.credentialsVersion()).isEqualTo(2L);
        User expected = new User(user.id(), user.name(), user.email(), user.role(), "hash-3",
                user.profileImageUrl(), user.createdAt(), 1_700_000_200L, 2L);
        assertThat(twice).isEqualTo(expected);
        assertThat(users().findById(user.id())).contains(expected);
        assertThat(users().findByEmail(user.email())).contains(expected);
        assertThat(users().findById(other.id())).contains(other);
    }

    @Test
    void givenUnknownUser_changePassword_isEmptyAndStoresNothing() {
        UserId unknown = newUserId();

        assertThat(users().changePassword(unknown, "hash", 1L)).isEmpty();
        assertThat(users().findById(unknown)).isEmpty();
    }

    private static EmailAddress uniqueEmail(String name) {
        return new EmailAddress(name + "-" + UUID.randomUUID() + "@example.com");
    }

    private static User user(EmailAddress email) {
        return new User(newUserId(), "Someone", email, Role.USER, "hash", User.DEFAULT_PROFILE_IMAGE_URL,
                1_700_000_000L, 1_700_000_000L);
    }
}
