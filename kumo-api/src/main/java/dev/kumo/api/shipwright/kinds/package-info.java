/** The shipwright.io kinds' definitions: admission, printer columns, the BuildRun's {@code log} subresource. */
package dev.kumo.api.shipwright.kinds;
