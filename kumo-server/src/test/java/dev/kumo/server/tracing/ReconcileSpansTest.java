package dev.kumo.server.tracing;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.engine.EngineMetrics;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.ReconcileTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcileSpansTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");

    private final SpanTesting sdk = new SpanTesting();
    private final WriteHandoff handoff = new WriteHandoff();
    private final ReconcileSpans spans = new ReconcileSpans(sdk.openTelemetry, handoff);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void aReconcileNothingTracedCausedMakesNoSpan() {
        ReconcileTracing.Span span = spans.started("service", ResourceTypes.SERVICE, HELLO);
        span.ended(EngineMetrics.Outcome.SUCCESS);

        assertThat(span).isSameAs(ReconcileTracing.Span.NONE);
        assertThat(sdk.exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aReconcileAfterATracedWriteIsThatWritesChildAndHandsItselfToItsOwnWrites() {
        String cause = tracedWrite(ResourceTypes.SERVICE, HELLO);

        ReconcileTracing.Span span = spans.started("service", ResourceTypes.SERVICE, HELLO);
        handoff.written(ResourceTypes.CONFIGURATION, "default", "hello");
        span.ended(EngineMetrics.Outcome.REQUEUE_AFTER);

        SpanData reconcile = only("reconcile Service");
        assertThat(reconcile.getParentSpanId()).isEqualTo(cause);
        assertThat(reconcile.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(reconcile.getAttributes().get(stringKey("kumo.controller"))).isEqualTo("service");
        assertThat(reconcile.getAttributes().get(stringKey("k8s.kind"))).isEqualTo("Service");
        assertThat(reconcile.getAttributes().get(stringKey("k8s.namespace.name"))).isEqualTo("default");
        assertThat(reconcile.getAttributes().get(stringKey("k8s.object.name"))).isEqualTo("hello");
        assertThat(reconcile.getAttributes().get(stringKey("kumo.reconcile.result"))).isEqualTo("requeue_after");
        assertThat(handoff.take(ResourceTypes.CONFIGURATION, "default", "hello")).get()
                .satisfies(next -> assertThat(next.span().getSpanId()).isEqualTo(reconcile.getSpanId()));
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        assertThat(spans.started("service", ResourceTypes.SERVICE, HELLO)).as("the handoff is taken once")
                .isSameAs(ReconcileTracing.Span.NONE);
    }

    @Test
    void aFailedReconcileRecordsItsErrorAndResult() {
        tracedWrite(ResourceTypes.SERVICE, HELLO);

        ReconcileTracing.Span span = spans.started("service", ResourceTypes.SERVICE, HELLO);
        span.failed(new IllegalStateException("creating configuration default/hello: conflict"));
        span.ended(EngineMetrics.Outcome.ERROR);

        SpanData reconcile = only("reconcile Service");
        assertThat(reconcile.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(reconcile.getStatus().getDescription()).contains("conflict");
        assertThat(reconcile.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
        assertThat(reconcile.getAttributes().get(stringKey("kumo.reconcile.result"))).isEqualTo("error");
    }

    @Test
    void aChainOfReconcilesWritingWhatTheNextReconcilesIsFollowedForAtMostMaxHops() {
        tracedWrite(ResourceTypes.SERVICE, HELLO);

        for (int i = 0; i < WriteHandoff.MAX_HOPS + 5; i++) {
            ReconcileTracing.Span span = spans.started("service", ResourceTypes.SERVICE, HELLO);
            handoff.written(ResourceTypes.SERVICE, "default", "hello");
            span.ended(EngineMetrics.Outcome.SUCCESS);
        }

        assertThat(sdk.exported.getFinishedSpanItems()).filteredOn(s -> s.getName().equals("reconcile Service"))
                .hasSize(WriteHandoff.MAX_HOPS);
    }

    /** A write of {@code key} under a span of its own, ended; returns that span's id. */
    private String tracedWrite(dev.kumo.api.meta.ResourceType type, NamespacedName key) {
        Span write = sdk.openTelemetry.getTracer("test").spanBuilder("POST").startSpan();
        try (Scope scope = write.makeCurrent()) {
            handoff.written(type, key.namespace(), key.name());
        } finally {
            write.end();
        }
        return write.getSpanContext().getSpanId();
    }

    private SpanData only(String name) {
        return sdk.exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among "
                        + sdk.exported.getFinishedSpanItems()));
    }
}
