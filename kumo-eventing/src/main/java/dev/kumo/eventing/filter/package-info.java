/**
 * Trigger filters: the filter model ({@link dev.kumo.eventing.filter.FilterSpec}), compiled once by
 * {@link dev.kumo.eventing.filter.Filters} into a thread-safe {@link dev.kumo.eventing.filter.EventFilter}, with
 * Knative's semantics for {@code filter.attributes} and the {@code filters} dialects, CESQL included.
 */
package dev.kumo.eventing.filter;
