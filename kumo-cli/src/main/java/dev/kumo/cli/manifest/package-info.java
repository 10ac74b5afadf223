/** Manifests given with {@code -f}: files, directories and stdin expanded into objects, each placed in a namespace. */
package dev.kumo.cli.manifest;
