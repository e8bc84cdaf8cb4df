package dev.chats.app.operations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The console logging built in code is the one {@code logback.xml} describes, for either format. */
class ConsoleLogConfiguratorTest {

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void buildsWhatTheXmlFilesDescribe(String format) throws JoranException {
        LoggerContext fromXml = new LoggerContext();
        fromXml.putProperty("CHATS_LOG_FORMAT", format);
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(fromXml);
        joran.doConfigure(ConsoleLogConfigurator.class.getResource("/logback.xml"));
        LoggerContext inCode = new LoggerContext();
        ConsoleLogConfigurator.apply(inCode, format);

        assertThat(fromXml.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() > ch.qos.logback.core.status.Status.INFO);
        assertThat(levels(inCode)).isEqualTo(levels(fromXml)).containsKey("chats.access");
        Appender<ILoggingEvent> xmlConsole = onlyAppender(fromXml);
        Appender<ILoggingEvent> codeConsole = onlyAppender(inCode);
        assertThat(codeConsole.getName()).isEqualTo(xmlConsole.getName());
        assertThat(codeConsole.getClass()).isEqualTo(xmlConsole.getClass());
        assertThat(codeConsole.isStarted()).isTrue();
        var xmlEncoder = ((OutputStreamAppender<ILoggingEvent>) xmlConsole).getEncoder();
        var codeEncoder = ((OutputStreamAppender<ILoggingEvent>) codeConsole).getEncoder();
        assertThat(codeEncoder.getClass()).isEqualTo(xmlEncoder.getClass());
        if (xmlEncoder instanceof PatternLayoutEncoder xmlPattern) {
            assertThat(((PatternLayoutEncoder) codeEncoder).getPattern()).isEqualTo(xmlPattern.getPattern());
        } else {
            assertThat(xmlEncoder).isInstanceOf(LogstashEncoder.class);
            assertThat(((LogstashEncoder) codeEncoder).isIncludeContext())
                    .isEqualTo(((LogstashEncoder) xmlEncoder).isIncludeContext()).isFalse();
        }
    }

    @Test
    void leavesTheTestsOwnFileInCharge() {
        // logback-test.xml is on this module's test class path, so logback reads it as before.
        assertThat(new ConsoleLogConfigurator().configure(new LoggerContext()))
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    /** Every logger given a level of its own, the root included. */
    private static Map<String, String> levels(LoggerContext context) {
        Map<String, String> levels = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel().toString());
            }
        }
        return levels;
    }

    private static Appender<ILoggingEvent> onlyAppender(LoggerContext context) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).hasSize(1);
        return appenders.get(0);
    }
}
