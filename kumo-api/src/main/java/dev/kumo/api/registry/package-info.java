/** The one list of every kind this build of Kumo serves. */
package dev.kumo.api.registry;
