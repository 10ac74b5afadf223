package dev.kumo.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentTracesTest {

    private final RecentTraces recent = new RecentTraces(2, 3);
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(recent).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void keepsTheLatestTracesNewestFirstWithTheirRootAndSpanCount() {
        String first = trace("first", 1);
        String second = trace("second", 2);

        assertThat(recent.list()).extracting(RecentTraces.Summary::traceId).containsExactly(second, first);
        RecentTraces.Summary summary = recent.list().getFirst();
        assertThat(summary.root().getName()).isEqualTo("second");
        assertThat(summary.spanCount()).isEqualTo(3);
        assertThat(summary.durationNanos()).isGreaterThanOrEqualTo(0);
        assertThat(recent.trace(second).orElseThrow()).extracting(s -> s.getName())
                .containsExactly("second", "child-0", "child-1");
    }

    @Test
    void theOldestTraceGoesBeyondTheBoundAndATraceKeepsAtMostItsSpanBound() {
        String first = trace("first", 0);
        String second = trace("second", 0);
        String third = trace("third", 5);

        assertThat(recent.list()).extracting(RecentTraces.Summary::traceId).containsExactly(third, second);
        assertThat(recent.trace(first)).isEmpty();
        assertThat(recent.trace(third).orElseThrow()).hasSize(3);
    }

    /** A root span named {@code name} with {@code children} ended inside it; returns the trace id. */
    private String trace(String name, int children) {
        Span root = tracer.spanBuilder(name).setNoParent().startSpan();
        for (int i = 0; i < children; i++) {
            tracer.spanBuilder("child-" + i).setParent(Context.root().with(root)).startSpan().end();
        }
        root.end();
        return root.getSpanContext().getTraceId();
    }
}
