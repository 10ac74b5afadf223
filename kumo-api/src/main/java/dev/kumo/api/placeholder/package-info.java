/** Kubernetes kinds Kumo answers for but does not run yet: served, always empty, every write refused by name. */
package dev.kumo.api.placeholder;
