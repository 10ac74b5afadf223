/** Pure builders of what a SinkBinding does to a Service: its containers' env with or without the binding. */
package dev.kumo.controller.sinkbinding.resources;
