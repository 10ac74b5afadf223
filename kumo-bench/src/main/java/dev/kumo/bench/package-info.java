/** Benchmarks that print Kumo's figures beside a baseline measured in the same run. */
package dev.kumo.bench;
