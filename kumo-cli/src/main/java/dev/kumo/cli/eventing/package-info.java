/**
 * {@code kumo broker|trigger|source ping create|describe|list|delete}: Knative Eventing's Brokers, Triggers and
 * PingSources in kn's grammar, with kn's sink syntax ({@code ksvc:NAME}, {@code broker:NAME}, a URL); and
 * {@code kumo event send}, kn's event plugin.
 */
package dev.kumo.cli.eventing;
