/** {@code kumo route list|describe}: Knative Routes, their URLs and traffic targets. */
package dev.kumo.cli.route;
