package dev.kumo.build.spi;

/**
 * A parameter a strategy reads from a Build's {@code paramValues}, as Shipwright's strategies declare theirs
 * ({@code spec.parameters}: name, description, default; an empty default means none).
 */
public record StrategyParameter(String name, String description, String defaultValue) {
}
