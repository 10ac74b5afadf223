/** The autoscaling.knative.dev annotations a Revision template may carry: keys, defaults, parsing, resolution. */
package dev.kumo.api.serving.autoscaling;
