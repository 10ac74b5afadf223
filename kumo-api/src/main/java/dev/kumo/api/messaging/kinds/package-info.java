/**
 * The messaging kinds' definitions (admission, printer columns), apart from the records so that the records'
 * package does not depend on their defaults and validation.
 */
package dev.kumo.api.messaging.kinds;
