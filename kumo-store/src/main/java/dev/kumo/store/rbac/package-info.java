/** RBAC over the store: the roles and bindings it holds as the authorizer's policy, and Kubernetes' defaults. */
package dev.kumo.store.rbac;
