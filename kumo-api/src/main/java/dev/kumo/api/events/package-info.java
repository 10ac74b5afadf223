/** Kubernetes Events, served as core {@code v1} and {@code events.k8s.io/v1} over the same stored objects. */
package dev.kumo.api.events;
