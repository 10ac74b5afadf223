/** The Trigger reconciler: routes a Broker's events that pass a Trigger's filters to its resolved subscriber. */
package dev.kumo.controller.trigger;
