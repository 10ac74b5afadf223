/** {@code kumo trace list|get}: the recent traces the server keeps, as a table and as a waterfall. */
package dev.kumo.cli.trace;
