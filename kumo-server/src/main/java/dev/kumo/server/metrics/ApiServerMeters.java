package dev.kumo.server.metrics;

import dev.kumo.apiserver.RequestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API server's requests with kube-apiserver's names: {@code apiserver_request_total} (labels verb, group,
 * version, resource, subresource, scope, component, code), {@code apiserver_request_duration_seconds} (a histogram
 * with kube-apiserver's buckets up to 60 s, not for watches and logs) and {@code apiserver_longrunning_requests} (the
 * watches and logs open now). Bounded: the labels come from {@link RequestMetrics.Request} (the served kinds times
 * a few verbs and scopes) and the answered status codes.
 */
public final class ApiServerMeters implements RequestMetrics {

    private static final String COMPONENT = "apiserver";
    private static final Duration[] BUCKETS = seconds(0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2,
            3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60);

    private final MeterRegistry registry;
    private final Map<Request, AtomicInteger> longRunning = new ConcurrentHashMap<>();

    public ApiServerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(Request request, int code, Duration took) {
        count(request, code);
        Timer.builder("apiserver.request.duration").description("Response latency distribution in seconds for "
                + "each verb, group, version, resource, subresource, scope and component")
                .tags(tags(request)).serviceLevelObjectives(BUCKETS).register(registry).record(took);
    }

    @Override
    public Runnable longRunning(Request request) {
        count(request, 200);
        AtomicInteger open = longRunning.computeIfAbsent(request, r -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("apiserver.longrunning.requests", count, AtomicInteger::get).description("Gauge of all "
                    + "active long-running apiserver requests broken out by verb, group, version, resource, scope and "
                    + "component").tags(tags(r)).strongReference(true).register(registry);
            return count;
        });
        open.incrementAndGet();
        return open::decrementAndGet;
    }

    private void count(Request request, int code) {
        Counter.builder("apiserver.request").description("Counter of apiserver requests broken out for each verb, "
                + "group, version, resource, scope, component, and HTTP response code")
                .tags(tags(request)).tag("code", Integer.toString(code)).register(registry).increment();
    }

    private static Tags tags(Request request) {
        return Tags.of("verb", request.verb(), "group", request.group(), "version", request.version(),
                "resource", request.resource(), "subresource", request.subresource(), "scope", request.scope(),
                "component", COMPONENT);
    }

    static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos((long) (values[i] * 1e9));
        }
        return durations;
    }
}
