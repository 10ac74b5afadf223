/** {@code kumo func}: functions from a template to a running Knative Service, in knative func's grammar. */
package dev.kumo.cli.func;
