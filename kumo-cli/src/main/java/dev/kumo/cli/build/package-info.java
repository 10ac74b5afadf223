/** {@code kumo build} and {@code kumo buildrun}: Shipwright Builds and BuildRuns, and building a {@code --source}. */
package dev.kumo.cli.build;
