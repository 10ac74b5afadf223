/** {@code kumo service list|describe|create|update|apply|invoke|delete}: Knative Services in kn's words. */
package dev.kumo.cli.service;
