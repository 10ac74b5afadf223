/** {@code kumo kubeconfig [--merge]}: a kubeconfig for the current server, printed or merged into kubectl's. */
package dev.kumo.cli.kubeconfig;
