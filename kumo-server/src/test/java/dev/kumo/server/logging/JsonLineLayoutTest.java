package dev.kumo.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --log-format json}: one object per line, stable keys, the context the MDC carries, the stack trace. */
class JsonLineLayoutTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void aLineHasTheStableKeysAndTheKnownContext() throws Exception {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.kumo.serving.RuntimeInstances"),
                Level.WARN, "instance {} of revision {}: crashed \"badly\"", null,
                new Object[] {"hello-00001-abc", "default/hello-00001"});
        event.setTimeStamp(Instant.parse("2026-12-06T14:00:00.123Z").toEpochMilli());
        event.setMDCPropertyMap(Map.of("namespace", "default", "revision", "hello-00001", "other", "left out"));

        String line = new JsonLineLayout(ZoneId.of("Europe/Paris")).doLayout(event);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.toString()).isEqualTo("{\"ts\":\"2026-12-06T15:00:00.123+01:00\",\"level\":\"WARN\","
                + "\"logger\":\"dev.kumo.serving.RuntimeInstances\",\"msg\":\"instance hello-00001-abc of revision "
                + "default/hello-00001: crashed \\\"badly\\\"\",\"namespace\":\"default\",\"revision\":\"hello-00001\"}");
    }

    @Test
    void aLoggedExceptionIsItsStackTraceUnderError() throws Exception {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.kumo.store.Store"), Level.ERROR,
                "write failed", new IllegalStateException("disk full"), null);
        event.setMDCPropertyMap(Map.of());

        JsonNode json = new ObjectMapper().readTree(new JsonLineLayout(ZoneId.of("UTC")).doLayout(event));

        assertThat(json.path("error").asText()).startsWith("java.lang.IllegalStateException: disk full")
                .contains("at dev.kumo.server.logging.JsonLineLayoutTest");
        assertThat(json.path("ts").asText()).endsWith("Z");
    }
}
