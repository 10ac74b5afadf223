/** The {@code kumo} command line: the root command, global options, the session and error reporting. */
package dev.kumo.cli;
