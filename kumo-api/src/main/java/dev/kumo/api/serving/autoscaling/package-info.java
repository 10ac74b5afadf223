/** The autoscaling.knative.dev annotations a Revision template may carry: keys, defaults, parsing and validation. */
package dev.kumo.api.serving.autoscaling;
