package dev.chats.app.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;

import java.util.Map;

/**
 * The server's logging as {@code logback.xml} (with {@code logback-text.xml} or {@code logback-json.xml}) sets it
 * up, built in code: reading those files through logback's XML configurator costs about 5 % of the start-up. The
 * files stay what is documented and what this must match (ConsoleLogConfiguratorTest compares the two). Anything
 * else leaves the files in charge: a configuration file named by {@code -Dlogback.configurationFile} (the move
 * commands, an operator's own), a {@code logback-test.xml} on the class path, or a {@code CHATS_LOG_FORMAT} other
 * than {@code text} or {@code json}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    /** The {@code <logger>} entries of {@code logback.xml}. */
    static final Map<String, Level> LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.INFO,
            "chats.access", Level.INFO,
            "io.micronaut.context.event", Level.INFO,
            "io.micronaut.security", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String format = format();
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null
                || !("text".equals(format) || "json".equals(format))) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, format);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} as {@code logback.xml} does for {@code format} ({@code text} or {@code json}). */
    static void apply(LoggerContext context, String format) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder("json".equals(format) ? json(context) : text(context));
        console.start();
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    /** {@code ${CHATS_LOG_FORMAT:-text}} as logback resolves it: a system property first, then the environment. */
    private static String format() {
        String property = System.getProperty("CHATS_LOG_FORMAT");
        if (property != null) {
            return property;
        }
        String variable = System.getenv("CHATS_LOG_FORMAT");
        return variable == null ? "text" : variable;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        encoder.start();
        return encoder;
    }
}
