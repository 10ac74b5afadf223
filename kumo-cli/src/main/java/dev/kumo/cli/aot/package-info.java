/** The workload {@code bin/kumo} records the CLI's AOT cache (a CDS archive before JDK 25) from, at build time. */
package dev.kumo.cli.aot;
