/** The EventType reconciler: whether the Broker or Channel an EventType references exists. */
package dev.kumo.controller.eventtype;
