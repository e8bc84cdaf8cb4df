package dev.chats.app.operations;

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
}
