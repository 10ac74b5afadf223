/** Knative's SetDefaults for Sequence and Parallel. */
package dev.kumo.api.flows.defaults;
