package dev.kumo.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * {@code kumo server --log-format text|json}: text is logback.xml's pattern (date, time with milliseconds and the
 * zone's offset, level, logger, message); json swaps the one console appender's encoder for {@link JsonLineLayout}
 * before the server logs anything. Everything goes to one stream, stderr.
 */
public enum LogFormat {
    text,
    json;

    /** The appender logback.xml declares. */
    static final String APPENDER = "STDERR";

    /** Makes the server's log use this format. */
    public void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
