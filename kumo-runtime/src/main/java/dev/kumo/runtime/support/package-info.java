/** What both runtimes share beyond the SPI: probes of loopback ports (TCP, HTTP GET, gRPC health). */
package dev.kumo.runtime.support;
