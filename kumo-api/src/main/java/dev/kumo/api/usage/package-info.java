/** Metering's shared vocabulary: the period a usage report covers ({@code since}), read by the API and the CLI. */
package dev.kumo.api.usage;
