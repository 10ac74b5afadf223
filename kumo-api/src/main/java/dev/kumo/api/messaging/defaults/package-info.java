/** Knative's SetDefaults for Channel, InMemoryChannel and Subscription. */
package dev.kumo.api.messaging.defaults;
