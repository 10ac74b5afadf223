/** RBAC's controllers: ClusterRole aggregation. */
package dev.kumo.controller.rbac;
