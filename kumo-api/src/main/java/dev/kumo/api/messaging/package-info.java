/** The messaging.knative.dev/v1 kinds: Channel, InMemoryChannel and Subscription, with their admission and conditions. */
package dev.kumo.api.messaging;
