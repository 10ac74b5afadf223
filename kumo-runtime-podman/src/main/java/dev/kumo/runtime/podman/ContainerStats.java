package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ResourceSample;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's stats in Docker's format (podman's compatible {@code GET /containers/ID/stats?stream=false}) as a
 * {@link ResourceSample}: {@code cpu_stats.cpu_usage.total_usage} (nanoseconds since it started) and
 * {@code memory_stats.usage} (bytes now).
 */
final class ContainerStats {

    private ContainerStats() {
    }

    /** The sample in {@code stats}; empty when it carries no CPU time (a container not running). */
    static Optional<ResourceSample> sample(JsonObject stats) {
        JsonObject cpu = stats.getJsonObject("cpu_stats", new JsonObject()).getJsonObject("cpu_usage",
                new JsonObject());
        Object total = cpu.getValue("total_usage");
        if (!(total instanceof Number nanos) || nanos.longValue() <= 0) {
            return Optional.empty();
        }
        Object usage = stats.getJsonObject("memory_stats", new JsonObject()).getValue("usage");
        return Optional.of(new ResourceSample(Duration.ofNanos(nanos.longValue()),
                usage instanceof Number bytes && bytes.longValue() > 0 ? OptionalLong.of(bytes.longValue())
                        : OptionalLong.empty()));
    }
}
