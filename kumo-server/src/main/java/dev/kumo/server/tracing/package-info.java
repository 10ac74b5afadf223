/** OpenTelemetry for the whole server: the SDK, OTLP export, sampling and the recent traces kept in memory. */
package dev.kumo.server.tracing;
