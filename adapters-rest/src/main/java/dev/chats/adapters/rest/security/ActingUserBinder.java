package dev.chats.adapters.rest.security;

import dev.chats.domain.user.User;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds the acting user to any controller parameter of type {@link User}.
 *
 * <p>Contract for controllers: annotate the controller (or route) {@code @Secured(SecurityRule.IS_AUTHENTICATED)}
 * and declare a parameter {@code dev.chats.domain.user.User actor} — binding needs no annotation; {@code @Actor}
 * only keeps the parameter out of the OpenAPI document. The route then receives the
 * user named by the request's verified token (bearer header, else {@code token} cookie), loaded afresh from the
 * user store on every request, so a role change or deletion applies at once. The route body never runs when:
 * <ul>
 *   <li>no token is presented: 403 {@code {"detail":"Not authenticated"}} (from the security filter);</li>
 *   <li>the token is malformed, badly signed or expired: 401 {@code {"detail":"401 Unauthorized"}};</li>
 *   <li>the token was signed out, or issued before the user's last password change: 401
 *   {@code {"detail":"Invalid token"}};</li>
 *   <li>the token's user no longer exists: 401 {@code INVALID_TOKEN};</li>
 *   <li>the user's role is {@code pending}: 401 {@code ACCESS_PROHIBITED}.</li>
 * </ul>
 * So the bound user is always {@code user} or {@code admin}; admin checks stay with the domain's
 * {@code PermissionPolicy}. Binding happens after the security filter and, for routes annotated
 * {@code @ExecuteOn(TaskExecutors.BLOCKING)}, on that executor — the store lookup never blocks the event loop
 * there. Routes open to pending users (only {@code GET /api/v1/auths/}) use {@link SessionUsers#current} instead.
 */
@Singleton
final class ActingUserBinder implements TypedRequestArgumentBinder<User>, PostponedRequestArgumentBinder<User> {

    private static final Argument<User> TYPE = Argument.of(User.class);

    private final SessionUsers sessionUsers;

    ActingUserBinder(SessionUsers sessionUsers) {
        this.sessionUsers = sessionUsers;
    }

    @Override
    public Argument<User> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<User> bind(ArgumentConversionContext<User> context, HttpRequest<?> request) {
        User actor = sessionUsers.verified(request);
        return () -> Optional.of(actor);
    }
}
