/** What the CLI reads and runs on the machine itself (programs, podman with Kumo's containers.conf). */
package dev.kumo.cli.host;
