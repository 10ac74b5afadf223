/** What other modules use: the event mesh's specs (brokers, triggers, delivery), its config and its counters. */
package dev.kumo.eventing.api;
