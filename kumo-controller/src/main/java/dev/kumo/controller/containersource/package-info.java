/** The ContainerSource controller: a source reconciler whose runner keeps the source's container running. */
package dev.kumo.controller.containersource;
