/** Kubernetes object metadata shared by every kind: type descriptors, metadata, owner references, conditions. */
package dev.kumo.api.meta;
