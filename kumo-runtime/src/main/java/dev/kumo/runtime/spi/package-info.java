/** The WorkloadRuntime SPI: start, stop, list, observe and read the logs of instances of a revision. */
package dev.kumo.runtime.spi;
