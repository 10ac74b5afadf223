/** {@code apps/v1} Deployments run through the runtimes: the reconciler, its rollout plan and status (pure). */
package dev.kumo.serving.deployments;
