/**
 * Kubernetes Events recorded by Kumo's controllers and platforms: the {@link dev.kumo.controller.events.EventRecorder}
 * seam, client-go's aggregation ({@link dev.kumo.controller.events.EventCorrelator}, pure), the asynchronous batched
 * writer and the retention by count and age ({@link dev.kumo.controller.events.StoredEvents}).
 */
package dev.kumo.controller.events;
