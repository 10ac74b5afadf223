package dev.kumo.server.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.apiserver.TraceView;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recent traces as the API serves them at {@code /debug/traces} — {@code {"kind":"TraceList","items":[{traceId,
 * rootSpan, start, durationMicros, spanCount}]}}, newest first — and {@code /debug/traces/ID} — {@code {"kind":
 * "Trace","traceId","spans":[{spanId, parentSpanId, name, kind, service, start, durationMicros, status,
 * attributes}]}} in start order, times as RFC 3339 with nanoseconds and durations in microseconds.
 */
public final class TraceDocuments implements TraceView {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RecentTraces recent;

    public TraceDocuments(RecentTraces recent) {
        this.recent = recent;
    }

    @Override
    public JsonNode list() {
        ObjectNode list = JSON.objectNode().put("apiVersion", "kumo.dev/v1alpha1").put("kind", "TraceList");
        ArrayNode items = list.putArray("items");
        for (RecentTraces.Summary summary : recent.list()) {
            items.addObject().put("traceId", summary.traceId())
                    .put("rootSpan", summary.root() == null ? "" : summary.root().getName())
                    .put("start", time(summary.startEpochNanos()))
                    .put("durationMicros", summary.durationNanos() / 1_000)
                    .put("spanCount", summary.spanCount());
        }
        return list;
    }

    @Override
    public Optional<JsonNode> trace(String traceId) {
        return recent.trace(traceId).map(spans -> document(traceId, spans));
    }

    private static JsonNode document(String traceId, List<SpanData> spans) {
        ObjectNode trace = JSON.objectNode().put("apiVersion", "kumo.dev/v1alpha1").put("kind", "Trace")
                .put("traceId", traceId);
        ArrayNode items = trace.putArray("spans");
        for (SpanData span : spans) {
            ObjectNode item = items.addObject().put("spanId", span.getSpanId())
                    .put("parentSpanId", span.getParentSpanContext().isValid() ? span.getParentSpanId() : "")
                    .put("name", span.getName())
                    .put("kind", span.getKind().name())
                    .put("service", String.valueOf(span.getResource().getAttribute(Telemetry.SERVICE_NAME)))
                    .put("start", time(span.getStartEpochNanos()))
                    .put("durationMicros", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000)
                    .put("status", span.getStatus().getStatusCode().name());
            ObjectNode attributes = item.putObject("attributes");
            span.getAttributes().forEach((AttributeKey<?> key, Object value) -> {
                switch (value) {
                    case Long number -> attributes.put(key.getKey(), number);
                    case Boolean flag -> attributes.put(key.getKey(), flag);
                    default -> attributes.put(key.getKey(), String.valueOf(value));
                }
            });
        }
        return trace;
    }

    private static String time(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
