/** Knative's SetDefaults for Brokers and Triggers. */
package dev.kumo.api.eventing.defaults;
