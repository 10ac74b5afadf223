/** The flows.knative.dev/v1 kinds, Sequence and Parallel: function composition over channels and subscriptions. */
package dev.kumo.api.flows;
