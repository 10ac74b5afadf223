package dev.kumo.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line with stable keys: {@code ts} (ISO-8601 with the zone's offset), {@code level},
 * {@code logger}, {@code msg}; then, when the log call's MDC carries them, {@code namespace}, {@code name},
 * {@code kind}, {@code revision}, {@code trace_id}; {@code error} with the stack trace of a logged exception.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    /** The MDC keys copied, in this order. */
    static final List<String> CONTEXT_KEYS = List.of("namespace", "name", "kind", "revision", "trace_id");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    public JsonLineLayout() {
        this(ZoneId.systemDefault());
    }

    JsonLineLayout(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("ts", TS.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)));
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("msg", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        for (String key : CONTEXT_KEYS) {
            String value = mdc == null ? null : mdc.get(key);
            if (value != null) {
                line.put(key, value);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.put("error", ThrowableProxyUtil.asString(thrown));
        }
        try {
            return JSON.writeValueAsString(line) + CoreConstants.LINE_SEPARATOR;
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"msg\":\"a log line could not be written as JSON\"}"
                    + CoreConstants.LINE_SEPARATOR;
        }
    }
}
