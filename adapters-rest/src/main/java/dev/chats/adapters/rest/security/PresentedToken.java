package dev.chats.adapters.rest.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.filters.SecurityFilter;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the session token a request presents, as Open WebUI's {@code get_current_user} does: the credentials of
 * an {@code Authorization: Bearer …} header, else the {@code token} cookie. Whether one was presented decides
 * between 403 "Not authenticated" and 401 when no valid session results.
 */
public final class PresentedToken {

    public static final String COOKIE_NAME = "token";
    private static final String BEARER = "bearer";

    private PresentedToken() {
    }

    public static Optional<String> find(HttpRequest<?> request) {
        return fromHeader(request).or(() -> fromCookie(request));
    }

    /**
     * The token the security filter accepted for this request (header or cookie, whichever validated), else the
     * presented one.
     */
    public static Optional<String> authenticated(HttpRequest<?> request) {
        return request.getAttribute(SecurityFilter.TOKEN, String.class).or(() -> find(request));
    }

    /** FastAPI's {@code HTTPBearer}: the scheme in any case, then non-empty credentials. */
    static Optional<String> fromHeader(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .map(String::trim)
                .flatMap(value -> {
                    int space = value.indexOf(' ');
                    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
                        return Optional.empty();
                    }
                    String credentials = value.substring(space + 1).trim();
                    return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
                });
    }

    static Optional<String> fromCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE_NAME)
                .map(Cookie::getValue)
                .filter(value -> !value.isBlank());
    }
}
