package dev.kumo.server.tracing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.engine.EngineMetrics;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.ReconcileTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Optional;

/**
 * The reconciles' spans: {@code reconcile KIND} (attributes {@code kumo.controller}, {@code k8s.kind},
 * {@code k8s.namespace.name}, {@code k8s.object.name}, {@code kumo.reconcile.result}; a failure recorded as an
 * exception event and status ERROR), made only for a reconcile that follows a traced write ({@link WriteHandoff}) and
 * as that write's span's child. Resyncs, retries and reconciles of objects nothing traced wrote make no span: every
 * object reconciled every ten minutes would push the requests' traces out of the recent ones. The span is current
 * while the reconciler runs, so its own writes hand it on (Service → Configuration → Revision, one trace), for
 * {@value WriteHandoff#MAX_HOPS} reconciles at most.
 */
public final class ReconcileSpans implements ReconcileTracing {

    static final String INSTRUMENTATION = "dev.kumo.controller";

    private final Tracer tracer;
    private final WriteHandoff handoff;

    public ReconcileSpans(OpenTelemetry openTelemetry, WriteHandoff handoff) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.handoff = handoff;
    }

    @Override
    public ReconcileTracing.Span started(String controller, ResourceType primary, NamespacedName key) {
        Optional<WriteHandoff.Cause> cause = handoff.take(primary, key.namespace(), key.name());
        if (cause.isEmpty()) {
            return ReconcileTracing.Span.NONE;
        }
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("reconcile " + primary.kind())
                .setParent(Context.root().with(io.opentelemetry.api.trace.Span.wrap(cause.get().span())))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("kumo.controller", controller)
                .setAttribute("k8s.kind", primary.kind())
                .setAttribute("k8s.namespace.name", key.namespace())
                .setAttribute("k8s.object.name", key.name())
                .startSpan();
        Scope scope = Context.root().with(span).with(WriteHandoff.HOPS, cause.get().hops() + 1).makeCurrent();
        return new ReconcileTracing.Span() {
            @Override
            public void failed(RuntimeException error) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            }

            @Override
            public void ended(EngineMetrics.Outcome outcome) {
                span.setAttribute("kumo.reconcile.result", outcome.label());
                scope.close();
                span.end();
            }
        };
    }
}
