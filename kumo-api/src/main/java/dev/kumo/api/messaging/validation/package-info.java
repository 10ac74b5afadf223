/** Knative's validation of Channel, InMemoryChannel and Subscription, with field paths. */
package dev.kumo.api.messaging.validation;
