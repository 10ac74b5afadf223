/** OpenTelemetry spans of the event mesh and the W3C trace context events carry (CloudEvents' distributed tracing). */
package dev.kumo.eventing.tracing;
