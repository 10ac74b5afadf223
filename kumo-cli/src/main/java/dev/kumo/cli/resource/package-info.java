/** {@code kumo get} and {@code kumo delete}: any kind by name, short name or manifest, kubectl style. */
package dev.kumo.cli.resource;
