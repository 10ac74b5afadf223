/** Parallel: an ingress channel, per branch a filter Subscription, a channel and a subscriber Subscription. */
package dev.kumo.controller.parallel;
