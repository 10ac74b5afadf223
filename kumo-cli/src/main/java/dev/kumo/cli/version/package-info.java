/** {@code kumo version}: the client's version and, when reachable, the server's. */
package dev.kumo.cli.version;
