/** Knative's duck typing for the eventing reconcilers: Destinations resolved to URIs, and tracking of what they name. */
package dev.kumo.controller.duck;
