/** The eventing.knative.dev/v1 kinds: Brokers and the Triggers that subscribe to them. */
package dev.kumo.api.eventing;
