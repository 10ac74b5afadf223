/** Core {@code v1} Services: a stable loopback address per port, relaying to a ready Pod the selector picks. */
package dev.kumo.serving.services;
