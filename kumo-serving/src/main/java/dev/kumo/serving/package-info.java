/** Serving's behaviour joining the controllers to the runtimes and the router; assembled by {@link dev.kumo.serving.ServingPlatform}. */
package dev.kumo.serving;
