package dev.kumo.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandoffStoreTest {

    private final SpanTesting sdk = new SpanTesting();
    private final WriteHandoff handoff = new WriteHandoff();
    private final ResourceStore store = new HandoffStore(InMemoryStore.create(), handoff);

    @AfterEach
    void close() {
        sdk.close();
        store.close();
    }

    @Test
    void aWriteUnderASampledSpanHandsItOnAndOneWithoutASpanDoesNot() {
        store.create(ResourceTypes.CONFIGMAP, configMap("untraced", "a"));
        assertThat(handoff.take(ResourceTypes.CONFIGMAP, "default", "untraced")).isEmpty();

        String spanId = traced(() -> store.create(ResourceTypes.CONFIGMAP, configMap("traced", "a")));

        assertThat(handoff.take(ResourceTypes.CONFIGMAP, "default", "traced")).get()
                .satisfies(cause -> assertThat(cause.span().getSpanId()).isEqualTo(spanId));
    }

    @Test
    void aWriteThatFailsOrChangesNothingTakesItBack() {
        store.create(ResourceTypes.CONFIGMAP, configMap("taken", "a"));

        traced(() -> assertThatThrownBy(() -> store.create(ResourceTypes.CONFIGMAP, configMap("taken", "b")))
                .isInstanceOf(ApiException.class));
        traced(() -> store.update(ResourceTypes.CONFIGMAP, configMap("taken", "a")));

        assertThat(handoff.take(ResourceTypes.CONFIGMAP, "default", "taken")).isEmpty();
    }

    private String traced(Runnable write) {
        Span span = sdk.openTelemetry.getTracer("test").spanBuilder("write").startSpan();
        try (Scope scope = span.makeCurrent()) {
            write.run();
        } finally {
            span.end();
        }
        return span.getSpanContext().getSpanId();
    }

    private static ObjectNode configMap(String name, String value) {
        return Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"default\"},\"data\":{\"k\":\"" + value + "\"}}");
    }
}
