/** Pure edits of a channel's {@code spec.subscribers}. */
package dev.kumo.controller.subscription.resources;
