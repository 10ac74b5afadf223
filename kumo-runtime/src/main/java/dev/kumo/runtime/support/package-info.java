/**
 * What every runtime repeats in implementing the SPI: the instance table, the supervising lifecycle, followed logs,
 * and probes of loopback ports (TCP, HTTP GET, gRPC health).
 */
package dev.kumo.runtime.support;
