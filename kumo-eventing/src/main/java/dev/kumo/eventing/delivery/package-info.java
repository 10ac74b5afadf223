/** The delivery rules, pure and clock-free: retry classification, backoff, dead-letter extensions, the TTL guard. */
package dev.kumo.eventing.delivery;
