/** How a BuildRun's Succeeded condition moves: Pending, Running, then Succeeded, Failed, canceled or timed out. */
package dev.kumo.api.shipwright.lifecycle;
