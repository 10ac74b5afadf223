/** How help reads: global options listed once ({@code kumo options}), not in every command's help. */
package dev.kumo.cli.help;
