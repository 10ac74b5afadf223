/** The composition root of the eventing controllers: one engine running the Broker, Trigger and source reconcilers. */
package dev.kumo.controller.eventing;
