/** Pure builders of a Parallel's channels and Subscriptions, with Knative's names. */
package dev.kumo.controller.parallel.resources;
