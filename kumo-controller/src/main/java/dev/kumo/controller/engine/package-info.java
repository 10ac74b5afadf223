/** The reconcile engine: watch-driven, deduplicating work queues with per-key backoff, resync and test hooks. */
package dev.kumo.controller.engine;
