/**
 * The KPA autoscaler: per-revision one-second load windows, Knative's scaling decider (stable and panic modes,
 * burst capacity) and the scale-to-zero rules, all pure and driven by the time passed in.
 */
package dev.kumo.autoscaler;
