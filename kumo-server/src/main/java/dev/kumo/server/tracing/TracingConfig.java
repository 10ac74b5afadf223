package dev.kumo.server.tracing;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server traces.
 *
 * @param samplingRatio the share of new traces recorded, 0 to 1, parent-based (a request or event whose
 *     {@code traceparent} is sampled is recorded whatever the ratio); 0 turns tracing off entirely
 * @param otlpEndpoint where spans are exported over OTLP/HTTP protobuf (the full URL, e.g.
 *     {@code http://127.0.0.1:4318/v1/traces}); empty: none
 * @param recentTraces how many of the latest traces are kept in memory for {@code kumo trace} (0: none)
 */
public record TracingConfig(double samplingRatio, Optional<URI> otlpEndpoint, int recentTraces) {

    /** Every trace recorded: tracing costs little and a trace on a laptop needs no collector. */
    public static final double DEFAULT_SAMPLING_RATIO = 1.0;
    public static final int DEFAULT_RECENT_TRACES = 200;
    public static final TracingConfig DEFAULTS = new TracingConfig(DEFAULT_SAMPLING_RATIO, Optional.empty(),
            DEFAULT_RECENT_TRACES);
    public static final TracingConfig OFF = new TracingConfig(0, Optional.empty(), 0);

    public TracingConfig {
        Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
        if (!(samplingRatio >= 0 && samplingRatio <= 1)) {
            throw new IllegalArgumentException("trace-sampling: invalid value " + samplingRatio
                    + ": want a ratio from 0 (tracing off) to 1 (every trace)");
        }
        if (recentTraces < 0) {
            throw new IllegalArgumentException("recent-traces: invalid value " + recentTraces + ": want >= 0");
        }
        otlpEndpoint.ifPresent(TracingConfig::checkEndpoint);
    }

    /** Whether anything is traced. */
    public boolean on() {
        return samplingRatio > 0 && (otlpEndpoint.isPresent() || recentTraces > 0);
    }

    public TracingConfig withSamplingRatio(double ratio) {
        return new TracingConfig(ratio, otlpEndpoint, recentTraces);
    }

    public TracingConfig withOtlpEndpoint(URI endpoint) {
        return new TracingConfig(samplingRatio, Optional.of(endpoint), recentTraces);
    }

    public TracingConfig withRecentTraces(int count) {
        return new TracingConfig(samplingRatio, otlpEndpoint, count);
    }

    /**
     * The OTLP traces endpoint OpenTelemetry's environment variables name: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
     * as is, else {@code OTEL_EXPORTER_OTLP_ENDPOINT} with {@code /v1/traces} appended (as the SDK's autoconfigure
     * reads them); empty when neither is set.
     */
    public static Optional<URI> endpointFromEnvironment(Map<String, String> env) {
        String traces = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        if (traces != null && !traces.isBlank()) {
            return Optional.of(URI.create(traces.trim()));
        }
        String base = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (base != null && !base.isBlank()) {
            String trimmed = base.trim();
            return Optional.of(URI.create((trimmed.endsWith("/") ? trimmed : trimmed + "/") + "v1/traces"));
        }
        return Optional.empty();
    }

    private static void checkEndpoint(URI endpoint) {
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("otlp-endpoint: invalid value \"" + endpoint
                    + "\": want an http(s) URL such as http://127.0.0.1:4318/v1/traces");
        }
    }
}
