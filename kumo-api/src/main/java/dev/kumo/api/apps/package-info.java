/** The {@code apps/v1} Deployment Kumo runs: records, defaults, validation and its kind definition. */
package dev.kumo.api.apps;
