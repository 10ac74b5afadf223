/** Knative's webhook validation of Brokers and Triggers, with Kubernetes field paths in every error. */
package dev.kumo.api.eventing.validation;
