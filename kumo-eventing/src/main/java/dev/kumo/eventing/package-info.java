/** The eventing data plane: broker ingress, the durable event log, trigger filters and the dispatcher. */
package dev.kumo.eventing;
