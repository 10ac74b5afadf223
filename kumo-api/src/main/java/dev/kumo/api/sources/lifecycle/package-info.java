/** The condition types of the sources (Knative's names) and the sets that derive their Ready. */
package dev.kumo.api.sources.lifecycle;
