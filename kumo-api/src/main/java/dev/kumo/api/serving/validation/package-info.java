/** Knative's Validate for the serving kinds: one class per kind or aspect, errors with full field paths. */
package dev.kumo.api.serving.validation;
