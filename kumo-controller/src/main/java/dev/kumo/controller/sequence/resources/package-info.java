/** Pure builders of a Sequence's channels and Subscriptions, with Knative's names. */
package dev.kumo.controller.sequence.resources;
