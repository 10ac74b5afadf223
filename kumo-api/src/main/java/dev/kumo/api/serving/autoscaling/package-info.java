/**
 * The autoscaler's settings: the config-autoscaler key table ({@code ConfigAutoscaler}), the typed cluster config
 * parsed from it, the autoscaling.knative.dev annotations that override it, and a Revision's resolved settings as
 * the decider takes them ({@code DeciderSpec}, {@code ScaleBounds}, {@code ScaleToZero}).
 */
package dev.kumo.api.serving.autoscaling;
