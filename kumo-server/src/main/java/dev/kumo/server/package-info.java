/** The composition root: the {@code kumo} binary, the server command and how the pieces are started together. */
package dev.kumo.server;
