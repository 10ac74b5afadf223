/** Knative's duck typing for the eventing reconcilers: Destinations resolved to URIs, and what they name tracked. */
package dev.kumo.controller.duck;
