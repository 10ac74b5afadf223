/** Shipwright's defaults for a Build and a BuildRun. */
package dev.kumo.api.shipwright.defaults;
