/** Putting built image archives into the container runtime's local storage. */
package dev.kumo.build.images;
