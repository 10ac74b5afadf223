package dev.kumo.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracingConfigTest {

    @Test
    void theTracesEndpointVariableWinsOverTheBaseOneWhichGetsV1Traces() {
        assertThat(TracingConfig.endpointFromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://t:4318/custom")))
                .contains(URI.create("http://t:4318/custom"));
        assertThat(TracingConfig.endpointFromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318/")))
                .contains(URI.create("http://c:4318/v1/traces"));
        assertThat(TracingConfig.endpointFromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void badValuesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> TracingConfig.DEFAULTS.withSamplingRatio(1.5))
                .hasMessageContaining("trace-sampling: invalid value 1.5");
        assertThatThrownBy(() -> TracingConfig.DEFAULTS.withOtlpEndpoint(URI.create("collector:4318")))
                .hasMessageContaining("otlp-endpoint").hasMessageContaining("http://127.0.0.1:4318/v1/traces");
    }

    @Test
    void zeroSamplingIsTheNoOpOpenTelemetryWithNothingKept() {
        try (Telemetry off = Telemetry.start(TracingConfig.DEFAULTS.withSamplingRatio(0))) {
            assertThat(off.openTelemetry()).isSameAs(OpenTelemetry.noop());
            assertThat(off.recent()).isEmpty();
        }
        try (Telemetry on = Telemetry.start(TracingConfig.DEFAULTS)) {
            assertThat(on.openTelemetry()).isNotSameAs(OpenTelemetry.noop());
            assertThat(on.recent()).isPresent();
        }
        assertThat(new TracingConfig(1, Optional.empty(), 0).on()).as("nothing to keep or export to").isFalse();
    }
}
