/**
 * Metering: requests, instance time, memory and CPU time, cold starts and events delivered per Service and Revision,
 * kept in per-minute buckets in {@code usage.db} (hourly after a day, 90 days in all) and counted on {@code /metrics}.
 */
package dev.kumo.serving.usage;
