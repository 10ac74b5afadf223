/** RBAC evaluated as Kubernetes' RBAC authorizer does, over the roles and bindings a {@code RbacPolicy} reads. */
package dev.kumo.api.rbac.authorizer;
