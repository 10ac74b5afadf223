/**
 * What the data plane reports to the autoscaler (Knative's pkg/autoscaler/metrics): a revision's identity and one
 * second of its load.
 */
package dev.kumo.autoscaler.metrics;
