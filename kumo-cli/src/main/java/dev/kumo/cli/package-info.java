/**
 * The {@code kumo} command line: the root command, its command factory and failure handler, on top of every command
 * package. Package dependencies are one-way: {@code base} ← {@code config}, {@code client}, {@code output},
 * {@code manifest} ← {@code session} ← the command packages ← this one ({@code CliPackageCyclesTest} keeps it
 * so).
 */
package dev.kumo.cli;
