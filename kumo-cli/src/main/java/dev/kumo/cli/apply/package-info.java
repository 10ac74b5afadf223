/** {@code kumo apply -f}: server-side apply of manifests, reported as created, configured or unchanged. */
package dev.kumo.cli.apply;
