/** The subset of the Kubernetes PodSpec that a Knative Revision accepts, as wire records. */
package dev.kumo.api.serving.pod;
