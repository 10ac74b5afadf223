/** How the runtimes' instance logs are shown to readers: one container's lines, timestamps, tail after filtering. */
package dev.kumo.serving.logs;
