/** What makes a Build or a BuildRun valid, each error naming its field. */
package dev.kumo.api.shipwright.validation;
