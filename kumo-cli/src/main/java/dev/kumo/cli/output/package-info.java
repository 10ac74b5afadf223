/** How the CLI prints: kubectl-style tables and ages, condition summaries, describe blocks, raw objects. */
package dev.kumo.cli.output;
