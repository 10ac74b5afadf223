/** The {@code v1} Pods Kumo shows: one per running instance, kept in the store from the runtimes' instance watch. */
package dev.kumo.serving.pods;
