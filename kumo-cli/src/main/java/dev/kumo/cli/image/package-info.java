/** {@code kumo image load|list}: images in the local storage Kumo's podman runs them from, without a registry. */
package dev.kumo.cli.image;
