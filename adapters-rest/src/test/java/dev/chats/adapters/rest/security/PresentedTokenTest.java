package dev.chats.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests present a session token, as FastAPI's {@code HTTPBearer} and Open WebUI's cookie fallback see it. */
class PresentedTokenTest {

    @Test
    void bearerHeader_inAnyCase_presentsItsCredentials() {
        assertThat(PresentedToken.find(HttpRequest.GET("/").header("Authorization", "Bearer abc"))).contains("abc");
        assertThat(PresentedToken.find(HttpRequest.GET("/").header("Authorization", "bearer abc"))).contains("abc");
    }

    @Test
    void otherSchemesAndEmptyCredentials_presentNothing() {
        assertThat(PresentedToken.find(HttpRequest.GET("/").header("Authorization", "Basic abc"))).isEmpty();
        assertThat(PresentedToken.find(HttpRequest.GET("/").header("Authorization", "Bearer "))).isEmpty();
        assertThat(PresentedToken.find(HttpRequest.GET("/").header("Authorization", "Bearer"))).isEmpty();
        assertThat(PresentedToken.find(HttpRequest.GET("/"))).isEmpty();
    }

    @Test
    void tokenCookie_presentsItsValue_afterTheHeader() {
        assertThat(PresentedToken.find(HttpRequest.GET("/").cookie(Cookie.of("token", "from-cookie"))))
                .contains("from-cookie");
        assertThat(PresentedToken.find(HttpRequest.GET("/").cookie(Cookie.of("token", "from-cookie"))
                .header("Authorization", "Bearer from-header"))).contains("from-header");
        assertThat(PresentedToken.find(HttpRequest.GET("/").cookie(Cookie.of("other", "x")))).isEmpty();
    }
}
