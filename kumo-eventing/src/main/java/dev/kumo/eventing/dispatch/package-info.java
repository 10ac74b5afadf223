/** The dispatcher: per Trigger, reads its broker's log lazily, filters, delivers with retries and dead letters. */
package dev.kumo.eventing.dispatch;
