/** The server's start-up warm-up: synthetic cold starts through the router and the autoscaler, never shown to users. */
package dev.kumo.serving.warmup;
