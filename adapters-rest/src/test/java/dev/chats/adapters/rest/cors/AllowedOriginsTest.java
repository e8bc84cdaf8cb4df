package dev.chats.adapters.rest.cors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedOriginsTest {

    @Test
    void unsetOrBlank_allowsNoOrigin() {
        assertThat(AllowedOrigins.parse(null).none()).isTrue();
        assertThat(AllowedOrigins.parse(" ; ").none()).isTrue();
        assertThat(AllowedOrigins.parse("").allows("https://a.example")).isFalse();
    }

    @Test
    void semicolonSeparatedOrigins_areAllowed_asBrowsersSendThem() {
        AllowedOrigins allowed = AllowedOrigins.parse(" https://A.example/ ;http://localhost:3000");

        assertThat(allowed.origins()).containsExactly("https://a.example", "http://localhost:3000");
        assertThat(allowed.allows("https://a.example")).isTrue();
        assertThat(allowed.allows("http://localhost:3000")).isTrue();
        assertThat(allowed.allows("https://a.example:8443")).isFalse();
        assertThat(allowed.allows("https://b.example")).isFalse();
    }

    @Test
    void star_allowsAnyOrigin() {
        AllowedOrigins allowed = AllowedOrigins.parse("*");

        assertThat(allowed.any()).isTrue();
        assertThat(allowed.allows("https://anything.example")).isTrue();
    }

    @Test
    void anEntryThatIsNoOrigin_stopsStartUpNamingIt() {
        assertThatThrownBy(() -> AllowedOrigins.parse("https://a.example,https://b.example"))
                .hasMessageContaining("https://a.example,https://b.example").hasMessageContaining(";");
        assertThatThrownBy(() -> AllowedOrigins.parse("https://a.example/app")).hasMessageContaining("/app");
        assertThatThrownBy(() -> AllowedOrigins.parse("a.example")).hasMessageContaining("a.example");
    }
}
