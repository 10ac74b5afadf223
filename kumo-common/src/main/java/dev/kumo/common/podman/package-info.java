/** What Kumo gives podman on this kind of machine, for its podman service and for the CLI's podman runs alike. */
package dev.kumo.common.podman;
