/** Subscription: resolves subscriber, reply and dead-letter sink and writes itself into its channel's subscribers. */
package dev.kumo.controller.subscription;
