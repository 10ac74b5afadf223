/** The condition types of Brokers and Triggers (Knative's names) and the sets that derive their Ready. */
package dev.kumo.api.eventing.lifecycle;
