/**
 * Shipwright's BuildRuns reconciled: a run's strategy runs on a bounded executor, its log goes to a file in the data
 * directory, its end becomes the Succeeded condition; Builds get {@code status.registered} and keep their last runs.
 */
package dev.kumo.build.run;
