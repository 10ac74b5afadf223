/**
 * The ingress router's engine: a reverse proxy built as a chain of one-concern stages on Vert.x, and its Netty front
 * ({@code Front*}, {@code Relay}, {@code Upstream*}): plain HTTP/1.x requests forwarded by Netty itself, every other
 * connection relayed to the Vert.x chain (internal, not an API).
 */
package dev.kumo.dataplane.router;
