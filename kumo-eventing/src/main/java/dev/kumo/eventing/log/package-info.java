/** The durable event log: events per broker in SQLite with group commit, per-trigger positions and retention. */
package dev.kumo.eventing.log;
