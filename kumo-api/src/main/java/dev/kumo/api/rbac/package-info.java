/** The rbac.authorization.k8s.io/v1 kinds (Role, ClusterRole, their bindings) and their admission. */
package dev.kumo.api.rbac;
