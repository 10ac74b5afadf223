/**
 * Knative's duck types shared by the eventing and sources kinds: destinations, references, delivery specs, and
 * their defaults and validation.
 */
package dev.kumo.api.duck;
