/** The sources.knative.dev/v1 kinds: PingSource, ApiServerSource, SinkBinding and ContainerSource. */
package dev.kumo.api.sources;
