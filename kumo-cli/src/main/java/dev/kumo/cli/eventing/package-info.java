/**
 * {@code kumo broker|trigger create|update|describe|list|delete} and
 * {@code kumo source ping|apiserver|binding|container} (plus {@code source list}): Knative Eventing's Brokers,
 * Triggers and sources in kn's grammar, with kn's sink syntax ({@code ksvc:NAME}, {@code broker:NAME}, a URL); and
 * {@code kumo event send}, kn's event plugin.
 */
package dev.kumo.cli.eventing;
