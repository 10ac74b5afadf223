/** {@code kumo doctor}: checks this machine for what the container and process runtimes need, and says the fix. */
package dev.kumo.cli.doctor;
