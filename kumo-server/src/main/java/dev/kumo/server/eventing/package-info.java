/** Eventing, assembled: the event mesh, the sources' runners and the eventing controllers, joined by small adapters. */
package dev.kumo.server.eventing;
