package dev.kumo.server.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last {@code maxTraces} traces, in memory, as their spans end: a trace is kept from its first ended span, the
 * oldest goes when a new one comes beyond the bound, and a trace keeps at most {@code maxSpansPerTrace} spans (a
 * long-lived trace cannot grow without end). Safe from any thread; the lock is held for a map update only.
 */
public final class RecentTraces implements SpanProcessor {

    public static final int MAX_SPANS_PER_TRACE = 1_000;

    private final int maxTraces;
    private final int maxSpansPerTrace;
    private final LinkedHashMap<String, List<SpanData>> traces = new LinkedHashMap<>();

    public RecentTraces(int maxTraces) {
        this(maxTraces, MAX_SPANS_PER_TRACE);
    }

    RecentTraces(int maxTraces, int maxSpansPerTrace) {
        this.maxTraces = maxTraces;
        this.maxSpansPerTrace = maxSpansPerTrace;
    }

    /** One trace as a list shows it. */
    public record Summary(String traceId, SpanData root, long startEpochNanos, long endEpochNanos, int spanCount) {

        public long durationNanos() {
            return endEpochNanos - startEpochNanos;
        }
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        SpanData data = span.toSpanData();
        synchronized (traces) {
            List<SpanData> spans = traces.get(data.getTraceId());
            if (spans == null) {
                spans = new ArrayList<>(8);
                traces.put(data.getTraceId(), spans);
                if (traces.size() > maxTraces) {
                    Iterator<Map.Entry<String, List<SpanData>>> oldest = traces.entrySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            if (spans.size() < maxSpansPerTrace) {
                spans.add(data);
            }
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** The traces kept, newest first. */
    public List<Summary> list() {
        List<Summary> summaries = new ArrayList<>();
        synchronized (traces) {
            traces.forEach((id, spans) -> summaries.add(summarize(id, spans)));
        }
        return summaries.reversed();
    }

    /** The spans of trace {@code traceId} (32 hex digits), in start order; empty when not kept. */
    public Optional<List<SpanData>> trace(String traceId) {
        List<SpanData> spans;
        synchronized (traces) {
            List<SpanData> kept = traces.get(traceId);
            if (kept == null) {
                return Optional.empty();
            }
            spans = new ArrayList<>(kept);
        }
        spans.sort((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()));
        return Optional.of(spans);
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The root is the span whose parent is not in the trace (the earliest such one). */
    private static Summary summarize(String id, List<SpanData> spans) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        SpanData root = null;
        Set<String> ids = new HashSet<>();
        for (SpanData span : spans) {
            ids.add(span.getSpanId());
        }
        for (SpanData span : spans) {
            start = Math.min(start, span.getStartEpochNanos());
            end = Math.max(end, span.getEndEpochNanos());
            boolean top = !ids.contains(span.getParentSpanId());
            if (top && (root == null || span.getStartEpochNanos() < root.getStartEpochNanos())) {
                root = span;
            }
        }
        return new Summary(id, root, start, end, spans.size());
    }
}
