package dev.kumo.server.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server's OpenTelemetry, built from a {@link TracingConfig} and handed to the router and the event mesh through
 * their configs (never registered globally): W3C trace context, parent-based ratio sampling, spans batched to an
 * OTLP/HTTP endpoint (the JDK's HTTP client sends) and kept in {@link RecentTraces}. Off, it is
 * {@link OpenTelemetry#noop()} and nothing is recorded.
 */
public final class Telemetry implements AutoCloseable {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final OpenTelemetry openTelemetry;
    private final Optional<SdkTracerProvider> provider;
    private final Optional<RecentTraces> recent;

    private Telemetry(OpenTelemetry openTelemetry, Optional<SdkTracerProvider> provider,
            Optional<RecentTraces> recent) {
        this.openTelemetry = openTelemetry;
        this.provider = provider;
        this.recent = recent;
    }

    /** Tracing as {@code config} says. */
    public static Telemetry start(TracingConfig config) {
        return start(config, true);
    }

    /**
     * Tracing as {@code config} says, its spans kept only in a {@link RecentTraces} of its own and never exported:
     * the same code as the server's, for the start-up warm-up's private router, whose traces no user sees.
     */
    public static Telemetry unseen(TracingConfig config) {
        return start(config, false);
    }

    private static Telemetry start(TracingConfig config, boolean export) {
        if (!config.on()) {
            return new Telemetry(OpenTelemetry.noop(), Optional.empty(), Optional.empty());
        }
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, "kumo"))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.samplingRatio())));
        Optional<RecentTraces> recent = config.recentTraces() > 0
                ? Optional.of(new RecentTraces(config.recentTraces())) : Optional.empty();
        recent.ifPresent(builder::addSpanProcessor);
        config.otlpEndpoint().filter(endpoint -> export).ifPresent(endpoint -> builder.addSpanProcessor(
                BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build())
                        .build()));
        SdkTracerProvider provider = builder.build();
        OpenTelemetry sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        return new Telemetry(sdk, Optional.of(provider), recent);
    }

    /** What the router and the mesh trace with; {@link OpenTelemetry#noop()} when tracing is off. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** Whether anything is traced (sampling above 0). */
    public boolean on() {
        return provider.isPresent();
    }

    /** The traces kept in memory, when any are. */
    public Optional<RecentTraces> recent() {
        return recent;
    }

    /** Sends what is batched now (tests, and before a stop). */
    public void flush() {
        provider.ifPresent(p -> p.forceFlush().join(10, TimeUnit.SECONDS));
    }

    /** Exports what is left and stops exporting. */
    @Override
    public void close() {
        provider.ifPresent(p -> p.shutdown().join(10, TimeUnit.SECONDS));
    }
}
