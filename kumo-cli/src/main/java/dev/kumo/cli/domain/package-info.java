/** {@code kumo domain}: Knative DomainMappings in kn's grammar. */
package dev.kumo.cli.domain;
