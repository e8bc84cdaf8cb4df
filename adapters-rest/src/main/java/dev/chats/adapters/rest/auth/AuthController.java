package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.security.PresentedToken;
import dev.chats.adapters.rest.security.SessionClaims;
import dev.chats.adapters.rest.security.SessionTokens;
import dev.chats.adapters.rest.security.SessionUsers;
import dev.chats.application.port.in.identity.ChangePasswordUseCase;
import dev.chats.application.port.in.identity.IncorrectPasswordException;
import dev.chats.application.port.in.identity.InvalidCredentialsException;
import dev.chats.application.port.in.identity.PasswordTooLongException;
import dev.chats.application.port.in.identity.SessionToken;
import dev.chats.application.port.in.identity.SignInUseCase;
import dev.chats.application.port.in.identity.SignOutUseCase;
import dev.chats.application.port.in.identity.SignUpUseCase;
import dev.chats.application.port.in.identity.TooManyAttemptsException;
import dev.chats.domain.port.EmailAlreadyRegisteredException;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * REST adapter: Open WebUI's built-in sign-up, sign-in, sign-out and password change ({@code /api/v1/auths}) and
 * the session-user route. Hashing is deliberately slow and the stores block, so every route runs on the blocking
 * executor.
 */
@Controller("/api/v1/auths")
@Tag(name = ApiTags.AUTH)
@DetailErrors
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class AuthController {

    private final JsonBodies bodies;
    private final SignUpUseCase signUp;
    private final SignInUseCase signIn;
    private final SignOutUseCase signOut;
    private final ChangePasswordUseCase changePassword;
    private final SessionUsers sessionUsers;
    private final SessionTokens tokens;
    private final boolean secureCookie;

    public AuthController(JsonBodies bodies, SignUpUseCase signUp, SignInUseCase signIn, SignOutUseCase signOut,
                          ChangePasswordUseCase changePassword, SessionUsers sessionUsers, SessionTokens tokens,
                          AuthCookieSettings cookie) {
        this.bodies = bodies;
        this.signUp = signUp;
        this.signIn = signIn;
        this.signOut = signOut;
        this.changePassword = changePassword;
        this.sessionUsers = sessionUsers;
        this.tokens = tokens;
        this.secureCookie = cookie.cookieSecure();
    }

    @Post("/signup")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SessionUserResponse> signUp(@RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.SignUp.class)))
            @Nullable @Body byte[] body) {
        SignUpForm form = SignUpForm.read(bodies.object(body));
        EmailAddress email;
        try {
            email = new EmailAddress(form.email());
        } catch (EmailAddress.InvalidEmailException e) {
            throw ApiException.badRequest(OpenWebUiMessages.INVALID_EMAIL_FORMAT);
        }
        User user;
        try {
            user = signUp.signUp(new SignUpUseCase.Command(form.name(), email, form.password(),
                    form.profileImageUrl()));
        } catch (PasswordTooLongException e) {
            throw ApiException.badRequest(AuthMessages.PASSWORD_TOO_LONG);
        } catch (EmailAlreadyRegisteredException e) {
            throw ApiException.badRequest(OpenWebUiMessages.EMAIL_TAKEN);
        }
        return signedIn(user);
    }

    @Post("/signin")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SessionUserResponse> signIn(@RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.SignIn.class)))
            @Nullable @Body byte[] body) {
        SignInForm form = SignInForm.read(bodies.object(body));
        try {
            return signedIn(signIn.signIn(form.email(), form.password()));
        } catch (InvalidCredentialsException e) {
            throw ApiException.badRequest(OpenWebUiMessages.INVALID_CRED);
        } catch (TooManyAttemptsException e) {
            throw tooManyAttempts();
        }
    }

    /**
     * Signs the presented token out: from now on it answers 401 on every instance, until and after it expires.
     * Open to anyone, as upstream: without a valid token there is nothing to revoke, and the answer is the same.
     * Upstream answers GET (v0.6) and later POST; both are served. The {@code token} cookie is cleared.
     */
    @Get("/signout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SignOutResponse> signOut(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isPresent()) {
            SessionToken token;
            try {
                token = SessionClaims.of(authentication.get());
            } catch (IllegalArgumentException | NullPointerException e) {
                token = null;
            }
            if (token != null) {
                long expiresAt = SessionClaims.expiresAt(authentication.get())
                        .orElse(Instant.now().getEpochSecond() + tokens.expirationSeconds());
                signOut.signOut(token, expiresAt);
            }
        }
        Cookie cleared = Cookie.of(PresentedToken.COOKIE_NAME, "")
                .path("/")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(secureCookie)
                .maxAge(0);
        return HttpResponse.ok(new SignOutResponse(true)).cookie(cleared);
    }

    /** The newer upstream's {@code POST /signout}, the same as {@link #signOut}. */
    @Post("/signout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SignOutResponse> signOutByPost(HttpRequest<?> request) {
        return signOut(request);
    }

    /**
     * Open WebUI's {@code update/password}: {@code {password, new_password}}, the current password required (400
     * {@code INVALID_PASSWORD} when wrong, 429 once the account used its attempts). Answers {@code true}. Every
     * token issued before, the one presented here included, answers 401 afterwards: the client signs in again.
     * Open to pending users too, as upstream ({@code get_current_user}).
     */
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Post("/update/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public boolean updatePassword(HttpRequest<?> request, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.UpdatePassword.class)))
            @Nullable @Body byte[] body) {
        User user = sessionUsers.current(request);
        UpdatePasswordForm form = UpdatePasswordForm.read(bodies.object(body));
        try {
            changePassword.changePassword(user.id(), form.password(), form.newPassword());
        } catch (IncorrectPasswordException e) {
            throw ApiException.badRequest(AuthMessages.INVALID_PASSWORD);
        } catch (PasswordTooLongException e) {
            throw ApiException.badRequest(AuthMessages.PASSWORD_TOO_LONG);
        } catch (TooManyAttemptsException e) {
            throw tooManyAttempts();
        }
        return true;
    }

    private static ApiException tooManyAttempts() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, AuthMessages.RATE_LIMIT_EXCEEDED);
    }

    /** The signed-in user, {@code pending} ones included, with the token they presented. */
    @SecurityRequirement(name = ApiDocument.BEARER)
    @Get("/")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public SessionUserResponse session(HttpRequest<?> request) {
        User user = sessionUsers.current(request);
        String token = PresentedToken.authenticated(request)
                .orElseThrow(() -> ApiException.unauthorized(OpenWebUiMessages.UNAUTHORIZED));
        return SessionUserResponse.from(user, token, SessionTokens.expiresAt(token));
    }

    /** Answers the new session and, as Open WebUI does, also sets it as the {@code token} cookie. */
    private HttpResponse<SessionUserResponse> signedIn(User user) {
        SessionTokens.Issued issued = tokens.issue(user);
        Cookie cookie = Cookie.of(PresentedToken.COOKIE_NAME, issued.token())
                .path("/")
                .httpOnly(true)
                // Strict: never sent on cross-site navigations, so the state-changing legacy GET routes cannot
                // be triggered by a link on another site.
                .sameSite(SameSite.Strict)
                .secure(secureCookie);
        if (issued.expiresAt() != null) {
            cookie.maxAge(Duration.between(Instant.now(), Instant.ofEpochSecond(issued.expiresAt())));
        }
        return HttpResponse.ok(SessionUserResponse.from(user, issued.token(), issued.expiresAt())).cookie(cookie);
    }
}
