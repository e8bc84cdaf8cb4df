package dev.chats.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: runs work with every logger at DEBUG (those the tests configure quieter too) except the levels the
 * production {@code logback.xml} pins, the root's usual appenders set aside, and answers what was logged — what an
 * operator troubleshooting with the production configuration would see.
 */
public final class LogCapture {

    private LogCapture() {
    }

    public static List<ILoggingEvent> atDebug(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<Logger, Level> levels = new HashMap<>();
        for (Logger logger : root.getLoggerContext().getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger, logger.getLevel());
            }
        }
        List<Appender<ILoggingEvent>> usual = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            usual.add(it.next());
        }
        ListAppender<ILoggingEvent> capture = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // Fixes the logging context (MDC) and arguments now, as a writing appender does on the spot.
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        capture.start();
        usual.forEach(root::detachAppender);
        root.addAppender(capture);
        levels.keySet().forEach(logger -> logger.setLevel(Level.DEBUG));
        root.setLevel(Level.DEBUG);
        productionLevels().forEach((name, pinned) -> {
            Logger logger = root.getLoggerContext().getLogger(name);
            levels.putIfAbsent(logger, logger.getLevel());
            logger.setLevel(pinned);
        });
        try {
            work.run();
        } finally {
            levels.forEach(Logger::setLevel);
            root.detachAppender(capture);
            usual.forEach(root::addAppender);
        }
        synchronized (capture.list) {
            return List.copyOf(capture.list);
        }
    }

    /** The {@code <logger name level>} entries of the production {@code logback.xml}. */
    static Map<String, Level> productionLevels() {
        String config;
        try (InputStream in = LogCapture.class.getResourceAsStream("/logback.xml")) {
            if (in == null) {
                throw new IllegalStateException("logback.xml is not on the classpath");
            }
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Level> pinned = new HashMap<>();
        Matcher entry = Pattern.compile("<logger\\s+name=\"([^\"]+)\"\\s+level=\"([A-Za-z]+)\"").matcher(config);
        while (entry.find()) {
            pinned.put(entry.group(1), Level.toLevel(entry.group(2)));
        }
        return pinned;
    }
}
