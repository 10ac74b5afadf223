/** Sequence: a channel and a Subscription per step, each step's reply on to the next channel. */
package dev.kumo.controller.sequence;
