/** Test support: a fake Kubernetes API server with real semantics for the calls the CLI makes, and a CLI runner. */
package dev.kumo.cli.testing;
