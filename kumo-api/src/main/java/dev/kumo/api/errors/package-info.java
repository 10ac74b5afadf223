/** Kubernetes-style failures: a reason with its HTTP code, and field causes for invalid objects. */
package dev.kumo.api.errors;
