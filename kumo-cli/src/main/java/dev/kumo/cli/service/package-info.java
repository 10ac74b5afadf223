/** {@code kumo service list|describe|delete}: Knative Services in kn's words and columns. */
package dev.kumo.cli.service;
