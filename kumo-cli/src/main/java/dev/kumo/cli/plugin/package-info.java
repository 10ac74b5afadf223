/** Plugins as kn and kubectl have them: an executable {@code kumo-NAME} runs as {@code kumo NAME}. */
package dev.kumo.cli.plugin;
