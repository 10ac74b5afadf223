/** {@code kumo revision list|describe|delete}: Knative Revisions with the traffic their Service gives them. */
package dev.kumo.cli.revision;
