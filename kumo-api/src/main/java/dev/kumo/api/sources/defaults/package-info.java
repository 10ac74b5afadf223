/** Knative's SetDefaults for the sources. */
package dev.kumo.api.sources.defaults;
