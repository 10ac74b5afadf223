/** The PingSource controller: a source reconciler whose runner fires the source on its schedule. */
package dev.kumo.controller.pingsource;
