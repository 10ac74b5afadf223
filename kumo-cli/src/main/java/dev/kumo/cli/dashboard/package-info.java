/** {@code kumo dashboard}: a one-time login link to the server's web dashboard. */
package dev.kumo.cli.dashboard;
