/**
 * The seam between a BuildRun and the strategy that builds it: a strategy takes a source directory and puts an image
 * into the container runtime's local storage, reporting its steps and log lines as it goes.
 */
package dev.kumo.build.spi;
