package dev.chats.app.operations;

import dev.chats.adapters.rest.connection.SlowClientSettings;
import dev.chats.app.AdminSettings;
import dev.chats.app.ChatPermissionSettings;
import dev.chats.adapters.rest.ws.WebSocketSettings;
import dev.chats.domain.permission.PermissionPolicy;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations settings are read at start-up: a bad value stops it naming the setting. */
class OperationsSettingsTest {

    private static final String H2 = "jdbc:h2:mem:ops-settings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void theGracePeriod_defaultsTo20s_andTakesADuration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2), "test")) {
            assertThat(context.getBean(ShutdownSettings.class).getGrace()).isEqualTo(Duration.ofSeconds(20));
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.shutdown.grace", "45s"), "test")) {
            assertThat(context.getBean(ShutdownSettings.class).getGrace()).isEqualTo(Duration.ofSeconds(45));
        }
    }

    @Test
    void aGracePeriodThatIsNoDuration_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.shutdown.grace", "soon"), "test"))
                .hasStackTraceContaining("chats.shutdown.grace");
    }

    @Test
    void aGracePeriodOfZero_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.shutdown.grace", "0s"), "test"))
                .hasStackTraceContaining("chats.shutdown.grace (CHATS_SHUTDOWN_GRACE) must be a positive duration");
    }

    @Test
    void aMetricsSwitchThatIsNeitherTrueNorFalse_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.metrics.enabled", "perhaps"), "test"))
                .hasStackTraceContaining("chats.metrics.enabled");
    }

    @Test
    void theSocketAndSlowClientSettings_bindUnderTheirPrefixes_withTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.websocket.max-frame-bytes", "4096", "chats.http.body-grace", "3s"), "test")) {
            WebSocketSettings sockets = context.getBean(WebSocketSettings.class);
            assertThat(sockets.maxFrameBytes()).isEqualTo(4096);
            assertThat(sockets.authTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(sockets.sendQueueBytes()).isEqualTo(8_388_608L);
            assertThat(context.getBean(SlowClientSettings.class)).extracting("bodyGrace", "headerTimeout")
                    .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
        }
    }

    @Test
    void aSocketFrameLimitOutOfRange_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.websocket.max-frame-bytes", "10"), "test"))
                .hasStackTraceContaining("chats.websocket.max-frame-bytes must be 256..65536, was 10");
    }

    @Test
    void aSocketOrSlowClientValueThatIsNoNumberOrDuration_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.websocket.max-frame-bytes", "big"), "test").getBean(WebSocketSettings.class))
                .hasStackTraceContaining("chats.websocket.max-frame-bytes must be a whole number; it is 'big'");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.http.body-grace", "soon"), "test").getBean(SlowClientSettings.class))
                .hasStackTraceContaining("chats.http.body-grace must be a duration such as 10s or 500ms; it is 'soon'");
    }

    @Test
    void aZeroHeaderTimeout_isRefusedNamingTheSetting() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.http.header-timeout", "0s"), "test")) {
            assertThatThrownBy(() -> context.getBean(SlowClientSettings.class))
                    .hasStackTraceContaining("chats.http.header-timeout and body-idle-timeout");
        }
    }

    @Test
    void permissionSwitches_readTrueOrFalse_andStopStartUpOnAnythingElse() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.permissions.chat.share", "FALSE", "chats.admin.export", "false"), "test")) {
            PermissionPolicy policy = context.getBean(PermissionPolicy.class);
            assertThat(context.getBean(ChatPermissionSettings.class).share()).isFalse();
            assertThat(context.getBean(ChatPermissionSettings.class).delete()).isTrue();
            assertThat(context.getBean(AdminSettings.class).export()).isFalse();
            assertThat(context.getBean(AdminSettings.class).chatAccess()).isTrue();
            assertThat(policy).isNotNull();
        }
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.admin.chat-access", "flase"), "test"))
                .hasStackTraceContaining("chats.admin.chat-access (ENABLE_ADMIN_CHAT_ACCESS) must be true or false;"
                        + " it is 'flase'");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.permissions.chat.delete", "yes"), "test"))
                .hasStackTraceContaining("chats.permissions.chat.delete (USER_PERMISSIONS_CHAT_DELETE)");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.auth.api-keys.enabled", "off"), "test"))
                .hasStackTraceContaining("chats.auth.api-keys.enabled (ENABLE_API_KEY) must be true or false");
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.sharing.community", "nope"), "test"))
                .hasStackTraceContaining("chats.sharing.community (ENABLE_COMMUNITY_SHARING) must be true or false");
    }
}
