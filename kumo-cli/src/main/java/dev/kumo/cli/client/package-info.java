/** The CLI's HTTP client for the Kubernetes-style API: paths, requests, {@code kind: Status} errors, warnings. */
package dev.kumo.cli.client;
