/** The server's meters beyond the components' own: JVM and process, API requests, controllers' queues. */
package dev.kumo.server.metrics;
