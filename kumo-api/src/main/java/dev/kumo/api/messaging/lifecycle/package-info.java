/** The condition sets of Channel, InMemoryChannel and Subscription, named as in Knative's lifecycle files. */
package dev.kumo.api.messaging.lifecycle;
