/**
 * Shipwright's {@code shipwright.io/v1beta1} Build and BuildRun, with Shipwright's field names: a Build says what to
 * build (source, strategy, output image), a BuildRun runs it once and reports {@code Succeeded}.
 */
package dev.kumo.api.shipwright;
