/** Knative's validation of Sequence and Parallel, with field paths. */
package dev.kumo.api.flows.validation;
