/** Knative's webhook validation of the sources, with Kubernetes field paths in every error. */
package dev.kumo.api.sources.validation;
