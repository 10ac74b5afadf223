/** The resource store contract: Kubernetes object semantics over JSON trees, with watch. */
package dev.kumo.store;
