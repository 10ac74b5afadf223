/** The ingress router's engine: a reverse proxy built as a chain of one-concern stages (internal, not an API). */
package dev.kumo.dataplane.router;
