/** What Sequence and Parallel share: applying their generated channels and Subscriptions, reading their readiness. */
package dev.kumo.controller.flow;
