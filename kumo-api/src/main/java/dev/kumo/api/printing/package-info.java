/** How a kind's objects are printed as rows: printer columns in JSONPath, and the meta.k8s.io Table built from them. */
package dev.kumo.api.printing;
