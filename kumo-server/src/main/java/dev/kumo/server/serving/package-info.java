/** Serving's seams joined in the composition root: controllers to the process runtime and to the router. */
package dev.kumo.server.serving;
