/** The SinkBinding reconciler: puts K_SINK and K_CE_OVERRIDES into the containers of its subject Services. */
package dev.kumo.controller.sinkbinding;
