/** What every runtime repeats in implementing the SPI: the instance table, the supervising lifecycle, followed logs. */
package dev.kumo.runtime.support;
