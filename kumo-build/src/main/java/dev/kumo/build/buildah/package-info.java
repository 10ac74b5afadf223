/** The {@code buildah} strategy: a Containerfile or Dockerfile built by podman into the runtime's own storage. */
package dev.kumo.build.buildah;
